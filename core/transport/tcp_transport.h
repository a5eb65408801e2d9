#pragma once

#include "core/transport/transport.h"

#include <QAbstractSocket>

class QTcpSocket;

namespace mqttdesk {

// MQTT over plain TCP (QTcpSocket), and the base of TlsTransport.
class TcpTransport : public Transport
{
    Q_OBJECT
public:
    explicit TcpTransport(const TransportOptions &options, QObject *parent = nullptr);
    ~TcpTransport() override;

    // The most Qt buffers from the socket before the connection reads it (see doOpen()).
    static constexpr qint64 kReadBufferLimit = 1024 * 1024;

    qint64 write(QByteArrayView data) override;
    qint64 write(const QByteArray &data) override;
    qint64 bytesToWrite() const override;
    qint64 bytesAvailable() const override;
    QByteArray readAll() override;
    qint64 read(char *data, qint64 maxSize) override;

protected:
    // A fresh socket for each open(), so a late signal of the last one cannot interfere.
    virtual QTcpSocket *createSocket();
    virtual void startConnection();
    virtual void onSocketConnected();
    TransportError translateSocketError(QAbstractSocket::SocketError error) override;
    QTcpSocket *socket() const { return m_socket; }

    void doOpen() override;
    void doClose() override;
    void doAbort() override;

private:
    void dropSocket();

    QTcpSocket *m_socket = nullptr;
};

} // namespace mqttdesk
