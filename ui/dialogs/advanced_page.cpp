#include "ui/dialogs/advanced_page.h"

#include "ui/dialogs/fallback_brokers_table.h"
#include "ui/theme/theme.h"
#include "ui/widgets/pairs_table.h"
#include "ui/widgets/password_field.h"
#include "ui/widgets/variables_table.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace mqttdesk {

namespace {

// A whole-number spin box for values beyond int (a double holds 2^53 exactly).
QDoubleSpinBox *bigSpin(QWidget *parent, double maximum, const QString &special = {})
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setDecimals(0);
    spin->setRange(0, maximum);
    spin->setSpecialValueText(special);
    spin->setGroupSeparatorShown(true);
    return spin;
}

QSpinBox *spin(QWidget *parent, int minimum, int maximum, const QString &suffix = {})
{
    auto *box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    return box;
}

} // namespace

AdvancedPage::AdvancedPage(QWidget *parent)
    : ProfilePage(parent)
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_texts.add([scroll] { scroll->setAccessibleName(tr("Advanced settings")); });
    m_content = new QWidget(scroll);
    scroll->setWidget(m_content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto *column = new QVBoxLayout(m_content);
    QWidget *c = m_content;

    m_keepAlive = spin(c, 0, 65535);
    m_texts.add([this] { m_keepAlive->setSpecialValueText(tr("Off")); });
    m_cleanStart = new QCheckBox(c);
    m_resumeSession = new QCheckBox(c);
    m_storeBeforeAck = new QCheckBox(c);
    m_sessionExpiry = bigSpin(c, 4294967295.0);
    m_texts.add([this] { m_sessionExpiry->setSuffix(tr(" s")); });
    m_receiveMaximum = spin(c, 0, 65535);
    m_texts.add([this] { m_receiveMaximum->setSpecialValueText(tr("Not sent (65,535)")); });
    m_maximumPacketSize = bigSpin(c, 4294967295.0);
    m_texts.add([this] { m_maximumPacketSize->setSuffix(tr(" bytes")); });
    m_topicAliasMaximum = spin(c, 0, 65535);
    m_texts.add([this] { m_topicAliasMaximum->setSpecialValueText(tr("0 (no aliases)")); });
    m_requestResponseInfo = new QCheckBox(c);
    m_requestProblemInfo = new QCheckBox(c);
    m_userProperties = new PairsTable(c);
    m_reconnect = new QCheckBox(c);
    m_minBackoff = spin(c, 1, 3600000);
    m_maxBackoff = spin(c, 1, 3600000);
    m_queueSize = spin(c, 0, 10000000);
    m_offlineMode = new QComboBox(c);
    m_offlineMode->addItem(QString(), int(OfflineMode::Queue));
    m_offlineMode->addItem(QString(), int(OfflineMode::Refuse));
    m_fallbacks = new FallbackBrokersTable(c);
    m_fallbackOrder = new QComboBox(c);
    m_fallbackOrder->addItem(QString(), int(FallbackOrder::InOrder));
    m_fallbackOrder->addItem(QString(), int(FallbackOrder::Random));
    m_serverReference = new QComboBox(c);
    m_serverReference->addItem(QString(), int(ServerReferencePolicy::Ask));
    m_serverReference->addItem(QString(), int(ServerReferencePolicy::Always));
    m_serverReference->addItem(QString(), int(ServerReferencePolicy::Never));
    m_proxyType = new QComboBox(c);
    m_proxyType->addItem(QString(), int(ProxyType::None));
    m_proxyType->addItem(QString(), int(ProxyType::Http));
    m_proxyType->addItem(QStringLiteral("SOCKS5"), int(ProxyType::Socks5));
    m_proxyHost = new QLineEdit(c);
    m_proxyPort = spin(c, 0, 65535);
    m_texts.add([this] { m_proxyPort->setSpecialValueText(tr("—")); });
    m_proxyUser = new QLineEdit(c);
    m_proxyPassword = new PasswordField(c);
    m_wsHeaders = new PairsTable(c);
    m_templateVariables = new VariablesTable(c);
    m_texts.add([this] {
        // Mnemonics of their own: Alt+A and Alt+R already belong to this page.
        m_templateVariables->addButton()->setText(tr("A&dd variable"));
        m_templateVariables->removeButton()->setText(tr("Remove variable"));
    });
    m_maxMessages = bigSpin(c, 9007199254740992.0);
    m_maxMegabytes = bigSpin(c, 1.0e9);
    m_texts.add([this] { m_maxMegabytes->setSuffix(tr(" MiB")); });
    m_maxAgeHours = bigSpin(c, 1.0e9);
    m_texts.add([this] { m_maxAgeHours->setSuffix(tr(" h")); });
    m_plainSecrets = new QCheckBox(c);

    m_texts.add([this] {
        m_keepAlive->setSuffix(tr(" s"));
        retranslateSession();
        m_resumeSession->setText(tr("Res&ume the session the broker kept from an earlier run"));
        m_resumeSession->setToolTip(
            tr("MQTT 5.0 with clean start off. On: after a restart the app takes over the "
               "session the broker kept and receives what was queued meanwhile. Off: the first "
               "connection of each run starts a new session."));
        m_storeBeforeAck->setText(tr("Store each message before ac&knowledging it (QoS 1 and 2)"));
        m_storeBeforeAck->setToolTip(
            tr("The broker is told a message arrived only after it is in the history, so a "
               "crash of the app cannot lose it: the broker sends it again after reconnecting."));
        m_sessionExpiry->setSpecialValueText(tr("Ends with the connection"));
        m_maximumPacketSize->setSpecialValueText(tr("No limit (256 MB, the protocol's largest)"));
        m_maximumPacketSize->setToolTip(
            tr("A larger packet from the server closes the connection with an error that says "
               "so. MQTT 5.0 also tells the server the limit, which then does not send such "
               "messages; MQTT 3.1.1 cannot."));
        m_requestResponseInfo->setText(tr("Request &response information"));
        m_requestProblemInfo->setText(tr("Request problem &information"));
        m_reconnect->setText(tr("Reconnect &automatically"));
        m_minBackoff->setSuffix(tr(" ms"));
        m_maxBackoff->setSuffix(tr(" ms"));
        m_offlineMode->setItemText(0, tr("Queue them and send after reconnecting"));
        m_offlineMode->setItemText(1, tr("Refuse them"));
        m_fallbackOrder->setItemText(0, tr("In order: the main address, then the list"));
        m_fallbackOrder->setItemText(1, tr("At random, anew for each attempt"));
        m_serverReference->setItemText(0, tr("Ask each time"));
        m_serverReference->setItemText(1, tr("Always go there"));
        m_serverReference->setItemText(2, tr("Never go there"));
        m_serverReference->setToolTip(
            tr("An MQTT 5.0 broker may answer \"Use another server\" or \"Server moved\" "
               "and name the server to use instead."));
        m_proxyType->setItemText(0, tr("None"));
        m_proxyType->setItemText(1, tr("HTTP (CONNECT)"));
        for (QDoubleSpinBox *box : {m_maxMessages, m_maxMegabytes, m_maxAgeHours})
            box->setSpecialValueText(tr("Unlimited"));
        m_plainSecrets->setText(tr("Save passwords &unencrypted in the profile"));
        m_plainSecrets->setToolTip(tr("Instead of the system keychain. Anyone who can read your "
                                      "files can read them."));
    });

    m_keepAlive->setObjectName(QStringLiteral("mqtt.keepAlive"));
    m_cleanStart->setObjectName(QStringLiteral("mqtt.cleanStart"));
    m_resumeSession->setObjectName(QStringLiteral("mqtt.resumeSession"));
    m_storeBeforeAck->setObjectName(QStringLiteral("mqtt.storeBeforeAck"));
    m_sessionExpiry->setObjectName(QStringLiteral("mqtt.properties.sessionExpiryInterval"));
    m_receiveMaximum->setObjectName(QStringLiteral("mqtt.properties.receiveMaximum"));
    m_maximumPacketSize->setObjectName(QStringLiteral("mqtt.properties.maximumPacketSize"));
    m_topicAliasMaximum->setObjectName(QStringLiteral("mqtt.properties.topicAliasMaximum"));
    m_requestResponseInfo->setObjectName(
        QStringLiteral("mqtt.properties.requestResponseInformation"));
    m_requestProblemInfo->setObjectName(
        QStringLiteral("mqtt.properties.requestProblemInformation"));
    m_userProperties->setObjectName(QStringLiteral("mqtt.properties.userProperties"));
    m_reconnect->setObjectName(QStringLiteral("reconnect.enabled"));
    m_minBackoff->setObjectName(QStringLiteral("reconnect.minBackoffMs"));
    m_maxBackoff->setObjectName(QStringLiteral("reconnect.maxBackoffMs"));
    m_queueSize->setObjectName(QStringLiteral("offline.queueSize"));
    m_offlineMode->setObjectName(QStringLiteral("offline.mode"));
    m_fallbacks->setObjectName(QStringLiteral("transport.fallbacks"));
    m_fallbackOrder->setObjectName(QStringLiteral("transport.fallbackOrder"));
    m_serverReference->setObjectName(QStringLiteral("mqtt.serverReference"));
    m_proxyType->setObjectName(QStringLiteral("proxy.type"));
    m_proxyHost->setObjectName(QStringLiteral("proxy.host"));
    m_proxyPort->setObjectName(QStringLiteral("proxy.port"));
    m_proxyUser->setObjectName(QStringLiteral("proxy.username"));
    m_proxyPassword->setObjectName(QStringLiteral("proxy.password"));
    m_wsHeaders->setObjectName(QStringLiteral("transport.wsHeaders"));
    m_templateVariables->setObjectName(QStringLiteral("templateVariables"));
    m_maxMessages->setObjectName(QStringLiteral("retention.maxMessages"));
    m_maxMegabytes->setObjectName(QStringLiteral("retention.maxBytes"));
    m_maxAgeHours->setObjectName(QStringLiteral("retention.maxAgeSeconds"));
    m_plainSecrets->setObjectName(QStringLiteral("secretStorage"));

    const auto group = [&](std::function<QString()> title) {
        auto *box = new QGroupBox(c);
        m_texts.add([box, title = std::move(title)] { box->setTitle(title()); });
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        column->addWidget(box);
        return form;
    };
    QFormLayout *session = group([] { return tr("Session"); });
    addRow(
        session, [] { return tr("&Keep alive:"); }, m_keepAlive);
    session->addRow(QString(), m_cleanStart);
    session->addRow(QString(), m_resumeSession);
    session->addRow(QString(), m_storeBeforeAck);
    addRow(
        session, [] { return tr("Session &expiry:"); }, m_sessionExpiry);
    // Every version: 5.0 announces it, 3.x holds it locally (SessionCore).
    addRow(
        session, [] { return tr("Maximum packet si&ze:"); }, m_maximumPacketSize);

    QFormLayout *v5 = group([] { return tr("MQTT 5.0 connect properties"); });
    addRow(
        v5, [] { return tr("Recei&ve maximum:"); }, m_receiveMaximum);
    addRow(
        v5, [] { return tr("&Topic alias maximum:"); }, m_topicAliasMaximum);
    v5->addRow(QString(), m_requestResponseInfo);
    v5->addRow(QString(), m_requestProblemInfo);
    addRow(
        v5, [] { return tr("User &properties:"); }, m_userProperties, m_userProperties->table());

    QFormLayout *reconnect = group([] { return tr("Reconnect and offline queue"); });
    reconnect->addRow(QString(), m_reconnect);
    addRow(
        reconnect, [] { return tr("Shortest dela&y:"); }, m_minBackoff);
    addRow(
        reconnect, [] { return tr("Lon&gest delay:"); }, m_maxBackoff);
    addRow(
        reconnect, [] { return tr("&Offline queue size:"); }, m_queueSize);
    addRow(
        reconnect, [] { return tr("Publis&hes while offline:"); }, m_offlineMode);

    QFormLayout *failover = group([] { return tr("Other brokers"); });
    auto *failoverNote = new QLabel(c);
    failoverNote->setWordWrap(true);
    Theme::setTextRole(failoverNote, Theme::Text::Muted);
    m_texts.add([failoverNote] {
        failoverNote->setText(
            tr("Tried when the main address cannot be reached, on connect and on every "
               "reconnect. The TLS and proxy settings apply to each."));
    });
    failover->addRow(failoverNote);
    addRow(
        failover, [] { return tr("&Fallback brokers:"); }, m_fallbacks, m_fallbacks->table());
    addRow(
        failover, [] { return tr("Try them:"); }, m_fallbackOrder);
    addRow(
        failover, [] { return tr("Server refers elsewhere:"); }, m_serverReference);

    QFormLayout *proxy = group([] { return tr("Proxy"); });
    addRow(
        proxy, [] { return tr("Pro&xy:"); }, m_proxyType);
    addRow(
        proxy, [] { return tr("Proxy &host:"); }, m_proxyHost);
    addRow(
        proxy, [] { return tr("Proxy po&rt:"); }, m_proxyPort);
    addRow(
        proxy, [] { return tr("Proxy user &name:"); }, m_proxyUser);
    addRow(
        proxy, [] { return tr("Proxy pass&word:"); }, m_proxyPassword, m_proxyPassword->lineEdit());

    QFormLayout *ws = group([] { return tr("WebSocket"); });
    m_wsGroup = qobject_cast<QGroupBox *>(ws->parentWidget());
    addRow(
        ws, [] { return tr("Extra &headers:"); }, m_wsHeaders, m_wsHeaders->table());

    QFormLayout *variables = group([] { return tr("Template variables"); });
    auto *variablesNote = new QLabel(c);
    variablesNote->setWordWrap(true);
    Theme::setTextRole(variablesNote, Theme::Text::Muted);
    m_texts.add([variablesNote] {
        variablesNote->setText(
            tr("Used as {{name}} in the templates of this connection's Publish tab. A value "
               "here wins over a collection's variable of the same name."));
    });
    variables->addRow(variablesNote);
    addRow(
        variables, [] { return tr("Varia&bles:"); }, m_templateVariables,
        m_templateVariables->table());

    QFormLayout *history = group([] { return tr("Message history"); });
    addRow(
        history, [] { return tr("Keep at most (&messages):"); }, m_maxMessages);
    addRow(
        history, [] { return tr("Keep at most (&size):"); }, m_maxMegabytes);
    addRow(
        history, [] { return tr("Keep at most (a&ge):"); }, m_maxAgeHours);
    QFormLayout *secrets = group([] { return tr("Passwords"); });
    secrets->addRow(m_plainSecrets);
    column->addStretch();

    chainTabOrder({m_keepAlive,
                   m_cleanStart,
                   m_resumeSession,
                   m_storeBeforeAck,
                   m_sessionExpiry,
                   m_maximumPacketSize,
                   m_receiveMaximum,
                   m_topicAliasMaximum,
                   m_requestResponseInfo,
                   m_requestProblemInfo,
                   m_userProperties->table(),
                   m_userProperties->addButton(),
                   m_userProperties->removeButton(),
                   m_reconnect,
                   m_minBackoff,
                   m_maxBackoff,
                   m_queueSize,
                   m_offlineMode,
                   m_fallbacks->table(),
                   m_fallbacks->addButton(),
                   m_fallbacks->removeButton(),
                   m_fallbacks->upButton(),
                   m_fallbacks->downButton(),
                   m_fallbackOrder,
                   m_serverReference,
                   m_proxyType,
                   m_proxyHost,
                   m_proxyPort,
                   m_proxyUser,
                   m_proxyPassword->lineEdit(),
                   m_proxyPassword->toggleButton(),
                   m_wsHeaders->table(),
                   m_wsHeaders->addButton(),
                   m_wsHeaders->removeButton(),
                   m_templateVariables->table(),
                   m_templateVariables->addButton(),
                   m_templateVariables->removeButton(),
                   m_maxMessages,
                   m_maxMegabytes,
                   m_maxAgeHours,
                   m_plainSecrets});

    for (QCheckBox *box : {m_cleanStart, m_resumeSession, m_storeBeforeAck, m_requestResponseInfo,
                           m_requestProblemInfo, m_reconnect, m_plainSecrets})
        connect(box, &QCheckBox::toggled, this, &ProfilePage::changed);
    connect(m_cleanStart, &QCheckBox::toggled, this, &AdvancedPage::enableSession);
    for (QSpinBox *box : {m_keepAlive, m_receiveMaximum, m_topicAliasMaximum, m_minBackoff,
                          m_maxBackoff, m_queueSize, m_proxyPort})
        connect(box, &QSpinBox::valueChanged, this, &ProfilePage::changed);
    for (QDoubleSpinBox *box :
         {m_sessionExpiry, m_maximumPacketSize, m_maxMessages, m_maxMegabytes, m_maxAgeHours})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ProfilePage::changed);
    for (QComboBox *box : {m_offlineMode, m_fallbackOrder, m_serverReference, m_proxyType})
        connect(box, &QComboBox::currentIndexChanged, this, &ProfilePage::changed);
    for (QLineEdit *edit : {m_proxyHost, m_proxyUser})
        connect(edit, &QLineEdit::textChanged, this, &ProfilePage::changed);
    connect(m_proxyPassword, &PasswordField::textChanged, this, [this] {
        m_proxyPasswordStored = false;
        Q_EMIT changed();
    });
    connect(m_userProperties, &PairsTable::changed, this, &ProfilePage::changed);
    connect(m_wsHeaders, &PairsTable::changed, this, &ProfilePage::changed);
    connect(m_templateVariables, &VariablesTable::changed, this, &ProfilePage::changed);
    connect(m_fallbacks, &FallbackBrokersTable::changed, this, &ProfilePage::changed);
    const auto enableProxy = [this] {
        const bool on = m_proxyType->currentData().toInt() != int(ProxyType::None);
        for (QWidget *w : std::initializer_list<QWidget *>{m_proxyHost, m_proxyPort, m_proxyUser,
                                                           m_proxyPassword})
            w->setEnabled(on);
    };
    connect(m_proxyType, &QComboBox::currentIndexChanged, this, enableProxy);
    const auto enableReconnect = [this] {
        m_minBackoff->setEnabled(m_reconnect->isChecked());
        m_maxBackoff->setEnabled(m_reconnect->isChecked());
    };
    connect(m_reconnect, &QCheckBox::toggled, this, enableReconnect);
    enableProxy();
    enableReconnect();
    enableSession();
}

