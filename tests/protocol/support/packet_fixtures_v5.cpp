#include "tests/protocol/support/packet_fixtures.h"

#include "tests/protocol/support/wire.h"

namespace mqttdesk::test {

namespace {

using V = ProtocolVersion;

QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

PacketFixture fx5(const char *name, const char *bytes, Packet packet, bool decodeOnly = false)
{
    return PacketFixture{QString::fromLatin1(name) + QStringLiteral(" (5.0)"), V::V5, wire(bytes),
                         std::move(packet), decodeOnly};
}

void addConnect(QList<PacketFixture> &out)
{
    ConnectPacket minimal;
    minimal.protocolVersion = V::V5;
    minimal.clientId = s("c1");
    out << fx5("CONNECT minimal",
               "10 0F           # CONNECT, Remaining Length 15\n"
               "00 04 'MQTT' 05 # protocol name, level 5\n"
               "02              # flags: Clean Start\n"
               "00 3C           # Keep Alive 60\n"
               "00              # Property Length 0 [MQTT-2.2.2-1]\n"
               "00 02 'c1'      # Client Identifier",
               minimal);

    // 5.0 Figure 3-6, the variable header example, plus a payload.
    ConnectPacket spec;
    spec.protocolVersion = V::V5;
    spec.clientId = s("id");
    spec.keepAlive = 10;
    spec.will = Will{s("w/t"), QByteArray("bye"), QoS::AtLeastOnce, false, {}};
    spec.username = s("user");
    spec.password = QByteArray("pw");
    spec.properties.setSessionExpiryInterval(10);
    out << fx5("CONNECT spec example",
               "10 29\n"
               "00 04 'MQTT' 05   # spec example: protocol name, version 5\n"
               "CE                # User Name, Password, Will QoS 1, Will, Clean Start\n"
               "00 0A             # Keep Alive 10\n"
               "05 | 11 00 00 00 0A  # Properties: Session Expiry Interval 10\n"
               "00 02 'id'        # Client Identifier\n"
               "00                # Will Properties: none\n"
               "00 03 'w/t' | 00 03 'bye' | 00 04 'user' | 00 02 'pw'",
               spec);

    ConnectPacket full;
    full.protocolVersion = V::V5;
    full.clientId = s("desk-1");
    full.cleanStart = false;
    full.keepAlive = 0;
    full.properties.setSessionExpiryInterval(120);
    full.properties.setReceiveMaximum(20);
    full.properties.setMaximumPacketSize(1048576);
    full.properties.setTopicAliasMaximum(10);
    full.properties.setRequestResponseInformation(1);
    full.properties.setRequestProblemInformation(0); // present, and zero
    full.properties.addUserProperty(s("app"), s("desk"));
    Will will{s("status/desk"), QByteArray("offline"), QoS::ExactlyOnce, true, {}};
    will.properties.setWillDelayInterval(5);
    will.properties.setPayloadFormatIndicator(1);
    will.properties.setMessageExpiryInterval(3600);
    will.properties.setContentType(s("text/plain"));
    will.properties.setResponseTopic(s("r"));
    will.properties.setCorrelationData(QByteArray("ab"));
    will.properties.addUserProperty(s("w"), s("1"));
    full.will = will;
    out << fx5("CONNECT with all CONNECT and Will properties",
               "10 73\n"
               "00 04 'MQTT' 05\n"
               "34              # Will Retain, Will QoS 2, Will; no Clean Start\n"
               "00 00           # Keep Alive off\n"
               "20              # Property Length 32\n"
               "11 00 00 00 78  # Session Expiry Interval 120\n"
               "21 00 14        # Receive Maximum 20\n"
               "27 00 10 00 00  # Maximum Packet Size 1 MiB\n"
               "22 00 0A        # Topic Alias Maximum 10\n"
               "19 01           # Request Response Information 1\n"
               "17 00           # Request Problem Information 0\n"
               "26 00 03 'app' 00 04 'desk'  # User Property\n"
               "00 06 'desk-1'  # Client Identifier\n"
               "29              # Will Property Length 41\n"
               "18 00 00 00 05  # Will Delay Interval 5\n"
               "01 01           # Payload Format Indicator 1\n"
               "02 00 00 0E 10  # Message Expiry Interval 3600\n"
               "03 00 0A 'text/plain'\n"
               "08 00 01 'r'    # Response Topic\n"
               "09 00 02 'ab'   # Correlation Data\n"
               "26 00 01 'w' 00 01 '1'\n"
               "00 0B 'status/desk'  # Will Topic\n"
               "00 07 'offline'      # Will Payload",
               full);
}

void addConnack(QList<PacketFixture> &out)
{
    out << fx5("CONNACK success", "20 03 | 00 | 00 | 00  # flags, Success, Property Length 0",
               ConnackPacket{});
    ConnackPacket rich{true, ReasonCode::Success, {}};
    Properties &p = rich.properties;
    p.setReceiveMaximum(20);
    p.setMaximumQoS(1);
    p.setRetainAvailable(0);
    p.setAssignedClientIdentifier(s("auto-1"));
    p.setTopicAliasMaximum(10);
    p.setServerKeepAlive(30);
    p.setWildcardSubscriptionAvailable(1);
    p.setSubscriptionIdentifierAvailable(0);
    p.setSharedSubscriptionAvailable(1);
    p.setMaximumPacketSize(65535);
    p.setSessionExpiryInterval(300);
    p.setResponseInformation(s("resp"));
    p.setReasonString(s("ok"));
    p.addUserProperty(s("a"), s("b"));
    out << fx5("CONNACK with all CONNACK properties",
               "20 3C\n"
               "01 00           # Session Present, Success\n"
               "39              # Property Length 57\n"
               "21 00 14        # Receive Maximum 20\n"
               "24 01           # Maximum QoS 1\n"
               "25 00           # Retain Available 0 (present, zero)\n"
               "12 00 06 'auto-1'  # Assigned Client Identifier\n"
               "22 00 0A        # Topic Alias Maximum 10\n"
               "13 00 1E        # Server Keep Alive 30\n"
               "28 01 | 29 00 | 2A 01  # wildcard / subscription id / shared available\n"
               "27 00 00 FF FF  # Maximum Packet Size 65535\n"
               "11 00 00 01 2C  # Session Expiry Interval 300\n"
               "1A 00 04 'resp' # Response Information\n"
               "1F 00 02 'ok'   # Reason String\n"
               "26 00 01 'a' 00 01 'b'",
               rich);
    ConnackPacket refused{false, ReasonCode::NotAuthorized, {}};
    refused.properties.setReasonString(s("not authorized"));
    out << fx5("CONNACK refused", "20 14 | 00 87 | 11 1F 00 0E 'not authorized'", refused);
    ConnackPacket auth{false, ReasonCode::Success, {}};
    auth.properties.setAuthenticationMethod(s("SCRAM"));
    auth.properties.setAuthenticationData(QByteArray("\x01\x02", 2));
    out << fx5("CONNACK with authentication", "20 10 | 00 00 | 0D 15 00 05 'SCRAM' 16 00 02 01 02",
               auth);
}

void addPublish(QList<PacketFixture> &out)
{
    PublishPacket q0;
    q0.topic = s("a/b");
    q0.payload = "hi";
    out << fx5("PUBLISH QoS 0", "30 08 | 00 03 'a/b' | 00 | 'hi'", q0);
    // 5.0 Figure 3-9: Topic Name "a/b", Packet Identifier 10, no properties.
    PublishPacket spec;
    spec.topic = s("a/b");
    spec.payload = "x";
    spec.qos = QoS::AtLeastOnce;
    spec.packetId = 10;
    out << fx5("PUBLISH spec example",
               "32 09\n"
               "00 03 'a/b'  # spec example Topic Name\n"
               "00 0A        # spec example Packet Identifier 10\n"
               "00           # Property Length 0\n"
               "'x'",
               spec);
    PublishPacket q2 = spec;
    q2.topic = s("sensors/t1");
    q2.payload = "21.5";
    q2.qos = QoS::ExactlyOnce;
    q2.packetId = 0x1234;
    q2.dup = true;
    q2.retain = true;
    out << fx5("PUBLISH QoS 2 DUP RETAIN", "3D 13 | 00 0A 'sensors/t1' | 12 34 | 00 | '21.5'", q2);

    PublishPacket rich;
    rich.topic = s("a/b");
    rich.payload = "{}";
    rich.qos = QoS::AtLeastOnce;
    rich.packetId = 7;
    Properties &p = rich.properties;
    p.setPayloadFormatIndicator(1);
    p.setMessageExpiryInterval(60);
    p.setContentType(s("text/plain"));
    p.setResponseTopic(s("r/1"));
    p.setCorrelationData(QByteArray("\x01\x02", 2));
    p.addSubscriptionIdentifier(5);
    p.addSubscriptionIdentifier(300);
    p.setTopicAlias(3);
    p.addUserProperty(s("k"), s("v"));
    p.addUserProperty(s("k"), s("v2"));
    out << fx5("PUBLISH with all PUBLISH properties",
               "32 40\n"
               "00 03 'a/b' | 00 07\n"
               "36              # Property Length 54\n"
               "01 01           # Payload Format Indicator 1\n"
               "02 00 00 00 3C  # Message Expiry Interval 60\n"
               "03 00 0A 'text/plain'\n"
               "08 00 03 'r/1'  # Response Topic\n"
               "09 00 02 01 02  # Correlation Data\n"
               "0B 05           # Subscription Identifier 5\n"
               "0B AC 02        # Subscription Identifier 300 (two-byte VBI)\n"
               "23 00 03        # Topic Alias 3\n"
               "26 00 01 'k' 00 01 'v'   # User Property k=v\n"
               "26 00 01 'k' 00 02 'v2'  # the same name again, kept in order\n"
               "'{}'",
               rich);
    PublishPacket alias;
    alias.payload = "x";
    alias.properties.setTopicAlias(3);
    out << fx5("PUBLISH empty topic with Topic Alias", "30 07 | 00 00 | 03 23 00 03 | 'x'", alias);
}

void addAcks(QList<PacketFixture> &out)
{
    out << fx5("PUBACK short form", "40 02 | 00 0A", PubackPacket{10, ReasonCode::Success, {}});
    out << fx5("PUBACK no matching subscribers", "40 04 | 00 0A | 10 | 00",
               PubackPacket{10, ReasonCode::NoMatchingSubscribers, {}});
    out << fx5("PUBACK without Property Length", "40 03 | 00 0A | 10",
               PubackPacket{10, ReasonCode::NoMatchingSubscribers, {}}, true);
    out << fx5("PUBACK Success spelled out", "40 04 | 00 0A | 00 | 00",
               PubackPacket{10, ReasonCode::Success, {}}, true);
    PubrecPacket rec{11, ReasonCode::QuotaExceeded, {}};
    rec.properties.setReasonString(s("full"));
    out << fx5("PUBREC with Reason String", "50 0B | 00 0B | 97 | 07 1F 00 04 'full'", rec);
    out << fx5("PUBREC short form", "50 02 | 00 0B", PubrecPacket{11, ReasonCode::Success, {}});
    out << fx5("PUBREL packet identifier not found", "62 04 | 00 0B | 92 | 00",
               PubrelPacket{11, ReasonCode::PacketIdentifierNotFound, {}});
    out << fx5("PUBREL short form", "62 02 | 00 0B", PubrelPacket{11, ReasonCode::Success, {}});
    PubcompPacket comp{11, ReasonCode::Success, {}};
    comp.properties.addUserProperty(s("a"), s("b"));
    out << fx5("PUBCOMP with User Property", "70 0B | 00 0B | 00 | 07 26 00 01 'a' 00 01 'b'",
               comp);
}

void addSubscriptions(QList<PacketFixture> &out)
{
    SubscribePacket sub;
    sub.packetId = 1;
    sub.properties.addSubscriptionIdentifier(7);
    sub.subscriptions = {
        {s("a/+"), {QoS::AtLeastOnce, true, true, RetainHandling::DoNotSend}},
        {s("#"), {QoS::AtMostOnce, false, false, RetainHandling::SendIfNew}},
    };
    out << fx5("SUBSCRIBE with options",
               "82 0F\n"
               "00 01           # Packet Identifier\n"
               "02 0B 07        # Properties: Subscription Identifier 7\n"
               "00 03 'a/+' 2D  # QoS 1, No Local, Retain As Published, Retain Handling 2\n"
               "00 01 '#' 10    # QoS 0, Retain Handling 1",
               sub);
    out << fx5("SUBACK", "90 05 | 00 01 | 00 | 01 87",
               SubackPacket{1, {ReasonCode::GrantedQoS1, ReasonCode::NotAuthorized}, {}});
    SubackPacket refused{1,
                         {ReasonCode::GrantedQoS2, ReasonCode::SharedSubscriptionsNotSupported,
                          ReasonCode::WildcardSubscriptionsNotSupported},
                         {}};
    refused.properties.setReasonString(s("no"));
    out << fx5("SUBACK with Reason String", "90 0B | 00 01 | 05 1F 00 02 'no' | 02 9E A2", refused);
    UnsubscribePacket unsub;
    unsub.packetId = 2;
    unsub.filters = {s("a/+")};
    out << fx5("UNSUBSCRIBE", "A2 08 | 00 02 | 00 | 00 03 'a/+'", unsub);
    out << fx5("UNSUBACK", "B0 05 | 00 02 | 00 | 00 11",
               UnsubackPacket{2, {ReasonCode::Success, ReasonCode::NoSubscriptionExisted}, {}});
}

void addControl(QList<PacketFixture> &out)
{
    out << fx5("PINGREQ", "C0 00", PingreqPacket{});
    out << fx5("PINGRESP", "D0 00", PingrespPacket{});
    out << fx5("DISCONNECT normal", "E0 00", DisconnectPacket{});
    out << fx5("DISCONNECT normal spelled out", "E0 01 | 00", DisconnectPacket{}, true);
    DisconnectPacket will{ReasonCode::DisconnectWithWillMessage, {}};
    will.properties.setSessionExpiryInterval(0);
    out << fx5("DISCONNECT with Will", "E0 07 | 04 | 05 11 00 00 00 00", will);
    DisconnectPacket moved{ReasonCode::UseAnotherServer, {}};
    moved.properties.setServerReference(s("other:1883"));
    moved.properties.setReasonString(s("moved"));
    out << fx5("DISCONNECT from server", "E0 17 | 9C | 15 1C 00 0A 'other:1883' 1F 00 05 'moved'",
               moved);
    out << fx5("AUTH success", "F0 00", AuthPacket{});
    AuthPacket cont{ReasonCode::ContinueAuthentication, {}};
    cont.properties.setAuthenticationMethod(s("SCRAM"));
    cont.properties.setAuthenticationData(QByteArray("\x01\x02\x03", 3));
    out << fx5("AUTH continue", "F0 10 | 18 | 0E 15 00 05 'SCRAM' 16 00 03 01 02 03", cont);
}

} // namespace

void addV5Fixtures(QList<PacketFixture> &out)
{
    addConnect(out);
    addConnack(out);
    addPublish(out);
    addAcks(out);
    addSubscriptions(out);
    addControl(out);
}

} // namespace mqttdesk::test
