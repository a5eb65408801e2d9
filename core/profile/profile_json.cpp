#include "core/profile/profile_json.h"

#include "core/profile/json_field_reader.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <limits>
#include <utility>

namespace mqttdesk {

namespace {

using Kind = ProfileFormatError::Kind;

constexpr std::pair<const char *, TransportScheme> kSchemes[] = {
    {"mqtt", TransportScheme::Mqtt},
    {"mqtts", TransportScheme::Mqtts},
    {"ws", TransportScheme::Ws},
    {"wss", TransportScheme::Wss},
};
constexpr std::pair<const char *, FallbackOrder> kFallbackOrders[] = {
    {"in-order", FallbackOrder::InOrder},
    {"random", FallbackOrder::Random},
};
constexpr std::pair<const char *, ServerReferencePolicy> kReferencePolicies[] = {
    {"ask", ServerReferencePolicy::Ask},
    {"always", ServerReferencePolicy::Always},
    {"never", ServerReferencePolicy::Never},
};
constexpr std::pair<const char *, ProtocolVersion> kVersions[] = {
    {"3.1", ProtocolVersion::V31},
    {"3.1.1", ProtocolVersion::V311},
    {"5.0", ProtocolVersion::V5},
};
constexpr std::pair<const char *, TlsMinimumVersion> kTlsVersions[] = {
    {"1.0", TlsMinimumVersion::Tls10},
    {"1.1", TlsMinimumVersion::Tls11},
    {"1.2", TlsMinimumVersion::Tls12},
    {"1.3", TlsMinimumVersion::Tls13},
};
constexpr std::pair<const char *, ProxyType> kProxyTypes[] = {
    {"none", ProxyType::None},
    {"http", ProxyType::Http},
    {"socks5", ProxyType::Socks5},
};
constexpr std::pair<const char *, OfflineMode> kOfflineModes[] = {
    {"queue", OfflineMode::Queue},
    {"refuse", OfflineMode::Refuse},
};
constexpr std::pair<const char *, PayloadEncoding> kEncodings[] = {
    {"text", PayloadEncoding::Text},
    {"json", PayloadEncoding::Json},
    {"hex", PayloadEncoding::Hex},
    {"base64", PayloadEncoding::Base64},
};
constexpr std::pair<const char *, SecretStorageMode> kSecretModes[] = {
    {"keychain", SecretStorageMode::Keychain},
    {"plain-consented", SecretStorageMode::PlainConsented},
};

template<typename E, qsizetype N>
QString nameOf(const std::pair<const char *, E> (&names)[N], E value)
{
    for (const auto &[name, item] : names) {
        if (item == value)
            return QLatin1String(name);
    }
    return {};
}

// Profile pairs (NameValuePair) and template variables (StringPair) share one JSON form.
template<typename Pair>
QJsonArray pairsToJson(const QList<Pair> &pairs)
{
    QJsonArray array;
    for (const Pair &pair : pairs)
        array.append(QJsonObject{{QStringLiteral("name"), pair.name},
                                 {QStringLiteral("value"), pair.value}});
    return array;
}

template<typename Pair = NameValuePair>
QList<Pair> pairsFromJson(JsonFieldReader &reader, const QString &key)
{
    const QJsonArray array = reader.array(key);
    QList<Pair> pairs;
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        JsonFieldReader item = reader.element(key, array, i);
        item.require(QStringLiteral("name"));
        Pair pair{item.string(QStringLiteral("name")), item.string(QStringLiteral("value"))};
        if (item.ok())
            pairs.append(pair);
    }
    return pairs;
}

QJsonArray fallbacksToJson(const QList<FallbackBroker> &fallbacks)
{
    QJsonArray array;
    for (const FallbackBroker &f : fallbacks)
        array.append(QJsonObject{{QStringLiteral("scheme"), nameOf(kSchemes, f.scheme)},
                                 {QStringLiteral("host"), f.host},
                                 {QStringLiteral("port"), f.port}});
    return array;
}

QList<FallbackBroker> fallbacksFromJson(JsonFieldReader &reader, const QString &key)
{
    const QJsonArray array = reader.array(key);
    QList<FallbackBroker> fallbacks;
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        JsonFieldReader item = reader.element(key, array, i);
        item.require(QStringLiteral("host"));
        FallbackBroker f;
        f.scheme = item.choice(QStringLiteral("scheme"), kSchemes, f.scheme);
        f.host = item.string(QStringLiteral("host"));
        f.port = quint16(item.integer(QStringLiteral("port"), 0, 65535,
                                      ConnectionProfile::defaultPort(f.scheme)));
        if (item.ok())
            fallbacks.append(f);
    }
    return fallbacks;
}

