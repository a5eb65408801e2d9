#include "ui/dialogs/import_conflict_dialog.h"

#include "core/profile/client_id_check.h"
#include "ui/theme/theme.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

// "host:port, client ID “x”": what tells two connections of one name apart.
QString describe(const ConnectionProfile &p)
{
    const QString where = QStringLiteral("%1:%2").arg(p.host).arg(p.port);
    if (!ClientIdCheck::isFixed(p))
        return ImportConflictDialog::tr("%1, no fixed client ID").arg(where);
    return ImportConflictDialog::tr("%1, client ID “%2”").arg(where, p.clientId);
}

} // namespace

ImportConflictDialog::ImportConflictDialog(QWidget *parent)
    : QDialog(parent)
    , m_message(new QLabel(this))
    , m_details(new QLabel(this))
    , m_question(new QLabel(this))
    , m_applyToAll(new QCheckBox(this))
{
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTextRole(m_details, Theme::Text::Muted);
    m_question->setObjectName(QStringLiteral("question"));
    m_question->setWordWrap(true);
    m_applyToAll->setObjectName(QStringLiteral("applyToAll"));

    auto *buttons = new QDialogButtonBox(this);
    m_replace = buttons->addButton(QString(), QDialogButtonBox::DestructiveRole);
    m_replace->setObjectName(QStringLiteral("replace"));
    m_keepBoth = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_keepBoth->setObjectName(QStringLiteral("keepBoth"));
    m_skip = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_skip->setObjectName(QStringLiteral("skip"));
    // Enter changes nothing: replacing overwrites a saved connection.
    m_skip->setDefault(true);
    for (QPushButton *button : {m_replace, m_keepBoth})
        button->setAutoDefault(false);
    connect(m_replace, &QPushButton::clicked, this,
            [this] { answer(ImportPlan::Choice::Replace); });
    connect(m_keepBoth, &QPushButton::clicked, this,
            [this] { answer(ImportPlan::Choice::KeepBoth); });
    connect(m_skip, &QPushButton::clicked, this, [this] { answer(ImportPlan::Choice::Skip); });

    m_texts.add([this] {
        setWindowTitle(tr("Import conflict"));
        m_replace->setText(tr("&Replace"));
        m_replace->setToolTip(tr("Overwrite the saved connection with the imported one"));
        m_keepBoth->setText(tr("&Keep both"));
        m_keepBoth->setToolTip(
            tr("Add the imported connection under a new name (and a new client ID if it has a "
               "fixed one)"));
        m_skip->setText(tr("&Skip"));
        m_skip->setToolTip(tr("Leave the saved connection as it is and do not import this one"));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_details);
    layout->addWidget(m_question);
    layout->addWidget(m_applyToAll);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setTabOrder(m_replace, m_keepBoth);
    setTabOrder(m_keepBoth, m_skip);
    setTabOrder(m_skip, m_applyToAll);
    setConflict({}, 0);
}

void ImportConflictDialog::setConflict(const ImportPlan::Item &item, int remaining)
{
    m_item = item;
    m_remaining = remaining;
    m_choice = ImportPlan::Choice::Skip;
    m_applyToAll->setChecked(false);
    m_applyToAll->setVisible(remaining > 0);
    showTexts();
    m_skip->setFocus();
}

void ImportConflictDialog::showTexts()
{
    const QString name = m_item.profile.name;
    const QString saved = m_item.existing.profile.name;
    if (m_item.clash == ImportPlan::Clash::SameId && name != saved)
        m_message->setText(
            tr("“%1” in the file is the connection saved here as “%2”.").arg(name, saved));
    else if (m_item.clash == ImportPlan::Clash::SameId)
        m_message->setText(
            tr("“%1” is already here: the file holds the same connection.").arg(name));
    else
        m_message->setText(tr("A connection named “%1” already exists.").arg(name));
    m_details->setText(tr("In the file: %1.\nSaved: %2.")
                           .arg(describe(m_item.profile), describe(m_item.existing.profile)));
    m_question->setText(tr("Replace the saved connection, keep both (the imported one is "
                           "renamed), or skip this one?"));
    m_applyToAll->setText(
        tr("&Apply to all remaining conflicts (%1 more)").arg(QString::number(m_remaining)));
    m_applyToAll->setAccessibleName(tr("Apply the same answer to all remaining conflicts"));
}

bool ImportConflictDialog::applyToAll() const
{
    return m_remaining > 0 && m_applyToAll->isChecked();
}

QString ImportConflictDialog::message() const
{
    return m_message->text();
}

void ImportConflictDialog::answer(ImportPlan::Choice choice)
{
    m_choice = choice;
    done(choice == ImportPlan::Choice::Skip ? QDialog::Rejected : QDialog::Accepted);
}

void ImportConflictDialog::reject()
{
    // Escape and the window's close button: skip, the answer that changes nothing.
    m_choice = ImportPlan::Choice::Skip;
    QDialog::reject();
}

void ImportConflictDialog::changeEvent(QEvent *event)
{
    if (m_texts.handle(event))
        showTexts();
    QDialog::changeEvent(event);
}

} // namespace mqttdesk
