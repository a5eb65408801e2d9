#include "tests/connection/fault_proxy.h"

#include "core/protocol/frame_reader.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <deque>

#include <sys/socket.h>

namespace mqttdesk {

// One direction of one relayed connection.
struct FaultProxy::Flow
{
    struct Chunk
    {
        QByteArray bytes;
        qsizetype pos = 0;    // bytes before pos are written
        qint64 dueMs = 0;     // latency: not before this time of m_clock
        bool cutHere = false; // a marker: the cut rule fired at this point of the stream
    };
    std::deque<Chunk> queue;
    // Only for packet boundaries: its offsets are this direction's stream offsets.
    FrameReader reader;
    qint64 received = 0;  // bytes read from the source so far
    qint64 forwarded = 0; // bytes written to the destination so far
    qint64 nextFrameStart = 0;
    qint64 lastCounted = -1;     // stream offset of the last packet counted for cut rules
    qint64 cutAfterFrameAt = -1; // a packet to cut after once it is complete
    bool dropping = false;       // a cut is decided or the direction half-closed
    bool cutWaiting = false;     // the cut waits for the kernel to take the last bytes
    qint64 nextSendMs = 0;       // throttle: the next write not before this
    QTimer *timer = nullptr;
};

struct FaultProxy::Link
{
    QTcpSocket *client = nullptr;
    QTcpSocket *broker = nullptr; // null for a black-holed connection
    std::array<Flow, 2> flows;

    QTcpSocket *source(Direction d) const
    {
        return d == Direction::ClientToBroker ? client : broker;
    }
    QTcpSocket *destination(Direction d) const
    {
        return d == Direction::ClientToBroker ? broker : client;
    }