QJsonObject secretToJson(const Secret &secret, bool withValue)
{
    QJsonObject json{{QStringLiteral("set"), secret.isSet}};
    if (withValue && secret.isSet)
        json.insert(QStringLiteral("value"), secret.value);
    return json;
}

Secret secretFromJson(JsonFieldReader reader)
{
    Secret secret;
    secret.isSet = reader.boolean(QStringLiteral("set"), false);
    if (reader.has(QStringLiteral("value"))) {
        secret.value = reader.string(QStringLiteral("value"));
        secret.isSet = true;
    }
    return secret;
}

constexpr qint64 kU16 = std::numeric_limits<quint16>::max();
constexpr qint64 kU32 = std::numeric_limits<quint32>::max();
constexpr qint64 kInt = std::numeric_limits<int>::max();
// Integers beyond 2^53 do not survive a JSON double.
constexpr qint64 kJsonMax = qint64(1) << 53;

} // namespace

QJsonObject ProfileJson::subscriptionToJson(const ProfileSubscription &s)
{
    QJsonObject json{
        {QStringLiteral("filter"), s.filter},
        {QStringLiteral("qos"), s.qos},
        {QStringLiteral("noLocal"), s.noLocal},
        {QStringLiteral("retainAsPublished"), s.retainAsPublished},
        {QStringLiteral("retainHandling"), s.retainHandling},
        {QStringLiteral("userProperties"), pairsToJson(s.userProperties)},
        {QStringLiteral("colour"), s.colour},
        {QStringLiteral("alias"), s.alias},
        {QStringLiteral("format"), s.format},
        {QStringLiteral("enabled"), s.enabled},
    };
    if (s.subscriptionIdentifier)
        json.insert(QStringLiteral("subscriptionIdentifier"), qint64(*s.subscriptionIdentifier));
    return json;
}

ProfileSubscription ProfileJson::subscriptionFromJson(JsonFieldReader &r, const QUuid &profileId)
{
    ProfileSubscription s;
    s.profileId = profileId;
    r.require(QStringLiteral("filter"));
    s.filter = r.string(QStringLiteral("filter"));
    s.qos = quint8(r.integer(QStringLiteral("qos"), 0, 2, 0));
    s.noLocal = r.boolean(QStringLiteral("noLocal"), false);
    s.retainAsPublished = r.boolean(QStringLiteral("retainAsPublished"), false);
    s.retainHandling = quint8(r.integer(QStringLiteral("retainHandling"), 0, 2, 0));
    // 1 to 268,435,455 [MQTT-3.8.2.1.2]
    if (const auto identifier =
            r.optionalInteger(QStringLiteral("subscriptionIdentifier"), 1, 268435455))
        s.subscriptionIdentifier = quint32(*identifier);
    s.userProperties = pairsFromJson(r, QStringLiteral("userProperties"));
    s.colour = r.string(QStringLiteral("colour"));
    s.alias = r.string(QStringLiteral("alias"));
    s.format = r.string(QStringLiteral("format"));
    s.enabled = r.boolean(QStringLiteral("enabled"), true);
    return s;
}

QString ProfileJson::schemeName(TransportScheme scheme)
{
    return nameOf(kSchemes, scheme);
}

