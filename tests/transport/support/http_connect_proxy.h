#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QTcpServer>

namespace mqttdesk {

// A minimal HTTP CONNECT proxy on 127.0.0.1 for tests: it records each request and tunnels
// to the requested host:port, or answers every request with `refuseStatus` when set.
class HttpConnectProxy : public QObject
{
    Q_OBJECT
public:
    explicit HttpConnectProxy(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Request heads as received ("CONNECT 127.0.0.1:1883 HTTP/1.1\r\n...").
    QByteArrayList requests() const { return m_requests; }
    void setRefuseStatus(int status) { m_refuseStatus = status; }

private:
    void onNewConnection();

    QTcpServer m_server;
    QByteArrayList m_requests;
    int m_refuseStatus = 0;
};

} // namespace mqttdesk
