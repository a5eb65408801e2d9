#include "core/retained/retained_snapshot.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringDecoder>

namespace mqttdesk {

namespace {

const QLatin1StringView FormatName("mqttdesk-retained-snapshot");

std::optional<QString> utf8Text(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// The line (1-based) of a byte offset, for parse errors.
int lineOf(const QByteArray &json, qsizetype offset)
{
    return 1 + int(json.left(offset).count('\n'));
}

RetainedSnapshotError errorAt(const QString &where, const QString &message)
{
    return RetainedSnapshotError{where, message};
}

} // namespace

QByteArray RetainedSnapshot::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), QString(FormatName));
    root.insert(QStringLiteral("version"), FormatVersion);
    root.insert(QStringLiteral("name"), name);
    root.insert(QStringLiteral("filter"), filter);
    root.insert(QStringLiteral("takenAt"), takenAt.toUTC().toString(Qt::ISODateWithMs));
    root.insert(QStringLiteral("broker"), broker);
    QJsonArray messages;
    for (auto it = topics.cbegin(); it != topics.cend(); ++it) {
        const RetainedValue &value = it.value();
        QJsonObject entry;
        entry.insert(QStringLiteral("topic"), it.key());
        entry.insert(QStringLiteral("qos"), int(value.qos));
        entry.insert(QStringLiteral("payload"), QString::fromLatin1(value.payload.toBase64()));
        if (const auto text = utf8Text(value.payload))
            entry.insert(QStringLiteral("text"), *text);
        if (value.contentType)
            entry.insert(QStringLiteral("contentType"), *value.contentType);
        if (value.payloadFormatIndicator)
            entry.insert(QStringLiteral("payloadFormatIndicator"),
                         int(*value.payloadFormatIndicator));
        if (!value.userProperties.isEmpty()) {
            QJsonArray pairs;
            for (const StringPair &pair : value.userProperties)
                pairs.append(QJsonArray{pair.name, pair.value});
            entry.insert(QStringLiteral("userProperties"), pairs);
        }
        messages.append(entry);
    }
    root.insert(QStringLiteral("messages"), messages);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::variant<RetainedSnapshot, RetainedSnapshotError>
