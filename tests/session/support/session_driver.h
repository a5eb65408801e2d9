#pragma once

#include "core/protocol/packets.h"
#include "core/session/session.h"

#include <QList>
#include <QMap>
#include <QTest>

#include <optional>

namespace mqttdesk::test {

// Drives a Session like a shell would, without sockets: a fake clock, the timers the
// session asks for (fired in deadline order by advance()), transports that open at once
// (autoOpen) and close when asked (CloseTransport answered with TransportClosed), and
// server packets encoded with the codec. Every action is recorded.
class SessionDriver
{
public:
    explicit SessionDriver(SessionOptions options, quint64 seed = 1);

    Session session;
    ProtocolVersion version;
    qint64 now = 0;
    bool autoOpen = true;
    SessionActions actions; // everything since the last take()

    // Feeds an event at `now` (then carries out OpenTransport/CloseTransport answers).
    void handle(const SessionEvent &event);
    // Moves the clock, firing due timers at their deadlines.
    void advance(qint64 ms);
    // The actions recorded so far, cleared.
    SessionActions take();

    // A server packet, encoded for the version and fed as BytesReceived.
    void receive(const Packet &packet);
    void receiveBytes(const QByteArray &bytes);

    // ConnectRequested (+ transport open); the CONNECT that was sent.
    ConnectPacket connect();
    // connect() and a CONNACK; returns the CONNECT.
    ConnectPacket connectAndAccept(ConnackPacket connack = {});
    // The transport dies (an error close from the transport's side).
    void dropConnection(const QString &reason = QStringLiteral("connection reset"));

    bool timerRunning(SessionTimer timer) const { return m_deadlines.contains(timer); }
    qint64 timerDeadline(SessionTimer timer) const { return m_deadlines.value(timer, -1); }

    // Packets sent in `actions` (decoded), and typed views of the actions.
    QList<Packet> sent(const SessionActions &list) const;
    QList<Packet> takeSent() { return sent(take()); }
    template<typename T>
    static QList<T> of(const SessionActions &list)
    {
        QList<T> out;
        for (const SessionAction &a : list) {
            if (const T *t = std::get_if<T>(&a))
                out.append(*t);
        }
        return out;
    }
    template<typename T>
    static int count(const SessionActions &list)
    {
        return int(of<T>(list).size());
    }

    int opens = 0;  // OpenTransport actions seen
    int closes = 0; // CloseTransport actions seen

private:
    void record(SessionActions list);

    QMap<SessionTimer, qint64> m_deadlines;
};

// Helpers to build packets in one expression.
PublishPacket publishPacket(const QString &topic, const QByteArray &payload, QoS qos,
                            quint16 packetId = 0, bool retain = false, bool dup = false);
template<typename Ack>
Ack ackPacket(quint16 packetId, ReasonCode code = ReasonCode::Success)
{
    Ack p;
    p.packetId = packetId;
    p.reasonCode = code;
    return p;
}
ConnackPacket connackPacket(bool sessionPresent = false, ReasonCode code = ReasonCode::Success,
                            Properties properties = {});
PublishRequested publishRequest(quint64 token, const QString &topic, QoS qos,
                                const QByteArray &payload = QByteArrayLiteral("x"),
                                bool retain = false);
SubscribeRequested subscribeRequest(quint64 token, const QStringList &filters,
                                    QoS qos = QoS::AtLeastOnce);

// The three protocol versions as QTest data rows (column "version", an int).
void addVersionRows();
void addVersionRows(const QList<ProtocolVersion> &versions);
ProtocolVersion versionFromRow();

} // namespace mqttdesk::test
