#pragma once

#include "core/automation/capture_record.h"

#include <QString>

class QIODevice;

namespace mqttdesk {

// Writes a capture file: a header line, then one JSON object per message (the keys of the
// history's JSON Lines export, so either file replays). Payloads that are valid UTF-8 stay
// readable text; others are Base64, and "payload_encoding" says which. Lossless.
class CaptureWriter
{
public:
    static constexpr int kVersion = 1;

    explicit CaptureWriter(QIODevice &device);

    // {"mqttdesk_capture":1,"created":"...","source":...}; `source` names where it comes
    // from (a broker, a profile), free text.
    bool writeHeader(const QString &source);
    bool write(const CaptureRecord &record);
    // Hands buffered lines to the system (a file device), so that a growing capture can be
    // read while it is recorded and a full disk shows at once; false when that fails.
    bool flush();
    // The JSON line of a record, without its line feed.
    static QByteArray line(const CaptureRecord &record);

private:
    QIODevice &m_device;
};

} // namespace mqttdesk
