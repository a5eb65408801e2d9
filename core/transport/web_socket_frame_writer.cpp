#include "core/transport/web_socket_frame_writer.h"

namespace mqttdesk {

QByteArray WebSocketFrameWriter::frame(quint8 opcode, QByteArrayView payload, quint32 maskKey)
{
    const quint64 size = quint64(payload.size());
    const qsizetype lengthBytes = size < 126 ? 0 : size <= 0xFFFF ? 2 : 8;
    QByteArray out(2 + lengthBytes + 4 + payload.size(), Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(out.data());
    p[0] = 0x80 | (opcode & 0x0F); // FIN: one frame per message
    if (lengthBytes == 0) {
        p[1] = 0x80 | quint8(size); // 0x80: masked, as every client frame must be (5.1)
    } else {
        p[1] = 0x80 | (lengthBytes == 2 ? 126 : 127);
        for (qsizetype i = 0; i < lengthBytes; ++i)
            p[2 + i] = quint8(size >> (8 * (lengthBytes - 1 - i)));
    }
    unsigned char *key = p + 2 + lengthBytes;
    key[0] = quint8(maskKey >> 24);
    key[1] = quint8(maskKey >> 16);
    key[2] = quint8(maskKey >> 8);
    key[3] = quint8(maskKey);
    unsigned char *body = key + 4;
    const auto *in = reinterpret_cast<const unsigned char *>(payload.data());
    for (qsizetype i = 0; i < payload.size(); ++i)
        body[i] = in[i] ^ key[i & 3];
    return out;
}

QByteArray WebSocketFrameWriter::binary(QByteArrayView payload, quint32 maskKey)
{
    return frame(0x2, payload, maskKey);
}

QByteArray WebSocketFrameWriter::close(quint16 code, quint32 maskKey)
{
    if (code == 0)
        return frame(0x8, {}, maskKey);
    const char body[2] = {char(code >> 8), char(code & 0xFF)};
    return frame(0x8, QByteArrayView(body, 2), maskKey);
}

QByteArray WebSocketFrameWriter::pong(QByteArrayView payload, quint32 maskKey)
{
    return frame(0xA, payload, maskKey);
}

} // namespace mqttdesk
