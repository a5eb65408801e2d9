#include "core/profile/mqtt_explorer_importer.h"
#include "core/profile/mqttx_importer.h"
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

// Shaped like MQTT Explorer's settings.json (ConnectionManager_connections), written
// for this test from its ConnectionOptions.
QByteArray mqttExplorerSample(const QString &name)
{
    QFile file(qEnvironmentVariable("MQTTDESK_SOURCE_DIR") +
               QStringLiteral("/tests/profile/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the MQTT Explorer sample: is MQTTDESK_SOURCE_DIR set?");
    return file.readAll();
}

QStringList filtersOf(const ProfileImport &result, const QUuid &profileId)
{
    QStringList filters;
    for (const ProfileSubscription &s : result.subscriptions) {
        if (s.profileId == profileId)
            filters << QStringLiteral("%1@%2").arg(s.filter).arg(s.qos);
    }
    return filters;
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
        QTest::newRow("mqtt explorer port text")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": {\"host\": \"h\", "
                          "\"encryption\": false, \"port\": \"eighty\"}}}")
            << "The field \"ConnectionManager_connections['a'].port\" has the wrong type";
        QTest::newRow("mqtt explorer port range")
            << QByteArray(
                   "{\"a\": {\"host\": \"h\", \"certValidation\": true, \"port\": \"70000\"}}")
            << "The field \"['a'].port\" is out of range";
        QTest::newRow("mqtt explorer bad protocol")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": {\"host\": \"h\", "
                          "\"encryption\": false, \"protocol\": \"quic\"}}}")
            << "\"ConnectionManager_connections['a'].protocol\" has an unknown value: \"quic\" "
               "(allowed: mqtt, ws)";
        QTest::newRow("mqtt explorer other type")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": {\"host\": \"h\", "
                          "\"encryption\": false, \"type\": \"sparkplug\"}}}")
            << "\"ConnectionManager_connections['a'].type\" has an unknown value";
        QTest::newRow("mqtt explorer no host")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": {\"host\": \"h\", "
                          "\"encryption\": false}, \"b\": {\"encryption\": true}}}")
            << "The field \"ConnectionManager_connections['b'].host\" is missing";
        QTest::newRow("mqtt explorer connections not an object")
            << QByteArray("{\"ConnectionManager_connections\": []}")
            << "The field \"ConnectionManager_connections\" has the wrong type";
        QTest::newRow("mqtt explorer connection not an object")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": 5}}")
            << "The field \"ConnectionManager_connections['a']\" has the wrong type";
        QTest::newRow("mqtt explorer subscription")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": {\"host\": \"h\", "
                          "\"subscriptions\": [\"x\", 7]}}}")
            << "\"ConnectionManager_connections['a'].subscriptions[1]\" has the wrong type";
        QTest::newRow("mqtt explorer qos")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": {\"host\": \"h\", "
                          "\"subscriptions\": [{\"topic\": \"x\", \"qos\": 3}]}}}")
            << "\"ConnectionManager_connections['a'].subscriptions[0].qos\" is out of range";
        QTest::newRow("mqtt explorer encryption")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": {\"host\": \"h\", "
                          "\"encryption\": \"yes\"}}}")
            << "\"ConnectionManager_connections['a'].encryption\" has the wrong type";
        QTest::newRow("mqtt explorer version")
            << QByteArray("{\"ConnectionManager_connections\": {\"a\": {\"host\": \"h\", "
                          "\"protocolVersion\": 6}}}")
            << "\"ConnectionManager_connections['a'].protocolVersion\" is out of range";
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
    void mqttExplorerSettingsImport()
    {
        const ProfileImport result = ProfileImporter::fromJson(
            mqttExplorerSample(QStringLiteral("mqtt_explorer_settings.json")));
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.source, ProfileImport::Source::MqttExplorer);
        QCOMPARE(result.profiles.size(), 3);
        QVERIFY(result.messages.isEmpty());
        QVERIFY(result.decodingRules.isEmpty());

        // In MQTT Explorer's order ("order"), not the file's (alphabetical) key order.
        const ConnectionProfile &tcp = result.profiles.at(0);
        QCOMPARE(tcp.id, QUuid::fromString(QStringLiteral("e4b1c2d3-5f6a-4b7c-8d9e-0f1a2b3c4d5e")));
        QCOMPARE(tcp.name, QStringLiteral("Home broker"));
        QCOMPARE(tcp.scheme, TransportScheme::Mqtt);
        QCOMPARE(tcp.host, QStringLiteral("192.168.1.20"));
        QCOMPARE(tcp.port, quint16(1883));
        QVERIFY(tcp.clientId.isEmpty()); // none saved: a random one, as in MQTT Explorer
        QVERIFY(tcp.username.isEmpty());
        QVERIFY(!tcp.password.isSet);
        QCOMPARE(tcp.protocolVersion, ProtocolVersion::V311);
        QVERIFY(tcp.tls.verifyPeer);
        QCOMPARE(filtersOf(result, tcp.id),
                 (QStringList{QStringLiteral("#@0"), QStringLiteral("$SYS/#@0"),
                              QStringLiteral("home/+/temperature@1")}));

        const ConnectionProfile &tls = result.profiles.at(1);
        QCOMPARE(tls.id, QUuid::fromString(QStringLiteral("2c8f7a10-3b4d-4e5f-9a6b-7c8d9e0f1a2b")));
        QCOMPARE(tls.name, QStringLiteral("Factory (TLS)"));
        QCOMPARE(tls.scheme, TransportScheme::Mqtts);
        QCOMPARE(tls.host, QStringLiteral("mqtt.factory.example"));
        QCOMPARE(tls.port, quint16(8883)); // saved as the text "8883"
        QCOMPARE(tls.clientId, QStringLiteral("plant-monitor-01"));
        QCOMPARE(tls.username, QStringLiteral("plant-monitor"));
        QCOMPARE(tls.password, (Secret{true, QStringLiteral("s3cret!")}));
        QCOMPARE(tls.protocolVersion, ProtocolVersion::V311);
        QVERIFY(!tls.tls.verifyPeer);
        // The embedded CA is dropped: no file is written, the system CAs stay.
        QVERIFY(tls.tls.useSystemCa);
        QVERIFY(tls.tls.caFiles.isEmpty());
        QVERIFY(tls.tls.clientCertificatePath.isEmpty());
        QVERIFY(tls.tls.clientKeyPath.isEmpty());
        QCOMPARE(filtersOf(result, tls.id), QStringList{QStringLiteral("factory/+/status@2")});

        const ConnectionProfile &ws = result.profiles.at(2);
        QCOMPARE(ws.name, QStringLiteral("test.mosquitto.org (WebSocket)"));
        QCOMPARE(ws.scheme, TransportScheme::Ws);
        QCOMPARE(ws.host, QStringLiteral("test.mosquitto.org"));
        QCOMPARE(ws.port, quint16(8080));
        QCOMPARE(ws.wsPath, QStringLiteral("/mqtt"));
        QVERIFY(ws.tls.verifyPeer);
        QCOMPARE(filtersOf(result, ws.id), QStringList{QStringLiteral("#@0")});
        // Not a UUID ("test.mosquitto.org"): one derived from it, the same on every import,
        // so that importing the file again finds this connection by id.
        QVERIFY(!ws.id.isNull());
        QCOMPARE(ws.id.version(), QUuid::Sha1);
        const ProfileImport again = ProfileImporter::fromJson(
            mqttExplorerSample(QStringLiteral("mqtt_explorer_settings.json")));
        QCOMPARE(again.profiles.at(2).id, ws.id);

        for (const ConnectionProfile &p : result.profiles)
            QVERIFY(result.subscriptionsListed.contains(p.id));
        QCOMPARE(result.subscriptions.size(), 5);
    }

    void mqttExplorerConnectionsObjectAlone()
    {
        const QJsonObject settings =
            QJsonDocument::fromJson(
                mqttExplorerSample(QStringLiteral("mqtt_explorer_settings.json")))
                .object();
        const QByteArray connections =
            QJsonDocument(
                settings.value(QStringLiteral("ConnectionManager_connections")).toObject())
                .toJson();
        const ProfileImport alone = ProfileImporter::fromJson(connections);
        QVERIFY2(alone.ok(), qPrintable(alone.error.message()));
        const ProfileImport whole = ProfileImporter::fromJson(
            mqttExplorerSample(QStringLiteral("mqtt_explorer_settings.json")));
        QCOMPARE(alone.profiles, whole.profiles);
        QCOMPARE(alone.subscriptions, whole.subscriptions);
    }

    void mqttExplorerBrokenFileNamesTheField()
    {
        const ProfileImport result = ProfileImporter::fromJson(
            mqttExplorerSample(QStringLiteral("mqtt_explorer_broken_port.json")));
        QVERIFY(!result.ok());
        QVERIFY(result.profiles.isEmpty());
        QVERIFY(result.subscriptions.isEmpty());
        QVERIFY(result.subscriptionsListed.isEmpty());
        QCOMPARE(result.error.kind(), ProfileFormatError::Kind::WrongType);
        QCOMPARE(
            result.error.field(),
            QStringLiteral("ConnectionManager_connections['7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a']"
                           ".port"));
        QVERIFY2(result.error.message().contains(QStringLiteral("has the wrong type")),
                 qPrintable(result.error.message()));
    }

    // Missing fields take MQTT Explorer's defaults, unknown ones are ignored, and a file
    // from before subscriptions had a QoS lists plain topics.
    void mqttExplorerLenientReading()
    {
        const QByteArray data = R"({
            "Settings": {"anything": [1, 2]},
            "ConnectionManager_connections": {
                "old": {"host": "old.example", "encryption": false,
                        "subscriptions": ["a/#", "", "b"], "somethingNew": {"x": 1}},
                "secure-ws": {"id": "secure-ws", "host": "ws.example", "protocol": "ws",
                              "encryption": true, "port": "", "protocolVersion": 5,
                              "clientKey": {"name": "k.pem", "data": "AAAA"}},
                "bare": {"host": "bare.example", "certValidation": true, "name": ""}
            }
        })";
        const ProfileImport result = ProfileImporter::fromJson(data);
        QVERIFY2(result.ok(), qPrintable(result.error.message()));
        QCOMPARE(result.profiles.size(), 3);

        // No "order": the keys' order.
        const ConnectionProfile &bare = result.profiles.at(0);
        QCOMPARE(bare.name, QStringLiteral("bare.example")); // unnamed: named after its host
        QCOMPARE(bare.scheme, TransportScheme::Mqtt);
        QCOMPARE(bare.port, quint16(1883));
        QVERIFY(!result.subscriptionsListed.contains(bare.id)); // no list in the file
        QVERIFY(filtersOf(result, bare.id).isEmpty());

        const ConnectionProfile &old = result.profiles.at(1);
        QCOMPARE(old.name, QStringLiteral("old.example"));
        // The key stands in for the missing id.
        QCOMPARE(old.id, ProfileImporter::fromJson(data).profiles.at(1).id);
        QVERIFY(old.tls.verifyPeer); // absent: verification stays on
        QCOMPARE(filtersOf(result, old.id),
                 (QStringList{QStringLiteral("a/#@0"), QStringLiteral("b@0")}));

        const ConnectionProfile &wss = result.profiles.at(2);
        QCOMPARE(wss.scheme, TransportScheme::Wss);
        QCOMPARE(wss.port, quint16(8084));         // an empty port box: the scheme's default
        QCOMPARE(wss.wsPath, QStringLiteral("/")); // no base path: ws://host:port/
        QCOMPARE(wss.protocolVersion, ProtocolVersion::V5);
        QVERIFY(wss.tls.clientKeyPath.isEmpty());
        QVERIFY(old.id != wss.id && old.id != bare.id);
    }

    void mqttExplorerDetection()
    {
        QVERIFY(MqttExplorerImporter::looksLikeSettings(
            QJsonObject{{QStringLiteral("ConnectionManager_connections"), QJsonObject()}}));
        QVERIFY(MqttExplorerImporter::looksLikeSettings(QJsonObject{
            {QStringLiteral("x"), QJsonObject{{QStringLiteral("host"), QStringLiteral("h")},
                                              {QStringLiteral("encryption"), false}}}}));
        QVERIFY(!MqttExplorerImporter::looksLikeSettings(QJsonObject{
            {QStringLiteral("x"), QJsonObject{{QStringLiteral("host"), QStringLiteral("h")}}}}));
        // An MQTTX connection stays MQTTX's.
        QVERIFY(MqttxImporter::looksLikeConnection(
            QJsonDocument::fromJson(mqttxExport()).array().at(0).toObject()));
        const ProfileImport unknown = ProfileImporter::fromJson("{\"a\": {\"b\": 1}}");
        QCOMPARE(unknown.error.kind(), ProfileFormatError::Kind::UnknownFormat);
        QVERIFY2(unknown.error.message().contains(QStringLiteral("MQTT Explorer")),
                 qPrintable(unknown.error.message()));
        const ProfileImport empty =
            ProfileImporter::fromJson("{\"ConnectionManager_connections\": {}}");
        QVERIFY2(empty.ok(), qPrintable(empty.error.message()));
        QVERIFY(empty.profiles.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfileImport)
#include "tst_profile_import.moc"