RetainedSnapshot::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return errorAt(QCoreApplication::translate("RetainedSnapshot", "line %1")
                           .arg(lineOf(json, parseError.offset)),
                       QCoreApplication::translate("RetainedSnapshot", "not valid JSON (%1)")
                           .arg(parseError.errorString()));
    if (!document.isObject())
        return errorAt(QString(), QCoreApplication::translate("RetainedSnapshot",
                                                              "the file is not a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != FormatName)
        return errorAt(QStringLiteral("format"),
                       QCoreApplication::translate("RetainedSnapshot",
                                                   "not a retained snapshot (expected \"%1\")")
                           .arg(FormatName));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble())
        return errorAt(QStringLiteral("version"),
                       QCoreApplication::translate("RetainedSnapshot", "missing or not a number"));
    if (version.toInt() != FormatVersion)
        return errorAt(
            QStringLiteral("version"),
            QCoreApplication::translate("RetainedSnapshot",
                                        "version %1 is not supported (this build reads version %2)")
                .arg(version.toInt())
                .arg(FormatVersion));

    RetainedSnapshot snapshot;
    for (const char *key : {"name", "filter", "broker", "takenAt"}) {
        const QJsonValue value = root.value(QLatin1StringView(key));
        if (!value.isUndefined() && !value.isString())
            return errorAt(QLatin1StringView(key),
                           QCoreApplication::translate("RetainedSnapshot", "not a string"));
    }
    snapshot.name = root.value(QStringLiteral("name")).toString();
    snapshot.filter = root.value(QStringLiteral("filter")).toString();
    if (snapshot.filter.isEmpty())
        return errorAt(QStringLiteral("filter"),
                       QCoreApplication::translate("RetainedSnapshot", "missing or empty"));
    snapshot.broker = root.value(QStringLiteral("broker")).toString();
    const QString takenAt = root.value(QStringLiteral("takenAt")).toString();
    if (!takenAt.isEmpty()) {
        snapshot.takenAt = QDateTime::fromString(takenAt, Qt::ISODateWithMs);
        if (!snapshot.takenAt.isValid())
            return errorAt(
                QStringLiteral("takenAt"),
                QCoreApplication::translate("RetainedSnapshot", "not an ISO 8601 date and time"));
        snapshot.takenAt = snapshot.takenAt.toUTC();
    }

    const QJsonValue messages = root.value(QStringLiteral("messages"));
    if (!messages.isArray())
        return errorAt(QStringLiteral("messages"),
                       QCoreApplication::translate("RetainedSnapshot", "missing or not an array"));
    const QJsonArray array = messages.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("messages[%1]").arg(i);
        if (!array.at(i).isObject())
            return errorAt(where, QCoreApplication::translate("RetainedSnapshot", "not an object"));
        const QJsonObject entry = array.at(i).toObject();
        const QString topic = entry.value(QStringLiteral("topic")).toString();
        if (topic.isEmpty())
            return errorAt(where, QCoreApplication::translate("RetainedSnapshot",
                                                              "topic is missing or empty"));
        if (snapshot.topics.contains(topic))
            return errorAt(
                where, QCoreApplication::translate("RetainedSnapshot", "topic \"%1\" appears twice")
                           .arg(topic));
        RetainedValue value;
        const QJsonValue qos = entry.value(QStringLiteral("qos"));
        if (!qos.isDouble() || qos.toDouble() != qos.toInt() || qos.toInt() < 0 || qos.toInt() > 2)
            return errorAt(
                where, QCoreApplication::translate("RetainedSnapshot", "qos must be 0, 1 or 2"));
        value.qos = QoS(qos.toInt());
        const QJsonValue payload = entry.value(QStringLiteral("payload"));
        if (!payload.isString())
            return errorAt(where, QCoreApplication::translate(
                                      "RetainedSnapshot", "payload is missing or not a string"));
        auto decoded = QByteArray::fromBase64Encoding(payload.toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return errorAt(where, QCoreApplication::translate("RetainedSnapshot",
                                                              "payload is not valid base64"));
        value.payload = *decoded;
        const QJsonValue contentType = entry.value(QStringLiteral("contentType"));
        if (!contentType.isUndefined()) {
            if (!contentType.isString())
                return errorAt(where, QCoreApplication::translate("RetainedSnapshot",
                                                                  "contentType is not a string"));
            value.contentType = contentType.toString();
        }
        const QJsonValue indicator = entry.value(QStringLiteral("payloadFormatIndicator"));
        if (!indicator.isUndefined()) {
            if (!indicator.isDouble() || (indicator.toInt() != 0 && indicator.toInt() != 1))
                return errorAt(
                    where, QCoreApplication::translate("RetainedSnapshot",
                                                       "payloadFormatIndicator must be 0 or 1"));
            value.payloadFormatIndicator = quint8(indicator.toInt());
        }
        const QJsonValue properties = entry.value(QStringLiteral("userProperties"));
        if (!properties.isUndefined()) {
            if (!properties.isArray())
                return errorAt(where, QCoreApplication::translate(
                                          "RetainedSnapshot", "userProperties is not an array"));
            for (const QJsonValue &pair : properties.toArray()) {
                const QJsonArray nameValue = pair.toArray();
                if (!pair.isArray() || nameValue.size() != 2 || !nameValue.at(0).isString() ||
                    !nameValue.at(1).isString())
                    return errorAt(
                        where, QCoreApplication::translate(
                                   "RetainedSnapshot", "each user property must be [name, value]"));
                value.userProperties.append(
                    StringPair{nameValue.at(0).toString(), nameValue.at(1).toString()});
            }
        }
        snapshot.topics.insert(topic, value);
    }
    return snapshot;
}

std::optional<QString> RetainedSnapshot::writeFile(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("RetainedSnapshot", "cannot write %1: %2")
            .arg(path, file.errorString());
    file.write(toJson());
    if (!file.commit())
        return QCoreApplication::translate("RetainedSnapshot", "cannot write %1: %2")
            .arg(path, file.errorString());
    return std::nullopt;
}

std::variant<RetainedSnapshot, RetainedSnapshotError>
RetainedSnapshot::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return errorAt(path, QCoreApplication::translate("RetainedSnapshot", "cannot read: %1")
                                 .arg(file.errorString()));
    auto result = fromJson(file.readAll());
    if (auto *error = std::get_if<RetainedSnapshotError>(&result))
        error->where = error->where.isEmpty() ? path : path + QLatin1Char(':') + error->where;
    return result;
}

} // namespace mqttdesk
