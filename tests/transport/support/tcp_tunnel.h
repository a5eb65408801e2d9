#pragma once

#include <QObject>

class QTcpSocket;

namespace mqttdesk {

// Pipes two connected sockets into each other until either side closes; then closes the
// other and deletes itself. The fake proxies use it once their handshake is done.
class TcpTunnel : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of both sockets.
    TcpTunnel(QTcpSocket *client, QTcpSocket *upstream, QObject *parent = nullptr);

private:
    void finish();

    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
};

} // namespace mqttdesk
