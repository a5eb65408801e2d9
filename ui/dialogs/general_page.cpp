#include "ui/dialogs/general_page.h"

#include "core/profile/client_id_check.h"
#include "core/profile/profile_validator.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/password_field.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace mqttdesk {

GeneralPage::GeneralPage(QWidget *parent)
    : ProfilePage(parent)
    , m_name(new QLineEdit(this))
    , m_folder(new QLineEdit(this))
    , m_scheme(new QComboBox(this))
    , m_host(new QLineEdit(this))
    , m_port(new QLineEdit(this))
    , m_srv(new QCheckBox(this))
    , m_wsPath(new QLineEdit(this))
    , m_clientId(new QLineEdit(this))
    , m_generate(new QToolButton(this))
    , m_version(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new PasswordField(this))
{
    m_name->setObjectName(QStringLiteral("name"));
    m_folder->setObjectName(QStringLiteral("folder"));
    m_scheme->setObjectName(QStringLiteral("transport.scheme"));
    m_host->setObjectName(QStringLiteral("transport.host"));
    m_port->setObjectName(QStringLiteral("transport.port"));
    m_srv->setObjectName(QStringLiteral("transport.srvLookup"));
    m_wsPath->setObjectName(QStringLiteral("transport.wsPath"));
    m_clientId->setObjectName(QStringLiteral("mqtt.clientId"));
    m_generate->setObjectName(QStringLiteral("generateClientId"));
    m_version->setObjectName(QStringLiteral("mqtt.version"));
    m_username->setObjectName(QStringLiteral("mqtt.username"));
    m_password->setObjectName(QStringLiteral("mqtt.password"));

    m_scheme->addItem(QStringLiteral("mqtt://"), int(TransportScheme::Mqtt));
    m_scheme->addItem(QStringLiteral("mqtts://"), int(TransportScheme::Mqtts));
    m_scheme->addItem(QStringLiteral("ws://"), int(TransportScheme::Ws));
    m_scheme->addItem(QStringLiteral("wss://"), int(TransportScheme::Wss));
    m_version->addItem(QStringLiteral("5.0"), int(ProtocolVersion::V5));
    m_version->addItem(QStringLiteral("3.1.1"), int(ProtocolVersion::V311));
    m_version->addItem(QStringLiteral("3.1"), int(ProtocolVersion::V31));

    m_texts.add([this] { m_name->setPlaceholderText(tr("e.g. Local broker")); });
    m_texts.add([this] { m_folder->setPlaceholderText(tr("none: the top level")); });
    m_texts.add([this] { onSrvToggled(); }); // the host's placeholder
    m_texts.add([this] {
        m_srv->setText(tr("&Look up the broker with DNS SRV"));
        m_srv->setToolTip(tr("The host field then names a domain: its _mqtt._tcp records (over "
                             "TLS _secure-mqtt._tcp) give the brokers and their ports, tried by "
                             "priority and weight."));
    });
    m_port->setMaximumWidth(90);
    m_texts.add(
        [this] { m_clientId->setPlaceholderText(tr("empty: the broker assigns one (5.0)")); });
    m_texts.add([this] { m_username->setPlaceholderText(tr("optional")); });
    m_texts.add([this] { m_password->setPlaceholderText(tr("saved in the system keychain")); });
    m_generate->setIcon(Icons::generate());
    m_generate->setAutoRaise(true);
    m_texts.add([this] { m_generate->setToolTip(tr("Generate a new client id")); });
    m_texts.add([this] { m_generate->setAccessibleName(tr("Generate a new client id")); });

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addRow(
        form, [] { return tr("&Name:"); }, m_name);
    addRow(
        form, [] { return tr("&Folder:"); }, m_folder);
    addRow(
        form, [] { return tr("P&rotocol:"); }, m_scheme);

    auto *hostRow = new QWidget(this);
    auto *hostLayout = new QHBoxLayout(hostRow);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    hostLayout->addWidget(m_host, 1);
    auto *portLabel = new QLabel(hostRow);
    m_texts.add([portLabel] { portLabel->setText(tr("&Port:")); });
    portLabel->setBuddy(m_port);
    hostLayout->addWidget(portLabel);
    hostLayout->addWidget(m_port);
    addRow(
        form, [] { return tr("&Host:"); }, hostRow, m_host);
    form->addRow(QString(), m_srv);
    addRow(
        form, [] { return tr("We&bSocket path:"); }, m_wsPath);

    auto *idRow = new QWidget(this);
    auto *idLayout = new QHBoxLayout(idRow);
    idLayout->setContentsMargins(0, 0, 0, 0);
    idLayout->addWidget(m_clientId, 1);
    idLayout->addWidget(m_generate);
    addRow(
        form, [] { return tr("&Client ID:"); }, idRow, m_clientId);
    addRow(
        form, [] { return tr("MQTT &version:"); }, m_version);
    addRow(
        form, [] { return tr("&User name:"); }, m_username);
    addRow(
        form, [] { return tr("Pass&word:"); }, m_password, m_password->lineEdit());

    chainTabOrder({m_name, m_folder, m_scheme, m_host, m_port, m_srv, m_wsPath, m_clientId,
                   m_generate, m_version, m_username, m_password->lineEdit(),
                   m_password->toggleButton()});

    connect(m_generate, &QToolButton::clicked, this,
            [this] { m_clientId->setText(generateClientId()); });
    connect(m_scheme, &QComboBox::currentIndexChanged, this, &GeneralPage::onSchemeChanged);
    for (QLineEdit *edit : {m_name, m_folder, m_host, m_port, m_wsPath, m_clientId, m_username})
        connect(edit, &QLineEdit::textChanged, this, &ProfilePage::changed);
    connect(m_version, &QComboBox::currentIndexChanged, this, &ProfilePage::changed);
    connect(m_srv, &QCheckBox::toggled, this, &GeneralPage::onSrvToggled);
    connect(m_srv, &QCheckBox::toggled, this, &ProfilePage::changed);
    connect(m_version, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT versionSelected(version()); });
    connect(m_password, &PasswordField::textChanged, this, &ProfilePage::changed);
}