void AdvancedPage::retranslateSession()
{
    // 3.x calls it Clean Session; 5.0 Clean Start [MQTT-3.1.2-4 (3.1.1), 5.0 §3.1.2.4].
    m_cleanStart->setText(m_version == ProtocolVersion::V5
                              ? tr("C&lean start (discard the previous session)")
                              : tr("C&lean session (discard the previous session)"));
}

void AdvancedPage::enableSession()
{
    // Only 5.0 can be told Session Present 1 without having asked (3.x always resumes).
    m_resumeSession->setEnabled(m_version == ProtocolVersion::V5 && !m_cleanStart->isChecked());
}

void AdvancedPage::versionChanged(ProtocolVersion version)
{
    m_version = version;
    retranslateSession();
    enableSession();
}

void AdvancedPage::schemeChanged(TransportScheme scheme)
{
    m_wsGroup->setEnabled(scheme == TransportScheme::Ws || scheme == TransportScheme::Wss);
}

void AdvancedPage::load(const ConnectionProfile &p)
{
    m_keepAlive->setValue(p.keepAliveSeconds);
    m_cleanStart->setChecked(p.cleanStart);
    m_resumeSession->setChecked(p.resumeSession);
    m_storeBeforeAck->setChecked(p.storeBeforeAck);
    versionChanged(p.protocolVersion);
    const ConnectProperties &cp = p.connectProperties;
    m_sessionExpiry->setValue(cp.sessionExpiryInterval);
    m_receiveMaximum->setValue(cp.receiveMaximum);
    m_maximumPacketSize->setValue(cp.maximumPacketSize);
    m_topicAliasMaximum->setValue(cp.topicAliasMaximum);
    m_requestResponseInfo->setChecked(cp.requestResponseInformation);
    m_requestProblemInfo->setChecked(cp.requestProblemInformation);
    m_userProperties->setPairs(cp.userProperties);
    m_reconnect->setChecked(p.reconnect.enabled);
    m_minBackoff->setValue(p.reconnect.minBackoffMs);
    m_maxBackoff->setValue(p.reconnect.maxBackoffMs);
    m_queueSize->setValue(p.offlineQueueSize);
    m_offlineMode->setCurrentIndex(m_offlineMode->findData(int(p.offlineMode)));
    m_fallbacks->setBrokers(p.fallbackBrokers);
    m_fallbackOrder->setCurrentIndex(m_fallbackOrder->findData(int(p.fallbackOrder)));
    m_serverReference->setCurrentIndex(m_serverReference->findData(int(p.serverReferencePolicy)));
    m_proxyType->setCurrentIndex(m_proxyType->findData(int(p.proxy.type)));
    m_proxyHost->setText(p.proxy.host);
    m_proxyPort->setValue(p.proxy.port);
    m_proxyUser->setText(p.proxy.username);
    {
        const QSignalBlocker blocker(m_proxyPassword);
        m_proxyPassword->setText(p.proxy.password.value);
    }
    m_proxyPasswordStored = p.proxy.password.isSet && p.proxy.password.value.isEmpty();
    m_wsHeaders->setPairs(p.wsHeaders);
    m_templateVariables->setVariables(p.templateVariables);
    // The spin boxes show MiB and hours; keep exact loaded values unless edited.
    m_loadedRetention = p.retention;
    m_maxMessages->setValue(double(p.retention.maxMessages));
    m_maxMegabytes->setValue(std::ceil(double(p.retention.maxBytes) / (1024.0 * 1024.0)));
    m_maxAgeHours->setValue(std::ceil(double(p.retention.maxAgeSeconds) / 3600.0));
    m_plainSecrets->setChecked(p.secretStorage == SecretStorageMode::PlainConsented);
    schemeChanged(p.scheme);
}

