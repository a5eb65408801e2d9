#include "tests/session/support/session_driver.h"

#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"

namespace mqttdesk::test {

SessionDriver::SessionDriver(SessionOptions options, quint64 seed)
    : session(options, seed)
    , version(options.version)
{}

void SessionDriver::record(SessionActions list)
{
    bool open = false;
    int close = 0;
    for (SessionAction &a : list) {
        if (const auto *start = std::get_if<StartTimer>(&a))
            m_deadlines.insert(start->timer, now + start->durationMs);
        else if (const auto *stop = std::get_if<StopTimer>(&a))
            m_deadlines.remove(stop->timer);
        else if (std::holds_alternative<OpenTransport>(a))
            open = true;
        else if (std::holds_alternative<CloseTransport>(a))
            ++close;
        actions.push_back(std::move(a));
    }
    opens += open ? 1 : 0;
    closes += close;
    // The shell's answers, in order: the close of the old transport first.
    for (int i = 0; i < close; ++i)
        record(session.handle(TransportClosed{}, now));
    if (open && autoOpen)
        record(session.handle(TransportOpened{}, now));
}

void SessionDriver::handle(const SessionEvent &event)
{
    record(session.handle(event, now));
}

void SessionDriver::advance(qint64 ms)
{
    const qint64 end = now + ms;
    // Bounded: each turn fires one timer; a session re-arming timers at 0 ms would stop here.
    for (int guard = 0; guard < 100000; ++guard) {
        auto next = m_deadlines.end();
        for (auto it = m_deadlines.begin(); it != m_deadlines.end(); ++it) {
            if (it.value() <= end && (next == m_deadlines.end() || it.value() < next.value()))
                next = it;
        }
        if (next == m_deadlines.end())
            break;
        const SessionTimer timer = next.key();
        now = std::max(now, next.value());
        m_deadlines.erase(next);
        record(session.handle(TimerFired{timer}, now));
    }
    now = end;
}

SessionActions SessionDriver::take()
{
    SessionActions out;
    out.swap(actions);
    return out;
}

void SessionDriver::receive(const Packet &packet)
{
    const EncodeResult bytes = tryEncode(packet, version);
    QVERIFY2(bytes.ok(), qPrintable(bytes.ok() ? QString() : bytes.error().message()));
    receiveBytes(bytes.value());
}

void SessionDriver::receiveBytes(const QByteArray &bytes)
{
    handle(BytesReceived{bytes});
}

ConnectPacket SessionDriver::connect()
{
    handle(ConnectRequested{});
    const QList<Packet> packets = sent(actions);
    for (const Packet &p : packets) {
        if (const auto *c = std::get_if<ConnectPacket>(&p))
            return *c;
    }
    return {};
}

ConnectPacket SessionDriver::connectAndAccept(ConnackPacket connack)
{
    ConnectPacket connect = this->connect();
    receive(connack);
    return connect;
}

void SessionDriver::dropConnection(const QString &reason)
{
    handle(TransportClosed{reason, true});
}

QList<Packet> SessionDriver::sent(const SessionActions &list) const
{
    QList<Packet> packets;
    for (const SessionAction &a : list) {
        const auto *send = std::get_if<SendBytes>(&a);
        if (!send)
            continue;
        FrameReader reader;
        reader.append(send->bytes);
        const std::optional<Frame> frame = reader.next();
        if (!frame || reader.bufferedBytes() != 0) {
            qWarning("SendBytes does not hold exactly one packet");
            continue;
        }
        DecodeResult decoded = decode(*frame, version);
        if (!decoded) {
            qWarning("sent packet does not decode: %s", qPrintable(decoded.error().message()));
            continue;
        }
        packets.append(decoded.value());
    }
    return packets;
}

PublishPacket publishPacket(const QString &topic, const QByteArray &payload, QoS qos,
                            quint16 packetId, bool retain, bool dup)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = qos;
    p.packetId = packetId;
    p.retain = retain;
    p.dup = dup;
    return p;
}

ConnackPacket connackPacket(bool sessionPresent, ReasonCode code, Properties properties)
{
    ConnackPacket p;
    p.sessionPresent = sessionPresent;
    p.reasonCode = code;
    p.properties = std::move(properties);
    return p;
}

PublishRequested publishRequest(quint64 token, const QString &topic, QoS qos,
                                const QByteArray &payload, bool retain)
{
    PublishRequested r;
    r.token = token;
    r.message = publishPacket(topic, payload, qos, 0, retain);
    return r;
}

SubscribeRequested subscribeRequest(quint64 token, const QStringList &filters, QoS qos)
{
    SubscribeRequested r;
    r.token = token;
    for (const QString &f : filters) {
        Subscription s;
        s.filter = f;
        s.options.qos = qos;
        r.subscriptions.append(s);
    }
    return r;
}

void addVersionRows(const QList<ProtocolVersion> &versions)
{
    QTest::addColumn<int>("version");
    for (ProtocolVersion v : versions)
        QTest::newRow(qPrintable(protocolVersionName(v))) << int(v);
}

void addVersionRows()
{
    addVersionRows({ProtocolVersion::V31, ProtocolVersion::V311, ProtocolVersion::V5});
}

ProtocolVersion versionFromRow()
{
    QFETCH(int, version);
    return ProtocolVersion(version);
}

} // namespace mqttdesk::test
