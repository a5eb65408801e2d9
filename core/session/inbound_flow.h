#pragma once

#include "core/protocol/packets.h"
#include "core/session/session_error.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The inbound side: QoS 2 exactly-once bookkeeping and inbound Topic Aliases.
// The QoS 2 ids received and not yet released are session state: they survive a
// reconnect, so a PUBLISH the broker resends after it is delivered exactly once
// [MQTT-4.3.3-10]. The alias map lives for one connection [MQTT-3.3.2-7].
class InboundFlow
{
public:
    // A new connection: `aliasMaximum` is the Topic Alias Maximum we sent (0 = none),
    // `receiveMaximum` the Receive Maximum we sent (65,535 when absent).
    void beginConnection(quint16 aliasMaximum, quint16 receiveMaximum);
    void endConnection();
    // The session was not resumed (or is cleaned): forget the QoS 2 ids.
    void clearSession() { m_pendingRelease.clear(); }

    // Replaces an alias by its topic (and records a new mapping). On a violation the
    // error to close with: alias above our maximum [MQTT-3.1.2-26 / MQTT-3.1.2-27] or an
    // alias never mapped on this connection (5.0 §3.3.2.3.4).
    std::optional<SessionError> resolveTopicAlias(PublishPacket &message);

    enum class Qos2Receipt : quint8
    {
        New,                // deliver, send PUBREC
        Duplicate,          // already delivered: PUBREC again, do not deliver [MQTT-4.3.3-10]
        OverReceiveMaximum, // more unreleased QoS 2 than we allowed [MQTT-3.3.4-9]
    };
    Qos2Receipt receiveQos2(quint16 packetId);
    // PUBREL: true if the id was pending (either way PUBCOMP goes back [MQTT-4.3.3-11]).
    bool release(quint16 packetId);
    // A message whose PUBREC carried an error code is not pending [MQTT-4.3.3-9].
    void forget(quint16 packetId) { m_pendingRelease.remove(packetId); }

    int pendingReleaseCount() const { return int(m_pendingRelease.size()); }

private:
    quint16 m_aliasMaximum = 0;
    quint16 m_receiveMaximum = 65535;
    QHash<quint16, QString> m_aliases;
    QSet<quint16> m_pendingRelease;
};

} // namespace mqttdesk
