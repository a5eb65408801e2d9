#include "core/transport/web_socket_frame_reader.h"

namespace mqttdesk {

namespace {

bool isControl(quint8 opcode)
{
    return (opcode & 0x8) != 0;
}

} // namespace

bool WebSocketFrameReader::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool WebSocketFrameReader::feed(QByteArrayView bytes, QByteArray &data, QList<Control> &controls)
{
    if (failed())
        return false;
    qsizetype at = 0;
    while (!m_closed) {
        if (!m_inPayload && !headerComplete(bytes, at))
            return !failed(); // more bytes needed, or a bad header
        if (m_remaining > 0) {
            const qsizetype n = qsizetype(qMin<quint64>(m_remaining, quint64(bytes.size() - at)));
            if (n == 0)
                return true;
            if (isControl(quint8(m_opcode)))
                m_control.append(bytes.sliced(at, n));
            else
                data.append(bytes.sliced(at, n));
            at += n;
            m_remaining -= quint64(n);
            if (m_remaining > 0)
                return true;
        }
        // The frame is complete.
        m_inPayload = false;
        if (isControl(quint8(m_opcode))) {
            if (m_opcode == Opcode::Close && m_control.size() == 1)
                return fail(tr("The server sent a WebSocket close frame with a one-byte body; "
                               "a close body starts with a two-byte code (RFC 6455 5.5.1)."));
            controls.append({m_opcode, m_control});
            m_control.clear();
            // Nothing a server sends after its close frame is read (RFC 6455 5.5.1).
            m_closed = m_opcode == Opcode::Close;
        }
    }
    return true;
}

bool WebSocketFrameReader::headerComplete(QByteArrayView bytes, qsizetype &at)
{
    // 2 bytes, then 2 or 8 of extended length; a server frame has no masking key.
    for (;;) {
        qsizetype need = 2;
        if (m_header.size() >= 2) {
            if (quint8(m_header.at(1)) & 0x80)
                return fail(tr("The server sent a masked WebSocket frame; a server must not "
                               "mask its frames (RFC 6455 5.1)."));
            const quint8 length = quint8(m_header.at(1)) & 0x7F;
            need += length == 126 ? 2 : length == 127 ? 8 : 0;
            if (m_header.size() >= need)
                return startFrame();
        }
        if (at == bytes.size())
            return false;
        const qsizetype take = qMin(need - m_header.size(), bytes.size() - at);
        m_header.append(bytes.sliced(at, take));
        at += take;
    }
}

bool WebSocketFrameReader::startFrame()
{
    const auto *h = reinterpret_cast<const unsigned char *>(m_header.constData());
    const quint8 first = h[0];
    const bool fin = (first & 0x80) != 0;
    const quint8 opcode = first & 0x0F;
    quint64 length = h[1] & 0x7F;
    if (length == 126) {
        length = (quint64(h[2]) << 8) | h[3];
    } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | h[2 + i];
        if (length >> 63)
            return fail(tr("The server sent a WebSocket frame whose length has its top bit "
                           "set, which RFC 6455 5.2 forbids."));
    }
    m_header.clear();

    if (first & 0x70)
        return fail(tr("The server sent a WebSocket frame with reserved bits set, but no "
                       "extension was agreed (RFC 6455 5.2)."));
    switch (opcode) {
    case quint8(Opcode::Text):
        return fail(tr("The server sent a WebSocket text frame; MQTT allows only binary frames "
                       "[MQTT-6.0.0-1]."));
    case quint8(Opcode::Binary):
        if (m_fragmented)
            return fail(tr("The server began a new WebSocket message before finishing the "
                           "fragmented one (RFC 6455 5.4)."));
        m_fragmented = !fin;
        break;
    case quint8(Opcode::Continuation):
        if (!m_fragmented)
            return fail(tr("The server sent a WebSocket continuation frame with no message "
                           "to continue (RFC 6455 5.4)."));
        m_fragmented = !fin;
        break;
    case quint8(Opcode::Close):
    case quint8(Opcode::Ping):
    case quint8(Opcode::Pong):
        if (!fin || length > 125)
            return fail(tr("The server sent a WebSocket control frame that is fragmented or "
                           "longer than 125 bytes (RFC 6455 5.5)."));
        break;
    default:
        return fail(tr("The server sent a WebSocket frame with the unknown opcode %1 "
                       "(RFC 6455 5.2).")
                        .arg(opcode));
    }
    m_opcode = Opcode(opcode);
    m_remaining = length;
    m_inPayload = true;
    return true;
}

quint16 WebSocketFrameReader::closeCode(const QByteArray &payload)
{
    if (payload.size() < 2)
        return 1005; // "no status code was present" (RFC 6455 7.4.1)
    return quint16((quint8(payload.at(0)) << 8) | quint8(payload.at(1)));
}

QString WebSocketFrameReader::closeReason(const QByteArray &payload)
{
    return payload.size() > 2 ? QString::fromUtf8(payload.sliced(2)) : QString();
}

} // namespace mqttdesk
