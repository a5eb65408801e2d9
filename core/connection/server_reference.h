#pragma once

#include "core/connection/broker_address.h"
#include "core/protocol/reason_code.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace mqttdesk {

// An MQTT 5 server's redirection (5.0 §4.11): CONNACK or DISCONNECT with reason 0x9C "Use
// another server" (temporary) or 0x9D "Server moved" (permanent) and a Server Reference
// property. The connection reports it; the application decides whether to follow it
// (Connection::followServerReference).
struct ServerReference
{
    ReasonCode reasonCode = ReasonCode::UseAnotherServer;
    QString text;           // the property as received
    bool inConnack = false; // false: in a DISCONNECT
    // The parsed entries, in the server's order, with the transport of the address that
    // sent the reference; empty when no entry could be read.
    QList<BrokerAddress> addresses;

    // Reads a Server Reference: "a space separated list of references", each
    // "name[:port]" with an IPv6 literal in square brackets (5.0 §4.11), e.g.
    // "myserver.xyz.org:8883 [fe80::9610:3eff:fe1c]:1883". An entry without a port takes
    // `from`'s, as it does its transport; entries that do not read (a bad port, an empty
    // name) are left out.
    static QList<BrokerAddress> parse(const QString &reference, const BrokerAddress &from);
    // The reason codes that carry a reference to follow.
    static bool isRedirection(ReasonCode code)
    {
        return code == ReasonCode::UseAnotherServer || code == ReasonCode::ServerMoved;
    }
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ServerReference)
