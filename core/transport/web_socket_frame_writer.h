#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace mqttdesk {

// Encodes the frames a WebSocket client sends (RFC 6455 section 5): always final (no
// fragmentation), always masked with the key given, as a client must (5.1).
class WebSocketFrameWriter
{
public:
    static QByteArray binary(QByteArrayView payload, quint32 maskKey);
    // A close frame with `code` (RFC 6455 7.4), or an empty one for code 0.
    static QByteArray close(quint16 code, quint32 maskKey);
    static QByteArray pong(QByteArrayView payload, quint32 maskKey);
    // opcode: the 4-bit value of RFC 6455 5.2.
    static QByteArray frame(quint8 opcode, QByteArrayView payload, quint32 maskKey);
};

} // namespace mqttdesk
