#include "core/profile/profile_validator.h"

#include <QTest>

using namespace mqttdesk;

namespace {

ConnectionProfile valid()
{
    ConnectionProfile p;
    p.name = QStringLiteral("Local");
    p.clientId = QStringLiteral("desk");
    return p;
}

QString firstError(const ConnectionProfile &p)
{
    for (const ProfileProblem &problem : ProfileValidator::validate(p)) {
        if (problem.isError())
            return problem.field + QLatin1Char('|') + problem.message;
    }
    return {};
}

} // namespace

class TestProfileValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreValid() { QCOMPARE(ProfileValidator::validate(valid()), ProfileProblems{}); }

    void errors_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty name") << 0 << "name|Enter a name for the connection.";
        QTest::newRow("empty host")
            << 1 << "transport.host|Enter the broker's host name or IP address.";
        QTest::newRow("host with scheme")
            << 2
            << "transport.host|The host \"mqtt://x\" is not a valid host name or IP address; leave "
               "out the scheme (mqtt://) and the port.";
        QTest::newRow("port 0") << 3 << "transport.port|The port must be between 1 and 65535.";
        QTest::newRow("3.1 long id") << 4
                                     << "mqtt.clientId|MQTT 3.1 allows a client id of at most 23 "
                                        "characters; this one has 24.";
        QTest::newRow("3.1 empty id")
            << 5 << "mqtt.clientId|MQTT 3.1 needs a client id: enter one or generate it.";
        QTest::newRow("3.1.1 empty id, persistent")
            << 6
            << "mqtt.clientId|MQTT 3.1.1 needs a client id when clean session is off: enter one or "
               "turn clean session on.";
        QTest::newRow("password without user") << 7
                                               << "mqtt.username|MQTT 3.1.1 cannot send a password "
                                                  "without a user name: enter a user name.";
        QTest::newRow("ws path") << 8
                                 << "transport.wsPath|The WebSocket path must start with \"/\".";
        QTest::newRow("no CA") << 9
                               << "tls.caFiles|Nothing can verify the server: add a CA file or use "
                                  "the system CA certificates.";
        QTest::newRow("cert without key")
            << 10
            << "tls.clientKey|The client certificate needs its private key: choose the key file.";
        QTest::newRow("backoff") << 11
                                 << "reconnect.maxBackoffMs|The longest reconnect delay (100 ms) "
                                    "is shorter than the shortest (1000 ms).";
        QTest::newRow("proxy host")
            << 12 << "proxy.host|Enter the proxy's host name or IP address.";
        QTest::newRow("will wildcard")
            << 13 << "will.topic|The last will topic \"a/+\" may not contain the wildcards + or #.";
        QTest::newRow("will utf8") << 14
                                   << "will.payload|The will payload is marked as UTF-8 text but "
                                      "is not valid UTF-8 [MQTT-3.1.3-16].";
        QTest::newRow("user property name")
            << 15 << "mqtt.properties.userProperties|The user property in row 1 has no name.";
        QTest::newRow("fallback host")
            << 16
            << "transport.fallbacks|Fallback broker 2 needs a valid host name or IP address, "
               "without scheme and port.";
        QTest::newRow("fallback port")
            << 17 << "transport.fallbacks|Fallback broker 1 needs a port between 1 and 65535.";
    }

    void errors()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        ConnectionProfile p = valid();
        switch (which) {
        case 0:
            p.name = QStringLiteral("  ");
            break;
        case 1:
            p.host.clear();
            break;
        case 2:
            p.host = QStringLiteral("mqtt://x");
            break;
        case 3:
            p.port = 0;
            break;
        case 4:
            p.protocolVersion = ProtocolVersion::V31;
            p.clientId = QString(24, QLatin1Char('a'));
            break;
        case 5:
            p.protocolVersion = ProtocolVersion::V31;
            p.clientId.clear();
            break;
        case 6:
            p.protocolVersion = ProtocolVersion::V311;
            p.clientId.clear();
            p.cleanStart = false;
            break;
        case 7:
            p.protocolVersion = ProtocolVersion::V311;
            p.password = Secret{true, QStringLiteral("x")};
            break;
        case 8:
            p.scheme = TransportScheme::Ws;
            p.wsPath = QStringLiteral("mqtt");
            break;
        case 9:
            p.scheme = TransportScheme::Mqtts;
            p.tls.useSystemCa = false;
            break;
        case 10:
            p.scheme = TransportScheme::Mqtts;
            p.tls.clientCertificatePath = QStringLiteral("/c.crt");
            break;
        case 11:
            p.reconnect.maxBackoffMs = 100;
            break;
        case 12:
            p.proxy.type = ProxyType::Http;
            p.proxy.port = 3128;
            break;
        case 13:
            p.will.enabled = true;
            p.will.topic = QStringLiteral("a/+");
            break;
        case 14:
            p.will.enabled = true;
            p.will.topic = QStringLiteral("a");
            p.will.payload = QByteArray("\xff\xfe", 2);
            p.will.properties.payloadFormatIndicator = true;
            break;
        case 15:
            p.connectProperties.userProperties = {{QString(), QStringLiteral("v")}};
            break;
        case 16:
            p.fallbackBrokers = {{QStringLiteral("b"), 1883, TransportScheme::Mqtt},
                                 {QStringLiteral("mqtt://c"), 1883, TransportScheme::Mqtt}};
            break;
        case 17:
            p.fallbackBrokers = {{QStringLiteral("b"), 0, TransportScheme::Mqtt}};
            break;
        }
        QCOMPARE(firstError(p), expected);
        QVERIFY(ProfileValidator::hasErrors(ProfileValidator::validate(p)));
    }

    // A connection's template variables follow a collection's rule (TemplateVariableNames).
    void templateVariableNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fine") << "pump_7.a-b" << QString();
        QTest::newRow("no name") << ""
                                 << "templateVariables|Variable 2 has a value but no name.";
        QTest::newRow("space") << "my var"
                               << "templateVariables|“my var” cannot be a variable name: use one "
                                  "word without spaces, braces or quotes.";
        QTest::newRow("brace") << "a}}"
                               << "templateVariables|“a}}” cannot be a variable name: use one "
                                  "word without spaces, braces or quotes.";
        QTest::newRow("quote") << "\"a"
                               << "templateVariables|“\"a” cannot be a variable name: use one "
                                  "word without spaces, braces or quotes.";
        QTest::newRow("built-in") << "client_id"
                                  << "templateVariables|“client_id” is a built-in variable: choose "
                                     "another name.";
        QTest::newRow("twice") << "device"
                               << "templateVariables|The variable “device” is defined twice.";
    }

    void templateVariableNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        ConnectionProfile p = valid();
        p.templateVariables = {{QStringLiteral("device"), QStringLiteral("pump-7")},
                               {name, QStringLiteral("v")}};
        QCOMPARE(firstError(p), expected);
        QCOMPARE(ProfileValidator::hasErrors(ProfileValidator::validate(p)), !expected.isEmpty());
    }

    // With DNS SRV the records give the port: none needed; a host without a dot is warned of.
    void srvLookupNeedsNoPort()
    {
        ConnectionProfile p = valid();
        p.host = QStringLiteral("example.com");
        p.port = 0;
        p.srvLookup = true;
        QCOMPARE(ProfileValidator::validate(p), ProfileProblems{});
        p.host = QStringLiteral("localhost");
        const ProfileProblems problems = ProfileValidator::validate(p);
        QVERIFY(!ProfileValidator::hasErrors(problems));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, QStringLiteral("transport.srvLookup"));
    }

    void warningsDoNotBlock()
    {
        ConnectionProfile p = valid();
        p.scheme = TransportScheme::Mqtts;
        p.tls.verifyPeer = false;
        const ProfileProblems problems = ProfileValidator::validate(p);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().severity, ProfileProblem::Severity::Warning);
        QVERIFY(problems.first().message.startsWith(QStringLiteral("Insecure")));
        QVERIFY(!ProfileValidator::hasErrors(problems));
    }

    void tlsKeyLogNeedsAFileAndWarns()
    {
        ConnectionProfile p = valid();
        p.scheme = TransportScheme::Mqtts;
        p.tls.writeKeyLog = true;
        ProfileProblems problems = ProfileValidator::validate(p);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, QStringLiteral("tls.keyLogFile"));
        QVERIFY(ProfileValidator::hasErrors(problems));

        p.tls.keyLogFile = QStringLiteral("/tmp/keys.log");
        problems = ProfileValidator::validate(p);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, QStringLiteral("tls.writeKeyLog"));
        QCOMPARE(problems.first().severity, ProfileProblem::Severity::Warning);
        QVERIFY(problems.first().message.contains(QStringLiteral("decrypt")));

        // Plain MQTT has no TLS keys: nothing to say.
        p.scheme = TransportScheme::Mqtt;
        QCOMPARE(ProfileValidator::validate(p), ProfileProblems{});
    }

    void version5AllowsEmptyClientIdAndLongIds()
    {
        ConnectionProfile p = valid();
        p.clientId = QString(100, QLatin1Char('x'));
        QCOMPARE(ProfileValidator::validate(p), ProfileProblems{});
        p.clientId.clear();
        QCOMPARE(ProfileValidator::validate(p), ProfileProblems{});
    }

    void portText()
    {
        QVERIFY(!ProfileValidator::checkPortText(QStringLiteral("p"), QStringLiteral("1883")));
        QCOMPARE(
            ProfileValidator::checkPortText(QStringLiteral("p"), QStringLiteral("70000"))->message,
            QStringLiteral("The port \"70000\" is not between 1 and 65535."));
        QCOMPARE(ProfileValidator::checkPortText(QStringLiteral("p"), QString())->message,
                 QStringLiteral("Enter a port."));
    }
};

QTEST_GUILESS_MAIN(TestProfileValidator)
#include "tst_profile_validator.moc"
