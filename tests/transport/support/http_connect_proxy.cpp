#include "tests/transport/support/http_connect_proxy.h"

#include "tests/transport/support/tcp_tunnel.h"

#include <QTcpSocket>

namespace mqttdesk {

HttpConnectProxy::HttpConnectProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpConnectProxy::onNewConnection);
}

bool HttpConnectProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void HttpConnectProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        connect(client, &QTcpSocket::readyRead, this, [this, client] {
            // Peek until the whole request head is there; the rest belongs to the tunnel.
            const QByteArray buffered = client->peek(client->bytesAvailable());
            const qsizetype end = buffered.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            client->disconnect(this);
            const QByteArray head = client->read(end + 4);
            m_requests << head;
            const QList<QByteArray> words = head.left(head.indexOf("\r\n")).split(' ');
            const qsizetype colon = words.value(1).lastIndexOf(':');
            if (m_refuseStatus != 0 || words.value(0) != "CONNECT" || colon < 0) {
                const int status = m_refuseStatus != 0 ? m_refuseStatus : 400;
                client->write("HTTP/1.1 " + QByteArray::number(status) +
                              " Refused\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            auto *upstream = new QTcpSocket(this);
            connect(upstream, &QTcpSocket::connected, this, [this, client, upstream] {
                upstream->disconnect(this);
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                new TcpTunnel(client, upstream, this);
            });
            connect(upstream, &QTcpSocket::errorOccurred, this, [client, upstream] {
                client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
                upstream->deleteLater();
            });
            upstream->connectToHost(QString::fromLatin1(words.value(1).left(colon)),
                                    words.value(1).mid(colon + 1).toUShort());
        });
    }
}

} // namespace mqttdesk