    ~Link()
    {
        for (QTcpSocket *socket : {client, broker}) {
            if (!socket)
                continue;
            // Silenced first: abort() would report a state change to a Link that is gone.
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            socket->abort();
            socket->deleteLater();
        }
        for (Flow &flow : flows) {
            if (flow.timer) {
                QObject::disconnect(flow.timer, nullptr, nullptr, nullptr);
                flow.timer->stop();
                flow.timer->deleteLater();
            }
        }
    }
};

FaultProxy::FaultProxy(QString targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
{
    m_clock.start();
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::setLatency(Direction direction, int ms)
{
    faults(direction).latencyMs = qMax(0, ms);
    pumpAll();
}

void FaultProxy::setThrottle(Direction direction, qint64 bytesPerSecond)
{
    faults(direction).bytesPerSecond = qMax<qint64>(0, bytesPerSecond);
    pumpAll();
}

void FaultProxy::setSplitWrites(Direction direction, bool on)
{
    faults(direction).split = on;
    pumpAll();
}

void FaultProxy::hold(Direction direction)
{
    faults(direction).held = true;
}

void FaultProxy::release(Direction direction)
{
    faults(direction).held = false;
    pumpAll();
}

void FaultProxy::cutAfterBytes(Direction direction, qint64 bytes)
{
    CutRule rule;
    rule.bytesLeft = qMax<qint64>(0, bytes);
    m_rules[index(direction)] = rule;
}

void FaultProxy::cutAtPacket(Direction direction, PacketType type, int occurrence, CutPoint point)
{
    CutRule rule;
    rule.type = type;
    rule.occurrence = qMax(1, occurrence);
    rule.point = point;
    m_rules[index(direction)] = rule;
    for (const auto &link : m_links)
        link->flows[index(direction)].cutAfterFrameAt = -1;
}

void FaultProxy::halfClose(Direction direction)
{
    for (const auto &link : m_links) {
        QTcpSocket *destination = link->destination(direction);
        if (!destination || destination->state() != QAbstractSocket::ConnectedState)
            continue;
        Flow &flow = link->flows[index(direction)];
        flow.queue.clear();
        flow.dropping = true;
        destination->flush();
        // Qt has no half-close; the receiver reads end of stream while its own direction
        // stays open, as behind a NAT or a proxy that closed one way.
        ::shutdown(int(destination->socketDescriptor()), SHUT_WR);
    }
}

void FaultProxy::setBlackHole(bool on)
{
    m_blackHole = on;
}

void FaultProxy::clearFaults()
{
    m_faults = {};
    m_rules = {};
    m_blackHole = false;
    for (const auto &link : m_links) {
        for (Flow &flow : link->flows)
            flow.cutAfterFrameAt = -1;
    }
    pumpAll();
}

void FaultProxy::cutAll()
{
    m_links.clear();
}

int FaultProxy::activeCount() const
{
    return int(m_links.size());
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        auto owned = std::make_unique<Link>();
        Link *link = owned.get();
        m_links.push_back(std::move(owned));
        link->client = client;
        client->setParent(nullptr); // the Link owns it
        // Small writes go out at once: split writes must reach the peer as separate segments.
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_blackHole) {
            connect(client, &QTcpSocket::readyRead, this, [client] { client->readAll(); });
            connect(client, &QTcpSocket::disconnected, this, [this, link] { finish(link); });
            emit accepted();
            continue;
        }
        link->broker = new QTcpSocket;
        for (Direction d : {Direction::ClientToBroker, Direction::BrokerToClient}) {
            Flow &flow = link->flows[index(d)];
            flow.timer = new QTimer;
            flow.timer->setSingleShot(true);
            connect(flow.timer, &QTimer::timeout, this, [this, link, d] { pump(link, d); });
            QTcpSocket *source = link->source(d);
            connect(source, &QTcpSocket::readyRead, this, [this, link, d] { onReadable(link, d); });
            connect(source, &QAbstractSocket::stateChanged, this,
                    [this, link](QAbstractSocket::SocketState state) {
                        if (state == QAbstractSocket::UnconnectedState)
                            closeGracefully(link);
                    });
        }
        // Only the client can have sent anything yet (and a cut in it may end the link).
        connect(link->broker, &QTcpSocket::connected, this, [this, link] {
            // Set once connected: before, the socket has no descriptor to take it.
            link->broker->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            pump(link, Direction::ClientToBroker);
        });
        link->broker->connectToHost(m_targetHost, m_targetPort);
        emit accepted();
    }
}

void FaultProxy::onReadable(Link *link, Direction direction)
{
    QTcpSocket *source = link->source(direction);
    const QByteArray chunk = source->readAll();
    if (chunk.isEmpty())
        return;
    Flow &flow = link->flows[index(direction)];
    const qint64 offset = flow.received;
    flow.received += chunk.size();
    if (flow.dropping)
        return;
    const std::optional<qint64> cutAt = findCut(flow, direction, chunk, offset);
    const qint64 due = m_clock.elapsed() + faults(direction).latencyMs;
    const QByteArray before = cutAt ? chunk.first(*cutAt - offset) : chunk;
    if (!before.isEmpty())
        flow.queue.push_back({.bytes = before, .pos = 0, .dueMs = due, .cutHere = false});
    if (cutAt) {
        // What follows the cut point was "lost on the wire": never forwarded.
        flow.dropping = true;
        flow.queue.push_back({.bytes = {}, .pos = 0, .dueMs = due, .cutHere = true});
    }
    pump(link, direction);
}

std::optional<qint64> FaultProxy::findCut(Flow &flow, Direction direction, const QByteArray &chunk,
                                          qint64 chunkOffset)
{
    std::optional<CutRule> &rule = m_rules[index(direction)];
    // The reader sees every chunk, rule or not, so packet boundaries stay known when a
    // rule is set in the middle of a connection.
    flow.reader.append(chunk);
    const qint64 end = chunkOffset + chunk.size();
    std::optional<qint64> at;
    if (rule && !rule->type) {
        if (chunk.size() >= rule->bytesLeft)
            at = chunkOffset + rule->bytesLeft;
        else
            rule->bytesLeft -= chunk.size();
    }
    while (!at) {
        // A packet is counted as soon as its first byte (the type) is here, so a cut
        // before it also works when the packet arrives in pieces. A packet whose first
        // byte came in an earlier chunk was counted then.
        if (flow.nextFrameStart < end && flow.nextFrameStart > flow.lastCounted) {
            flow.lastCounted = flow.nextFrameStart;
            const auto header = quint8(chunk.at(flow.nextFrameStart - chunkOffset));
            if (rule && rule->type && packetTypeFromHeader(header) == rule->type &&
                ++rule->seen == rule->occurrence) {
                if (rule->point == CutPoint::BeforePacket)
                    at = flow.nextFrameStart;
                else
                    flow.cutAfterFrameAt = flow.nextFrameStart;
                continue;
            }
        }
        // After a framing error (not MQTT at all) next() stays empty: the proxy still
        // relays, it only stops counting packets.
        const std::optional<Frame> frame = flow.reader.next();
        if (!frame)
            break;
        flow.nextFrameStart = frame->streamOffset + frame->packetSize();
        if (frame->streamOffset == flow.cutAfterFrameAt)
            at = flow.nextFrameStart;
    }
    if (at) {
        rule.reset(); // one-shot: the reconnect that follows passes
        flow.cutAfterFrameAt = -1;
    }
    return at;
}

void FaultProxy::pump(Link *link, Direction direction)
{
    QTcpSocket *destination = link->destination(direction);
    if (!destination || destination->state() != QAbstractSocket::ConnectedState)
        return; // the broker side still connecting: its connected() pumps
    Flow &flow = link->flows[index(direction)];
    const DirectionFaults &f = faults(direction);
    const auto arm = [&flow](qint64 ms) {
        if (!flow.timer->isActive() || flow.timer->remainingTime() > ms)
            flow.timer->start(int(ms));
    };
    while (!flow.queue.empty() && !f.held) {
        Flow::Chunk &chunk = flow.queue.front();
        const qint64 now = m_clock.elapsed();
        if (chunk.dueMs > now)
            return arm(chunk.dueMs - now);
        if (chunk.cutHere)
            return cut(link, direction);
        if (f.bytesPerSecond > 0 && flow.nextSendMs > now)
            return arm(flow.nextSendMs - now);
        qsizetype n = chunk.bytes.size() - chunk.pos;
        if (f.split)
            n = 1;
        if (f.bytesPerSecond > 0) // slices of 50 ms worth keep the rate smooth
            n = qMin(n, qsizetype(qMax<qint64>(1, f.bytesPerSecond / 20)));
        destination->write(chunk.bytes.constData() + chunk.pos, n);
        flow.forwarded += n;
        chunk.pos += n;
        if (chunk.pos == chunk.bytes.size())
            flow.queue.pop_front();
        if (f.bytesPerSecond > 0)
            flow.nextSendMs = now + n * 1000 / f.bytesPerSecond;
        // A write syscall of its own (with no delay set, a TCP segment of its own). Not
        // spaced by event loop turns: on the test thread each turn can cost 10 ms (the
        // sleeps of QTest::qWaitFor).
        if (f.split)
            destination->flush();
    }
}

void FaultProxy::pumpAll()
{
    // A pump may reach a cut and end its link: iterate over a copy, skip the ended.
    std::vector<Link *> links;
    for (const auto &link : m_links)
        links.push_back(link.get());
    const auto alive = [this](Link *link) {
        return std::any_of(m_links.begin(), m_links.end(),
                           [link](const auto &l) { return l.get() == link; });
    };
    for (Link *link : links) {
        for (Direction d : {Direction::ClientToBroker, Direction::BrokerToClient}) {
            if (alive(link))
                pump(link, d);
        }
    }
}

void FaultProxy::cut(Link *link, Direction direction)
{
    Flow &flow = link->flows[index(direction)];
    QTcpSocket *destination = link->destination(direction);
    destination->flush();
    // "After the packet" must mean delivered: the bytes go to the kernel before the
    // close, or abort() would discard them with Qt's write buffer.
    if (destination->bytesToWrite() > 0) {
        if (!flow.cutWaiting) {
            flow.cutWaiting = true;
            connect(destination, &QTcpSocket::bytesWritten, this, [this, link, direction] {
                if (link->destination(direction)->bytesToWrite() == 0)
                    cut(link, direction);
            });
        }
        return;
    }
    ++m_cuts;
    const qint64 offset = flow.forwarded;
    finish(link); // abort() closes both sockets at once, without waiting for anything
    emit connectionCut(direction, offset);
}

void FaultProxy::finish(Link *link)
{
    for (auto it = m_links.begin(); it != m_links.end(); ++it) {
        if (it->get() == link) {
            m_links.erase(it);
            return;
        }
    }
}

void FaultProxy::closeGracefully(Link *link)
{
    // One side went away by itself: what the proxy still holds towards the other side
    // goes out now (latency and throttling no longer matter), then the other side closes.
    for (Direction d : {Direction::ClientToBroker, Direction::BrokerToClient}) {
        QTcpSocket *source = link->source(d);
        QTcpSocket *destination = link->destination(d);
        Flow &flow = link->flows[index(d)];
        if (source->bytesAvailable() > 0 && !flow.dropping)
            flow.queue.push_back(
                {.bytes = source->readAll(), .pos = 0, .dueMs = 0, .cutHere = false});
        if (destination->state() != QAbstractSocket::ConnectedState)
            continue;
        for (const Flow::Chunk &chunk : flow.queue) {
            if (chunk.cutHere)
                break;
            destination->write(chunk.bytes.constData() + chunk.pos, chunk.bytes.size() - chunk.pos);
        }
        flow.queue.clear();
        destination->flush();
    }
    finish(link);
}

} // namespace mqttdesk
