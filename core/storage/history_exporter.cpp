#include "core/storage/history_exporter.h"

#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace mqttdesk {

namespace {

const char *const kColumns[] = {
    "id",      "time",      "time_us",         "direction", "topic", "qos",
    "retain",  "dup",       "subscription_id", "packet_id", "size",  "payload_encoding",
    "payload", "properties"};

QString isoTime(qint64 us)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC);
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.")) +
           QStringLiteral("%1Z").arg((us % 1000000 + 1000000) % 1000000, 6, 10, QLatin1Char('0'));
}

// RFC 4180: quote fields holding separators, quotes or line breaks.
QByteArray csvField(const QByteArray &value)
{
    if (!value.contains(',') && !value.contains('"') && !value.contains('\n') &&
        !value.contains('\r'))
        return value;
    QByteArray quoted = value;
    quoted.replace("\"", "\"\"");
    return '"' + quoted + '"';
}

struct Row
{
    QByteArray encoding;
    QByteArray payload; // as text (UTF-8) or Base64
};

Row encodePayload(const QByteArray &payload, HistoryExporter::PayloadEncoding wanted)
{
    if (wanted == HistoryExporter::PayloadEncoding::Text && isValidUtf8(payload))
        return {QByteArrayLiteral("text"), payload};
    return {QByteArrayLiteral("base64"), payload.toBase64()};
}

} // namespace

HistoryExporter::HistoryExporter(const DatabaseConnection &connection)
    : m_connection(connection)
{}

qint64 HistoryExporter::exportTo(QIODevice &device, const Options &options, StorageError *error,
                                 const std::atomic_bool *cancel,
                                 const std::function<void(qint64)> &progress) const
{
    StorageError localError;
    StorageError &err = error ? *error : localError;
    err = {};
    const auto writeFailed = [&] {
        err = StorageError{StorageError::Code::IoError,
                           QCoreApplication::translate("HistoryExporter",
                                                       "Writing the export failed: %1. Check "
                                                       "free space and permissions.")
                               .arg(device.errorString()),
                           device.errorString()};
        return qint64(-1);
    };
    if (options.format == Format::Csv) {
        QByteArray header;
        for (const char *column : kColumns) {
            if (!header.isEmpty())
                header += ',';
            header += column;
        }
        if (device.write(header + "\r\n") < 0)
            return writeFailed();
    }
    const MessageQuery query(m_connection);
    qint64 written = 0;
    qint64 lastId = 0;
    for (;;) {
        if (cancel && cancel->load())
            return -1;
        // Oldest first, keyset paged upwards; each page is one short read.
        const MessagePage page = query.fetch(
            options.filter, PageRequest::newerThan(lastId, qMax(1, options.pageSize)), &err);
        if (err.isError())
            return -1;
        QByteArray chunk;
        for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it) {
            const StoredMessage &m = *it;
            const QByteArray payload =
                m.payloadDeferred ? query.loadPayload(m.id, &err) : m.payload;
            if (err.isError())
                return -1;
            const Row row = encodePayload(payload, options.payload);
            const QByteArray direction =
                m.direction == StoredMessage::Direction::Outgoing ? "out" : "in";
            if (options.format == Format::JsonLines) {
                QJsonObject object{
                    {QStringLiteral("id"), m.id},
                    {QStringLiteral("time"), isoTime(m.receivedUs)},
                    {QStringLiteral("time_us"), m.receivedUs},
                    {QStringLiteral("direction"), QString::fromLatin1(direction)},
                    {QStringLiteral("topic"), m.topic},
                    {QStringLiteral("qos"), m.qos},
                    {QStringLiteral("retain"), m.retain},
                    {QStringLiteral("dup"), m.dup},
                    {QStringLiteral("subscription_id"),
                     m.subscriptionId ? QJsonValue(*m.subscriptionId) : QJsonValue()},
                    {QStringLiteral("packet_id"),
                     m.packetId ? QJsonValue(*m.packetId) : QJsonValue()},
                    {QStringLiteral("size"), m.payloadSize},
                    {QStringLiteral("payload_encoding"), QString::fromLatin1(row.encoding)},
                    {QStringLiteral("payload"), QString::fromUtf8(row.payload)},
                    {QStringLiteral("properties"), QString::fromLatin1(m.properties.toBase64())},
                };
                chunk += QJsonDocument(object).toJson(QJsonDocument::Compact);
                chunk += '\n';
            } else {
                const QByteArray fields[] = {
                    QByteArray::number(m.id),
                    isoTime(m.receivedUs).toLatin1(),
                    QByteArray::number(m.receivedUs),
                    direction,
                    csvField(m.topic.toUtf8()),
                    QByteArray::number(m.qos),
                    m.retain ? "1" : "0",
                    m.dup ? "1" : "0",
                    m.subscriptionId ? QByteArray::number(*m.subscriptionId) : QByteArray(),
                    m.packetId ? QByteArray::number(*m.packetId) : QByteArray(),
                    QByteArray::number(m.payloadSize),
                    row.encoding,
                    csvField(row.payload),
                    m.properties.toBase64(),
                };
                for (qsizetype i = 0; i < qsizetype(std::size(fields)); ++i) {
                    if (i)
                        chunk += ',';
                    chunk += fields[i];
                }
                chunk += "\r\n";
            }
            ++written;
        }
        if (!chunk.isEmpty() && device.write(chunk) != chunk.size())
            return writeFailed();
        if (!page.messages.isEmpty())
            lastId = page.messages.first().id;
        if (progress)
            progress(written);
        if (!page.hasNewer || page.messages.isEmpty())
            break;
    }
    return written;
}

} // namespace mqttdesk
