#include "core/storage/history_exporter.h"

#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cstdio>

namespace mqttdesk {

namespace {

constexpr qsizetype kChunkBytes = 4 * 1024 * 1024;

const char *const kColumns[] = {"id",
                                "time",
                                "time_us",
                                "direction",
                                "topic",
                                "qos",
                                "retain",
                                "dup",
                                "subscription_id",
                                "packet_id",
                                "size",
                                "payload_encoding",
                                "payload",
                                "properties",
                                "publish_stage",
                                "publish_reason",
                                "publish_error"};

const char *stageName(StoredMessage::PublishStage stage)
{
    switch (stage) {
    case StoredMessage::PublishStage::Queued:
        return "queued";
    case StoredMessage::PublishStage::Sent:
        return "sent";
    case StoredMessage::PublishStage::Acknowledged:
        return "acknowledged";
    case StoredMessage::PublishStage::Received:
        return "received";
    case StoredMessage::PublishStage::Completed:
        return "completed";
    case StoredMessage::PublishStage::Failed:
        return "failed";
    }
    return "";
}

// "yyyy-MM-ddTHH:mm:ss.uuuuuuZ" by hand: QDateTime formatting cost more than the rest
// of a row. Civil date from days since the epoch (proleptic Gregorian, as QDateTime).
void appendIsoTime(QByteArray &out, qint64 us)
{
    qint64 seconds = us / 1000000;
    qint64 micros = us % 1000000;
    if (micros < 0) {
        micros += 1000000;
        --seconds;
    }
    qint64 days = seconds / 86400;
    qint64 secondOfDay = seconds % 86400;
    if (secondOfDay < 0) {
        secondOfDay += 86400;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[64];
    const int n = std::snprintf(
        buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06lldZ",
        static_cast<long long>(year), static_cast<long long>(month), static_cast<long long>(day),
        static_cast<long long>(secondOfDay / 3600), static_cast<long long>(secondOfDay / 60 % 60),
        static_cast<long long>(secondOfDay % 60), static_cast<long long>(micros));
    out.append(buffer, n);
}

// A JSON string of valid UTF-8 (RFC 8259: quote, backslash and control characters escaped).
void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    const char *data = utf8.constData();
    out += '"';
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(data + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(escape, sizeof escape);
        }
        }
    }
    out.append(data + runStart, utf8.size() - runStart);
    out += '"';
}