std::optional<TransportScheme> ProfileJson::schemeFromName(const QString &name)
{
    for (const auto &[text, scheme] : kSchemes) {
        if (name == QLatin1String(text))
            return scheme;
    }
    return std::nullopt;
}

QJsonObject ProfileJson::toJson(const ConnectionProfile &p, Secrets secrets)
{
    const bool withValues =
        secrets == Secrets::Include ||
        (secrets == Secrets::AsStored && p.secretStorage == SecretStorageMode::PlainConsented);

    const QJsonObject transport{
        {QStringLiteral("scheme"), nameOf(kSchemes, p.scheme)},
        {QStringLiteral("host"), p.host},
        {QStringLiteral("port"), p.port},
        {QStringLiteral("wsPath"), p.wsPath},
        {QStringLiteral("wsHeaders"), pairsToJson(p.wsHeaders)},
        {QStringLiteral("srvLookup"), p.srvLookup},
        {QStringLiteral("fallbacks"), fallbacksToJson(p.fallbackBrokers)},
        {QStringLiteral("fallbackOrder"), nameOf(kFallbackOrders, p.fallbackOrder)},
    };
    const ConnectProperties &cp = p.connectProperties;
    const QJsonObject properties{
        {QStringLiteral("sessionExpiryInterval"), qint64(cp.sessionExpiryInterval)},
        {QStringLiteral("receiveMaximum"), cp.receiveMaximum},
        {QStringLiteral("maximumPacketSize"), qint64(cp.maximumPacketSize)},
        {QStringLiteral("topicAliasMaximum"), cp.topicAliasMaximum},
        {QStringLiteral("requestResponseInformation"), cp.requestResponseInformation},
        {QStringLiteral("requestProblemInformation"), cp.requestProblemInformation},
        {QStringLiteral("userProperties"), pairsToJson(cp.userProperties)},
    };
    const QJsonObject mqtt{
        {QStringLiteral("clientId"), p.clientId},
        {QStringLiteral("version"), nameOf(kVersions, p.protocolVersion)},
        {QStringLiteral("username"), p.username},
        {QStringLiteral("password"), secretToJson(p.password, withValues)},
        {QStringLiteral("keepAlive"), p.keepAliveSeconds},
        {QStringLiteral("cleanStart"), p.cleanStart},
        {QStringLiteral("resumeSession"), p.resumeSession},
        {QStringLiteral("storeBeforeAck"), p.storeBeforeAck},
        {QStringLiteral("serverReference"), nameOf(kReferencePolicies, p.serverReferencePolicy)},
        {QStringLiteral("properties"), properties},
    };
    const ProfileTlsOptions &t = p.tls;
    const QJsonObject tls{
        {QStringLiteral("useSystemCa"), t.useSystemCa},
        {QStringLiteral("caFiles"), QJsonArray::fromStringList(t.caFiles)},
        {QStringLiteral("clientCertificate"), t.clientCertificatePath},
        {QStringLiteral("clientKey"), t.clientKeyPath},
        {QStringLiteral("keyPassphrase"), secretToJson(t.keyPassphrase, withValues)},
        {QStringLiteral("pkcs12"), t.pkcs12Path},
        {QStringLiteral("pkcs12Password"), secretToJson(t.pkcs12Password, withValues)},
        {QStringLiteral("minimumVersion"), nameOf(kTlsVersions, t.minimumVersion)},
        {QStringLiteral("peerName"), t.peerName},
        {QStringLiteral("alpn"), QJsonArray::fromStringList(t.alpn)},
        {QStringLiteral("verifyPeer"), t.verifyPeer},
        {QStringLiteral("writeKeyLog"), t.writeKeyLog},
        {QStringLiteral("keyLogFile"), t.keyLogFile},
    };
    const QJsonObject reconnect{
        {QStringLiteral("enabled"), p.reconnect.enabled},
        {QStringLiteral("minBackoffMs"), p.reconnect.minBackoffMs},
        {QStringLiteral("maxBackoffMs"), p.reconnect.maxBackoffMs},
    };
    const QJsonObject offline{
        {QStringLiteral("queueSize"), p.offlineQueueSize},
        {QStringLiteral("mode"), nameOf(kOfflineModes, p.offlineMode)},
    };
    const QJsonObject proxy{
        {QStringLiteral("type"), nameOf(kProxyTypes, p.proxy.type)},
        {QStringLiteral("host"), p.proxy.host},
        {QStringLiteral("port"), p.proxy.port},
        {QStringLiteral("username"), p.proxy.username},
        {QStringLiteral("password"), secretToJson(p.proxy.password, withValues)},
    };
    const WillProperties &wp = p.will.properties;
    QJsonObject willProperties{
        {QStringLiteral("delayInterval"), qint64(wp.delayInterval)},
        {QStringLiteral("contentType"), wp.contentType},
        {QStringLiteral("responseTopic"), wp.responseTopic},
        {QStringLiteral("correlationData"), QString::fromLatin1(wp.correlationData.toBase64())},
        {QStringLiteral("payloadFormatIndicator"), wp.payloadFormatIndicator},
        {QStringLiteral("userProperties"), pairsToJson(wp.userProperties)},
    };
    if (wp.messageExpiryInterval)
        willProperties.insert(QStringLiteral("messageExpiryInterval"),
                              qint64(*wp.messageExpiryInterval));
    const QJsonObject will{
        {QStringLiteral("enabled"), p.will.enabled},
        {QStringLiteral("topic"), p.will.topic},
        {QStringLiteral("payload"), QString::fromLatin1(p.will.payload.toBase64())},
        {QStringLiteral("payloadEncoding"), nameOf(kEncodings, p.will.payloadEncoding)},
        {QStringLiteral("qos"), p.will.qos},
        {QStringLiteral("retain"), p.will.retain},
        {QStringLiteral("properties"), willProperties},
    };
    const QJsonObject retention{
        {QStringLiteral("maxMessages"), p.retention.maxMessages},
        {QStringLiteral("maxBytes"), p.retention.maxBytes},
        {QStringLiteral("maxAgeSeconds"), p.retention.maxAgeSeconds},
    };
    return QJsonObject{
        {QStringLiteral("id"), p.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("folder"), p.folder},
        {QStringLiteral("transport"), transport},
        {QStringLiteral("mqtt"), mqtt},
        {QStringLiteral("tls"), tls},
        {QStringLiteral("reconnect"), reconnect},
        {QStringLiteral("offline"), offline},
        {QStringLiteral("proxy"), proxy},
        {QStringLiteral("will"), will},
        {QStringLiteral("retention"), retention},
        {QStringLiteral("secretStorage"), nameOf(kSecretModes, p.secretStorage)},
        {QStringLiteral("templateVariables"), pairsToJson(p.templateVariables)},
    };
}

