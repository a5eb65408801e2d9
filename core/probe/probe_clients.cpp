#include "core/probe/probe_clients.h"

#include <utility>

namespace mqttdesk {

ProbeClients::ProbeClients(ConnectionSettings base, QString idBase)
    : m_base(std::move(base))
    , m_idBase(std::move(idBase))
{}

QString ProbeClients::clientId(const QString &tag) const
{
    return m_idBase + QLatin1Char('-') + tag;
}

ConnectionSettings ProbeClients::settings(ProtocolVersion version, const QString &clientId) const
{
    ConnectionSettings s = m_base;
    SessionOptions &o = s.session;
    o.version = version;
    o.clientId = clientId;
    o.cleanStart = true;
    o.adoptServerSession = false;
    o.sessionExpiryInterval.reset();
    o.will.reset(); // never the user's own will: a dropped probe connection would send it
    o.reconnect.enabled = false;
    o.maximumPacketSize.reset(); // take whatever the broker forwards
    o.receiveMaximum.reset();
    o.topicAliasMaximum = 0;
    o.outboundTopicAliases = false;
    o.requestResponseInformation = false;
    o.acknowledgeAfterStore = false;
    o.logPackets = false;
    s.batchMaxMessages = 1; // every message handed over as it comes
    s.name = QStringLiteral("probe");
    return s;
}

PublishPacket ProbeClients::message(const QString &topic, const QByteArray &payload, QoS qos,
                                    bool retain)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = qos;
    p.retain = retain;
    return p;
}

} // namespace mqttdesk
