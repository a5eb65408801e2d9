#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QTcpServer>

namespace mqttdesk {

// A minimal SOCKS5 proxy (RFC 1928, CONNECT only) on 127.0.0.1 for tests, with optional
// user/password authentication (RFC 1929). Records each "host:port" it connected to.
class Socks5Proxy : public QObject
{
    Q_OBJECT
public:
    explicit Socks5Proxy(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void requireCredentials(const QByteArray &user, const QByteArray &password);
    QByteArrayList targets() const { return m_targets; }

private:
    void onNewConnection();
    // Consumes one handshake step from `buffer`; false while more bytes are needed.
    bool step(class QTcpSocket *client, QByteArray &buffer, int &stage);

    QTcpServer m_server;
    QByteArray m_user;
    QByteArray m_password;
    QByteArrayList m_targets;
};

} // namespace mqttdesk