QString GeneralPage::generateClientId()
{
    return ClientIdCheck::generate();
}

TransportScheme GeneralPage::scheme() const
{
    return TransportScheme(m_scheme->currentData().toInt());
}

ProtocolVersion GeneralPage::version() const
{
    return ProtocolVersion(m_version->currentData().toInt());
}

void GeneralPage::onSchemeChanged()
{
    const TransportScheme now = scheme();
    // Follow the protocol's default port unless the user typed another one.
    const QString oldDefault = QString::number(ConnectionProfile::defaultPort(m_lastScheme));
    if (m_port->text().trimmed().isEmpty() || m_port->text().trimmed() == oldDefault)
        m_port->setText(QString::number(ConnectionProfile::defaultPort(now)));
    m_lastScheme = now;
    m_wsPath->setEnabled(now == TransportScheme::Ws || now == TransportScheme::Wss);
    Q_EMIT schemeSelected(now);
    Q_EMIT changed();
}

void GeneralPage::onSrvToggled()
{
    // DNS SRV records carry the port.
    const bool srv = m_srv->isChecked();
    m_port->setEnabled(!srv);
    m_host->setPlaceholderText(srv ? tr("domain, e.g. example.com")
                                   : tr("host name or IP address"));
}

void GeneralPage::load(const ConnectionProfile &p)
{
    m_name->setText(p.name);
    m_folder->setText(p.folder);
    m_lastScheme = p.scheme;
    m_port->setText(QString::number(p.port));
    m_scheme->setCurrentIndex(m_scheme->findData(int(p.scheme)));
    m_port->setText(QString::number(p.port)); // after the scheme: keep the saved port
    m_host->setText(p.host);
    m_srv->setChecked(p.srvLookup);
    onSrvToggled();
    m_wsPath->setText(p.wsPath);
    m_wsPath->setEnabled(p.usesWebSocket());
    m_clientId->setText(p.clientId);
    m_version->setCurrentIndex(m_version->findData(int(p.protocolVersion)));
    m_username->setText(p.username);
    m_password->setText(p.password.value);
    if (p.password.isSet && p.password.value.isEmpty())
        m_texts.add([this] {
            m_password->setPlaceholderText(tr("saved in the keychain; type to replace"));
        });
}

void GeneralPage::store(ConnectionProfile &p) const
{
    p.name = m_name->text().trimmed();
    p.folder = m_folder->text().trimmed();
    p.scheme = scheme();
    p.host = m_host->text().trimmed();
    bool ok = false;
    const int port = m_port->text().trimmed().toInt(&ok);
    p.port = ok && port > 0 && port <= 65535 ? quint16(port) : 0;
    p.srvLookup = m_srv->isChecked();
    p.wsPath = m_wsPath->text().trimmed();
    p.clientId = m_clientId->text();
    p.protocolVersion = ProtocolVersion(m_version->currentData().toInt());
    p.username = m_username->text();
    // Typing replaces the secret; an untouched field keeps the stored one.
    if (!m_password->text().isEmpty())
        p.password = Secret{true, m_password->text()};
    else if (!p.password.value.isEmpty())
        p.password = Secret{};
}

ProfileProblems GeneralPage::problems() const
{
    ProfileProblems result;
    if (m_srv->isChecked())
        return result; // the port is unused
    if (const auto problem =
            ProfileValidator::checkPortText(QStringLiteral("transport.port"), m_port->text()))
        result << *problem;
    return result;
}

} // namespace mqttdesk
