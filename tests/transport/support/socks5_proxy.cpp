#include "tests/transport/support/socks5_proxy.h"

#include "tests/transport/support/tcp_tunnel.h"

#include <QHostAddress>
#include <QTcpSocket>

#include <memory>

namespace mqttdesk {

namespace {

enum Stage
{
    Greeting,
    Auth,
    Request,
    Done,
    Failed
};

} // namespace

Socks5Proxy::Socks5Proxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &Socks5Proxy::onNewConnection);
}

bool Socks5Proxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void Socks5Proxy::requireCredentials(const QByteArray &user, const QByteArray &password)
{
    m_user = user;
    m_password = password;
}

void Socks5Proxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        client->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        auto stage = std::make_shared<int>(Greeting);
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer, stage] {
            *buffer += client->readAll();
            while (*stage != Done && *stage != Failed && step(client, *buffer, *stage)) {
            }
        });
    }
}

bool Socks5Proxy::step(QTcpSocket *client, QByteArray &b, int &stage)
{
    auto byte = [&b](qsizetype i) { return quint8(b.at(i)); };
    switch (stage) {
    case Greeting: {
        if (b.size() < 2 || b.size() < 2 + byte(1))
            return false;
        const QByteArray methods = b.mid(2, byte(1));
        b.remove(0, 2 + byte(1));
        const char wanted = m_user.isEmpty() ? 0x00 : 0x02;
        if (!methods.contains(wanted)) {
            client->write(QByteArray::fromHex("05ff"));
            client->disconnectFromHost();
            stage = Failed;
            return false;
        }
        client->write(QByteArray(1, 0x05) + wanted);
        stage = m_user.isEmpty() ? Request : Auth;
        return true;
    }
    case Auth: {
        if (b.size() < 2 || b.size() < 3 + byte(1) || b.size() < 3 + byte(1) + byte(2 + byte(1)))
            return false;
        const int ulen = byte(1);
        const QByteArray user = b.mid(2, ulen);
        const int plen = byte(2 + ulen);
        const QByteArray password = b.mid(3 + ulen, plen);
        b.remove(0, 3 + ulen + plen);
        const bool ok = user == m_user && password == m_password;
        client->write(QByteArray::fromHex(ok ? "0100" : "0101"));
        if (!ok) {
            client->disconnectFromHost();
            stage = Failed;
            return false;
        }
        stage = Request;
        return true;
    }
    case Request: {
        if (b.size() < 5)
            return false;
        QString host;
        qsizetype addressEnd = 0;
        if (byte(3) == 0x01) {
            addressEnd = 8;
            if (b.size() < addressEnd + 2)
                return false;
            host = QHostAddress((quint32(byte(4)) << 24) | (quint32(byte(5)) << 16) |
                                (quint32(byte(6)) << 8) | quint32(byte(7)))
                       .toString();
        } else if (byte(3) == 0x03) {
            addressEnd = 5 + byte(4);
            if (b.size() < addressEnd + 2)
                return false;
            host = QString::fromLatin1(b.mid(5, byte(4)));
        } else {
            client->write(QByteArray::fromHex("05080001000000000000")); // address type
            client->disconnectFromHost();
            stage = Failed;
            return false;
        }
        const quint16 port = quint16((byte(addressEnd) << 8) | byte(addressEnd + 1));
        b.remove(0, addressEnd + 2);
        m_targets << host.toLatin1() + ':' + QByteArray::number(port);
        auto *upstream = new QTcpSocket(this);
        connect(upstream, &QTcpSocket::connected, this, [this, client, upstream] {
            upstream->disconnect(this);
            client->disconnect(this);
            client->write(QByteArray::fromHex("05000001000000000000"));
            new TcpTunnel(client, upstream, this);
        });
        connect(upstream, &QTcpSocket::errorOccurred, this, [client, upstream] {
            client->write(QByteArray::fromHex("05050001000000000000")); // refused
            client->disconnectFromHost();
            upstream->deleteLater();
        });
        upstream->connectToHost(host, port);
        stage = Done;
        return false;
    }
    default:
        return false;
    }
}

} // namespace mqttdesk
