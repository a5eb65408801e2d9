#include "ui/widgets/file_field.h"

#include "ui/theme/theme.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/prompts.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QToolButton>

namespace mqttdesk {

FileField::FileField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_browse(new QToolButton(this))
    , m_report(new QLabel(this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(4);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_edit, 0, 0);
    layout->addWidget(m_browse, 0, 1);
    layout->addWidget(m_report, 1, 0, 1, 2);
    m_browse->setIcon(Icons::openFile());
    m_browse->setAutoRaise(true);
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report->setVisible(false);
    m_edit->setClearButtonEnabled(true);
    // Drops go to this widget, which knows they are files, not text.
    m_edit->setAcceptDrops(false);
    setAcceptDrops(true);
    setFocusProxy(m_edit);
    setTabOrder(m_edit, m_browse);

    connect(m_browse, &QToolButton::clicked, this, &FileField::browse);
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        if (m_edit->text() != m_lastChosen)
            choose(m_edit->text());
    });
    retranslate();
}

QString FileField::path() const
{
    return m_edit->text().trimmed();
}

void FileField::setPath(const QString &path)
{
    m_edit->setText(path);
    m_lastChosen = path;
}

void FileField::choose(const QString &path)
{
    setPath(path);
    Q_EMIT pathChosen(path);
}

void FileField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void FileField::setReport(State state, const QString &text)
{
    m_state = state;
    m_report->setVisible(!text.isEmpty());
    m_report->setText(text);
    Theme::Text role = Theme::Text::Normal;
    switch (state) {
    case State::Error:
        role = Theme::Text::Error;
        break;
    case State::Warning:
        role = Theme::Text::Warning;
        break;
    case State::Ok:
    case State::Empty:
        break;
    }
    Theme::setTextRole(m_report, role);
}

QString FileField::reportText() const
{
    return m_report->text();
}

void FileField::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void FileField::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    choose(urls.first().toLocalFile());
}

void FileField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FileField::browse()
{
    const QString path = m_save ? Prompts::saveFileName(this, m_title, this->path(), m_filter)
                                : Prompts::openFileName(this, m_title, this->path(), m_filter);
    if (!path.isEmpty())
        choose(path);
}

void FileField::retranslate()
{
    m_browse->setToolTip(tr("Choose a file"));
    m_browse->setAccessibleName(tr("Choose a file"));
}

} // namespace mqttdesk
