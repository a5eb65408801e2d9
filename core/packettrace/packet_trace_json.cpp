#include "core/packettrace/packet_trace_json.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <climits>

namespace mqttdesk {

namespace {

const QLatin1String kSent("sent");
const QLatin1String kReceived("received");

std::optional<PacketType> typeNamed(const QString &name)
{
    for (int t = int(PacketType::Connect); t <= int(PacketType::Auth); ++t) {
        if (packetTypeName(PacketType(t)) == name)
            return PacketType(t);
    }
    return std::nullopt;
}

void putFlag(QJsonObject &o, const char *key, bool on)
{
    if (on)
        o.insert(QLatin1String(key), true);
}

void putNumber(QJsonObject &o, const char *key, qint64 value, qint64 absent)
{
    if (value != absent)
        o.insert(QLatin1String(key), double(value));
}

void putText(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

qint64 number(const QJsonObject &o, const char *key, qint64 absent)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : absent;
}

} // namespace

QByteArray PacketTraceJson::line(const PacketTraceRecord &r)
{
    const PacketTraceEntry &e = r.entry;
    QJsonObject o;
    o.insert(QLatin1String("seq"), double(r.seq));
    o.insert(QLatin1String("direction"), e.direction == PacketDirection::Sent ? kSent : kReceived);
    o.insert(QLatin1String("type"), packetTypeName(e.type));
    putNumber(o, "timeUs", e.timeUs, -1);
    o.insert(QLatin1String("timeMs"), double(e.timeMs));
    o.insert(QLatin1String("wireSize"), double(e.wireSize));
    putNumber(o, "payloadSize", e.payloadSize, -1);
    putNumber(o, "packetId", e.packetId, 0);
    if (e.type == PacketType::Publish || e.type == PacketType::Subscribe)
        o.insert(QLatin1String("qos"), int(e.qos));
    putFlag(o, "dup", e.hasFlag(PacketTraceEntry::Dup));
    putFlag(o, "retain", e.hasFlag(PacketTraceEntry::Retain));
    putFlag(o, "sessionPresent", e.hasFlag(PacketTraceEntry::SessionPresent));
    putFlag(o, "cleanStart", e.hasFlag(PacketTraceEntry::CleanStart));
    const QList<ReasonCode> codes = e.allReasonCodes();
    if (!codes.isEmpty() || e.type == PacketType::Suback || e.type == PacketType::Unsuback) {
        QJsonArray array;
        for (const ReasonCode code : codes)
            array.append(int(code));
        o.insert(QLatin1String("reasonCodes"), array);
    }
    putText(o, "reasonString", e.reasonString);
    putText(o, "topic", e.topic);
    putNumber(o, "topicAlias", e.topicAlias, 0);
    putText(o, "clientId", e.clientId);
    putNumber(o, "receiveMaximum", e.receiveMaximum, 0);
    putNumber(o, "propertyCount", e.propertyCount, 0);
    putNumber(o, "answersSeq", r.answersSeq, -1);
    putNumber(o, "flowSeq", r.flowSeq, -1);
    putNumber(o, "stepRttUs", r.stepRttUs, -1);
    putNumber(o, "flowRttUs", r.flowRttUs, -1);
    putFlag(o, "flowEnd", r.flowEnd);
    putText(o, "flowTopic", r.flowTopic);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<PacketTraceRecord> PacketTraceJson::parse(QByteArrayView text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (!doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? tr("not JSON: %1 at character %2")
                                                                    .arg(parseError.errorString())
                                                                    .arg(parseError.offset + 1)
                                                              : tr("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const std::optional<PacketType> type = typeNamed(o.value(QLatin1String("type")).toString());
    if (!type) {
        *error = tr("\"type\" must name an MQTT packet type (PUBLISH, PUBACK, ...)");
        return std::nullopt;
    }
    const QString direction = o.value(QLatin1String("direction")).toString();
    if (direction != kSent && direction != kReceived) {
        *error = tr("\"direction\" must be \"sent\" or \"received\"");
        return std::nullopt;
    }
    const qint64 qos = number(o, "qos", 0);
    const qint64 packetId = number(o, "packetId", 0);
    if (qos < 0 || qos > 2 || packetId < 0 || packetId > 65535) {
        *error = tr("\"qos\" must be 0, 1 or 2 and \"packetId\" 0 to 65535");
        return std::nullopt;
    }
    PacketTraceRecord r;
    PacketTraceEntry &e = r.entry;
    e.type = *type;
    e.direction = direction == kSent ? PacketDirection::Sent : PacketDirection::Received;
    r.seq = quint64(qMax(qint64(0), number(o, "seq", 0)));
    e.timeUs = number(o, "timeUs", -1);
    e.timeMs = number(o, "timeMs", 0);
    e.wireSize = number(o, "wireSize", 0);
    e.payloadSize = number(o, "payloadSize", -1);
    e.packetId = quint16(packetId);
    e.qos = QoS(qos);
    const auto flag = [&o, &e](const char *key, PacketTraceEntry::Flag bit) {
        if (o.value(QLatin1String(key)).toBool())
            e.flags |= bit;
    };
    flag("dup", PacketTraceEntry::Dup);
    flag("retain", PacketTraceEntry::Retain);
    flag("sessionPresent", PacketTraceEntry::SessionPresent);
    flag("cleanStart", PacketTraceEntry::CleanStart);
    QList<ReasonCode> codes;
    for (const QJsonValue v : o.value(QLatin1String("reasonCodes")).toArray()) {
        const int code = v.toInt(-1);
        if (code < 0 || code > 255) {
            *error = tr("\"reasonCodes\" must hold numbers from 0 to 255");
            return std::nullopt;
        }
        codes.append(ReasonCode(code));
    }
    if (e.type == PacketType::Suback || e.type == PacketType::Unsuback) {
        e.reasonCodes = codes;
    } else if (!codes.isEmpty()) {
        e.hasReasonCode = true;
        e.reasonCode = codes.first();
    }
    e.reasonString = o.value(QLatin1String("reasonString")).toString();
    e.topic = o.value(QLatin1String("topic")).toString();
    e.topicAlias = quint16(qBound(qint64(0), number(o, "topicAlias", 0), qint64(65535)));
    e.clientId = o.value(QLatin1String("clientId")).toString();
    e.receiveMaximum = quint16(qBound(qint64(0), number(o, "receiveMaximum", 0), qint64(65535)));
    e.propertyCount = int(qBound(qint64(0), number(o, "propertyCount", 0), qint64(INT_MAX)));
    r.answersSeq = number(o, "answersSeq", -1);
    r.flowSeq = number(o, "flowSeq", -1);
    r.stepRttUs = number(o, "stepRttUs", -1);
    r.flowRttUs = number(o, "flowRttUs", -1);
    r.flowEnd = o.value(QLatin1String("flowEnd")).toBool();
    r.flowTopic = o.value(QLatin1String("flowTopic")).toString();
    return r;
}

QString PacketTraceJson::save(const QString &path, const QList<PacketTraceRecord> &records)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    for (const PacketTraceRecord &r : records) {
        if (file.write(line(r)) < 0)
            return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString PacketTraceJson::load(const QString &path, QList<PacketTraceRecord> *records)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(path, file.errorString());
    records->clear();
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QByteArray text = file.readLine().trimmed();
        if (text.isEmpty())
            continue;
        QString why;
        std::optional<PacketTraceRecord> r = parse(text, &why);
        if (!r)
            return tr("%1, line %2: %3").arg(path).arg(number).arg(why);
        records->append(std::move(*r));
    }
    return {};
}

} // namespace mqttdesk
