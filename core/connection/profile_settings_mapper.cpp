#include "core/connection/profile_settings_mapper.h"

#include "core/connection/profile_snapshot.h"

namespace mqttdesk {

namespace {

QList<StringPair> stringPairs(const ProfileSnapshot::Pairs &pairs)
{
    QList<StringPair> out;
    out.reserve(pairs.size());
    for (const auto &p : pairs)
        out.append(StringPair{p.first, p.second});
    return out;
}

TransportOptions::Kind kindOf(int scheme)
{
    static constexpr TransportOptions::Kind kKinds[] = {
        TransportOptions::Kind::Tcp, TransportOptions::Kind::Tls, TransportOptions::Kind::WebSocket,
        TransportOptions::Kind::SecureWebSocket};
    return kKinds[qBound(0, scheme, 3)];
}

TransportOptions transportOptions(const ProfileSnapshot &s)
{
    TransportOptions t;
    t.kind = kindOf(s.scheme);
    t.host = s.host;
    t.port = s.port;
    t.webSocketPath = s.wsPath;
    for (const auto &h : s.wsHeaders)
        t.webSocketHeaders.append({h.first.toUtf8(), h.second.toUtf8()});

    t.tls.caFiles = s.tlsCaFiles;
    // The profile's "system CAs" also applies next to its own CA files.
    t.tls.useSystemCas = s.tlsUseSystemCa && !s.tlsCaFiles.isEmpty();
    t.tls.clientCertificateFile = s.tlsClientCertificate;
    t.tls.clientKeyFile = s.tlsClientKey;
    t.tls.keyPassphrase = s.tlsKeyPassphrase.toUtf8();
    t.tls.pkcs12File = s.tlsPkcs12;
    t.tls.pkcs12Password = s.tlsPkcs12Password.toUtf8();
    t.tls.insecure = !s.tlsVerifyPeer;
    t.tls.peerName = s.tlsPeerName;
    t.tls.alpnProtocols = s.tlsAlpn;
    // Empty: SSLKEYLOGFILE still applies (TlsKeyLog::pathFor); the profile's path wins.
    t.tls.keyLogFile = s.tlsKeyLogFile;
    // TLS 1.0 / 1.1 are below what the transport offers at all: its default applies.
    t.tls.minimumVersion = s.tlsMinimumVersion >= 3   ? TlsOptions::MinimumVersion::Tls1_3
                           : s.tlsMinimumVersion == 2 ? TlsOptions::MinimumVersion::Tls1_2
                                                      : TlsOptions::MinimumVersion::Default;

    static constexpr ProxyOptions::Kind kProxies[] = {
        ProxyOptions::Kind::None, ProxyOptions::Kind::HttpConnect, ProxyOptions::Kind::Socks5};
    t.proxy.kind = kProxies[qBound(0, s.proxyType, 2)];
    t.proxy.host = s.proxyHost;
    t.proxy.port = s.proxyPort;
    t.proxy.user = s.proxyUser;
    t.proxy.password = s.proxyPassword;
    return t;
}

std::optional<Will> will(const ProfileSnapshot &s)
{
    if (!s.willEnabled)
        return std::nullopt;
    Will w;
    w.topic = s.willTopic;
    w.payload = s.willPayload;
    w.qos = static_cast<QoS>(qMin<quint8>(s.willQos, 2));
    w.retain = s.willRetain;
    if (s.protocolLevel == quint8(ProtocolVersion::V5)) {
        if (s.willDelayInterval > 0)
            w.properties.setWillDelayInterval(s.willDelayInterval);
        if (s.willMessageExpiryInterval)
            w.properties.setMessageExpiryInterval(*s.willMessageExpiryInterval);
        if (!s.willContentType.isEmpty())
            w.properties.setContentType(s.willContentType);
        if (!s.willResponseTopic.isEmpty())
            w.properties.setResponseTopic(s.willResponseTopic);
        if (!s.willCorrelationData.isEmpty())
            w.properties.setCorrelationData(s.willCorrelationData);
        if (s.willPayloadIsUtf8)
            w.properties.setPayloadFormatIndicator(1);
        for (const auto &p : s.willUserProperties)
            w.properties.addUserProperty(p.first, p.second);
    }
    return w;
}

SessionOptions sessionOptions(const ProfileSnapshot &s)
{
    SessionOptions o;
    o.version = protocolVersionFromLevel(s.protocolLevel).value_or(ProtocolVersion::V5);
    o.clientId = s.clientId;
    o.cleanStart = s.cleanStart;
    o.adoptServerSession = s.resumeSession;
    o.acknowledgeAfterStore = s.storeBeforeAck;
    o.keepAliveSeconds = s.keepAliveSeconds;
    if (!s.username.isEmpty())
        o.username = s.username;
    if (s.password)
        o.password = s.password->toUtf8();
    o.will = will(s);

    // 0 in the profile means "not sent" for each of these.
    if (s.sessionExpiryInterval > 0)
        o.sessionExpiryInterval = s.sessionExpiryInterval;
    if (s.receiveMaximum > 0)
        o.receiveMaximum = s.receiveMaximum;
    if (s.maximumPacketSize > 0)
        o.maximumPacketSize = s.maximumPacketSize;
    o.topicAliasMaximum = s.topicAliasMaximum;
    o.requestResponseInformation = s.requestResponseInformation;
    o.requestProblemInformation = s.requestProblemInformation;
    o.userProperties = stringPairs(s.userProperties);

    o.offlineQueueLimit = s.offlineRefuse ? 0 : qMax(0, s.offlineQueueSize);
    o.reconnect.enabled = s.reconnectEnabled;
    o.reconnect.initialDelayMs = qMax(1, s.reconnectMinMs);
    o.reconnect.maximumDelayMs = qMax(s.reconnectMinMs, s.reconnectMaxMs);
    return o;
}

} // namespace

ConnectionSettings ProfileSettingsMapper::toSettings(const ConnectionProfile &profile)
{
    const ProfileSnapshot snapshot = ProfileSnapshot::from(profile);
    ConnectionSettings settings;
    settings.name = snapshot.name;
    settings.transport = transportOptions(snapshot);
    settings.session = sessionOptions(snapshot);
    for (const ProfileSnapshot::Fallback &f : snapshot.fallbacks)
        settings.fallbacks.append(
            BrokerAddress{f.host, f.port, kindOf(f.scheme), BrokerAddress::Source::Fallback});
    settings.fallbackOrder = snapshot.fallbackRandom ? BrokerAddressList::Order::Random
                                                     : BrokerAddressList::Order::InOrder;
    settings.srvLookup = snapshot.srvLookup;
    return settings;
}

} // namespace mqttdesk
