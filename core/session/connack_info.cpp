#include "core/session/connack_info.h"

namespace mqttdesk {

ConnackInfo ConnackInfo::fromPacket(const ConnackPacket &packet)
{
    const Properties &p = packet.properties;
    ConnackInfo info;
    info.sessionPresent = packet.sessionPresent;
    info.reasonCode = packet.reasonCode;
    info.assignedClientIdentifier = p.assignedClientIdentifier();
    info.serverKeepAlive = p.serverKeepAlive();
    info.sessionExpiryInterval = p.sessionExpiryInterval();
    // Absent properties take their 5.0 §3.2.2.3 defaults.
    info.receiveMaximum = p.receiveMaximum().value_or(65535);
    info.maximumQoS = static_cast<QoS>(qMin<quint8>(p.maximumQoS().value_or(2), 2));
    info.retainAvailable = p.retainAvailable().value_or(1) != 0;
    info.maximumPacketSize = p.maximumPacketSize();
    info.topicAliasMaximum = p.topicAliasMaximum().value_or(0);
    info.wildcardSubscriptionAvailable = p.wildcardSubscriptionAvailable().value_or(1) != 0;
    info.subscriptionIdentifierAvailable = p.subscriptionIdentifierAvailable().value_or(1) != 0;
    info.sharedSubscriptionAvailable = p.sharedSubscriptionAvailable().value_or(1) != 0;
    info.responseInformation = p.responseInformation();
    info.serverReference = p.serverReference();
    info.reasonString = p.reasonString();
    info.authenticationMethod = p.authenticationMethod();
    info.authenticationData = p.authenticationData();
    info.userProperties = p.userProperties();
    info.properties = p;
    return info;
}

} // namespace mqttdesk
