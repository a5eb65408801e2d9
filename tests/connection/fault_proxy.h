#pragma once

#include "core/protocol/packet_type.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTcpServer>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace mqttdesk {

// A TCP relay on 127.0.0.1 between our client and a broker, with faults a test turns on
// and off while it runs: latency, throttling, split writes, holding a direction, cutting
// the connection at a byte count or at an MQTT packet, half-closing, black-holing.
//
//   FaultProxy proxy(TestBroker::host(), broker.port(TestBroker::Listener::Plain));
//   QVERIFY(proxy.listen());          // then connect the client to proxy.port()
//   proxy.cutAtPacket(FaultProxy::Direction::BrokerToClient, PacketType::Puback, 1,
//                     FaultProxy::CutPoint::BeforePacket);
//
// Faults apply to every relayed connection. Cuts are one-shot: a cut rule fires once
// (counting from the moment it is set, over all connections) and is then gone, so the
// client's reconnect passes cleanly.
//
// It lives on the thread that creates it (the test's): it relays while the test waits in
// QTest::qWaitFor / QTRY_*, whose pauses between event loop passes add up to ~10 ms per hop.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Direction
    {
        ClientToBroker,
        BrokerToClient,
    };
    Q_ENUM(Direction)
    enum class CutPoint
    {
        BeforePacket, // the packet never reaches its peer
        AfterPacket,  // the packet is delivered whole, then the connection is cut
    };
    Q_ENUM(CutPoint)

    FaultProxy(QString targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    // Each chunk read is delivered `ms` later; order is kept.
    void setLatency(Direction direction, int ms);
    // At most `bytesPerSecond` (0: unlimited).
    void setThrottle(Direction direction, qint64 bytesPerSecond);
    // Every byte as its own write (and, TCP_NODELAY being set, its own segment): the peer
    // may read a packet in pieces.
    void setSplitWrites(Direction direction, bool on);
    // Buffers everything in `direction` until release().
    void hold(Direction direction);
    void release(Direction direction);
    // Aborts the connection (both sides) once `bytes` more bytes have been forwarded in
    // `direction`.
    void cutAfterBytes(Direction direction, qint64 bytes);
    // Aborts the connection at the `occurrence`-th (1-based) packet of `type` that passes
    // in `direction` from now on.
    void cutAtPacket(Direction direction, PacketType type, int occurrence, CutPoint point);
    // Shuts down the write side towards the receiver of `direction` (it reads end of
    // stream); bytes in that direction are dropped from then on.
    void halfClose(Direction direction);
    // New connections are accepted and read, but never forwarded nor answered.
    void setBlackHole(bool on);
    // Everything back to a plain relay (cut rules disarmed, held bytes released).
    void clearFaults();
    // Aborts every connection now.
    void cutAll();

    int acceptedCount() const { return m_accepted; }
    int activeCount() const;
    int cutCount() const { return m_cuts; }

signals:
    void accepted();
    // A cut rule fired and the connection was aborted; `streamOffset` is how many bytes of
    // `direction` had been forwarded on that connection.
    void connectionCut(mqttdesk::FaultProxy::Direction direction, qint64 streamOffset);

private:
    struct Link;
    struct Flow;
    struct DirectionFaults
    {
        int latencyMs = 0;
        qint64 bytesPerSecond = 0;
        bool split = false;
        bool held = false;
        bool halfClosed = false;
    };
    struct CutRule
    {
        std::optional<PacketType> type; // unset: a byte count
        int occurrence = 0;
        CutPoint point = CutPoint::BeforePacket;
        qint64 bytesLeft = 0;
        int seen = 0;
    };

    void onNewConnection();
    void onReadable(Link *link, Direction direction);
    // Where in this chunk (stream offset) the armed rule cuts, if it does.
    std::optional<qint64> findCut(Flow &flow, Direction direction, const QByteArray &chunk,
                                  qint64 chunkOffset);
    void pump(Link *link, Direction direction);
    void pumpAll();
    void cut(Link *link, Direction direction);
    void finish(Link *link);
    void closeGracefully(Link *link);
    static std::size_t index(Direction d) { return d == Direction::ClientToBroker ? 0 : 1; }
    DirectionFaults &faults(Direction d) { return m_faults[index(d)]; }

    QString m_targetHost;
    quint16 m_targetPort;
    QTcpServer m_server;
    QElapsedTimer m_clock;
    std::array<DirectionFaults, 2> m_faults{};
    std::array<std::optional<CutRule>, 2> m_rules{};
    bool m_blackHole = false;
    std::vector<std::unique_ptr<Link>> m_links;
    int m_accepted = 0;
    int m_cuts = 0;
};

} // namespace mqttdesk
