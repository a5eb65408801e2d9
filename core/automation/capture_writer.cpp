#include "core/automation/capture_writer.h"

#include <QDateTime>
#include <QFileDevice>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

namespace mqttdesk {

namespace {

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

QString isoTime(qint64 us)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           QStringLiteral("%1Z").arg(us % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace

CaptureWriter::CaptureWriter(QIODevice &device)
    : m_device(device)
{}

bool CaptureWriter::writeHeader(const QString &source)
{
    QJsonObject header{
        {QStringLiteral("mqttdesk_capture"), kVersion},
        {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
    };
    if (!source.isEmpty())
        header.insert(QStringLiteral("source"), source);
    const QByteArray bytes = QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    return m_device.write(bytes) == bytes.size();
}

QByteArray CaptureWriter::line(const CaptureRecord &r)
{
    const bool text = isUtf8(r.payload);
    QJsonObject o{
        {QStringLiteral("time"), isoTime(r.timeUs)},
        {QStringLiteral("time_us"), r.timeUs},
        {QStringLiteral("direction"), r.outgoing ? QStringLiteral("out") : QStringLiteral("in")},
        {QStringLiteral("topic"), r.topic},
        {QStringLiteral("qos"), r.qos},
        {QStringLiteral("retain"), r.retain},
        {QStringLiteral("size"), r.payload.size()},
        {QStringLiteral("payload_encoding"),
         text ? QStringLiteral("text") : QStringLiteral("base64")},
        {QStringLiteral("payload"),
         text ? QString::fromUtf8(r.payload) : QString::fromLatin1(r.payload.toBase64())},
    };
    if (!r.properties.isEmpty())
        o.insert(QStringLiteral("properties"), QString::fromLatin1(r.properties.toBase64()));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool CaptureWriter::flush()
{
    auto *file = qobject_cast<QFileDevice *>(&m_device);
    return !file || file->flush();
}

bool CaptureWriter::write(const CaptureRecord &record)
{
    const QByteArray bytes = line(record) + '\n';
    return m_device.write(bytes) == bytes.size();
}

} // namespace mqttdesk
