#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/properties.h"
#include "core/protocol/qos.h"
#include "core/protocol/reason_code.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// What the server told us in CONNACK, with the 5.0 defaults applied for absent
// properties (5.0 §3.2.2.3). In 3.x only sessionPresent and reasonCode carry
// information; the rest hold the defaults (everything available, no limits).
struct ConnackInfo
{
    bool sessionPresent = false;
    ReasonCode reasonCode = ReasonCode::Success;

    std::optional<QString> assignedClientIdentifier;
    std::optional<quint16> serverKeepAlive;
    std::optional<quint32> sessionExpiryInterval;
    quint16 receiveMaximum = 65535;
    QoS maximumQoS = QoS::ExactlyOnce;
    bool retainAvailable = true;
    std::optional<quint32> maximumPacketSize; // absent = no limit
    quint16 topicAliasMaximum = 0;
    bool wildcardSubscriptionAvailable = true;
    bool subscriptionIdentifierAvailable = true;
    bool sharedSubscriptionAvailable = true;
    std::optional<QString> responseInformation;
    std::optional<QString> serverReference;
    std::optional<QString> reasonString;
    std::optional<QString> authenticationMethod;
    std::optional<QByteArray> authenticationData;
    QList<StringPair> userProperties;
    Properties properties; // everything as received

    // The client id in use after this CONNACK and the effective keep alive (seconds).
    QString clientId;
    quint16 keepAliveSeconds = 0;

    static ConnackInfo fromPacket(const ConnackPacket &packet);

    bool operator==(const ConnackInfo &) const = default;
};

} // namespace mqttdesk
