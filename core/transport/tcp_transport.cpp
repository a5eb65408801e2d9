#include "core/transport/tcp_transport.h"

#include <QNetworkProxy>
#include <QTcpSocket>

namespace mqttdesk {

TcpTransport::TcpTransport(const TransportOptions &options, QObject *parent)
    : Transport(options, parent)
{}

TcpTransport::~TcpTransport()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QTcpSocket *TcpTransport::createSocket()
{
    return new QTcpSocket(this);
}

void TcpTransport::startConnection()
{
    m_socket->connectToHost(options().host, options().port);
}

void TcpTransport::onSocketConnected()
{
    markOpen();
}

TransportError TcpTransport::translateSocketError(QAbstractSocket::SocketError error)
{
    return commonSocketError(error, m_socket->errorString());
}

void TcpTransport::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void TcpTransport::doOpen()
{
    dropSocket();
    m_socket = createSocket();
    if (!m_socket)
        return; // createSocket() reported the problem through failLater()
    m_socket->setProxy(networkProxy());
    // Bounded, so that a connection that stops reading (back-pressure from storage) leaves
    // the rest in the kernel, whose full buffer closes the TCP window, instead of Qt taking
    // everything into memory. Every readyRead is read whole, so a flood does not notice.
    m_socket->setReadBufferSize(kReadBufferLimit);
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        // MQTT packets are small and latency-sensitive: no Nagle delay.
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (state() == State::Opening)
            onSocketConnected();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &Transport::readyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Transport::bytesWritten);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpTransport::socketErrorOccurred);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { socketDisconnected(); });
    startConnection();
}

void TcpTransport::doClose()
{
    if (m_socket)
        m_socket->disconnectFromHost(); // emits disconnected() once the queue is flushed
    else
        markClosed();
}

void TcpTransport::doAbort()
{
    if (m_socket)
        m_socket->abort();
}

qint64 TcpTransport::write(QByteArrayView data)
{
    if (state() != State::Open)
        return -1;
    return m_socket->write(data.data(), data.size());
}

qint64 TcpTransport::write(const QByteArray &data)
{
    if (state() != State::Open)
        return -1;
    return m_socket->write(data);
}

qint64 TcpTransport::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

qint64 TcpTransport::bytesAvailable() const
{
    return m_socket ? m_socket->bytesAvailable() : 0;
}

QByteArray TcpTransport::readAll()
{
    if (!m_socket || !m_socket->isOpen())
        return QByteArray();
    // read(n), n being all that is buffered, hands over the read buffer's block itself when
    // the buffer is one block (as it is when each notification is drained); readAll() copies
    // it, a second copy of every byte received: a fifth of the CPU time of a 64 KiB flood.
    return m_socket->read(m_socket->bytesAvailable());
}

qint64 TcpTransport::read(char *data, qint64 maxSize)
{
    return m_socket && m_socket->isOpen() ? m_socket->read(data, maxSize) : -1;
}

} // namespace mqttdesk
