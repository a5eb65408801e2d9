#include "core/profile/mqtt_explorer_importer.h"

#include "core/profile/json_field_reader.h"

#include <algorithm>
#include <limits>
#include <optional>

#include <QCoreApplication>

namespace mqttdesk {

namespace {

using Kind = ProfileFormatError::Kind;
constexpr qint64 kU16 = std::numeric_limits<quint16>::max();

const QString kConnectionsKey = QStringLiteral("ConnectionManager_connections");

// The ids of MQTT Explorer's built-in connections are host names
// ("test.mosquitto.org"): they get a name-based UUID under this namespace, so that
// importing the same file again finds the same connections by id.
const QUuid kIdNamespace = QUuid::fromString(u"4f7d2c1e-9b3a-4e58-a6d0-8c1b2e3f4a5d");

enum class Protocol
{
    Mqtt,
    Ws,
};

constexpr std::pair<const char *, Protocol> kProtocols[] = {
    {"mqtt", Protocol::Mqtt},
    {"ws", Protocol::Ws},
};

// MQTT Explorer has one kind of connection; a newer one with other kinds is refused
// (naming the field) rather than read as MQTT.
constexpr std::pair<const char *, bool> kTypes[] = {
    {"mqtt", true},
};

// The port is a number until it is edited in MQTT Explorer's text box, which stores
// the box's text: "8883". An empty text means the URL's default port.
quint16 readPort(JsonFieldReader &r, const QJsonObject &raw, quint16 fallback)
{
    const QString key = QStringLiteral("port");
    const QJsonValue value = raw.value(key);
    if (!value.isString())
        return quint16(r.integer(key, 1, kU16, fallback));
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return fallback;
    bool isNumber = false;
    const qint64 port = text.toLongLong(&isNumber);
    if (!isNumber) {
        r.fail(Kind::WrongType, key,
               QCoreApplication::translate("mqttdesk::JsonFieldReader", "an integer"));
        return fallback;
    }
    if (port < 1 || port > kU16) {
        r.fail(Kind::OutOfRange, key,
               QCoreApplication::translate("mqttdesk::JsonFieldReader", "%1 is not within %2..%3")
                   .arg(port)
                   .arg(1)
                   .arg(kU16));
        return fallback;
    }
    return quint16(port);
}

void readConnection(JsonFieldReader &r, const QJsonObject &raw, const QString &key,
                    ProfileImport &out)
{
    ConnectionProfile p;
    r.choice(QStringLiteral("type"), kTypes, true);
    const QString rawId = r.string(QStringLiteral("id"), key);
    const QUuid id = QUuid::fromString(rawId);
    p.id = id.isNull() ? QUuid::createUuidV5(kIdNamespace, rawId) : id;
    p.name = r.string(QStringLiteral("name"));
    p.host = r.string(QStringLiteral("host"));
    if (p.name.isEmpty())
        p.name = p.host;

    // MQTT Explorer turns mqtt:// into mqtts:// and ws:// into wss:// when
    // "Encryption (tls)" is on.
    const Protocol protocol = r.choice(QStringLiteral("protocol"), kProtocols, Protocol::Mqtt);
    const bool tls = r.boolean(QStringLiteral("encryption"), false);
    if (protocol == Protocol::Ws)
        p.scheme = tls ? TransportScheme::Wss : TransportScheme::Ws;
    else
        p.scheme = tls ? TransportScheme::Mqtts : TransportScheme::Mqtt;
    p.port = readPort(r, raw, ConnectionProfile::defaultPort(p.scheme));
    const QString basePath = r.string(QStringLiteral("basePath"));
    // Its WebSocket URL is ws://host:port/<basePath>: no base path is "/".
    if (p.usesWebSocket())
        p.wsPath = basePath.startsWith(QLatin1Char('/')) ? basePath : QLatin1Char('/') + basePath;

    // Certificate validation is on unless the file turns it off.
    p.tls.verifyPeer = r.boolean(QStringLiteral("certValidation"), true);

    // Absent or empty: a random client id at each connection, in MQTT Explorer as here.
    p.clientId = r.string(QStringLiteral("clientId"));
    p.username = r.string(QStringLiteral("username"));
    const QString password = r.string(QStringLiteral("password"));
    if (!password.isEmpty())
        p.password = Secret{true, password};

    // MQTT Explorer's saved connections have no protocol version: it connects with
    // mqtt.js's default, 3.1.1. A level (3, 4, 5, as mqtt.js's protocolVersion) is read
    // where a file has one.
    const auto level = r.optionalInteger(QStringLiteral("protocolVersion"), 3, 5);
    p.protocolVersion = level ? ProtocolVersion(quint8(*level)) : ProtocolVersion::V311;

    // Subscriptions: {topic, qos} objects; files written before QoS was added
    // (no configVersion) have plain topic strings.
    if (r.has(QStringLiteral("subscriptions")))
        out.subscriptionsListed.insert(p.id);
    const QJsonArray subscriptions = r.array(QStringLiteral("subscriptions"));
    for (qsizetype i = 0; i < subscriptions.size() && r.ok(); ++i) {
        ProfileSubscription sub;
        sub.profileId = p.id;
        const QJsonValue item = subscriptions.at(i);
        if (item.isString()) {
            sub.filter = item.toString();
        } else if (item.isObject()) {
            JsonFieldReader s = r.element(QStringLiteral("subscriptions"), subscriptions, i);
            s.require(QStringLiteral("topic"));
            sub.filter = s.string(QStringLiteral("topic"));
            sub.qos = quint8(s.integer(QStringLiteral("qos"), 0, 2, 0));
        } else {
            r.fail(Kind::WrongType, QStringLiteral("subscriptions[%1]").arg(i),
                   QCoreApplication::translate("mqttdesk::MqttExplorerImporter",
                                               "a topic or an object with topic and qos"));
        }
        // MQTT Explorer lets an empty topic be added; it subscribes to nothing.
        if (r.ok() && !sub.filter.isEmpty())
            out.subscriptions << sub;
    }
    out.profiles << p;
}

} // namespace

bool MqttExplorerImporter::looksLikeSettings(const QJsonObject &root)
{
    if (root.contains(kConnectionsKey))
        return true;
    // Just the connections object: values keyed by id.
    return std::any_of(root.begin(), root.end(), [](const QJsonValue &value) {
        const QJsonObject c = value.toObject();
        return c.contains(QStringLiteral("host")) && (c.contains(QStringLiteral("encryption")) ||
                                                      c.contains(QStringLiteral("certValidation")));
    });
}

ProfileImport MqttExplorerImporter::fromJson(const QJsonObject &root)
{
    ProfileImport result;
    result.source = ProfileImport::Source::MqttExplorer;

    const bool whole = root.contains(kConnectionsKey);
    QJsonObject connections = root;
    if (whole) {
        const QJsonValue value = root.value(kConnectionsKey);
        if (!value.isObject()) {
            result.error = ProfileFormatError(
                Kind::WrongType, kConnectionsKey,
                QCoreApplication::translate("mqttdesk::ProfileImporter", "an object"));
            return result;
        }
        connections = value.toObject();
    }

    // The sidebar's order: each connection's "order" where it has one (newer
    // versions), then the others (JSON objects keep no order of their own here).
    QStringList keys = connections.keys();
    const auto orderOf = [&connections](const QString &key) {
        const QJsonValue order = connections.value(key).toObject().value(QStringLiteral("order"));
        return order.isDouble() ? order.toDouble() : std::numeric_limits<double>::infinity();
    };
    std::stable_sort(keys.begin(), keys.end(), [&orderOf](const QString &a, const QString &b) {
        return orderOf(a) < orderOf(b);
    });

    for (const QString &key : std::as_const(keys)) {
        const QString path =
            (whole ? kConnectionsKey : QString()) + QStringLiteral("['%1']").arg(key);
        const QJsonValue value = connections.value(key);
        if (!value.isObject()) {
            result.error = ProfileFormatError(
                Kind::WrongType, path,
                QCoreApplication::translate("mqttdesk::ProfileImporter", "an object"));
            break;
        }
        const QJsonObject raw = value.toObject();
        JsonFieldReader reader(raw, path, &result.error);
        reader.require(QStringLiteral("host"));
        readConnection(reader, raw, key, result);
        if (!result.ok())
            break;
    }
    if (!result.ok()) {
        result.profiles.clear();
        result.subscriptions.clear();
        result.subscriptionsListed.clear();
    }
    return result;
}

} // namespace mqttdesk
