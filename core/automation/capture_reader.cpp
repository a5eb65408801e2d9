#include "core/automation/capture_reader.h"

#include "core/automation/capture_writer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace mqttdesk {

namespace {} // namespace

QString CaptureReader::parseRecord(const QJsonObject &o, CaptureRecord *r)
{
    if (!o.value(QStringLiteral("topic")).isString())
        return tr("no \"topic\"");
    r->topic = o.value(QStringLiteral("topic")).toString();
    if (r->topic.isEmpty())
        return tr("an empty topic");
    const QJsonValue time = o.value(QStringLiteral("time_us"));
    if (!time.isDouble())
        return tr("no \"time_us\"");
    // A double beyond qint64 has no conversion (undefined behaviour): refused.
    const double timeUs = time.toDouble();
    if (!(timeUs >= -9223372036854775808.0 && timeUs < 9223372036854775808.0))
        return tr("a \"time_us\" out of range");
    r->timeUs = qint64(timeUs);
    const int qos = o.value(QStringLiteral("qos")).toInt(0);
    if (qos < 0 || qos > 2)
        return tr("QoS %1 is not 0, 1 or 2").arg(qos);
    r->qos = quint8(qos);
    r->retain = o.value(QStringLiteral("retain")).toBool(false);
    r->outgoing = o.value(QStringLiteral("direction")).toString() == QLatin1String("out");
    const QString encoding =
        o.value(QStringLiteral("payload_encoding")).toString(QStringLiteral("text"));
    const QString payload = o.value(QStringLiteral("payload")).toString();
    if (encoding == QLatin1String("base64")) {
        const auto decoded = QByteArray::fromBase64Encoding(
            payload.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return tr("a payload that is not Base64");
        r->payload = *decoded;
    } else if (encoding == QLatin1String("text")) {
        r->payload = payload.toUtf8();
    } else {
        return tr("an unknown payload encoding \"%1\"").arg(encoding);
    }
    const QJsonValue properties = o.value(QStringLiteral("properties"));
    if (properties.isString() && !properties.toString().isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            properties.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return tr("properties that are not Base64");
        r->properties = *decoded;
    }
    return QString();
}

CaptureReader::Result CaptureReader::read(QIODevice &device, qsizetype maxRecords)
{
    Result result;
    // A file with an error yields no records at all, whichever line the error is on.
    const auto fail = [&result](const QString &error) {
        result.records.clear();
        result.error = error;
        return result;
    };
    qint64 lineNumber = 0;
    while (!device.atEnd()) {
        const QByteArray line = device.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            return fail(tr("Line %1 is not a JSON object: %2.")
                            .arg(lineNumber)
                            .arg(parseError.error != QJsonParseError::NoError
                                     ? parseError.errorString()
                                     : tr("not an object")));
        }
        const QJsonObject o = doc.object();
        if (o.contains(QStringLiteral("mqttdesk_capture"))) {
            const int version = o.value(QStringLiteral("mqttdesk_capture")).toInt(0);
            if (version < 1 || version > CaptureWriter::kVersion) {
                return fail(tr("Line %1: capture format version %2 is not one this version "
                               "of MQTT Desk reads (up to %3).")
                                .arg(lineNumber)
                                .arg(version)
                                .arg(CaptureWriter::kVersion));
            }
            result.source = o.value(QStringLiteral("source")).toString();
            continue;
        }
        if (result.records.size() >= maxRecords)
            return fail(tr("The file holds more than %1 messages.").arg(maxRecords));
        CaptureRecord record;
        if (const QString why = parseRecord(o, &record); !why.isEmpty())
            return fail(tr("Line %1 is not a message: %2.").arg(lineNumber).arg(why));
        result.records.append(std::move(record));
    }
    return result;
}

CaptureReader::Result CaptureReader::readFile(const QString &path, qsizetype maxRecords)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tr("Cannot read %1: %2.").arg(path, file.errorString());
        return result;
    }
    return read(file, maxRecords);
}

} // namespace mqttdesk
