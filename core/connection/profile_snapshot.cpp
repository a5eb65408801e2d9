// Reads a ConnectionProfile. Includes no other header of ours on purpose: see
// profile_snapshot.h.
#include "core/connection/profile_snapshot.h"

#include "core/profile/connection_profile.h"

namespace mqttdesk {

namespace {

template<typename List>
ProfileSnapshot::Pairs pairs(const List &list)
{
    ProfileSnapshot::Pairs out;
    out.reserve(list.size());
    for (const auto &p : list)
        out.append({p.name, p.value});
    return out;
}

} // namespace

ProfileSnapshot ProfileSnapshot::from(const ConnectionProfile &p)
{
    ProfileSnapshot s;
    s.name = p.name;
    s.scheme = int(p.scheme);
    s.host = p.host;
    s.port = p.port;
    s.wsPath = p.wsPath;
    s.wsHeaders = pairs(p.wsHeaders);
    s.srvLookup = p.srvLookup;
    for (const FallbackBroker &f : p.fallbackBrokers)
        s.fallbacks.append({f.host, f.port, int(f.scheme)});
    s.fallbackRandom = p.fallbackOrder == FallbackOrder::Random;

    s.clientId = p.clientId;
    s.protocolLevel = quint8(p.protocolVersion);
    s.username = p.username;
    if (p.password.isSet)
        s.password = p.password.value;
    s.keepAliveSeconds = p.keepAliveSeconds;
    s.cleanStart = p.cleanStart;
    s.resumeSession = p.resumeSession;
    s.storeBeforeAck = p.storeBeforeAck;

    const auto &cp = p.connectProperties;
    s.sessionExpiryInterval = cp.sessionExpiryInterval;
    s.receiveMaximum = cp.receiveMaximum;
    s.maximumPacketSize = cp.maximumPacketSize;
    s.topicAliasMaximum = cp.topicAliasMaximum;
    s.requestResponseInformation = cp.requestResponseInformation;
    s.requestProblemInformation = cp.requestProblemInformation;
    s.userProperties = pairs(cp.userProperties);

    const auto &tls = p.tls;
    s.tlsUseSystemCa = tls.useSystemCa;
    s.tlsCaFiles = tls.caFiles;
    s.tlsClientCertificate = tls.clientCertificatePath;
    s.tlsClientKey = tls.clientKeyPath;
    if (tls.keyPassphrase.isSet)
        s.tlsKeyPassphrase = tls.keyPassphrase.value;
    s.tlsPkcs12 = tls.pkcs12Path;
    if (tls.pkcs12Password.isSet)
        s.tlsPkcs12Password = tls.pkcs12Password.value;
    s.tlsMinimumVersion = int(tls.minimumVersion);
    s.tlsPeerName = tls.peerName;
    s.tlsAlpn = tls.alpn;
    s.tlsVerifyPeer = tls.verifyPeer;
    if (tls.writeKeyLog)
        s.tlsKeyLogFile = tls.keyLogFile;

    s.reconnectEnabled = p.reconnect.enabled;
    s.reconnectMinMs = p.reconnect.minBackoffMs;
    s.reconnectMaxMs = p.reconnect.maxBackoffMs;
    s.offlineQueueSize = p.offlineQueueSize;
    s.offlineRefuse = p.offlineMode == OfflineMode::Refuse;

    s.proxyType = int(p.proxy.type);
    s.proxyHost = p.proxy.host;
    s.proxyPort = p.proxy.port;
    s.proxyUser = p.proxy.username;
    if (p.proxy.password.isSet)
        s.proxyPassword = p.proxy.password.value;

    const auto &w = p.will;
    s.willEnabled = w.enabled;
    s.willTopic = w.topic;
    s.willPayload = w.payload;
    s.willQos = w.qos;
    s.willRetain = w.retain;
    s.willDelayInterval = w.properties.delayInterval;
    s.willMessageExpiryInterval = w.properties.messageExpiryInterval;
    s.willContentType = w.properties.contentType;
    s.willResponseTopic = w.properties.responseTopic;
    s.willCorrelationData = w.properties.correlationData;
    s.willPayloadIsUtf8 = w.properties.payloadFormatIndicator;
    s.willUserProperties = pairs(w.properties.userProperties);
    return s;
}

} // namespace mqttdesk
