#pragma once

#include "core/protocol/packet_type.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// One whole MQTT packet as framed by FrameReader: the fixed header byte and the body
// (everything after the Remaining Length). For small frames `body` points into the
// reader's buffer and stays valid until the next FrameReader::append() or reset().
// A large frame that arrived in pieces owns its bytes in `storage` (and `body` points
// into it); decode(std::move(frame), ...) then hands them to the PUBLISH payload
// without copying.
struct Frame
{
    quint8 header = 0;
    QByteArrayView body;
    QByteArray storage;
    qint64 streamOffset = 0;     // absolute offset of the fixed header byte
    qint64 bodyStreamOffset = 0; // absolute offset of body[0]

    std::optional<PacketType> type() const { return packetTypeFromHeader(header); }
    quint8 flags() const { return header & 0x0F; }
    // Fixed header byte + Remaining Length bytes + body.
    qint64 packetSize() const { return bodyStreamOffset - streamOffset + body.size(); }
};

} // namespace mqttdesk
