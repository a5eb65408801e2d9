#include "tests/protocol/support/packet_fixtures.h"

#include "tests/protocol/support/wire.h"

namespace mqttdesk::test {

namespace {

using V = ProtocolVersion;

QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

PacketFixture fx(const char *name, V version, const char *bytes, Packet packet,
                 bool decodeOnly = false)
{
    return PacketFixture{QString::fromLatin1(name) + QStringLiteral(" (") +
                             protocolVersionName(version) + QLatin1Char(')'),
                         version, wire(bytes), std::move(packet), decodeOnly};
}

// The CONNECT of 3.1.1 Figure 3.6 / 5.0 Figure 3-6 (flags 0xCE, Keep Alive 10),
// completed with a payload.
ConnectPacket specConnect(V version)
{
    ConnectPacket p;
    p.protocolVersion = version;
    p.clientId = s("id");
    p.cleanStart = true;
    p.keepAlive = 10;
    p.will = Will{s("w/t"), QByteArray("bye"), QoS::AtLeastOnce, false, {}};
    p.username = s("user");
    p.password = QByteArray("pw");
    if (version == V::V5)
        p.properties.setSessionExpiryInterval(10);
    return p;
}

ConnectPacket minimalConnect(V version)
{
    ConnectPacket p;
    p.protocolVersion = version;
    p.clientId = s("c1");
    p.cleanStart = true;
    p.keepAlive = 60;
    return p;
}

PublishPacket publish(const char *topic, QByteArray payload, QoS qos, quint16 id = 0)
{
    PublishPacket p;
    p.topic = s(topic);
    p.payload = std::move(payload);
    p.qos = qos;
    p.packetId = id;
    return p;
}

// Packets whose 3.1 and 3.1.1 encodings are identical.
void addSharedV3(QList<PacketFixture> &out, V v)
{
    out << fx("PUBLISH QoS 0", v,
              "30 07          # PUBLISH, QoS 0, Remaining Length 7\n"
              "00 03 'a/b'    # Topic Name\n"
              "'hi'           # payload",
              publish("a/b", "hi", QoS::AtMostOnce));
    // 3.1.1 Figure 3.11: Topic Name "a/b", Packet Identifier 10.
    out << fx("PUBLISH spec example", v,
              "32 08          # PUBLISH, QoS 1\n"
              "00 03 'a/b'    # Topic Name (spec example)\n"
              "00 0A          # Packet Identifier 10 (spec example)\n"
              "'x'            # payload",
              publish("a/b", "x", QoS::AtLeastOnce, 10));
    PublishPacket dupRetain = publish("sensors/t1", "21.5", QoS::ExactlyOnce, 0x1234);
    dupRetain.dup = true;
    dupRetain.retain = true;
    out << fx("PUBLISH QoS 2 DUP RETAIN", v,
              "3D 12          # PUBLISH, DUP, QoS 2, RETAIN\n"
              "00 0A 'sensors/t1'\n"
              "12 34          # Packet Identifier\n"
              "'21.5'",
              dupRetain);
    // U+FEFF is kept, not stripped [MQTT-1.5.3-3].
    PublishPacket bom = publish("", QByteArray(), QoS::AtMostOnce);
    bom.topic = QString(QChar(0xFEFF)) + QLatin1Char('x');
    out << fx("PUBLISH topic with U+FEFF", v,
              "30 06 | 00 04 EF BB BF 'x'  # ZERO WIDTH NO-BREAK SPACE, 'x'; empty payload", bom);
    out << fx("PUBACK", v, "40 02 | 00 0A", PubackPacket{10, ReasonCode::Success, {}});
    out << fx("PUBREC", v, "50 02 | 00 0B", PubrecPacket{11, ReasonCode::Success, {}});
    out << fx("PUBREL", v, "62 02 | 00 0B  # flags 0010",
              PubrelPacket{11, ReasonCode::Success, {}});
    out << fx("PUBCOMP", v, "70 02 | 00 0B", PubcompPacket{11, ReasonCode::Success, {}});

    SubscribePacket sub;
    sub.packetId = 1;
    sub.subscriptions = {{s("a/+"), {QoS::AtLeastOnce}}, {s("#"), {QoS::ExactlyOnce}}};
    out << fx("SUBSCRIBE", v,
              "82 0C          # SUBSCRIBE, flags 0010\n"
              "00 01          # Packet Identifier\n"
              "00 03 'a/+' 01 # filter, requested QoS 1\n"
              "00 01 '#' 02   # filter, requested QoS 2",
              sub);
    if (v == V::V31) {
        // 3.1 sends SUBSCRIBE as a QoS 1 packet and sets DUP on re-sends.
        out << fx("SUBSCRIBE with DUP", v, "8A 0C | 00 01 | 00 03 'a/+' 01 | 00 01 '#' 02", sub,
                  true);
        out << fx("SUBACK", v, "90 03 | 00 01 | 00  # granted QoS 0",
                  SubackPacket{1, {ReasonCode::GrantedQoS0}, {}});
    } else {
        out << fx("SUBACK", v, "90 04 | 00 01 | 01 80  # granted QoS 1, failure",
                  SubackPacket{1, {ReasonCode::GrantedQoS1, ReasonCode::UnspecifiedError}, {}});
    }
    UnsubscribePacket unsub;
    unsub.packetId = 2;
    unsub.filters = {s("a/+"), s("#")};
    out << fx("UNSUBSCRIBE", v, "A2 0A | 00 02 | 00 03 'a/+' | 00 01 '#'", unsub);
    out << fx("UNSUBACK", v, "B0 02 | 00 02", UnsubackPacket{2, {}, {}});
    out << fx("PINGREQ", v, "C0 00", PingreqPacket{});
    out << fx("PINGRESP", v, "D0 00", PingrespPacket{});
    out << fx("DISCONNECT", v, "E0 00", DisconnectPacket{});
}

void addV31(QList<PacketFixture> &out)
{
    out << fx("CONNECT minimal", V::V31,
              "10 10             # CONNECT, Remaining Length 16\n"
              "00 06 'MQIsdp' 03 # protocol name and level of 3.1\n"
              "02                # flags: CleanSession\n"
              "00 3C             # Keep Alive 60\n"
              "00 02 'c1'        # Client Identifier",
              minimalConnect(V::V31));
    out << fx("CONNECT spec example", V::V31,
              "10 24\n"
              "00 06 'MQIsdp' 03\n"
              "CE                # User Name, Password, Will QoS 1, Will, CleanSession\n"
              "00 0A             # Keep Alive 10\n"
              "00 02 'id' | 00 03 'w/t' | 00 03 'bye' | 00 04 'user' | 00 02 'pw'",
              specConnect(V::V31));
    out << fx("CONNACK accepted", V::V31, "20 02 | 00 00", ConnackPacket{});
    out << fx("CONNACK identifier rejected", V::V31, "20 02 | 00 02  # return code 2",
              ConnackPacket{false, ReasonCode::ClientIdentifierNotValid, {}});
    addSharedV3(out, V::V31);
}

void addV311(QList<PacketFixture> &out)
{
    out << fx("CONNECT minimal", V::V311,
              "10 0E           # CONNECT, Remaining Length 14\n"
              "00 04 'MQTT' 04 # protocol name, level 4\n"
              "02              # flags: CleanSession\n"
              "00 3C           # Keep Alive 60\n"
              "00 02 'c1'      # Client Identifier",
              minimalConnect(V::V311));
    // 3.1.1 Figure 3.6, the variable header example, plus a payload.
    out << fx("CONNECT spec example", V::V311,
              "10 22\n"
              "00 04 'MQTT' 04 # spec example: protocol name, level 4\n"
              "CE              # User Name, Password, Will QoS 1, Will, CleanSession\n"
              "00 0A           # Keep Alive 10\n"
              "00 02 'id'      # Client Identifier\n"
              "00 03 'w/t'     # Will Topic\n"
              "00 03 'bye'     # Will Message\n"
              "00 04 'user'    # User Name\n"
              "00 02 'pw'      # Password",
              specConnect(V::V311));
    out << fx("CONNACK session present", V::V311, "20 02 | 01 00",
              ConnackPacket{true, ReasonCode::Success, {}});
    out << fx("CONNACK not authorized", V::V311, "20 02 | 00 05  # return code 5",
              ConnackPacket{false, ReasonCode::NotAuthorized, {}});
    addSharedV3(out, V::V311);
}

} // namespace

void addV5Fixtures(QList<PacketFixture> &out); // packet_fixtures_v5.cpp

QList<PacketFixture> packetFixtures()
{
    QList<PacketFixture> out;
    addV31(out);
    addV311(out);
    addV5Fixtures(out);
    return out;
}

QByteArray fixtureStream(const QList<PacketFixture> &fixtures, ProtocolVersion version)
{
    QByteArray out;
    for (const PacketFixture &f : fixtures) {
        if (f.version == version)
            out += f.bytes;
    }
    return out;
}

} // namespace mqttdesk::test
