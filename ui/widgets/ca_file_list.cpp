#include "ui/widgets/ca_file_list.h"

#include "core/profile/certificate_inspector.h"
#include "ui/theme/theme.h"
#include "ui/widgets/certificate_text.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/prompts.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

constexpr int kProblemRole = Qt::UserRole + 1;
constexpr int kSeverityRole = Qt::UserRole + 2;

} // namespace

CaFileList::CaFileList(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_report(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    row->addWidget(m_list, 1);
    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    row->addLayout(buttons);
    layout->addLayout(row);
    layout->addWidget(m_report);
    // Room for three files; the list scrolls beyond that.
    m_list->setFixedHeight(m_list->fontMetrics().height() * 3 + 16);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_list->setAcceptDrops(false);
    m_add->setIcon(Icons::add());
    m_remove->setIcon(Icons::remove());
    m_add->setAutoRaise(true);
    m_remove->setAutoRaise(true);
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAcceptDrops(true);
    setFocusProxy(m_list);
    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_remove);

    connect(m_add, &QToolButton::clicked, this, [this] {
        const QStringList paths =
            Prompts::openFileNames(this, tr("Choose CA certificates"), {},
                                   tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        if (!paths.isEmpty())
            addFiles(paths);
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        delete m_list->currentItem();
        updateReport();
        Q_EMIT changed();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &CaFileList::updateReport);
    retranslate();
    updateReport();
}

QStringList CaFileList::files() const
{
    QStringList result;
    for (int i = 0; i < m_list->count(); ++i)
        result << m_list->item(i)->data(Qt::UserRole).toString();
    return result;
}

void CaFileList::setFiles(const QStringList &files)
{
    m_list->clear();
    for (const QString &path : files)
        append(path);
    updateReport();
    Q_EMIT changed();
}

void CaFileList::addFiles(const QStringList &files)
{
    for (const QString &path : files)
        append(path);
    m_list->setCurrentRow(m_list->count() - 1);
    updateReport();
    Q_EMIT changed();
}

void CaFileList::append(const QString &path)
{
    const TlsFileReport report = CertificateInspector::inspectCertificates(path);
    auto *item = new QListWidgetItem(QFileInfo(path).fileName(), m_list);
    item->setData(Qt::UserRole, path);
    item->setData(kProblemRole, report.problem);
    item->setData(kSeverityRole, int(report.status));
    QString details = path;
    for (const CertificateDetails &summary : report.certificates)
        details += QLatin1Char('\n') + CertificateText::describe(summary);
    item->setToolTip(details);
    switch (report.status) {
    case TlsFileReport::Status::Ok:
        item->setIcon(Icons::ok());
        break;
    case TlsFileReport::Status::Warning:
        item->setIcon(Icons::warning());
        break;
    case TlsFileReport::Status::Error:
        item->setIcon(Icons::error());
        break;
    }
    item->setData(Qt::UserRole + 3, report.certificates.isEmpty()
                                        ? QString()
                                        : CertificateText::describe(report.certificates.first()));
}

QString CaFileList::firstError() const
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kSeverityRole).toInt() == int(TlsFileReport::Status::Error))
            return m_list->item(i)->data(kProblemRole).toString();
    }
    return {};
}

QString CaFileList::reportText() const
{
    return m_report->text();
}

void CaFileList::updateReport()
{
    // Problems first (they matter whatever is selected), else the selection.
    QString text;
    Theme::Text role = Theme::Text::Normal;
    for (int i = 0; i < m_list->count() && text.isEmpty(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->data(kSeverityRole).toInt() != int(TlsFileReport::Status::Ok)) {
            text = item->data(kProblemRole).toString();
            role = item->data(kSeverityRole).toInt() == int(TlsFileReport::Status::Error)
                       ? Theme::Text::Error
                       : Theme::Text::Warning;
        }
    }
    if (text.isEmpty()) {
        QStringList lines;
        for (int i = 0; i < m_list->count(); ++i)
            lines << m_list->item(i)->data(Qt::UserRole + 3).toString();
        text = lines.join(QLatin1Char('\n'));
    }
    if (text.isEmpty() && m_list->count() == 0)
        text = tr("Drop CA certificate files here or add them with +.");
    m_report->setText(text);
    Theme::setTextRole(m_report, role);
}

void CaFileList::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() &&
        std::all_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void CaFileList::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(paths);
}

void CaFileList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateReport();
    }
    QWidget::changeEvent(event);
}

void CaFileList::retranslate()
{
    m_add->setToolTip(tr("Add CA certificate files"));
    m_add->setAccessibleName(tr("Add CA certificate files"));
    m_remove->setToolTip(tr("Remove the selected CA file"));
    m_remove->setAccessibleName(tr("Remove the selected CA file"));
}

} // namespace mqttdesk
