#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mqttdesk {

// Reads the frames a WebSocket server sends (RFC 6455 section 5), without I/O. The payload of
// binary frames, fragmented or not, is appended to the caller's buffer as it arrives, byte
// for byte, whatever MQTT packets the frames split or join [MQTT-6.0.0-2]; a frame is never
// held whole, so a frame of any announced length costs no memory of its own. Control frames
// (ping, pong, close) are returned whole (at most 125 bytes each).
class WebSocketFrameReader
{
    Q_DECLARE_TR_FUNCTIONS(WebSocketFrameReader)

public:
    enum class Opcode : quint8
    {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA
    };

    struct Control
    {
        Opcode opcode = Opcode::Ping;
        QByteArray payload;
    };

    // Consumes `bytes`: binary payload goes to `data`, control frames to `controls`.
    // Returns false once the stream breaks the protocol (error() says how, in words); from
    // then on nothing more is read.
    bool feed(QByteArrayView bytes, QByteArray &data, QList<Control> &controls);

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // Whether a close frame arrived; nothing after it is read (RFC 6455 5.5.1).
    bool closed() const { return m_closed; }

    // A close frame's status code (1005, "no status", when it has none) and reason.
    static quint16 closeCode(const QByteArray &payload);
    static QString closeReason(const QByteArray &payload);

private:
    bool headerComplete(QByteArrayView bytes, qsizetype &at);
    bool startFrame();
    bool fail(const QString &error);

    // The frame being read: its header bytes (at most 14) until complete, then its payload.
    QByteArray m_header;
    Opcode m_opcode = Opcode::Binary;
    quint64 m_remaining = 0;
    bool m_inPayload = false;
    // A fragmented binary message is open: continuation frames belong to it.
    bool m_fragmented = false;
    bool m_closed = false;
    QByteArray m_control;
    QString m_error;
};

} // namespace mqttdesk
