#include "core/profile/profile_json.h"
#include "tests/profile/sample_profiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mqttdesk;

class TestProfileJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        const ConnectionProfile original = test::fullProfile();
        // Through text, as storage and export do.
        const QByteArray text = QJsonDocument(original.toJson()).toJson();
        ProfileFormatError error;
        const auto back =
            ConnectionProfile::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(back.has_value(), qPrintable(error.message()));
        QCOMPARE(*back, original);
    }

    void defaultProfileRoundTrips()
    {
        const ConnectionProfile original;
        ProfileFormatError error;
        const auto back = ConnectionProfile::fromJson(original.toJson(), &error);
        QVERIFY(back.has_value());
        QCOMPARE(*back, original);
    }

    void tlsKeyLogIsOffByDefaultAndRoundTrips()
    {
        QVERIFY(!ConnectionProfile().tls.writeKeyLog);
        QVERIFY(ConnectionProfile().tls.keyLogFile.isEmpty());
        ConnectionProfile profile;
        profile.tls.writeKeyLog = true;
        profile.tls.keyLogFile = QStringLiteral("/tmp/keys ✓.log");
        const QJsonObject json = profile.toJson();
        const QJsonObject tls = json.value(QStringLiteral("tls")).toObject();
        QCOMPARE(tls.value(QStringLiteral("writeKeyLog")).toBool(), true);
        QCOMPARE(tls.value(QStringLiteral("keyLogFile")).toString(), profile.tls.keyLogFile);
        const auto back = ConnectionProfile::fromJson(
            QJsonDocument::fromJson(QJsonDocument(json).toJson()).object(), nullptr);
        QVERIFY(back.has_value());
        QCOMPARE(back->tls, profile.tls);

        // A profile saved before the option existed opens with it off.
        QJsonObject old = json;
        QJsonObject oldTls = tls;
        oldTls.remove(QStringLiteral("writeKeyLog"));
        oldTls.remove(QStringLiteral("keyLogFile"));
        old.insert(QStringLiteral("tls"), oldTls);
        const auto before = ConnectionProfile::fromJson(old, nullptr);
        QVERIFY(before.has_value());
        QVERIFY(!before->tls.writeKeyLog);
        QVERIFY(before->tls.keyLogFile.isEmpty());
    }

    void templateVariablesRoundTripInOrder()
    {
        ConnectionProfile profile;
        profile.templateVariables = {{QStringLiteral("device"), QStringLiteral("pump-7")},
                                     {QStringLiteral("empty"), QString()},
                                     {QStringLiteral("site"), QStringLiteral("{{not expanded}}")}};
        const QJsonObject json = profile.toJson();
        const QJsonArray array = json.value(QStringLiteral("templateVariables")).toArray();
        QCOMPARE(array.size(), 3);
        QCOMPARE(array.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("name"), QStringLiteral("device")},
                              {QStringLiteral("value"), QStringLiteral("pump-7")}}));
        const auto back = ConnectionProfile::fromJson(
            QJsonDocument::fromJson(QJsonDocument(json).toJson()).object(), nullptr);
        QVERIFY(back.has_value());
        QCOMPARE(back->templateVariables, profile.templateVariables);

        // A profile saved before connections had variables opens with none.
        QJsonObject old = json;
        old.remove(QStringLiteral("templateVariables"));
        const auto before = ConnectionProfile::fromJson(old, nullptr);
        QVERIFY(before.has_value());
        QVERIFY(before->templateVariables.isEmpty());
    }

    void failoverFieldsRoundTripWithDefaults()
    {
        ConnectionProfile profile;
        profile.host = QStringLiteral("example.com");
        profile.srvLookup = true;
        profile.fallbackBrokers = {{QStringLiteral("b.example.com"), 8883, TransportScheme::Mqtts}};
        profile.fallbackOrder = FallbackOrder::Random;
        profile.serverReferencePolicy = ServerReferencePolicy::Never;
        const QJsonObject json = profile.toJson();
        const QJsonObject transport = json.value(QStringLiteral("transport")).toObject();
        QCOMPARE(transport.value(QStringLiteral("srvLookup")).toBool(), true);
        QCOMPARE(transport.value(QStringLiteral("fallbackOrder")).toString(),
                 QStringLiteral("random"));
        QCOMPARE(transport.value(QStringLiteral("fallbacks")).toArray().first().toObject(),
                 (QJsonObject{{QStringLiteral("scheme"), QStringLiteral("mqtts")},
                              {QStringLiteral("host"), QStringLiteral("b.example.com")},
                              {QStringLiteral("port"), 8883}}));
        QCOMPARE(
            json.value(QStringLiteral("mqtt")).toObject().value(QStringLiteral("serverReference")),
            QJsonValue(QStringLiteral("never")));
        const auto back = ConnectionProfile::fromJson(json, nullptr);
        QVERIFY(back.has_value());
        QCOMPARE(*back, profile);

        // A profile from before: no fallbacks, in order, no SRV, ask; a fallback without
        // scheme and port is mqtt on 1883.
        QJsonObject old = json;
        QJsonObject oldTransport = transport;
        oldTransport.remove(QStringLiteral("srvLookup"));
        oldTransport.remove(QStringLiteral("fallbackOrder"));
        oldTransport.insert(QStringLiteral("fallbacks"),
                            QJsonArray{QJsonObject{{QStringLiteral("host"), QStringLiteral("c")}}});
        old.insert(QStringLiteral("transport"), oldTransport);
        QJsonObject oldMqtt = json.value(QStringLiteral("mqtt")).toObject();
        oldMqtt.remove(QStringLiteral("serverReference"));
        old.insert(QStringLiteral("mqtt"), oldMqtt);
        const auto before = ConnectionProfile::fromJson(old, nullptr);
        QVERIFY(before.has_value());
        QVERIFY(!before->srvLookup);
        QCOMPARE(before->fallbackOrder, FallbackOrder::InOrder);
        QCOMPARE(before->serverReferencePolicy, ServerReferencePolicy::Ask);
        QCOMPARE(before->fallbackBrokers,
                 (QList<FallbackBroker>{{QStringLiteral("c"), 1883, TransportScheme::Mqtt}}));
    }

    void keychainModeWritesNoSecretValues()
    {
        ConnectionProfile profile = test::fullProfile();
        profile.secretStorage = SecretStorageMode::Keychain;
        const QByteArray text = QJsonDocument(profile.toJson()).toJson();
        QVERIFY(!text.contains("s3cret"));
        QVERIFY(!text.contains("keypass"));
        QVERIFY(!text.contains("p12pass"));
        QVERIFY(!text.contains("proxypass"));
        const auto back = ConnectionProfile::fromJson(profile.toJson(), nullptr);
        QVERIFY(back.has_value());
        QVERIFY(back->password.isSet);
        QVERIFY(back->password.value.isEmpty());
        // Asked for explicitly, they are included.
        QVERIFY(QJsonDocument(profile.toJson(true)).toJson().contains("s3cret"));
    }

    void excludeNeverWritesSecrets()
    {
        const QByteArray text =
            QJsonDocument(ProfileJson::toJson(test::fullProfile(), ProfileJson::Secrets::Exclude))
                .toJson();
        QVERIFY(!text.contains("s3cret"));
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("kind");
        using K = ProfileFormatError::Kind;
        QTest::newRow("port type") << "transport.port" << QJsonValue(QStringLiteral("x"))
                                   << "transport.port" << int(K::WrongType);
        QTest::newRow("port range")
            << "transport.port" << QJsonValue(70000) << "transport.port" << int(K::OutOfRange);
        QTest::newRow("scheme") << "transport.scheme" << QJsonValue(QStringLiteral("tcp"))
                                << "transport.scheme" << int(K::UnknownValue);
        QTest::newRow("version") << "mqtt.version" << QJsonValue(QStringLiteral("4"))
                                 << "mqtt.version" << int(K::UnknownValue);
        QTest::newRow("qos") << "will.qos" << QJsonValue(3) << "will.qos" << int(K::OutOfRange);
        QTest::newRow("payload") << "will.payload" << QJsonValue(QStringLiteral("%%%"))
                                 << "will.payload" << int(K::BadEncoding);
        QTest::newRow("ca list") << "tls.caFiles" << QJsonValue(QJsonArray{QStringLiteral("a"), 5})
                                 << "tls.caFiles[1]" << int(K::WrongType);
        QTest::newRow("user property")
            << "mqtt.properties.userProperties" << QJsonValue(QJsonArray{QJsonObject{}})
            << "mqtt.properties.userProperties[0].name" << int(K::Missing);
        QTest::newRow("template variable")
            << "templateVariables" << QJsonValue(QJsonArray{QJsonObject{}})
            << "templateVariables[0].name" << int(K::Missing);
        QTest::newRow("template variables type")
            << "templateVariables" << QJsonValue(QStringLiteral("device=pump-7"))
            << "templateVariables" << int(K::WrongType);
        QTest::newRow("fallback host")
            << "transport.fallbacks" << QJsonValue(QJsonArray{QJsonObject{}})
            << "transport.fallbacks[0].host" << int(K::Missing);
        QTest::newRow("fallback port")
            << "transport.fallbacks"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("host"), QStringLiteral("b")},
                                                 {QStringLiteral("port"), 70000}}})
            << "transport.fallbacks[0].port" << int(K::OutOfRange);
        QTest::newRow("fallback order")
            << "transport.fallbackOrder" << QJsonValue(QStringLiteral("shuffled"))
            << "transport.fallbackOrder" << int(K::UnknownValue);
        QTest::newRow("server reference")
            << "mqtt.serverReference" << QJsonValue(QStringLiteral("maybe"))
            << "mqtt.serverReference" << int(K::UnknownValue);
        QTest::newRow("id") << "id" << QJsonValue(QStringLiteral("nope")) << "id"
                            << int(K::BadEncoding);
        QTest::newRow("no name") << "name" << QJsonValue() << "name" << int(K::Missing);
    }

    void errorsNameTheField()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QFETCH(int, kind);
        QJsonObject json = test::fullProfile().toJson();
        setPath(json, path.split(QLatin1Char('.')), value);
        ProfileFormatError error;
        const auto profile = ConnectionProfile::fromJson(json, &error);
        QVERIFY(!profile.has_value());
        QCOMPARE(error.field(), field);
        QCOMPARE(int(error.kind()), kind);
        QVERIFY2(error.message().contains(field), qPrintable(error.message()));
    }

private:
    static void setPath(QJsonObject &object, QStringList path, const QJsonValue &value)
    {
        const QString key = path.takeFirst();
        if (path.isEmpty()) {
            if (value.isNull())
                object.remove(key);
            else
                object.insert(key, value);
            return;
        }
        QJsonObject child = object.value(key).toObject();
        setPath(child, path, value);
        object.insert(key, child);
    }
};

QTEST_GUILESS_MAIN(TestProfileJson)
#include "tst_profile_json.moc"
