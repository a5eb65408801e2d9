#pragma once

#include "core/storage/message_filter.h"
#include "core/storage/storage_error.h"

#include <atomic>
#include <functional>

class QIODevice;

namespace mqttdesk {

class DatabaseConnection;

// Streams a profile's history (oldest first, any MessageFilter) to a device as JSON Lines
// or CSV, one page at a time, so a million rows never sit in memory together.
//
// Columns / keys: id, time (ISO 8601 UTC, microseconds), time_us, direction (in|out),
// topic, qos, retain, dup, subscription_id, packet_id, size, payload_encoding, payload,
// properties (raw MQTT 5 property block, Base64), and for messages we published
// publish_stage (queued|sent|acknowledged|received|completed|failed), publish_reason (the
// ack's reason code) and publish_error (empty or null for received messages). With
// PayloadEncoding::Text a payload that is not valid UTF-8 is written as Base64 and its
// payload_encoding says so, so the export stays lossless. History holds no secrets, so none can
// leak into an export.
class HistoryExporter
{
public:
    enum class Format
    {
        JsonLines,
        Csv,
    };
    enum class PayloadEncoding
    {
        Text,
        Base64,
    };
    struct Options
    {
        MessageFilter filter;
        Format format = Format::JsonLines;
        PayloadEncoding payload = PayloadEncoding::Text;
        int pageSize = 1000;
        // Only rows with id <= upToId (-1: every row, also those stored while the export
        // runs). A caller that counted the rows first passes the last id it counted.
        qint64 upToId = -1;
    };

    explicit HistoryExporter(const DatabaseConnection &connection);

    // Rows written, or -1 on error / cancel (error is set on an error, not on a cancel; a
    // canceled export leaves a partial file). `cancel` is checked before each page (and
    // each large payload read), so a cancel is honoured within one page. `progress` gets
    // the running row count after each page. A row removed while the export runs
    // (retention, clearing) is left out.
    qint64 exportTo(QIODevice &device, const Options &options, StorageError *error = nullptr,
                    const std::atomic_bool *cancel = nullptr,
                    const std::function<void(qint64)> &progress = {}) const;

private:
    const DatabaseConnection &m_connection;
};

} // namespace mqttdesk