// RFC 4180: quote fields holding separators, quotes or line breaks.
void appendCsvField(QByteArray &out, const QByteArray &value)
{
    bool quote = false;
    for (const char c : value) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out += value;
        return;
    }
    out += '"';
    for (const char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
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
        err = StorageError{StorageError::Kind::IoError,
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
    QByteArray chunk;
    for (;;) {
        if (cancel && cancel->load())
            return -1;
        // Oldest first, keyset paged upwards; each page is one short read.
        const MessagePage page = query.fetch(
            options.filter, PageRequest::newerThan(lastId, qMax(1, options.pageSize)), &err);
        if (err.isError())
            return -1;
        chunk.clear(); // keeps its capacity from page to page
        bool pastEnd = false;
        for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it) {
            const StoredMessage &m = *it;
            if (options.upToId >= 0 && m.id > options.upToId) {
                pastEnd = true;
                break;
            }
            QByteArray payload = m.payload;
            if (m.payloadDeferred) {
                if (cancel && cancel->load())
                    return -1;
                payload = query.loadPayload(m.id, &err);
                if (err.isError())
                    return -1;
                // Removed since the page was read: nothing left to export.
                if (payload.isEmpty() && !query.message(m.id, &err)) {
                    if (err.isError())
                        return -1;
                    continue;
                }
            }
            const Row row = encodePayload(payload, options.payload);
            const char *direction =
                m.direction == StoredMessage::Direction::Outgoing ? "out" : "in";
            const QByteArray topic = m.topic.toUtf8();
            const QByteArray properties = m.properties.toBase64();
            if (options.format == Format::JsonLines) {
                // Written by hand, keys in the documented order: a QJsonDocument per row
                // was most of the export time.
                chunk += "{\"id\":";
                chunk += QByteArray::number(m.id);
                chunk += ",\"time\":\"";
                appendIsoTime(chunk, m.receivedUs);
                chunk += "\",\"time_us\":";
                chunk += QByteArray::number(m.receivedUs);
                chunk += ",\"direction\":\"";
                chunk += direction;
                chunk += "\",\"topic\":";
                appendJsonString(chunk, topic);
                chunk += ",\"qos\":";
                chunk += char('0' + (m.qos & 3));
                chunk += m.retain ? ",\"retain\":true" : ",\"retain\":false";
                chunk += m.dup ? ",\"dup\":true" : ",\"dup\":false";
                chunk += ",\"subscription_id\":";
                chunk += m.subscriptionId ? QByteArray::number(*m.subscriptionId)
                                          : QByteArrayLiteral("null");
                chunk += ",\"packet_id\":";
                chunk += m.packetId ? QByteArray::number(*m.packetId) : QByteArrayLiteral("null");
                chunk += ",\"size\":";
                chunk += QByteArray::number(m.payloadSize);
                chunk += ",\"payload_encoding\":\"";
                chunk += row.encoding;
                chunk += "\",\"payload\":";
                appendJsonString(chunk, row.payload);
                chunk += ",\"properties\":\"";
                chunk += properties;
                chunk += "\",\"publish_stage\":";
                if (m.publishStage) {
                    chunk += '"';
                    chunk += stageName(*m.publishStage);
                    chunk += '"';
                } else {
                    chunk += "null";
                }
                chunk += ",\"publish_reason\":";
                chunk += m.publishReason ? QByteArray::number(*m.publishReason)
                                         : QByteArrayLiteral("null");
                chunk += ",\"publish_error\":";
                if (m.publishError.isEmpty())
                    chunk += "null";
                else
                    appendJsonString(chunk, m.publishError.toUtf8());
                chunk += "}\n";
            } else {
                chunk += QByteArray::number(m.id);
                chunk += ',';
                appendIsoTime(chunk, m.receivedUs);
                chunk += ',';
                chunk += QByteArray::number(m.receivedUs);
                chunk += ',';
                chunk += direction;
                chunk += ',';
                appendCsvField(chunk, topic);
                chunk += ',';
                chunk += char('0' + (m.qos & 3));
                chunk += m.retain ? ",1," : ",0,";
                chunk += m.dup ? "1," : "0,";
                if (m.subscriptionId)
                    chunk += QByteArray::number(*m.subscriptionId);
                chunk += ',';
                if (m.packetId)
                    chunk += QByteArray::number(*m.packetId);
                chunk += ',';
                chunk += QByteArray::number(m.payloadSize);
                chunk += ',';
                chunk += row.encoding;
                chunk += ',';
                appendCsvField(chunk, row.payload);
                chunk += ',';
                chunk += properties;
                chunk += ',';
                if (m.publishStage)
                    chunk += stageName(*m.publishStage);
                chunk += ',';
                if (m.publishReason)
                    chunk += QByteArray::number(*m.publishReason);
                chunk += ',';
                appendCsvField(chunk, m.publishError.toUtf8());
                chunk += "\r\n";
            }
            ++written;
            // Large payloads: written as they come, not a page of them held at once.
            if (chunk.size() >= kChunkBytes) {
                if (device.write(chunk) != chunk.size())
                    return writeFailed();
                chunk.clear();
            }
        }
        if (!chunk.isEmpty() && device.write(chunk) != chunk.size())
            return writeFailed();
        if (!page.messages.isEmpty())
            lastId = page.messages.first().id;
        if (progress)
            progress(written);
        if (pastEnd || !page.hasNewer || page.messages.isEmpty())
            break;
    }
    return written;
}

} // namespace mqttdesk
