#pragma once

#include "core/transport/transport_error.h"
#include "core/transport/transport_options.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QTimer>

class QNetworkProxy;

namespace mqttdesk {

// A reliable, ordered byte stream to an MQTT server: TCP, TLS or WebSocket behind one
// interface, so nothing above it touches a socket.
//
// Signals, per open():
// - connected() once the stream is usable (after the TLS handshake / WebSocket upgrade);
// - errorOccurred() at most once, when opening fails or an open stream breaks;
// - disconnected() once after connected(), however the stream ended;
// - warningOccurred() and noticeOccurred() any time, for the log only.
// Data received before a remote close stays readable until the next open().
class Transport : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Closed,
        Opening,
        Open,
        Closing
    };
    Q_ENUM(State)

    explicit Transport(const TransportOptions &options, QObject *parent = nullptr);
    ~Transport() override;

    const TransportOptions &options() const { return m_options; }
    State state() const { return m_state; }
    // The last error reported through errorOccurred(), or a None error.
    TransportError lastError() const { return m_lastError; }

    void open();
    // Flushes what is queued, then closes; disconnected() follows.
    void close();
    // Drops the connection at once, without a flush; disconnected() follows when open.
    void abort();

    // Queues bytes for sending; returns how many were accepted (all, or -1 when not open).
    virtual qint64 write(QByteArrayView data) = 0;
    // The QByteArray overload can share the buffer instead of copying it where the
    // backend allows.
    virtual qint64 write(const QByteArray &data) { return write(QByteArrayView(data)); }
    virtual qint64 bytesToWrite() const = 0;

    virtual qint64 bytesAvailable() const = 0;
    // Everything received so far. Returns the backend's own buffer when it holds one chunk,
    // so large payloads are not copied again.
    virtual QByteArray readAll() = 0;
    // Copies up to maxSize bytes into the caller's buffer.
    virtual qint64 read(char *data, qint64 maxSize) = 0;

    // The certificate chain the server presented (TLS only), leaf first.
    virtual QList<CertificateSummary> peerCertificateChain() const { return {}; }

signals:
    void connected();
    void disconnected();
    void readyRead();
    void bytesWritten(qint64 bytes);
    void errorOccurred(const mqttdesk::TransportError &error);
    // A problem that does not stop the stream (the TLS key log file cannot be written), and
    // a fact worth a line in the connection's log (where the TLS keys go). For the log; they
    // never hold a secret.
    void warningOccurred(const QString &message);
    void noticeOccurred(const QString &message);

protected:
    virtual void doOpen() = 0;
    virtual void doClose() = 0;
    virtual void doAbort() = 0;

    // For subclasses: the stream became usable.
    void markOpen();
    // The stream ended without an error (after close(), or a clean remote close).
    void markClosed();
    // Opening failed or the stream broke: abort, report once, then disconnected() if open.
    // `keepBuffer`: do not abort the backend, so received bytes stay readable.
    void fail(const TransportError &error, bool keepBuffer = false);
    // fail() from the event loop, for errors found inside open().
    void failLater(const TransportError &error);

    // What every backend does with its socket's signals (QTcpSocket and QWebSocket alike).
    // An error: a remote close while closing is the end we asked for; anything else fails
    // the stream, keeping what arrived before a remote close (it may say why, e.g. a
    // refusing CONNACK).
    void socketErrorOccurred(QAbstractSocket::SocketError error);
    // The socket disconnected: the end of close(), or else a failure for `cause`.
    void
    socketDisconnected(QAbstractSocket::SocketError cause = QAbstractSocket::RemoteHostClosedError);
    // The backend's precise error for a socket error (TLS verification, HTTP status, ...).
    virtual TransportError translateSocketError(QAbstractSocket::SocketError error) = 0;
    // The socket-level errors every backend shares, towards host:port.
    TransportError commonSocketError(QAbstractSocket::SocketError error,
                                     const QString &backendText) const;

    QNetworkProxy networkProxy() const;
    QString endpoint() const;
    // The name the server's certificate must carry: the TLS peer name, else the host.
    QString verifyName() const;

private:
    void onConnectTimeout();

    TransportOptions m_options;
    State m_state = State::Closed;
    TransportError m_lastError;
    QTimer m_connectTimer;
    quint64 m_generation = 0;
};

} // namespace mqttdesk
