#include "core/transport/transport.h"

#include <QNetworkProxy>

namespace mqttdesk {

Transport::Transport(const TransportOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    qRegisterMetaType<mqttdesk::TransportError>();
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &Transport::onConnectTimeout);
}

Transport::~Transport() = default;

void Transport::open()
{
    if (m_state == State::Opening || m_state == State::Open)
        return;
    ++m_generation;
    m_lastError = {};
    m_state = State::Opening;
    if (m_options.host.trimmed().isEmpty() || m_options.port == 0) {
        failLater(TransportError::make(
            TransportError::Kind::InvalidOptions,
            m_options.port == 0 ? tr("No port given: enter the broker's port (1883 for MQTT, "
                                     "8883 for MQTT over TLS).")
                                : tr("No host given: enter the broker's host name or address.")));
        return;
    }
    if (m_options.connectTimeoutMs > 0)
        m_connectTimer.start(m_options.connectTimeoutMs);
    doOpen();
}

void Transport::close()
{
    if (m_state == State::Opening) {
        abort();
        return;
    }
    if (m_state != State::Open)
        return;
    m_state = State::Closing;
    doClose();
}

void Transport::abort()
{
    const State previous = m_state;
    if (previous == State::Closed)
        return;
    m_connectTimer.stop();
    m_state = State::Closed;
    doAbort();
    if (previous == State::Open || previous == State::Closing)
        emit disconnected();
}

void Transport::markOpen()
{
    if (m_state != State::Opening)
        return;
    m_connectTimer.stop();
    m_state = State::Open;
    emit connected();
}

void Transport::markClosed()
{
    const State previous = m_state;
    if (previous == State::Closed)
        return;
    m_connectTimer.stop();
    m_state = State::Closed;
    if (previous == State::Open || previous == State::Closing)
        emit disconnected();
}

void Transport::fail(const TransportError &error, bool keepBuffer)
{
    const State previous = m_state;
    if (previous == State::Closed)
        return;
    m_connectTimer.stop();
    // Closed first: the backend's own signals during abort must find nothing to do.
    m_state = State::Closed;
    m_lastError = error;
    if (!keepBuffer)
        doAbort();
    emit errorOccurred(error);
    if (previous == State::Open || previous == State::Closing)
        emit disconnected();
}

void Transport::failLater(const TransportError &error)
{
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, error, generation] {
            if (generation == m_generation)
                fail(error);
        },
        Qt::QueuedConnection);
}

void Transport::onConnectTimeout()
{
    if (m_state != State::Opening)
        return;
    fail(TransportError::make(
        TransportError::Kind::Timeout,
        tr("No connection to %1 within %2 s: the server or proxy did not answer in time.")
            .arg(endpoint())
            .arg(m_options.connectTimeoutMs / 1000.0)));
}

void Transport::socketErrorOccurred(QAbstractSocket::SocketError error)
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::Closing && error == QAbstractSocket::RemoteHostClosedError) {
        markClosed();
        return;
    }
    const TransportError translated = translateSocketError(error);
    fail(translated, translated.kind == TransportError::Kind::RemoteClosed);
}

void Transport::socketDisconnected(QAbstractSocket::SocketError cause)
{
    if (m_state == State::Closing)
        markClosed();
    else if (m_state != State::Closed)
        fail(translateSocketError(cause), true);
}

TransportError Transport::commonSocketError(QAbstractSocket::SocketError error,
                                            const QString &backendText) const
{
    return TransportError::fromSocketError(error, backendText, m_options.host, m_options.port,
                                           m_options.proxy.kind != ProxyOptions::Kind::None);
}

QNetworkProxy Transport::networkProxy() const
{
    const ProxyOptions &p = m_options.proxy;
    switch (p.kind) {
    case ProxyOptions::Kind::None:
        break;
    case ProxyOptions::Kind::HttpConnect:
        return QNetworkProxy(QNetworkProxy::HttpProxy, p.host, p.port, p.user, p.password);
    case ProxyOptions::Kind::Socks5:
        return QNetworkProxy(QNetworkProxy::Socks5Proxy, p.host, p.port, p.user, p.password);
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

QString Transport::endpoint() const
{
    return m_options.host + QLatin1Char(':') + QString::number(m_options.port);
}

QString Transport::verifyName() const
{
    return m_options.tls.peerName.isEmpty() ? m_options.host : m_options.tls.peerName;
}

} // namespace mqttdesk
