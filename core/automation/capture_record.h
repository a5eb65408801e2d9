#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// One message of a capture file (docs/capture-format.md): what replay needs to publish it
// again as it was, at the time it came.
struct CaptureRecord
{
    qint64 timeUs = 0; // when it was received (or sent), microseconds since the epoch
    QString topic;
    QByteArray payload;
    quint8 qos = 0;
    bool retain = false;
    QByteArray properties; // raw MQTT 5 property block (5.0 §2.2.2); empty for 3.1.1
    bool outgoing = false; // published by us (a history export's "direction": "out")

    bool operator==(const CaptureRecord &) const = default;
};

} // namespace mqttdesk
