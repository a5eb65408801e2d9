#pragma once

#include "core/transport/transport.h"
#include "core/transport/web_socket_frame_reader.h"
#include "core/transport/web_socket_handshake.h"

#include <QList>

#include <memory>
#include <optional>

namespace mqttdesk {

// MQTT over WebSocket, ws:// or wss://: our own RFC 6455 client over a TcpTransport or a
// TlsTransport, so it shares their proxies, TLS verification, named errors and TLS key log.
// To its user it is a byte stream like the others: binary frames are unwrapped as they
// arrive, whatever MQTT packets they split or join [MQTT-6.0.0-2].
//
// It reads from the stream below only while less than kDecodedLimit bytes wait to be read
// here. A connection that stops reading (storage is behind) therefore stops this transport
// too: the stream's bounded buffer and then the kernel's fill, and TCP flow control holds
// the server back, exactly as with plain TCP.
class WebSocketTransport : public Transport
{
    Q_OBJECT
public:
    explicit WebSocketTransport(const TransportOptions &options, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    // The most unwrapped bytes held before the stream below is left unread.
    static constexpr qint64 kDecodedLimit = 256 * 1024;

    using Transport::write;
    qint64 write(QByteArrayView data) override;
    qint64 bytesToWrite() const override;
    qint64 bytesAvailable() const override;
    QByteArray readAll() override;
    qint64 read(char *data, qint64 maxSize) override;
    QList<CertificateSummary> peerCertificateChain() const override;

    // The URL open() connects to, e.g. wss://broker:8884/mqtt.
    QUrl url() const;

protected:
    void doOpen() override;
    void doClose() override;
    void doAbort() override;
    TransportError translateSocketError(QAbstractSocket::SocketError error) override;

private:
    enum class Phase
    {
        Connecting, // the TCP connection and TLS handshake
        Upgrading,  // the HTTP upgrade request is out, its answer not yet in
        Open
    };

    void dropStream();
    void onStreamConnected();
    void onStreamReadyRead();
    void onStreamError(const TransportError &error);
    void onStreamDisconnected();
    // Takes what the stream holds: the upgrade's answer, then frames. `all`: also beyond
    // kDecodedLimit (the stream has ended: what it holds must not be lost).
    void pump(bool all);
    void consume(const QByteArray &raw);
    void onUpgradeAnswer(WebSocketHandshake::Result result);
    void onControl(const WebSocketFrameReader::Control &control);
    void schedulePump();
    void protocolError(const QString &message);
    // The stream ended without our asking: a failure, with the server's close code if any.
    TransportError remoteClosedError(const TransportError &base) const;
    static quint32 maskKey();

    std::unique_ptr<Transport> m_stream;
    Phase m_phase = Phase::Connecting;
    std::optional<WebSocketHandshake> m_handshake;
    WebSocketFrameReader m_reader;
    bool m_closeSent = false;
    bool m_pumpScheduled = false;
    std::optional<quint16> m_closeCode;
    QString m_closeReason;
    // Unwrapped bytes not yet read; m_offset bytes of the first are already consumed.
    QList<QByteArray> m_chunks;
    qsizetype m_offset = 0;
    qint64 m_available = 0;
};

} // namespace mqttdesk
