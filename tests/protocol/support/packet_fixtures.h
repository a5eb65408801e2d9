#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/protocol_version.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttdesk::test {

// One packet and its exact bytes on the wire for one protocol version. A decode-only
// fixture is a valid but non-canonical form (e.g. a 5.0 PUBACK without Property
// Length) that decodes to `packet` but is not what the encoder writes.
struct PacketFixture
{
    QString name;
    ProtocolVersion version;
    QByteArray bytes;
    Packet packet;
    bool decodeOnly = false;
};

// Every control packet in every version, including the specifications' examples.
QList<PacketFixture> packetFixtures();

// The fixtures of one version, concatenated in order, as a peer would stream them.
QByteArray fixtureStream(const QList<PacketFixture> &fixtures, ProtocolVersion version);

} // namespace mqttdesk::test