std::optional<ConnectionProfile> ProfileJson::fromJson(const QJsonObject &json,
                                                       ProfileFormatError *error)
{
    ProfileFormatError localError;
    ProfileFormatError *err = error ? error : &localError;
    *err = {};
    JsonFieldReader r(json, {}, err);
    ConnectionProfile p;

    r.require(QStringLiteral("id"));
    r.require(QStringLiteral("name"));
    r.require(QStringLiteral("transport"));
    const QString id = r.string(QStringLiteral("id"));
    p.id = QUuid::fromString(id);
    if (r.ok() && p.id.isNull())
        r.fail(Kind::BadEncoding, QStringLiteral("id"),
               QCoreApplication::translate("mqttdesk::ProfileJson", "UUID"));
    p.name = r.string(QStringLiteral("name"));
    p.folder = r.string(QStringLiteral("folder"));

    JsonFieldReader transport = r.object(QStringLiteral("transport"));
    transport.require(QStringLiteral("host"));
    p.scheme = transport.choice(QStringLiteral("scheme"), kSchemes, p.scheme);
    p.host = transport.string(QStringLiteral("host"));
    p.port = quint16(transport.integer(QStringLiteral("port"), 0, kU16,
                                       ConnectionProfile::defaultPort(p.scheme)));
    p.wsPath = transport.string(QStringLiteral("wsPath"), p.wsPath);
    p.wsHeaders = pairsFromJson(transport, QStringLiteral("wsHeaders"));
    p.srvLookup = transport.boolean(QStringLiteral("srvLookup"), p.srvLookup);
    p.fallbackBrokers = fallbacksFromJson(transport, QStringLiteral("fallbacks"));
    p.fallbackOrder =
        transport.choice(QStringLiteral("fallbackOrder"), kFallbackOrders, p.fallbackOrder);

    JsonFieldReader mqtt = r.object(QStringLiteral("mqtt"));
    p.clientId = mqtt.string(QStringLiteral("clientId"));
    p.protocolVersion = mqtt.choice(QStringLiteral("version"), kVersions, p.protocolVersion);
    p.username = mqtt.string(QStringLiteral("username"));
    p.password = secretFromJson(mqtt.object(QStringLiteral("password")));
    p.keepAliveSeconds =
        quint16(mqtt.integer(QStringLiteral("keepAlive"), 0, kU16, p.keepAliveSeconds));
    p.cleanStart = mqtt.boolean(QStringLiteral("cleanStart"), p.cleanStart);
    p.resumeSession = mqtt.boolean(QStringLiteral("resumeSession"), p.resumeSession);
    p.storeBeforeAck = mqtt.boolean(QStringLiteral("storeBeforeAck"), p.storeBeforeAck);
    p.serverReferencePolicy =
        mqtt.choice(QStringLiteral("serverReference"), kReferencePolicies, p.serverReferencePolicy);
    JsonFieldReader props = mqtt.object(QStringLiteral("properties"));
    ConnectProperties &cp = p.connectProperties;
    cp.sessionExpiryInterval =
        quint32(props.integer(QStringLiteral("sessionExpiryInterval"), 0, kU32, 0));
    cp.receiveMaximum = quint16(props.integer(QStringLiteral("receiveMaximum"), 0, kU16, 0));
    cp.maximumPacketSize = quint32(props.integer(QStringLiteral("maximumPacketSize"), 0, kU32, 0));
    cp.topicAliasMaximum = quint16(props.integer(QStringLiteral("topicAliasMaximum"), 0, kU16, 0));
    cp.requestResponseInformation =
        props.boolean(QStringLiteral("requestResponseInformation"), cp.requestResponseInformation);
    cp.requestProblemInformation =
        props.boolean(QStringLiteral("requestProblemInformation"), cp.requestProblemInformation);
    cp.userProperties = pairsFromJson(props, QStringLiteral("userProperties"));

    JsonFieldReader tls = r.object(QStringLiteral("tls"));
    ProfileTlsOptions &t = p.tls;
    t.useSystemCa = tls.boolean(QStringLiteral("useSystemCa"), t.useSystemCa);
    t.caFiles = tls.stringList(QStringLiteral("caFiles"));
    t.clientCertificatePath = tls.string(QStringLiteral("clientCertificate"));
    t.clientKeyPath = tls.string(QStringLiteral("clientKey"));
    t.keyPassphrase = secretFromJson(tls.object(QStringLiteral("keyPassphrase")));
    t.pkcs12Path = tls.string(QStringLiteral("pkcs12"));
    t.pkcs12Password = secretFromJson(tls.object(QStringLiteral("pkcs12Password")));
    t.minimumVersion = tls.choice(QStringLiteral("minimumVersion"), kTlsVersions, t.minimumVersion);
    t.peerName = tls.string(QStringLiteral("peerName"));
    t.alpn = tls.stringList(QStringLiteral("alpn"));
    t.verifyPeer = tls.boolean(QStringLiteral("verifyPeer"), t.verifyPeer);
    t.writeKeyLog = tls.boolean(QStringLiteral("writeKeyLog"), t.writeKeyLog);
    t.keyLogFile = tls.string(QStringLiteral("keyLogFile"));

    JsonFieldReader reconnect = r.object(QStringLiteral("reconnect"));
    p.reconnect.enabled = reconnect.boolean(QStringLiteral("enabled"), p.reconnect.enabled);
    p.reconnect.minBackoffMs =
        int(reconnect.integer(QStringLiteral("minBackoffMs"), 0, kInt, p.reconnect.minBackoffMs));
    p.reconnect.maxBackoffMs =
        int(reconnect.integer(QStringLiteral("maxBackoffMs"), 0, kInt, p.reconnect.maxBackoffMs));

    JsonFieldReader offline = r.object(QStringLiteral("offline"));
    p.offlineQueueSize =
        int(offline.integer(QStringLiteral("queueSize"), 0, kInt, p.offlineQueueSize));
    p.offlineMode = offline.choice(QStringLiteral("mode"), kOfflineModes, p.offlineMode);

    JsonFieldReader proxy = r.object(QStringLiteral("proxy"));
    p.proxy.type = proxy.choice(QStringLiteral("type"), kProxyTypes, p.proxy.type);
    p.proxy.host = proxy.string(QStringLiteral("host"));
    p.proxy.port = quint16(proxy.integer(QStringLiteral("port"), 0, kU16, 0));
    p.proxy.username = proxy.string(QStringLiteral("username"));
    p.proxy.password = secretFromJson(proxy.object(QStringLiteral("password")));

    JsonFieldReader will = r.object(QStringLiteral("will"));
    p.will.enabled = will.boolean(QStringLiteral("enabled"), false);
    p.will.topic = will.string(QStringLiteral("topic"));
    p.will.payload = will.base64(QStringLiteral("payload"));
    p.will.payloadEncoding =
        will.choice(QStringLiteral("payloadEncoding"), kEncodings, p.will.payloadEncoding);
    p.will.qos = quint8(will.integer(QStringLiteral("qos"), 0, 2, 0));
    p.will.retain = will.boolean(QStringLiteral("retain"), false);
    JsonFieldReader wprops = will.object(QStringLiteral("properties"));
    WillProperties &wp = p.will.properties;
    wp.delayInterval = quint32(wprops.integer(QStringLiteral("delayInterval"), 0, kU32, 0));
    if (const auto expiry =
            wprops.optionalInteger(QStringLiteral("messageExpiryInterval"), 0, kU32))
        wp.messageExpiryInterval = quint32(*expiry);
    wp.contentType = wprops.string(QStringLiteral("contentType"));
    wp.responseTopic = wprops.string(QStringLiteral("responseTopic"));
    wp.correlationData = wprops.base64(QStringLiteral("correlationData"));
    wp.payloadFormatIndicator = wprops.boolean(QStringLiteral("payloadFormatIndicator"), false);
    wp.userProperties = pairsFromJson(wprops, QStringLiteral("userProperties"));

    JsonFieldReader retention = r.object(QStringLiteral("retention"));
    p.retention.maxMessages = retention.integer(QStringLiteral("maxMessages"), 0, kJsonMax, 0);
    p.retention.maxBytes = retention.integer(QStringLiteral("maxBytes"), 0, kJsonMax, 0);
    p.retention.maxAgeSeconds = retention.integer(QStringLiteral("maxAgeSeconds"), 0, kJsonMax, 0);

    p.secretStorage = r.choice(QStringLiteral("secretStorage"), kSecretModes, p.secretStorage);
    p.templateVariables = pairsFromJson<StringPair>(r, QStringLiteral("templateVariables"));

    if (!r.ok())
        return std::nullopt;
    return p;
}

} // namespace mqttdesk
