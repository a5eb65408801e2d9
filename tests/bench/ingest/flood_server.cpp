#include "tests/bench/ingest/flood_server.h"

#include "core/protocol/codec.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

#include <cerrno>
#include <cstdio>
#include <poll.h>
#include <sys/socket.h>

namespace mqttdesk {

namespace {

// Large enough to amortise the system calls, small enough to stay in cache.
constexpr qsizetype ChunkTargetBytes = 256 * 1024;
// A client that reads nothing for this long is stuck; the flood gives up.
constexpr int StallTimeoutMs = 30000;

} // namespace

FloodServer::FloodServer(FloodOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    connect(&m_server, &QTcpServer::newConnection, this, &FloodServer::onNewConnection);
}

bool FloodServer::listen(QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, m_options.port))
        return true;
    *error = m_server.errorString();
    return false;
}

void FloodServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_client) { // one client at a time
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_client = socket;
        m_reader.reset();
        m_phase = Phase::AwaitConnect;
        connect(socket, &QTcpSocket::readyRead, this, &FloodServer::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &FloodServer::onDisconnected);
        onReadyRead();
    }
}

void FloodServer::onReadyRead()
{
    if (!m_client)
        return;
    const QByteArray data = m_client->readAll();
    if (m_phase == Phase::Draining)
        return; // DISCONNECT, PINGREQ: nothing to answer once the flood is out
    m_reader.append(data);
    handleFrames();
}

void FloodServer::handleFrames()
{
    while (m_client && m_phase != Phase::Draining) {
        const std::optional<Frame> frame = m_reader.next();
        if (!frame) {
            if (m_reader.hasError())
                fail(QStringLiteral("malformed stream from the client"));
            return;
        }
        const DecodeResult decoded = decode(*frame, m_version);
        if (!decoded) {
            fail(QStringLiteral("undecodable packet from the client"));
            return;
        }
        const Packet &packet = decoded.value();
        if (m_phase == Phase::AwaitConnect) {
            const auto *connectPacket = std::get_if<ConnectPacket>(&packet);
            if (!connectPacket) {
                fail(QStringLiteral("first packet is not CONNECT"));
                return;
            }
            m_version = connectPacket->protocolVersion;
            m_client->write(encode(ConnackPacket{}, m_version));
            m_phase = Phase::AwaitSubscribe;
        } else if (const auto *subscribe = std::get_if<SubscribePacket>(&packet)) {
            SubackPacket suback;
            suback.packetId = subscribe->packetId;
            for (qsizetype i = 0; i < subscribe->subscriptions.size(); ++i)
                suback.reasonCodes.append(ReasonCode::GrantedQoS0);
            m_client->write(encode(suback, m_version));
            // The SUBACK must leave Qt's buffer before the flood bypasses it.
            while (m_client->bytesToWrite() > 0 && m_client->waitForBytesWritten(StallTimeoutMs)) {
            }
            m_phase = Phase::Draining;
            if (!flood())
                ++m_failures;
        } else if (std::holds_alternative<PingreqPacket>(packet)) {
            m_client->write(encode(PingrespPacket{}, m_version));
        }
    }
}

const QByteArray &FloodServer::chunkFor(ProtocolVersion version)
{
    if (!m_chunk.isEmpty() && m_chunkVersion == version)
        return m_chunk;
    PublishPacket publish;
    publish.topic = m_options.topic;
    publish.payload = QByteArray(m_options.payloadSize, 'x');
    // A recognisable, printable payload: "flood" then the filler.
    publish.payload.replace(0, qMin<qsizetype>(5, publish.payload.size()),
                            QByteArray("flood").left(publish.payload.size()));
    const QByteArray packet = encode(publish, version);
    m_packetSize = packet.size();
    const qsizetype perChunk = qMax<qsizetype>(1, ChunkTargetBytes / m_packetSize);
    m_chunk = packet.repeated(perChunk);
    m_chunkVersion = version;
    return m_chunk;
}

bool FloodServer::flood()
{
    const QByteArray &chunk = chunkFor(m_version);
    const qint64 perChunk = chunk.size() / m_packetSize;
    const int fd = int(m_client->socketDescriptor());
    QElapsedTimer timer;
    timer.start();
    qint64 remaining = m_options.count;
    while (remaining > 0) {
        const qint64 packets = qMin(remaining, perChunk);
        const char *data = chunk.constData();
        qint64 left = packets * m_packetSize;
        while (left > 0) {
            const ssize_t n = ::send(fd, data, size_t(left), MSG_NOSIGNAL);
            if (n > 0) {
                data += n;
                left -= n;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                pollfd p{fd, POLLOUT, 0};
                if (::poll(&p, 1, StallTimeoutMs) > 0 && !(p.revents & (POLLERR | POLLHUP)))
                    continue;
            }
            std::fprintf(stderr, "flood: client stopped reading after %lld of %lld packets\n",
                         static_cast<long long>(m_options.count - remaining),
                         static_cast<long long>(m_options.count));
            return false;
        }
        remaining -= packets;
    }
    const double seconds = double(qMax<qint64>(1, timer.nsecsElapsed())) / 1e9;
    std::fprintf(stderr, "flood: %lld packets of %lld bytes (MQTT %s) written in %.3f s\n",
                 static_cast<long long>(m_options.count), static_cast<long long>(m_packetSize),
                 qPrintable(protocolVersionName(m_version)), seconds);
    return true;
}

void FloodServer::fail(const QString &why)
{
    std::fprintf(stderr, "flood: %s\n", qPrintable(why));
    ++m_failures;
    if (m_client)
        m_client->abort(); // emits disconnected -> next client
}

void FloodServer::onDisconnected()
{
    if (!m_client)
        return;
    m_client->deleteLater();
    m_client = nullptr;
    if (++m_served >= m_options.clients)
        emit finished(m_failures == 0 ? 0 : 2);
}

} // namespace mqttdesk