void AdvancedPage::store(ConnectionProfile &p) const
{
    p.keepAliveSeconds = quint16(m_keepAlive->value());
    p.cleanStart = m_cleanStart->isChecked();
    p.resumeSession = m_resumeSession->isChecked();
    p.storeBeforeAck = m_storeBeforeAck->isChecked();
    ConnectProperties &cp = p.connectProperties;
    cp.sessionExpiryInterval = quint32(m_sessionExpiry->value());
    cp.receiveMaximum = quint16(m_receiveMaximum->value());
    cp.maximumPacketSize = quint32(m_maximumPacketSize->value());
    cp.topicAliasMaximum = quint16(m_topicAliasMaximum->value());
    cp.requestResponseInformation = m_requestResponseInfo->isChecked();
    cp.requestProblemInformation = m_requestProblemInfo->isChecked();
    cp.userProperties = m_userProperties->pairs();
    p.reconnect.enabled = m_reconnect->isChecked();
    p.reconnect.minBackoffMs = m_minBackoff->value();
    p.reconnect.maxBackoffMs = m_maxBackoff->value();
    p.offlineQueueSize = m_queueSize->value();
    p.offlineMode = OfflineMode(m_offlineMode->currentData().toInt());
    p.fallbackBrokers = m_fallbacks->brokers();
    p.fallbackOrder = FallbackOrder(m_fallbackOrder->currentData().toInt());
    p.serverReferencePolicy = ServerReferencePolicy(m_serverReference->currentData().toInt());
    p.proxy.type = ProxyType(m_proxyType->currentData().toInt());
    p.proxy.host = m_proxyHost->text().trimmed();
    p.proxy.port = quint16(m_proxyPort->value());
    p.proxy.username = m_proxyUser->text();
    if (!m_proxyPassword->text().isEmpty())
        p.proxy.password = Secret{true, m_proxyPassword->text()};
    else if (!m_proxyPasswordStored)
        p.proxy.password = Secret{};
    p.wsHeaders = m_wsHeaders->pairs();
    p.templateVariables = m_templateVariables->variables();
    p.retention.maxMessages = qint64(m_maxMessages->value());
    const qint64 bytes = qint64(m_maxMegabytes->value()) * 1024 * 1024;
    const qint64 loadedMegabytes =
        qint64(std::ceil(double(m_loadedRetention.maxBytes) / (1024.0 * 1024.0)));
    p.retention.maxBytes =
        qint64(m_maxMegabytes->value()) == loadedMegabytes ? m_loadedRetention.maxBytes : bytes;
    const qint64 loadedHours = qint64(std::ceil(double(m_loadedRetention.maxAgeSeconds) / 3600.0));
    p.retention.maxAgeSeconds = qint64(m_maxAgeHours->value()) == loadedHours
                                    ? m_loadedRetention.maxAgeSeconds
                                    : qint64(m_maxAgeHours->value()) * 3600;
    p.secretStorage = m_plainSecrets->isChecked() ? SecretStorageMode::PlainConsented
                                                  : SecretStorageMode::Keychain;
}

ProfileProblems AdvancedPage::problems() const
{
    ProfileProblems result;
    if (const QString problem = m_fallbacks->problem(); !problem.isEmpty())
        result << error(QStringLiteral("transport.fallbacks"), problem);
    return result;
}

} // namespace mqttdesk
