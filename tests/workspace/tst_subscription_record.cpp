#include "core/workspace/subscription_record.h"

#include <QTest>

using namespace mqttdesk;

// A subscription's saved form: every field survives the round trip through the store's row,
// and a colour the store holds in a form the app does not write is dropped (the model then
// picks an automatic one) rather than shown wrongly.
class TestSubscriptionRecord : public QObject
{
    Q_OBJECT
private slots:
    void roundTripKeepsEveryField()
    {
        SubscriptionEntry e;
        e.storedId = 5;
        e.subscription.filter = QStringLiteral("$share/g/plant/+/temp");
        e.subscription.options.qos = QoS::ExactlyOnce;
        e.subscription.options.noLocal = true;
        e.subscription.options.retainAsPublished = true;
        e.subscription.options.retainHandling = RetainHandling::DoNotSend;
        e.subscriptionIdentifier = 268435455; // the largest [MQTT-3.8.2.1.2]
        e.userProperties = {{QStringLiteral("k"), QStringLiteral("v")},
                            {QStringLiteral("k"), QStringLiteral("second")}};
        e.colour = QStringLiteral("#a1b2c3");
        e.alias = QStringLiteral("Temperatures");
        e.format = PayloadFormat::Json;
        e.enabled = false;

        const StoredSubscription s = SubscriptionRecord::toStored(e, 3, 7);
        QCOMPARE(s.id, 5);
        QCOMPARE(s.profileId, 3);
        QCOMPARE(s.position, 7);
        QCOMPARE(s.colour, QStringLiteral("#a1b2c3"));

        const SubscriptionEntry back = SubscriptionRecord::fromStored(s);
        QCOMPARE(back.storedId, 5);
        QCOMPARE(back.subscription, e.subscription);
        QCOMPARE(back.subscriptionIdentifier, e.subscriptionIdentifier);
        QCOMPARE(back.userProperties, e.userProperties);
        QCOMPARE(back.colour, e.colour);
        QCOMPARE(back.alias, e.alias);
        QCOMPARE(back.format, e.format);
        QVERIFY(!back.enabled);
        QCOMPARE(back.state, SubscriptionEntry::State::Disabled); // switched off: not sent
        QVERIFY(SubscriptionRecord::sameSavedFields(SubscriptionRecord::toStored(back, 9, 7), s));
    }

    void colourNames_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("kept");
        QTest::newRow("lower") << "#00aaff"
                               << "#00aaff";
        QTest::newRow("upper") << "#00AAFF"
                               << "#00aaff";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("named") << "red"
                               << "";
        QTest::newRow("short") << "#0af"
                               << "";
        QTest::newRow("alpha") << "#ff00aaff"
                               << "";
        QTest::newRow("not hex") << "#00aagg"
                                 << "";
    }
    void colourNames()
    {
        QFETCH(QString, stored);
        QFETCH(QString, kept);
        StoredSubscription s;
        s.filter = QStringLiteral("a");
        s.colour = stored;
        s.enabled = true;
        QCOMPARE(SubscriptionRecord::fromStored(s).colour, kept);
    }

    // The export file's form: every field there and back; a file's odd colour or format is
    // read as a stored row's would be.
    void profileFormRoundTrip()
    {
        SubscriptionEntry e;
        e.storedId = 5;
        e.subscription.filter = QStringLiteral("plant/#");
        e.subscription.options.qos = QoS::AtLeastOnce;
        e.subscription.options.retainAsPublished = true;
        e.subscription.options.retainHandling = RetainHandling::SendIfNew;
        e.subscriptionIdentifier = 9;
        e.userProperties = {{QStringLiteral("k"), QStringLiteral("v")}};
        e.colour = QStringLiteral("#a1b2c3");
        e.alias = QStringLiteral("Plant");
        e.format = PayloadFormat::Cbor;
        e.enabled = false;
        const QUuid profileId = QUuid::createUuid();
        const ProfileSubscription p = SubscriptionRecord::toProfile(e, profileId);
        QCOMPARE(p.profileId, profileId);
        QCOMPARE(p.format, QStringLiteral("cbor"));
        QCOMPARE(p.userProperties, (NameValueList{{QStringLiteral("k"), QStringLiteral("v")}}));
        const SubscriptionEntry back = SubscriptionRecord::fromProfile(p);
        QCOMPARE(back.storedId, 0); // not saved yet
        QVERIFY(SubscriptionRecord::sameSavedFields(SubscriptionRecord::toStored(back, 1, 0),
                                                    SubscriptionRecord::toStored(e, 1, 0)));

        ProfileSubscription odd = p;
        odd.colour = QStringLiteral("red");
        odd.format = QStringLiteral("no-such-decoder");
        odd.retainHandling = 7;
        const SubscriptionEntry read = SubscriptionRecord::fromProfile(odd);
        QVERIFY(read.colour.isEmpty());
        QCOMPARE(read.format, PayloadFormat::Auto);
        QCOMPARE(read.subscription.options.retainHandling, RetainHandling::DoNotSend);
    }

    void unknownFormatFallsBackToAuto()
    {
        StoredSubscription s;
        s.filter = QStringLiteral("a");
        s.payloadFormat = QStringLiteral("no-such-decoder");
        s.enabled = true;
        const SubscriptionEntry e = SubscriptionRecord::fromStored(s);
        QCOMPARE(e.format, PayloadFormat::Auto);
        QCOMPARE(e.state, SubscriptionEntry::State::Inactive);
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionRecord)
#include "tst_subscription_record.moc"
