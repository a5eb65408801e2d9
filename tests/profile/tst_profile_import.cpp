#include "core/profile/profile_exporter.h"
#include "core/profile/profile_importer.h"
#include "tests/profile/sample_profiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

namespace {

// Shaped like MQTTX's "Export data" JSON (all connections), written for this test.
QByteArray mqttxExport()
{
    QFile file(qEnvironmentVariable("MQTTDESK_SOURCE_DIR") +
               QStringLiteral("/tests/profile/data/mqttx_export.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the MQTTX sample: is MQTTDESK_SOURCE_DIR set?");
    return file.readAll();
}

ProfileSubscription subscription(const QUuid &profileId, const QString &filter, quint8 qos)
{
    ProfileSubscription s;
    s.profileId = profileId;
    s.filter = filter;
    s.qos = qos;
    return s;
}

} // namespace

class TestProfileImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ourFormatRoundTrips()
    {
        ConnectionProfile a = test::fullProfile();
        QVERIFY(!a.templateVariables.isEmpty()); // they travel with the profile too
        ConnectionProfile b;
        b.name = QStringLiteral("second");
        const QByteArray file = ProfileExporter::toJson({a, b}, true);
        const ProfileImport result = ProfileImporter::fromJson(file);
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.source, ProfileImport::Source::MqttDesk);
        QCOMPARE(result.profiles, (QList<ConnectionProfile>{a, b}));
    }

    void subscriptionsTravelWithTheirProfile()
    {
        const ConnectionProfile a = test::fullProfile();
        ConnectionProfile b;
        b.name = QStringLiteral("second");
        ProfileSubscription full = subscription(a.id, QStringLiteral("plant/+/temp"), 2);
        full.alias = QStringLiteral("Temperatures");
        full.colour = QStringLiteral("#a1b2c3");
        full.format = QStringLiteral("json");
        full.enabled = false;
        full.noLocal = true;
        full.retainAsPublished = true;
        full.retainHandling = 1;
        full.subscriptionIdentifier = 268435455;
        full.userProperties = {{QStringLiteral("k"), QStringLiteral("v")}};
        const ProfileSubscription plain = subscription(a.id, QStringLiteral("alarms/#"), 0);
        const ProfileSubscription ofB = subscription(b.id, QStringLiteral("b/#"), 1);

        const QByteArray file = ProfileExporter::toJson({a, b}, false, {full, ofB, plain});
        const ProfileImport result = ProfileImporter::fromJson(file);
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        // Grouped by profile, in their order within it.
        QCOMPARE(result.subscriptions, (QList<ProfileSubscription>{full, plain, ofB}));
        QCOMPARE(result.subscriptionsListed, (QSet<QUuid>{a.id, b.id}));
        // The folder travels too.
        QCOMPARE(result.profiles.first().folder, a.folder);
    }

    void decodingRulesTravelWithTheirProfile()
    {
        const ConnectionProfile a = test::fullProfile();
        ConnectionProfile b;
        b.name = QStringLiteral("second");
        DecodingRules rules;
        QVERIFY(rules.append(
            {QStringLiteral("factory/+/reading"), QStringLiteral("protobuf"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("demo.Reading")},
                         {QStringLiteral("files"), QJsonArray{QStringLiteral("/p/demo.proto")}}}}));
        QVERIFY(rules.append({QStringLiteral("plant/+/raw"), QStringLiteral("numeric"),
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("int16")}}}));
        // A script rule carries its whole script (docs/scripts.md), quotes and lines included.
        QVERIFY(rules.append(
            {QStringLiteral("plant/+/temp"), QStringLiteral("script"),
             QJsonObject{{QStringLiteral("script"),
                          QStringLiteral("const r = JSON.parse(payload);\nreturn \"t=\" + r.t;")},
                         {QStringLiteral("timeLimitMs"), 50}}}));
        const QByteArray file = ProfileExporter::toJson({a, b}, false, {}, {{a.id, rules}});
        // In the form `mqttdesk-cli sub --rules` reads, and an empty list for the other.
        const QJsonArray profiles =
            QJsonDocument::fromJson(file).object().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("decodingRules")).toArray(),
                 rules.toJson());
        QCOMPARE(profiles.at(1).toObject().value(QStringLiteral("decodingRules")).toArray(),
                 QJsonArray());
        const ProfileImport result = ProfileImporter::fromJson(file);
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.decodingRules.size(), 2);
        QCOMPARE(result.decodingRules.value(a.id).toJson(), rules.toJson());
        QVERIFY(result.decodingRules.value(b.id).isEmpty());

        // A rule the dialog would refuse is named with its place in the file.
        QJsonObject document = QJsonDocument::fromJson(file).object();
        QJsonArray list = document.value(QStringLiteral("profiles")).toArray();
        QJsonObject first = list.at(0).toObject();
        first.insert(QStringLiteral("decodingRules"),
                     QJsonArray{QJsonObject{{QStringLiteral("filter"), QStringLiteral("a/#/b")},
                                            {QStringLiteral("decoder"), QStringLiteral("hex")}}});
        list.replace(0, first);
        document.insert(QStringLiteral("profiles"), list);
        const ProfileImport bad = ProfileImporter::fromJson(QJsonDocument(document).toJson());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error.message().contains(QStringLiteral("profiles[0].decodingRules")),
                 qPrintable(bad.error.message()));
        QVERIFY(bad.profiles.isEmpty());
    }

    void anOlderFileWithoutSubscriptionsImports()
    {
        // Written before subscriptions travelled with their profile: no "subscriptions" key.
        const QByteArray old(
            "{\"format\": \"mqttdesk-profiles\", \"version\": 1, \"profiles\": [{\"id\": "
            "\"4b8e1c3a-2f5d-4e6a-9b7c-1d2e3f405162\", \"name\": \"old\", \"folder\": \"f\", "
            "\"transport\": {\"host\": \"h\"}}]}");
        const ProfileImport result = ProfileImporter::fromJson(old);
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.profiles.size(), 1);
        QCOMPARE(result.profiles.first().folder, QStringLiteral("f"));
        QVERIFY(result.subscriptions.isEmpty());
        QVERIFY(result.subscriptionsListed.isEmpty());
        QVERIFY(result.decodingRules.isEmpty());
    }

    void exportLeavesSecretsOutUnlessAsked()
    {
        const QByteArray file = ProfileExporter::toJson({test::fullProfile()});
        QVERIFY(!file.contains("s3cret"));
        QVERIFY(!file.contains("proxypass"));
        const ProfileImport result = ProfileImporter::fromJson(file);
        QVERIFY(result.ok());
        QVERIFY(result.profiles.first().password.isSet);
        QVERIFY(result.profiles.first().password.value.isEmpty());
    }

    void exportToFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        QCOMPARE(ProfileExporter::writeFile(path, {test::fullProfile()}), std::nullopt);
        // Only the user may read it (it may hold secrets).
        QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        const ProfileImport result = ProfileImporter::fromFile(path);
        QVERIFY(result.ok());
        QCOMPARE(result.profiles.size(), 1);
        const auto failure =
            ProfileExporter::writeFile(dir.filePath(QStringLiteral("no/such/dir/x.json")), {});
        QVERIFY(failure.has_value());
    }

    void malformedFilesImportNothing_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << QByteArray("{\n  \"format\": \"mqttdesk-profiles\",\n  "
                                              "\"version\": 1\n  \"profiles\": []\n}")
                                << "The file is not valid JSON (line 4)";
        QTest::newRow("unknown format")
            << QByteArray("{\"format\": \"something-else\"}")
            << "neither an MQTT Desk profile export nor an MQTTX export";
        QTest::newRow("unknown shape")
            << QByteArray("[1, 2, 3]") << "neither an MQTT Desk profile export nor an MQTTX export";
        QTest::newRow("newer version")
            << QByteArray("{\"format\": \"mqttdesk-profiles\", \"version\": 9, \"profiles\": []}")
            << "format version 9";
        QTest::newRow("bad profile")
            << QByteArray("{\"format\": \"mqttdesk-profiles\", \"version\": 1, \"profiles\": "
                          "[{\"id\": \"4b8e1c3a-2f5d-4e6a-9b7c-1d2e3f405162\", \"name\": \"a\", "
                          "\"transport\": {\"host\": \"h\", \"port\": \"1883\"}}]}")
            << "The field \"profiles[0].transport.port\" has the wrong type";
        QTest::newRow("bad subscription")
            << QByteArray("{\"format\": \"mqttdesk-profiles\", \"version\": 1, \"profiles\": "
                          "[{\"id\": \"4b8e1c3a-2f5d-4e6a-9b7c-1d2e3f405162\", \"name\": \"a\", "
                          "\"transport\": {\"host\": \"h\"}, \"subscriptions\": [{\"filter\": "
                          "\"a/#\"}, {\"filter\": \"b\", \"qos\": 3}]}]}")
            << "\"profiles[0].subscriptions[1].qos\" is out of range";
        QTest::newRow("subscription without filter")
            << QByteArray("{\"format\": \"mqttdesk-profiles\", \"version\": 1, \"profiles\": "
                          "[{\"id\": \"4b8e1c3a-2f5d-4e6a-9b7c-1d2e3f405162\", \"name\": \"a\", "
                          "\"transport\": {\"host\": \"h\"}, \"subscriptions\": [{\"qos\": 1}]}]}")
            << "profiles[0].subscriptions[0].filter";
        QTest::newRow("mqttx bad qos")
            << QByteArray(
                   "[{\"host\": \"a\", \"clientId\": \"c\", \"port\": 1883}, {\"host\": \"b\", "
                   "\"clientId\": \"d\", \"subscriptions\": [{\"topic\": \"x\", \"qos\": 5}]}]")
            << "\"[1].subscriptions[0].qos\" is out of range";
        QTest::newRow("mqttx bad protocol")
            << QByteArray("{\"host\": \"a\", \"clientId\": \"c\", \"protocol\": \"quic\"}")
            << "The field \"protocol\" has an unknown value";
    }

    void malformedFilesImportNothing()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        const ProfileImport result = ProfileImporter::fromJson(data);
        QVERIFY(!result.ok());
        QVERIFY(result.profiles.isEmpty());
        QVERIFY(result.subscriptions.isEmpty());
        QVERIFY2(result.error.message().contains(message), qPrintable(result.error.message()));
    }

    void mqttxExportImports()
    {
        const ProfileImport result = ProfileImporter::fromJson(mqttxExport());
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.source, ProfileImport::Source::Mqttx);
        QCOMPARE(result.profiles.size(), 2);

        const ConnectionProfile &p = result.profiles.at(0);
        QCOMPARE(p.id, QUuid::fromString(QStringLiteral("8d3e9a52-1c2b-4f1e-9a44-0a6b7c8d9e01")));
        QCOMPARE(p.name, QStringLiteral("EMQX local"));
        QCOMPARE(p.scheme, TransportScheme::Mqtts);
        QCOMPARE(p.host, QStringLiteral("broker.local"));
        QCOMPARE(p.port, quint16(8883));
        QCOMPARE(p.clientId, QStringLiteral("mqttx_4f1e9a44"));
        QCOMPARE(p.protocolVersion, ProtocolVersion::V5);
        QCOMPARE(p.keepAliveSeconds, quint16(30));
        QCOMPARE(p.username, QStringLiteral("emqx"));
        QCOMPARE(p.password, (Secret{true, QStringLiteral("public")}));
        QVERIFY(p.reconnect.enabled);
        QCOMPARE(p.reconnect.minBackoffMs, 4000);
        QVERIFY(!p.tls.verifyPeer);
        QVERIFY(!p.tls.useSystemCa);
        QCOMPARE(p.tls.caFiles, QStringList{QStringLiteral("/certs/ca.pem")});
        QCOMPARE(p.tls.clientCertificatePath, QStringLiteral("/certs/client.pem"));
        QCOMPARE(p.tls.clientKeyPath, QStringLiteral("/certs/client.key"));
        QCOMPARE(p.tls.alpn, (QStringList{QStringLiteral("mqtt"), QStringLiteral("h2")}));
        QCOMPARE(p.connectProperties.sessionExpiryInterval, quint32(7200));
        QCOMPARE(p.connectProperties.receiveMaximum, quint16(50));
        QVERIFY(!p.connectProperties.requestProblemInformation);
        QCOMPARE(p.connectProperties.userProperties.size(), 3);
        QVERIFY(p.will.enabled);
        QCOMPARE(p.will.topic, QStringLiteral("bye"));
        QCOMPARE(p.will.payload, QByteArray("gone"));
        QCOMPARE(p.will.qos, quint8(1));
        QVERIFY(p.will.retain);
        QCOMPARE(p.will.properties.delayInterval, quint32(10));
        QCOMPARE(p.will.properties.contentType, QStringLiteral("text/plain"));
        QVERIFY(!p.will.properties.messageExpiryInterval.has_value());

        const ConnectionProfile &second = result.profiles.at(1);
        QVERIFY(!second.id.isNull());                      // a fresh id for a non-UUID
        QCOMPARE(second.name, QStringLiteral("10.0.0.5")); // unnamed: named after its host
        QCOMPARE(second.scheme, TransportScheme::Mqtt);
        QCOMPARE(second.protocolVersion, ProtocolVersion::V311);
        QVERIFY(!second.cleanStart);

        QCOMPARE(result.subscriptions.size(), 2);
        const ProfileSubscription &s = result.subscriptions.first();
        QCOMPARE(s.profileId, p.id);
        QCOMPARE(s.filter, QStringLiteral("sensors/#"));
        QCOMPARE(s.qos, quint8(1));
        QCOMPARE(s.alias, QStringLiteral("all sensors"));
        QCOMPARE(s.colour, QStringLiteral("#34C388"));
        QVERIFY(s.enabled);
        QVERIFY(s.noLocal);
        QCOMPARE(s.retainHandling, quint8(2));
        QCOMPARE(s.subscriptionIdentifier, std::optional<quint32>(7));
        QVERIFY(!result.subscriptions.at(1).enabled);

        QCOMPARE(result.messages.size(), 2);
        const ImportedMessage &m = result.messages.first();
        QCOMPARE(m.topic, QStringLiteral("sensors/t1"));
        QCOMPARE(m.payload, QByteArray("{\"t\":21.5}"));
        QCOMPARE(m.time.time().msec(), 250);
        QVERIFY(result.messages.at(1).outgoing);
        QVERIFY(result.messages.at(1).retain);
    }

    void singleMqttxConnection()
    {
        const QByteArray one =
            QJsonDocument(QJsonDocument::fromJson(mqttxExport()).array().at(1).toObject()).toJson();
        const ProfileImport result = ProfileImporter::fromJson(one);
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.profiles.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProfileImport)
#include "tst_profile_import.moc"
