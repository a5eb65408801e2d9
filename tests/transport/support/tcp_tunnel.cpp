#include "tests/transport/support/tcp_tunnel.h"

#include <QTcpSocket>

namespace mqttdesk {

TcpTunnel::TcpTunnel(QTcpSocket *client, QTcpSocket *upstream, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_upstream(upstream)
{
    client->setParent(this);
    upstream->setParent(this);
    connect(client, &QTcpSocket::readyRead, this,
            [this] { m_upstream->write(m_client->readAll()); });
    connect(upstream, &QTcpSocket::readyRead, this,
            [this] { m_client->write(m_upstream->readAll()); });
    connect(client, &QTcpSocket::disconnected, this, &TcpTunnel::finish);
    connect(upstream, &QTcpSocket::disconnected, this, &TcpTunnel::finish);
    if (client->bytesAvailable() > 0)
        upstream->write(client->readAll());
}

void TcpTunnel::finish()
{
    m_client->disconnect(this);
    m_upstream->disconnect(this);
    m_client->disconnectFromHost();
    m_upstream->disconnectFromHost();
    deleteLater();
}

} // namespace mqttdesk
