#include "app/cli/settings_builder.h"

#include "app/cli/profile_lookup.h"
#include "core/transport/tls_configuration_loader.h"

#include <QCoreApplication>
#include <QDir>
#include <QSslConfiguration>
#include <QUrl>

namespace mqttdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

quint16 defaultPort(TransportOptions::Kind kind)
{
    switch (kind) {
    case TransportOptions::Kind::Tcp:
        return 1883;
    case TransportOptions::Kind::Tls:
        return 8883;
    case TransportOptions::Kind::WebSocket:
        return 80;
    case TransportOptions::Kind::SecureWebSocket:
        return 443;
    }
    return 1883;
}

} // namespace

std::optional<CliPlan> SettingsBuilder::build(const CliOptions &o, CliError *error)
{
    CliPlan plan;
    bool portFromProfile = false;
    if (!o.profile.isEmpty()) {
        std::optional<ProfileLookup::Found> saved = ProfileLookup::load(o, error);
        if (!saved)
            return std::nullopt;
        plan.settings = std::move(saved->settings);
        plan.profileId = saved->profileId;
        plan.dataDirectory = saved->dataDirectory;
        plan.templateVariables = std::move(saved->templateVariables);
        portFromProfile = true;
    } else {
        plan.settings.transport.host = QStringLiteral("localhost");
        plan.settings.session.version = ProtocolVersion::V311; // as mosquitto_pub/sub
    }
    plan.settings.name = o.profile;
    SessionOptions &s = plan.settings.session;
    TransportOptions &t = plan.settings.transport;
    t.connectTimeoutMs = o.connectTimeoutMs;
    s.connectTimeoutMs = o.connectTimeoutMs;
    // A command-line run reports a loss and exits, unless sub --reconnect rides it out (as
    // mosquitto_sub does); a first connection that fails is an error either way.
    s.reconnect.enabled = o.reconnect;
    s.reconnect.retryFirstConnect = false;

    if (!applyUrl(o, plan, error))
        return std::nullopt;
    if (!o.host.isEmpty())
        t.host = o.host;
    if (o.protocolVersion)
        s.version = *o.protocolVersion;
    if (!o.clientId.isEmpty())
        s.clientId = o.clientId;
    if (o.username)
        s.username = o.username;
    if (o.password)
        s.password = o.password;
    if (o.keepAlive)
        s.keepAliveSeconds = *o.keepAlive;
    if (o.noCleanSession) {
        s.cleanStart = false;
        s.adoptServerSession = true; // the session was made by an earlier run
        // mosquitto: -c without -x means the session never expires (5.0).
        if (s.version == ProtocolVersion::V5 && !o.sessionExpiry)
            s.sessionExpiryInterval = 0xFFFFFFFF;
    }
    if (o.sessionExpiry)
        s.sessionExpiryInterval = *o.sessionExpiry;
    if (!o.wsPath.isEmpty())
        t.webSocketPath =
            o.wsPath.startsWith(QLatin1Char('/')) ? o.wsPath : QLatin1Char('/') + o.wsPath;
    if (!applyTls(o, t, error))
        return std::nullopt;
    // A CA file, certificate or key named on the command line that cannot be used is an
    // argument error, found before connecting (as a missing file is).
    if (!o.caFile.isEmpty() || !o.caPath.isEmpty() || !o.certFile.isEmpty()) {
        QSslConfiguration unused;
        TransportError tlsError;
        if (!TlsConfigurationLoader::load(t.tls, &unused, &tlsError)) {
            *error = {CliError::Kind::TlsProblem, tlsError.message};
            return std::nullopt;
        }
    }
    if (!o.proxy.isEmpty() && !applyProxy(o.proxy, t, error))
        return std::nullopt;
    if (o.port)
        t.port = *o.port;
    else if (!portFromProfile && o.url.isEmpty())
        t.port = defaultPort(t.kind);

    if (!o.properties.isEmpty() && s.version != ProtocolVersion::V5) {
        *error = {CliError::Kind::InvalidProperty, tr("-D: properties need MQTT 5 (-V mqttv5).")};
        return std::nullopt;
    }
    std::optional<CliProperties> props = CliProperties::build(o.properties, error);
    if (!props)
        return std::nullopt;
    plan.properties = std::move(*props);
    const Properties &c = plan.properties.connect;
    if (const auto v = c.sessionExpiryInterval())
        s.sessionExpiryInterval = v;
    if (const auto v = c.receiveMaximum())
        s.receiveMaximum = v;
    if (const auto v = c.maximumPacketSize())
        s.maximumPacketSize = v;
    if (const auto v = c.topicAliasMaximum())
        s.topicAliasMaximum = *v;
    if (const auto v = c.requestResponseInformation())
        s.requestResponseInformation = *v != 0;
    if (const auto v = c.requestProblemInformation())
        s.requestProblemInformation = *v != 0;
    if (const auto v = c.authenticationMethod())
        s.authenticationMethod = *v;
    if (const auto v = c.authenticationData())
        s.authenticationData = *v;
    s.userProperties += c.userProperties();

    if (!o.willTopic.isEmpty()) {
        Will will;
        will.topic = o.willTopic;
        will.payload = o.willPayload.value_or(QByteArray());
        will.qos = o.willQos;
        will.retain = o.willRetain;
        will.properties = plan.properties.will;
        s.will = will;
    }
    if (plan.topics.isEmpty())
        plan.topics = o.topics;
    return plan;
}

