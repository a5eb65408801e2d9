// Reading an MQTT 5 Server Reference (5.0 §4.11): "a space separated list of references",
// each name[:port] with IPv6 literals in square brackets; from the property as the codec
// decodes it out of CONNACK and DISCONNECT bytes.

#include "core/connection/server_reference.h"
#include "core/protocol/codec.h"
#include "core/session/connack_info.h"

#include <QTest>

using namespace mqttdesk;
using Kind = TransportOptions::Kind;

namespace {

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *text : texts)
        out << QString::fromUtf8(text);
    return out;
}

const BrokerAddress kFrom{QStringLiteral("old.example.org"), 8883, Kind::Tls,
                          BrokerAddress::Source::Main};

QStringList hostPorts(const QList<BrokerAddress> &addresses)
{
    QStringList out;
    for (const BrokerAddress &a : addresses)
        out << a.hostPort();
    return out;
}

} // namespace

class TstServerReference : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QStringList>("expected");
        // The spec's own examples (5.0 §4.11).
        QTest::newRow("name and port")
            << QStringLiteral("myserver.xyz.org:8883") << strings({"myserver.xyz.org:8883"});
        QTest::newRow("ipv6 in brackets") << QStringLiteral("[fe80::9610:3eff:fe1c]:1883")
                                          << strings({"[fe80::9610:3eff:fe1c]:1883"});
        QTest::newRow("space separated list")
            << QStringLiteral("myserver.xyz.org:8883 [fe80::9610:3eff:fe1c]:1883")
            << strings({"myserver.xyz.org:8883", "[fe80::9610:3eff:fe1c]:1883"});
        // Without a port: the port of the address that sent the reference.
        QTest::newRow("name only")
            << QStringLiteral("other.example.org") << strings({"other.example.org:8883"});
        QTest::newRow("ipv6 without port") << QStringLiteral("[::1]") << strings({"[::1]:8883"});
        QTest::newRow("bare ipv6") << QStringLiteral("::1") << strings({"[::1]:8883"});
        QTest::newRow("extra spaces") << QStringLiteral("  a:1   b:2 ") << strings({"a:1", "b:2"});
        // Entries that do not read are left out, the rest kept.
        QTest::newRow("bad port") << QStringLiteral("a:0 b:70000 c:x d:4") << strings({"d:4"});
        QTest::newRow("unclosed bracket") << QStringLiteral("[::1:1883 e:5") << strings({"e:5"});
        QTest::newRow("empty name") << QStringLiteral(":1883") << QStringList{};
        QTest::newRow("empty") << QString() << QStringList{};
    }
    void parse()
    {
        QFETCH(QString, reference);
        QFETCH(QStringList, expected);
        const QList<BrokerAddress> addresses = ServerReference::parse(reference, kFrom);
        QCOMPARE(hostPorts(addresses), expected);
        for (const BrokerAddress &a : addresses) {
            QCOMPARE(a.kind, Kind::Tls); // the transport of the address that sent it
            QCOMPARE(a.source, BrokerAddress::Source::ServerReference);
        }
    }

    void onlyUseAnotherServerAndServerMovedRedirect()
    {
        QVERIFY(ServerReference::isRedirection(ReasonCode::UseAnotherServer));
        QVERIFY(ServerReference::isRedirection(ReasonCode::ServerMoved));
        QVERIFY(!ServerReference::isRedirection(ReasonCode::ServerUnavailable));
        QVERIFY(!ServerReference::isRedirection(ReasonCode::Success));
    }

    void fromConnackBytes()
    {
        const QByteArray body = QByteArray::fromHex(
            // CONNACK, Remaining Length 20 (fixed header 0x20 given separately)
            "00"                             // Connect Acknowledge Flags: no session present
            "9c"                             // Reason Code 0x9C Use another server
            "11"                             // Property Length 17
            "1c"                             // Server Reference (0x1C)
            "000e"                           // UTF-8 string length 14
            "3132372e302e302e313a31383834"); // '127.0.0.1:1884'
        QCOMPARE(body.size(), 20);
        const DecodeResult decoded = decode(0x20, body, ProtocolVersion::V5);
        QVERIFY(decoded.ok());
        const ConnackInfo info = ConnackInfo::fromPacket(std::get<ConnackPacket>(decoded.value()));
        QCOMPARE(info.reasonCode, ReasonCode::UseAnotherServer);
        QCOMPARE(info.serverReference, std::optional<QString>(QStringLiteral("127.0.0.1:1884")));
        QCOMPARE(hostPorts(ServerReference::parse(*info.serverReference, kFrom)),
                 strings({"127.0.0.1:1884"}));
    }

    void fromDisconnectBytes()
    {
        const QByteArray body =
            QByteArray::fromHex("9d"                           // Reason Code 0x9D Server moved
                                "12"                           // Property Length 18
                                "1c"                           // Server Reference (0x1C)
                                "000f"                         // UTF-8 string length 15
                                "6e6577206f746865723a38383833" // 'new other:8883' (14 bytes) ...
                                "20");                         // ... and a trailing space
        const DecodeResult decoded = decode(0xE0, body, ProtocolVersion::V5);
        QVERIFY(decoded.ok());
        const auto &packet = std::get<DisconnectPacket>(decoded.value());
        QCOMPARE(packet.reasonCode, ReasonCode::ServerMoved);
        QCOMPARE(hostPorts(ServerReference::parse(*packet.properties.serverReference(), kFrom)),
                 strings({"new:8883", "other:8883"}));
    }
};

QTEST_GUILESS_MAIN(TstServerReference)
#include "tst_server_reference.moc"
