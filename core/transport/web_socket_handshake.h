#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace mqttdesk {

// The client side of the WebSocket opening handshake (RFC 6455 section 4), without I/O:
// request() is the HTTP upgrade request to write; feed() takes the server's bytes until its
// answer is complete and says whether it accepted the upgrade. Bytes after the answer are
// already WebSocket frames and are handed back in leftover().
class WebSocketHandshake
{
    Q_DECLARE_TR_FUNCTIONS(WebSocketHandshake)

public:
    enum class Result
    {
        NeedMore,
        Accepted,
        Refused,  // an HTTP status other than 101: see status()
        Malformed // not a valid WebSocket answer: see error()
    };

    // The longest answer head accepted: a server that sends more without ending its headers
    // is not a WebSocket server (and must not make us buffer without bound).
    static constexpr qsizetype kMaxHeadSize = 16 * 1024;

    // `key`: 16 random bytes (the nonce of RFC 6455 4.1), kept for checking the answer.
    explicit WebSocketHandshake(QByteArray key);

    // The GET request for `path` on `host`:`port`, asking for the "mqtt" subprotocol
    // [MQTT-6.0.0-3], with the user's extra headers. A header the handshake sets itself
    // (Upgrade, Sec-WebSocket-*, ...) is not sent twice: the user's one is left out.
    QByteArray request(const QString &host, quint16 port, bool secure, const QString &path,
                       const QList<QPair<QByteArray, QByteArray>> &headers) const;

    Result feed(QByteArrayView bytes);

    int status() const { return m_status; }
    QString error() const { return m_error; }
    // The status line's reason phrase ("Forbidden"), for the log.
    QByteArray reason() const { return m_reason; }
    QByteArray leftover() const { return m_leftover; }
    // The subprotocol the server chose (empty if it named none).
    QByteArray subprotocol() const { return m_subprotocol; }

    // Sec-WebSocket-Accept for a key: base64(SHA-1(base64(key) + the RFC's GUID)).
    static QByteArray acceptFor(const QByteArray &key);

private:
    Result parse(QByteArrayView head);
    Result malformed(const QString &error);

    QByteArray m_key;
    QByteArray m_buffer;
    QByteArray m_leftover;
    QByteArray m_reason;
    QByteArray m_subprotocol;
    QString m_error;
    int m_status = 0;
    Result m_result = Result::NeedMore;
};

} // namespace mqttdesk