bool SettingsBuilder::applyUrl(const CliOptions &o, CliPlan &plan, CliError *error)
{
    if (o.url.isEmpty())
        return true;
    const QUrl url(o.url, QUrl::StrictMode);
    TransportOptions &t = plan.settings.transport;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mqtt") || scheme == QLatin1String("tcp"))
        t.kind = TransportOptions::Kind::Tcp;
    else if (scheme == QLatin1String("mqtts") || scheme == QLatin1String("ssl"))
        t.kind = TransportOptions::Kind::Tls;
    else if (scheme == QLatin1String("ws"))
        t.kind = TransportOptions::Kind::WebSocket;
    else if (scheme == QLatin1String("wss"))
        t.kind = TransportOptions::Kind::SecureWebSocket;
    if (!url.isValid() || url.host().isEmpty() || scheme.isEmpty() ||
        (scheme != QLatin1String("mqtt") && scheme != QLatin1String("tcp") &&
         scheme != QLatin1String("mqtts") && scheme != QLatin1String("ssl") &&
         scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))) {
        *error = {CliError::Kind::InvalidValue,
                  tr("-L: '%1' is not a mqtt://, mqtts://, ws:// or wss:// URL.").arg(o.url)};
        return false;
    }
    t.host = url.host();
    t.port = quint16(url.port(defaultPort(t.kind)));
    if (!url.userName().isEmpty())
        plan.settings.session.username = url.userName();
    if (!url.password().isEmpty())
        plan.settings.session.password = url.password().toUtf8();
    const QString path = url.path(QUrl::FullyDecoded);
    if (t.isWebSocket()) {
        if (!path.isEmpty())
            t.webSocketPath = path;
    } else if (path.size() > 1 && o.topics.isEmpty()) {
        plan.topics = QStringList{path.mid(1)}; // mosquitto: mqtt://host/topic
    }
    return true;
}

bool SettingsBuilder::applyProxy(const QString &text, TransportOptions &t, CliError *error)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        t.proxy.kind = ProxyOptions::Kind::Socks5;
    else if (scheme == QLatin1String("http"))
        t.proxy.kind = ProxyOptions::Kind::HttpConnect;
    if (!url.isValid() || url.host().isEmpty() || t.proxy.kind == ProxyOptions::Kind::None) {
        *error = {
            CliError::Kind::InvalidValue,
            tr("--proxy: '%1' is not a socks5://host:port or http://host:port URL.").arg(text)};
        return false;
    }
    t.proxy.host = url.host();
    t.proxy.port = quint16(url.port(scheme == QLatin1String("http") ? 8080 : 1080));
    t.proxy.user = url.userName();
    t.proxy.password = url.password();
    return true;
}

bool SettingsBuilder::applyTls(const CliOptions &o, TransportOptions &t, CliError *error)
{
    const bool wantsTls = !o.caFile.isEmpty() || !o.caPath.isEmpty() || !o.certFile.isEmpty() ||
                          o.insecure || !o.tlsVersion.isEmpty();
    if (wantsTls && t.kind == TransportOptions::Kind::Tcp)
        t.kind = TransportOptions::Kind::Tls; // as mosquitto: --cafile means TLS
    if (wantsTls && t.kind == TransportOptions::Kind::WebSocket)
        t.kind = TransportOptions::Kind::SecureWebSocket;
    if (!o.caFile.isEmpty())
        t.tls.caFiles.append(o.caFile);
    if (!o.caPath.isEmpty()) {
        const QDir dir(o.caPath);
        const QStringList files =
            dir.entryList({QStringLiteral("*.pem"), QStringLiteral("*.crt")}, QDir::Files);
        for (const QString &f : files)
            t.tls.caFiles.append(dir.filePath(f));
        if (files.isEmpty()) {
            *error = {CliError::Kind::FileProblem,
                      tr("--capath: no .pem or .crt files in '%1'.").arg(o.caPath)};
            return false;
        }
    }
    if (!o.certFile.isEmpty()) {
        t.tls.clientCertificateFile = o.certFile;
        t.tls.clientKeyFile = o.keyFile;
    }
    if (o.keyPassphrase)
        t.tls.keyPassphrase = *o.keyPassphrase;
    if (o.insecure)
        t.tls.insecure = true; // a profile may already skip verification
    if (o.tlsVersion == QLatin1String("tlsv1.2"))
        t.tls.minimumVersion = TlsOptions::MinimumVersion::Tls1_2;
    else if (o.tlsVersion == QLatin1String("tlsv1.3"))
        t.tls.minimumVersion = TlsOptions::MinimumVersion::Tls1_3;
    return true;
}

} // namespace mqttdesk
