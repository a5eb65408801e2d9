#include "core/profile/mqttx_importer.h"

#include "core/profile/json_field_reader.h"
#include "core/profile/profile_json.h"

#include <limits>

#include <QCoreApplication>

namespace mqttdesk {

namespace {

using Kind = ProfileFormatError::Kind;
constexpr qint64 kU16 = std::numeric_limits<quint16>::max();
constexpr qint64 kU32 = std::numeric_limits<quint32>::max();

constexpr std::pair<const char *, ProtocolVersion> kVersions[] = {
    {"3.1", ProtocolVersion::V31},
    {"3.1.1", ProtocolVersion::V311},
    {"5.0", ProtocolVersion::V5},
};

// MQTTX keeps user properties as an object of name -> value or list of values.
NameValueList userProperties(const QJsonValue &value, JsonFieldReader &parent, const QString &key)
{
    NameValueList pairs;
    if (value.isUndefined() || value.isNull())
        return pairs;
    if (!value.isObject()) {
        parent.fail(Kind::WrongType, key,
                    QCoreApplication::translate("mqttdesk::MqttxImporter", "an object"));
        return pairs;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString()) {
            pairs.append({it.key(), it.value().toString()});
        } else if (it.value().isArray()) {
            for (const QJsonValue &item : it.value().toArray())
                pairs.append({it.key(), item.toString()});
        } else {
            parent.fail(Kind::WrongType, key + QLatin1Char('.') + it.key(),
                        QCoreApplication::translate("mqttdesk::MqttxImporter",
                                                    "a string or a list of strings"));
            return {};
        }
    }
    return pairs;
}

QDateTime mqttxTime(const QString &text)
{
    // MQTTX writes "YYYY-MM-DD HH:mm:ss:SSS" in local time.
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss:zzz"));
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time;
}

void readConnection(JsonFieldReader &r, const QJsonObject &raw, ProfileImport &out)
{
    ConnectionProfile p;
    const QUuid id = QUuid::fromString(r.string(QStringLiteral("id")));
    p.id = id.isNull() ? QUuid::createUuid() : id;
    p.name = r.string(QStringLiteral("name"));
    p.clientId = r.string(QStringLiteral("clientId"));
    p.host = r.string(QStringLiteral("host"));
    const bool ssl = r.boolean(QStringLiteral("ssl"), false);
    const QString protocol = r.string(QStringLiteral("protocol"));
    if (protocol.isEmpty()) {
        p.scheme = ssl ? TransportScheme::Mqtts : TransportScheme::Mqtt;
    } else if (const auto scheme = ProfileJson::schemeFromName(protocol)) {
        p.scheme = *scheme;
        if (ssl && p.scheme == TransportScheme::Mqtt)
            p.scheme = TransportScheme::Mqtts;
        if (ssl && p.scheme == TransportScheme::Ws)
            p.scheme = TransportScheme::Wss;
    } else {
        r.fail(Kind::UnknownValue, QStringLiteral("protocol"),
               QCoreApplication::translate("mqttdesk::MqttxImporter",
                                           "\"%1\" (allowed: mqtt, mqtts, ws, wss)")
                   .arg(protocol));
    }
    p.port = quint16(
        r.integer(QStringLiteral("port"), 1, kU16, ConnectionProfile::defaultPort(p.scheme)));
    if (p.name.isEmpty())
        p.name = p.host;
    const QString path = r.string(QStringLiteral("path"));
    if (!path.isEmpty())
        p.wsPath = path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
    p.cleanStart = r.boolean(QStringLiteral("clean"), true);
    p.keepAliveSeconds = quint16(r.integer(QStringLiteral("keepalive"), 0, kU16, 60));
    p.username = r.string(QStringLiteral("username"));
    const QString password = r.string(QStringLiteral("password"));
    if (!password.isEmpty())
        p.password = Secret{true, password};
    // MQTTX has numbers in old files, strings in new ones.
    const QJsonValue version = raw.value(QStringLiteral("mqttVersion"));
    if (version.isDouble()) {
        const int level = version.toInt();
        if (const auto v = protocolVersionFromLevel(quint8(level)); v && level >= 3 && level <= 5)
            p.protocolVersion = *v;
        else
            r.fail(Kind::UnknownValue, QStringLiteral("mqttVersion"), QString::number(level));
    } else {
        p.protocolVersion = r.choice(QStringLiteral("mqttVersion"), kVersions, ProtocolVersion::V5);
    }
    p.reconnect.enabled = r.boolean(QStringLiteral("reconnect"), false);
    p.reconnect.minBackoffMs =
        int(r.integer(QStringLiteral("reconnectPeriod"), 0, std::numeric_limits<int>::max(), 4000));
    if (p.reconnect.minBackoffMs <= 0)
        p.reconnect.minBackoffMs = 1000;
    p.reconnect.maxBackoffMs = std::max(p.reconnect.maxBackoffMs, p.reconnect.minBackoffMs);

    // TLS: certType "server" = system CAs, "self" = own files (paths).
    p.tls.verifyPeer = r.boolean(QStringLiteral("rejectUnauthorized"), true);
    const QString certType = r.string(QStringLiteral("certType"));
    const QString ca = r.string(QStringLiteral("ca"));
    if (!ca.isEmpty())
        p.tls.caFiles << ca;
    p.tls.useSystemCa = certType != QStringLiteral("self") || ca.isEmpty();
    p.tls.clientCertificatePath = r.string(QStringLiteral("cert"));
    p.tls.clientKeyPath = r.string(QStringLiteral("key"));
    const QJsonValue alpn = raw.value(QStringLiteral("ALPNProtocols"));
    if (alpn.isString()) {
        for (const QString &item : alpn.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            p.tls.alpn << item.trimmed();
    } else {
        p.tls.alpn = r.stringList(QStringLiteral("ALPNProtocols"));
    }

    JsonFieldReader props = r.object(QStringLiteral("properties"));
    const QJsonObject rawProps = raw.value(QStringLiteral("properties")).toObject();
    ConnectProperties &cp = p.connectProperties;
    cp.sessionExpiryInterval =
        quint32(props.integer(QStringLiteral("sessionExpiryInterval"), 0, kU32, 0));
    cp.receiveMaximum = quint16(props.integer(QStringLiteral("receiveMaximum"), 0, kU16, 0));
    cp.maximumPacketSize = quint32(props.integer(QStringLiteral("maximumPacketSize"), 0, kU32, 0));
    cp.topicAliasMaximum = quint16(props.integer(QStringLiteral("topicAliasMaximum"), 0, kU16, 0));
    cp.requestResponseInformation =
        props.boolean(QStringLiteral("requestResponseInformation"), false);
    cp.requestProblemInformation = props.boolean(QStringLiteral("requestProblemInformation"), true);
    cp.userProperties = userProperties(rawProps.value(QStringLiteral("userProperties")), props,
                                       QStringLiteral("userProperties"));

    JsonFieldReader will = r.object(QStringLiteral("will"));
    p.will.topic = will.string(QStringLiteral("lastWillTopic"));
    p.will.enabled = !p.will.topic.isEmpty();
    p.will.payload = will.string(QStringLiteral("lastWillPayload")).toUtf8();
    p.will.qos = quint8(will.integer(QStringLiteral("lastWillQos"), 0, 2, 0));
    p.will.retain = will.boolean(QStringLiteral("lastWillRetain"), false);
    JsonFieldReader wprops = will.object(QStringLiteral("properties"));
    const QJsonObject rawWillProps =
        raw.value(QStringLiteral("will")).toObject().value(QStringLiteral("properties")).toObject();
    WillProperties &wp = p.will.properties;
    wp.delayInterval = quint32(wprops.integer(QStringLiteral("willDelayInterval"), 0, kU32, 0));
    wp.payloadFormatIndicator = wprops.boolean(QStringLiteral("payloadFormatIndicator"), false);
    if (const auto expiry =
            wprops.optionalInteger(QStringLiteral("messageExpiryInterval"), 0, kU32))
        wp.messageExpiryInterval = quint32(*expiry);
    wp.contentType = wprops.string(QStringLiteral("contentType"));
    wp.responseTopic = wprops.string(QStringLiteral("responseTopic"));
    wp.correlationData = wprops.string(QStringLiteral("correlationData")).toUtf8();
    wp.userProperties = userProperties(rawWillProps.value(QStringLiteral("userProperties")), wprops,
                                       QStringLiteral("userProperties"));

    if (r.has(QStringLiteral("subscriptions")))
        out.subscriptionsListed.insert(p.id);
    const QJsonArray subscriptions = r.array(QStringLiteral("subscriptions"));
    for (qsizetype i = 0; i < subscriptions.size() && r.ok(); ++i) {
        JsonFieldReader s = r.element(QStringLiteral("subscriptions"), subscriptions, i);
        s.require(QStringLiteral("topic"));
        ProfileSubscription sub;
        sub.profileId = p.id;
        sub.filter = s.string(QStringLiteral("topic"));
        sub.qos = quint8(s.integer(QStringLiteral("qos"), 0, 2, 0));
        sub.alias = s.string(QStringLiteral("alias"));
        sub.colour = s.string(QStringLiteral("color"));
        sub.enabled = !s.boolean(QStringLiteral("disabled"), false);
        sub.noLocal = s.boolean(QStringLiteral("nl"), false);
        sub.retainAsPublished = s.boolean(QStringLiteral("rap"), false);
        sub.retainHandling = quint8(s.integer(QStringLiteral("rh"), 0, 2, 0));
        if (const auto identifier =
                s.optionalInteger(QStringLiteral("subscriptionIdentifier"), 1, 268435455))
            sub.subscriptionIdentifier = quint32(*identifier);
        out.subscriptions << sub;
    }

    const QJsonArray messages = r.array(QStringLiteral("messages"));
    for (qsizetype i = 0; i < messages.size() && r.ok(); ++i) {
        JsonFieldReader m = r.element(QStringLiteral("messages"), messages, i);
        m.require(QStringLiteral("topic"));
        ImportedMessage message;
        message.profileId = p.id;
        message.outgoing = m.boolean(QStringLiteral("out"), false);
        message.topic = m.string(QStringLiteral("topic"));
        message.payload = m.string(QStringLiteral("payload")).toUtf8();
        message.qos = quint8(m.integer(QStringLiteral("qos"), 0, 2, 0));
        message.retain = m.boolean(QStringLiteral("retain"), false);
        message.time = mqttxTime(m.string(QStringLiteral("createAt")));
        out.messages << message;
    }
    out.profiles << p;
}

} // namespace

bool MqttxImporter::looksLikeConnection(const QJsonObject &object)
{
    return object.contains(QStringLiteral("host")) && object.contains(QStringLiteral("clientId"));
}

ProfileImport MqttxImporter::fromJson(const QJsonArray &connections, bool single)
{
    ProfileImport result;
    result.source = ProfileImport::Source::Mqttx;
    for (qsizetype i = 0; i < connections.size() && result.ok(); ++i) {
        const QString path = single ? QString() : QStringLiteral("[%1]").arg(i);
        if (!connections.at(i).isObject()) {
            result.error = ProfileFormatError(
                Kind::WrongType, path,
                QCoreApplication::translate("mqttdesk::MqttxImporter", "an object"));
            break;
        }
        const QJsonObject raw = connections.at(i).toObject();
        JsonFieldReader reader(raw, path, &result.error);
        reader.require(QStringLiteral("host"));
        readConnection(reader, raw, result);
    }
    if (!result.ok()) {
        result.profiles.clear();
        result.subscriptions.clear();
        result.subscriptionsListed.clear();
        result.messages.clear();
    }
    return result;
}

} // namespace mqttdesk
