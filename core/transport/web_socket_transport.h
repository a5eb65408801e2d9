#pragma once

#include "core/transport/transport.h"

#include <QAbstractSocket>
#include <QList>
#include <QSsl>
#include <QSslConfiguration>
#include <QSslError>

class QWebSocket;

namespace mqttdesk {

// MQTT over WebSocket, ws:// or wss:// (QWebSocket). To its user it is a byte stream like
// the others: frames are queued as they arrive, whatever MQTT packets they split or join
// [MQTT-6.0.0-2].
class WebSocketTransport : public Transport
{
    Q_OBJECT
public:
    explicit WebSocketTransport(const TransportOptions &options, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    qint64 write(QByteArrayView data) override;
    qint64 write(const QByteArray &data) override;
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
    void onFrame(const QByteArray &frame);
    void onDisconnected();
    void dropSocket();

    QWebSocket *m_socket = nullptr;
    QSslConfiguration m_configuration;
    QList<QSslError> m_sslErrors;
    QList<QSslCertificate> m_peerChain;
    // Received frames not yet read; m_offset bytes of the first are already consumed.
    QList<QByteArray> m_chunks;
    qsizetype m_offset = 0;
    qint64 m_available = 0;
};

} // namespace mqttdesk
