#include "tests/connection/fake_broker.h"

#include <QHostAddress>
#include <QTest>

namespace mqttdesk {

FakeBroker::FakeBroker(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Packet>();
    connect(&m_server, &QTcpServer::newConnection, this, &FakeBroker::onNewConnection);
}

FakeBroker::~FakeBroker()
{
    if (m_client)
        m_client->abort();
}

bool FakeBroker::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

bool FakeBroker::hasClient() const
{
    return m_client && m_client->state() == QAbstractSocket::ConnectedState;
}

void FakeBroker::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // A reconnect replaces the previous connection, as a real broker's takeover does.
        if (m_client) {
            m_client->disconnect(this);
            m_client->abort();
            m_client->deleteLater();
            ++m_closedCount;
        }
        m_client = socket;
        m_reader.reset();
        m_version = ProtocolVersion::V311;
        ++m_connectionCount;
        connect(socket, &QTcpSocket::readyRead, this, &FakeBroker::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (socket != m_client)
                return;
            ++m_closedCount;
            socket->deleteLater();
            emit clientClosed();
        });
        emit clientConnected();
    }
}

void FakeBroker::onReadyRead()
{
    if (!m_client)
        return;
    m_reader.append(m_client->readAll());
    while (auto frame = m_reader.next()) {
        // CONNECT carries its own level; everything after it uses that version.
        DecodeResult result = decode(*frame, m_version);
        if (!result.ok()) {
            m_clientError = result.error();
            qWarning("FakeBroker: the client sent an invalid packet: %s",
                     qPrintable(result.error().message()));
            m_client->abort();
            return;
        }
        if (const auto *connectPacket = std::get_if<ConnectPacket>(&result.value()))
            m_version = connectPacket->protocolVersion;
        handle(result.value());
        if (!hasClient())
            return;
    }
    if (m_reader.hasError()) {
        m_clientError = m_reader.error();
        m_client->abort();
    }
}

void FakeBroker::handle(const Packet &packet)
{
    m_received.append(packet);
    emit packetReceived(packet);
    if (m_hook && m_hook(packet))
        return;
    answer(packet);
}

void FakeBroker::answer(const Packet &packet)
{
    const Behaviour &b = m_behaviour;
    switch (packetTypeOf(packet)) {
    case PacketType::Connect:
        if (b.autoConnack)
            send(b.connack);
        break;
    case PacketType::Pingreq:
        if (b.autoPingresp)
            send(PingrespPacket{});
        break;
    case PacketType::Subscribe:
        if (b.autoSuback) {
            const auto &subscribe = as<SubscribePacket>(packet);
            SubackPacket suback;
            suback.packetId = subscribe.packetId;
            for (const Subscription &s : subscribe.subscriptions)
                suback.reasonCodes.append(static_cast<ReasonCode>(s.options.qos));
            send(suback);
        }
        break;
    case PacketType::Unsubscribe:
        if (b.autoUnsuback) {
            const auto &unsubscribe = as<UnsubscribePacket>(packet);
            UnsubackPacket unsuback;
            unsuback.packetId = unsubscribe.packetId;
            if (m_version == ProtocolVersion::V5) {
                for (qsizetype i = 0; i < unsubscribe.filters.size(); ++i)
                    unsuback.reasonCodes.append(ReasonCode::Success);
            }
            send(unsuback);
        }
        break;
    case PacketType::Publish: {
        const auto &publish = as<PublishPacket>(packet);
        if (!b.autoPublishAcks)
            break;
        if (publish.qos == QoS::AtLeastOnce)
            send(PubackPacket{publish.packetId, ReasonCode::Success, {}});
        else if (publish.qos == QoS::ExactlyOnce)
            send(PubrecPacket{publish.packetId, b.pubrecReason, {}});
        break;
    }
    case PacketType::Pubrel:
        if (b.autoPublishAcks)
            send(PubcompPacket{as<PubrelPacket>(packet).packetId, ReasonCode::Success, {}});
        break;
    case PacketType::Pubrec:
        if (b.autoPubrel)
            send(PubrelPacket{as<PubrecPacket>(packet).packetId, ReasonCode::Success, {}});
        break;
    default:
        break;
    }
}

bool FakeBroker::send(const Packet &packet)
{
    EncodeResult bytes = tryEncode(packet, m_version);
    if (!bytes.ok()) {
        qWarning("FakeBroker: cannot encode %s: %s",
                 qPrintable(packetTypeName(packetTypeOf(packet))),
                 qPrintable(bytes.error().message()));
        return false;
    }
    return sendRaw(bytes.value());
}

bool FakeBroker::sendRaw(const QByteArray &bytes)
{
    if (!hasClient())
        return false;
    return m_client->write(bytes) == bytes.size();
}

void FakeBroker::closeClient()
{
    if (m_client)
        m_client->disconnectFromHost();
}

void FakeBroker::abortClient()
{
    if (m_client)
        m_client->abort();
}

QList<Packet> FakeBroker::receivedOfType(PacketType type) const
{
    QList<Packet> out;
    for (const Packet &p : m_received) {
        if (packetTypeOf(p) == type)
            out.append(p);
    }
    return out;
}

std::optional<Packet> FakeBroker::waitFor(PacketType type, int count, int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return countOf(type) >= count; }, timeoutMs))
        return std::nullopt;
    return receivedOfType(type).at(count - 1);
}

bool FakeBroker::waitForConnections(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_connectionCount >= count; }, timeoutMs);
}

bool FakeBroker::waitForClosed(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_closedCount >= count; }, timeoutMs);
}

} // namespace mqttdesk
