// 5.0 enhanced authentication with the built-in SCRAM methods against the fake broker,
// which runs an independent SCRAM server: success, a wrong password, and a server that
// cannot prove it knows the password.

#include "tests/connection/client_probe.h"
#include "tests/connection/fake_broker.h"
#include "tests/connection/scram_server.h"
#include "tests/connection/test_settings.h"

#include <QTest>

using namespace mqttdesk;

Q_DECLARE_METATYPE(QCryptographicHash::Algorithm)

class TstConnectionAuth : public QObject
{
    Q_OBJECT

private:
    // Serves SCRAM on `broker`: AUTH 0x18 with server-first, then CONNACK with the
    // server-final (or a refusal when the proof is wrong). `tamper` corrupts the server's
    // signature.
    static void serveScram(FakeBroker &broker, ScramServer &scram, const QString &method,
                           bool tamper)
    {
        broker.setPacketHook([&broker, &scram, method, tamper](const Packet &p) {
            if (const auto *connect = std::get_if<ConnectPacket>(&p)) {
                const auto first = scram.serverFirst(
                    connect->properties.authenticationData().value_or(QByteArray()));
                if (!first) {
                    broker.send(ConnackPacket{false, ReasonCode::BadUserNameOrPassword, {}});
                    return true;
                }
                AuthPacket challenge;
                challenge.reasonCode = ReasonCode::ContinueAuthentication;
                challenge.properties.setAuthenticationMethod(method);
                challenge.properties.setAuthenticationData(*first);
                broker.send(challenge);
                return true;
            }
            if (const auto *auth = std::get_if<AuthPacket>(&p)) {
                auto final =
                    scram.serverFinal(auth->properties.authenticationData().value_or(QByteArray()));
                if (!final) {
                    broker.send(ConnackPacket{false, ReasonCode::BadUserNameOrPassword, {}});
                    return true;
                }
                if (tamper)
                    final = QByteArrayLiteral("v=") + QByteArray(20, 'A').toBase64();
                ConnackPacket ok;
                ok.properties.setAuthenticationMethod(method);
                ok.properties.setAuthenticationData(*final);
                broker.send(ok);
                return true;
            }
            return false;
        });
    }

    static ConnectionSettings settings(quint16 port, const QString &method, const QByteArray &pw)
    {
        ConnectionSettings s = TestSettings::forPort(port, ProtocolVersion::V5);
        s.session.authenticationMethod = method;
        s.session.username = QStringLiteral("alice");
        s.session.password = pw;
        return s;
    }

private slots:
    void scram_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QCryptographicHash::Algorithm>("algorithm");
        QTest::newRow("SCRAM-SHA-1") << QStringLiteral("SCRAM-SHA-1") << QCryptographicHash::Sha1;
        QTest::newRow("SCRAM-SHA-256")
            << QStringLiteral("SCRAM-SHA-256") << QCryptographicHash::Sha256;
        QTest::newRow("SCRAM-SHA-512")
            << QStringLiteral("SCRAM-SHA-512") << QCryptographicHash::Sha512;
    }
    void scram()
    {
        QFETCH(QString, method);
        QFETCH(QCryptographicHash::Algorithm, algorithm);
        FakeBroker broker;
        QVERIFY(broker.listen());
        ScramServer scram(algorithm, "alice", "pencil");
        serveScram(broker, scram, method, false);
        ClientProbe c(settings(broker.port(), method, "pencil"));
        QVERIFY2(c.connectAndWait(), c.describe());
        const auto connect = FakeBroker::as<ConnectPacket>(*broker.waitFor(PacketType::Connect));
        QCOMPARE(connect.properties.authenticationMethod(), std::optional<QString>(method));
        QVERIFY(!connect.password); // SCRAM never sends the password itself
        QVERIFY(c.errors().isEmpty());
        QVERIFY(!c.describe().contains("pencil"));
    }

    void scramWrongPassword_data() { scram_data(); }
    void scramWrongPassword()
    {
        QFETCH(QString, method);
        QFETCH(QCryptographicHash::Algorithm, algorithm);
        FakeBroker broker;
        QVERIFY(broker.listen());
        ScramServer scram(algorithm, "alice", "pencil");
        serveScram(broker, scram, method, false);
        ClientProbe c(settings(broker.port(), method, "crayon"));
        QVERIFY(!c.connectAndWait());
        QVERIFY(c.waitForState(SessionState::Disconnected));
        QCOMPARE(ConnectionError::kindName(c.errors().first().kind), QStringLiteral("Refused"));
        QCOMPARE(c.errors().first().reasonCode(),
                 std::optional<ReasonCode>(ReasonCode::BadUserNameOrPassword));
    }

    void scramServerMustProveItself_data() { scram_data(); }
    void scramServerMustProveItself()
    {
        QFETCH(QString, method);
        QFETCH(QCryptographicHash::Algorithm, algorithm);
        FakeBroker broker;
        QVERIFY(broker.listen());
        ScramServer scram(algorithm, "alice", "pencil");
        serveScram(broker, scram, method, true);
        ClientProbe c(settings(broker.port(), method, "pencil"));
        QVERIFY(!c.connectAndWait());
        QVERIFY(c.waitForState(SessionState::Disconnected));
        QCOMPARE(ConnectionError::kindName(c.errors().first().kind),
                 QStringLiteral("Authentication"));
        QVERIFY(!c.errors().first().message.isEmpty());
        QVERIFY(broker.waitForClosed(1));
    }
};

QTEST_GUILESS_MAIN(TstConnectionAuth)
#include "tst_connection_auth.moc"
