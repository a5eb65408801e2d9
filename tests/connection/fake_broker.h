#pragma once

#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"
#include "core/protocol/packets.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <optional>

namespace mqttdesk {

// A scriptable MQTT server on 127.0.0.1 for what mosquitto will not do: a small Receive
// Maximum, server topic aliases, Server Keep Alive, DISCONNECT with a reason, AUTH
// exchanges, malformed packets, PUBREC >= 0x80, duplicate QoS 2 delivery.
//
// It serves one client at a time (a new connection replaces the old one, as a reconnect
// does). What the client sends is decoded with our codec and recorded; the common answers
// (CONNACK, PINGRESP, SUBACK, UNSUBACK, acks of the client's PUBLISH) are automatic and
// each can be switched off or replaced so a test can answer by hand.
class FakeBroker : public QObject
{
    Q_OBJECT
public:
    // What the broker does by itself. Each flag off: the test answers with send().
    struct Behaviour
    {
        // CONNACK answering CONNECT (or the end of an AUTH exchange, see onPacket).
        bool autoConnack = true;
        ConnackPacket connack;
        bool autoPingresp = true;
        // SUBACK granting the requested QoS for every filter.
        bool autoSuback = true;
        bool autoUnsuback = true;
        // PUBACK for QoS 1, PUBREC then PUBCOMP for QoS 2 publishes from the client.
        bool autoPublishAcks = true;
        // The reason code of the automatic PUBREC (>= 0x80 ends the flow [MQTT-4.4.0-2]).
        ReasonCode pubrecReason = ReasonCode::Success;
        // PUBREL answering the client's PUBREC of a QoS 2 message we sent.
        bool autoPubrel = true;
    };

    explicit FakeBroker(QObject *parent = nullptr);
    ~FakeBroker() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    Behaviour &behaviour() { return m_behaviour; }

    // Called for every packet the client sends, after it is recorded and before the
    // automatic answer; return true to suppress the automatic answer.
    using PacketHook = std::function<bool(const Packet &packet)>;
    void setPacketHook(PacketHook hook) { m_hook = std::move(hook); }

    // The version of the CONNECT on the current connection (3.1.1 until one arrives).
    ProtocolVersion version() const { return m_version; }
    bool hasClient() const;
    // Connections accepted since listen(), and those that ended.
    int connectionCount() const { return m_connectionCount; }
    int closedCount() const { return m_closedCount; }

    // Encodes for the current connection's version and writes; false if it cannot be
    // encoded (a test bug) or there is no client.
    bool send(const Packet &packet);
    // Bytes exactly as given: malformed packets, split writes.
    bool sendRaw(const QByteArray &bytes);
    // Closes the current connection (gracefully or with a reset).
    void closeClient();
    void abortClient();

    // Everything the client sent since listen() or clear(), over every connection.
    const QList<Packet> &received() const { return m_received; }
    QList<Packet> receivedOfType(PacketType type) const;
    int countOf(PacketType type) const { return receivedOfType(type).size(); }
    void clear() { m_received.clear(); }
    // A decode error on the client's bytes: our client sent something invalid.
    const std::optional<DecodeError> &clientError() const { return m_clientError; }

    // Waits (processing events) until the client has sent `count` packets of `type` in
    // total; returns the last of them.
    std::optional<Packet> waitFor(PacketType type, int count = 1, int timeoutMs = 5000);
    bool waitForConnections(int count, int timeoutMs = 5000);
    bool waitForClosed(int count, int timeoutMs = 5000);

    // A typed view of a received packet (asserts the type through std::get).
    template<typename T>
    static const T &as(const Packet &packet)
    {
        return std::get<T>(packet);
    }

signals:
    void packetReceived(const mqttdesk::Packet &packet);
    void clientConnected();
    void clientClosed();

private:
    void onNewConnection();
    void onReadyRead();
    void handle(const Packet &packet);
    void answer(const Packet &packet);

    QTcpServer m_server;
    QPointer<QTcpSocket> m_client;
    FrameReader m_reader;
    Behaviour m_behaviour;
    PacketHook m_hook;
    ProtocolVersion m_version = ProtocolVersion::V311;
    QList<Packet> m_received;
    std::optional<DecodeError> m_clientError;
    int m_connectionCount = 0;
    int m_closedCount = 0;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::Packet)
