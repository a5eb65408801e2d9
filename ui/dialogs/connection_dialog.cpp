#include "ui/dialogs/connection_dialog.h"

#include "core/profile/client_id_check.h"
#include "core/profile/profile_validator.h"
#include "ui/dialogs/advanced_page.h"
#include "ui/dialogs/general_page.h"
#include "ui/dialogs/tls_page.h"
#include "ui/dialogs/will_page.h"
#include "ui/theme/theme.h"
#include "ui/widgets/icons.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QMetaMethod>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mqttdesk {

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_general(new GeneralPage(this))
    , m_tls(new TlsPage(this))
    , m_advanced(new AdvancedPage(this))
    , m_will(new WillPage(this))
    , m_status(new QLabel(this))
    , m_testResult(new QLabel(this))
    , m_clientIdClash(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Connection"));
    m_tabs->addTab(m_general, QString());
    m_tabs->addTab(m_tls, QStringLiteral("&TLS"));
    m_tabs->addTab(m_advanced, QString());
    m_tabs->addTab(m_will, QString());
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setVisible(false);
    m_clientIdClash->setObjectName(QStringLiteral("clientIdClash"));
    m_clientIdClash->setWordWrap(true);
    m_clientIdClash->setTextFormat(Qt::PlainText);
    m_clientIdClash->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTextRole(m_clientIdClash, Theme::Text::Warning);
    m_clientIdClash->setVisible(false);

    m_save = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);
    m_test = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    m_texts.add([this] {
        m_tabs->setTabText(m_tabs->indexOf(m_general), tr("&General"));
        m_tabs->setTabText(m_tabs->indexOf(m_advanced), tr("&Advanced"));
        m_tabs->setTabText(m_tabs->indexOf(m_will), tr("&Last will"));
        m_save->setText(tr("&Save"));
        m_test->setText(tr("T&est connection"));
        m_tabs->setAccessibleName(tr("Connection settings"));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_clientIdClash);
    layout->addWidget(m_testResult);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::requestTest);
    for (ProfilePage *page : pages()) {
        connect(page, &ProfilePage::changed, this, &ConnectionDialog::revalidate);
        connect(m_general, &GeneralPage::schemeSelected, page, &ProfilePage::schemeChanged);
        connect(m_general, &GeneralPage::versionSelected, page, &ProfilePage::versionChanged);
    }
    setProfile(ConnectionProfile{});
    resize(680, 700);
}

void ConnectionDialog::changeEvent(QEvent *event)
{
    // The pages retranslate themselves and report changed(), which redoes the status line.
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

QList<ProfilePage *> ConnectionDialog::pages() const
{
    return {m_general, m_tls, m_advanced, m_will};
}

void ConnectionDialog::setProfile(const ConnectionProfile &profile)
{
    m_loading = true;
    m_base = profile;
    for (ProfilePage *page : pages())
        page->load(profile);
    for (ProfilePage *page : pages()) {
        page->schemeChanged(profile.scheme);
        page->versionChanged(profile.protocolVersion);
    }
    m_loading = false;
    m_testResult->setVisible(false);
    revalidate();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile result = m_base;
    for (ProfilePage *page : pages())
        page->store(result);
    return result;
}

ProfileProblems ConnectionDialog::problems() const
{
    ProfileProblems errors;
    ProfileProblems warnings;
    ProfileProblems all;
    for (ProfilePage *page : pages())
        all += page->problems();
    all += ProfileValidator::validate(profile());
    if (const QString mismatch = m_tls->keyMatchWarning();
        !mismatch.isEmpty() && profile().usesTls())
        all << ProfileProblem{ProfileProblem::Severity::Warning, QStringLiteral("tls.clientKey"),
                              mismatch};
    for (const ProfileProblem &problem : std::as_const(all)) {
        ProfileProblems &list = problem.isError() ? errors : warnings;
        // The page and the validator may both see one mistake: say it once.
        const bool seen = std::any_of(list.begin(), list.end(), [&](const ProfileProblem &p) {
            return p.field == problem.field;
        });
        if (!seen)
            list << problem;
    }
    return errors + warnings;
}

QString ConnectionDialog::statusText() const
{
    return m_status->text();
}

void ConnectionDialog::setOtherProfiles(const QList<ConnectionProfile> &others)
{
    m_others = others;
    checkClientId();
}

QString ConnectionDialog::clientIdWarning() const
{
    return m_clientIdClash->isHidden() ? QString() : m_clientIdClash->text();
}

void ConnectionDialog::checkClientId()
{
    const ConnectionProfile current = profile();
    const QList<ConnectionProfile> clashes = ClientIdCheck::clashes(current, m_others);
    QStringList names;
    for (const ConnectionProfile &other : clashes)
        names << QStringLiteral("“%1”").arg(other.name);
    // A warning, not an error: two windows of one test rig may want exactly this.
    m_clientIdClash->setText(
        clashes.isEmpty()
            ? QString()
            : tr("%1 also connects to %2:%3 with the client ID “%4”. Connected at the same time, "
                 "the broker disconnects one of them.")
                  .arg(names.join(QStringLiteral(", ")), current.host)
                  .arg(current.port)
                  .arg(current.clientId));
    m_clientIdClash->setHidden(clashes.isEmpty());
}

void ConnectionDialog::revalidate()
{
    if (m_loading)
        return;
    checkClientId();
    const ProfileProblems found = problems();
    const bool blocked = ProfileValidator::hasErrors(found);
    m_save->setEnabled(!blocked);
    m_test->setEnabled(!blocked);
    QStringList all;
    for (const ProfileProblem &problem : found)
        all << problem.message;
    m_status->setToolTip(all.join(QLatin1Char('\n')));
    if (found.isEmpty()) {
        for (int i = 0; i < m_tabs->count(); ++i)
            m_tabs->setTabIcon(i, QIcon());
        m_status->clear();
        m_status->setVisible(false);
        return;
    }
    QString text = found.first().message;
    const qsizetype errorCount = std::count_if(found.begin(), found.end(),
                                               [](const ProfileProblem &p) { return p.isError(); });
    if (blocked && errorCount > 1)
        text += QLatin1Char(' ') + tr("(%n more problem(s))", nullptr, int(errorCount - 1));
    m_status->setText(text);
    Theme::setTextRole(m_status, blocked ? Theme::Text::Error : Theme::Text::Warning);
    m_status->setVisible(true);
    // Point at the tab that holds the first error.
    for (int i = 0; i < m_tabs->count(); ++i) {
        const bool hasError =
            blocked && m_tabs->widget(i)->findChild<QWidget *>(found.first().field) != nullptr;
        m_tabs->setTabIcon(i, hasError ? Icons::error() : QIcon());
    }
}

void ConnectionDialog::requestTest()
{
    if (!isSignalConnected(QMetaMethod::fromSignal(&ConnectionDialog::testConnectionRequested))) {
        showTestResult(false, tr("Testing needs the connection engine, which this build does not "
                                 "have yet."));
        return;
    }
    m_testResult->setText(tr("Testing…"));
    Theme::setTextRole(m_testResult, Theme::Text::Normal);
    m_testResult->setVisible(true);
    Q_EMIT testConnectionRequested(profile());
}

void ConnectionDialog::showTestResult(bool success, const QString &text)
{
    m_testResult->setText(text);
    Theme::setTextRole(m_testResult, success ? Theme::Text::Success : Theme::Text::Error);
    m_testResult->setVisible(true);
}

} // namespace mqttdesk
