// SUBSCRIBE / UNSUBSCRIBE with several filters, 5.0 options, subscription identifiers
// and user properties; per-filter reason codes; local refusals.
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionSubscriptions : public QObject
{
    Q_OBJECT

private slots:
    void subscribeSeveralFilters_data() { addVersionRows(); }
    void subscribeSeveralFilters();
    void subscribeOptionsV5();
    void unsubscribe_data() { addVersionRows(); }
    void unsubscribe();
    void subscriptionIdentifiersDelivered();
    void invalidRequestsRefused_data() { addVersionRows(); }
    void invalidRequestsRefused();
    void noLocalOnSharedRefused();
    void serverFeaturesRespected();
    void notConnected_data() { addVersionRows(); }
    void notConnected();
    void pendingFailsWhenConnectionDrops_data() { addVersionRows(); }
    void pendingFailsWhenConnectionDrops();
};

namespace {

SessionOptions options(ProtocolVersion v)
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("subs");
    return o;
}

} // namespace

void TestSessionSubscriptions::subscribeSeveralFilters()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    SubscribeRequested request =
        subscribeRequest(3, {QStringLiteral("a/+"), QStringLiteral("b/#"), QStringLiteral("c")});
    request.subscriptions[1].options.qos = QoS::ExactlyOnce;
    d.handle(request);
    const QList<Packet> sent = d.takeSent();
    QCOMPARE(sent.size(), 1);
    const SubscribePacket subscribe = std::get<SubscribePacket>(sent.first());
    QCOMPARE(subscribe.subscriptions.size(), 3);
    QCOMPARE(subscribe.subscriptions.at(1).filter, QStringLiteral("b/#"));
    QCOMPARE(subscribe.subscriptions.at(1).options.qos, QoS::ExactlyOnce);
    SubackPacket suback;
    suback.packetId = subscribe.packetId;
    suback.reasonCodes = {ReasonCode::GrantedQoS1, ReasonCode::GrantedQoS2,
                          ReasonCode::UnspecifiedError};
    d.receive(suback);
    const QList<SubscribeResult> results = SessionDriver::of<SubscribeResult>(d.take());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().token, quint64(3));
    QCOMPARE(results.first().reasonCodes, suback.reasonCodes);
    QVERIFY(!results.first().error);
    QVERIFY(!results.first().resubscribe);
    QCOMPARE(d.session.activeSubscriptions().size(), 2);
}

void TestSessionSubscriptions::subscribeOptionsV5()
{
    SessionDriver d(options(ProtocolVersion::V5));
    d.connectAndAccept();
    d.take();
    SubscribeRequested request = subscribeRequest(1, {QStringLiteral("x/#")});
    request.subscriptions[0].options.noLocal = true;
    request.subscriptions[0].options.retainAsPublished = true;
    request.subscriptions[0].options.retainHandling = RetainHandling::DoNotSend;
    request.subscriptionIdentifier = 42;
    request.userProperties = {{QStringLiteral("k"), QStringLiteral("v")}};
    d.handle(request);
    const SubscribePacket subscribe = std::get<SubscribePacket>(d.takeSent().first());
    const SubscriptionOptions &opts = subscribe.subscriptions.first().options;
    QVERIFY(opts.noLocal);
    QVERIFY(opts.retainAsPublished);
    QCOMPARE(opts.retainHandling, RetainHandling::DoNotSend);
    QCOMPARE(subscribe.properties.subscriptionIdentifiers(), QList<quint32>{42});
    QCOMPARE(subscribe.properties.userProperties().size(), 1);
    SubackPacket suback;
    suback.packetId = subscribe.packetId;
    suback.reasonCodes = {ReasonCode::NotAuthorized};
    suback.properties.setReasonString(QStringLiteral("denied by ACL"));
    d.receive(suback);
    const SubscribeResult result = SessionDriver::of<SubscribeResult>(d.take()).first();
    QCOMPARE(result.reasonCodes.first(), ReasonCode::NotAuthorized);
    QCOMPARE(result.properties.reasonString(),
             std::optional<QString>(QStringLiteral("denied by ACL")));
    QVERIFY(d.session.activeSubscriptions().isEmpty());
}

void TestSessionSubscriptions::unsubscribe()
{
    const ProtocolVersion v = versionFromRow();
    SessionDriver d(options(v));
    d.connectAndAccept();
    d.handle(subscribeRequest(1, {QStringLiteral("a"), QStringLiteral("b")}));
    const SubscribePacket subscribe = std::get<SubscribePacket>(d.takeSent().last());
    SubackPacket suback;
    suback.packetId = subscribe.packetId;
    suback.reasonCodes = {ReasonCode::GrantedQoS1, ReasonCode::GrantedQoS1};
    d.receive(suback);
    d.take();
    UnsubscribeRequested request;
    request.token = 2;
    request.filters = {QStringLiteral("a"), QStringLiteral("zzz")};
    d.handle(request);
    const UnsubscribePacket unsubscribe = std::get<UnsubscribePacket>(d.takeSent().first());
    QCOMPARE(unsubscribe.filters, request.filters);
    UnsubackPacket unsuback;
    unsuback.packetId = unsubscribe.packetId;
    if (v == ProtocolVersion::V5)
        unsuback.reasonCodes = {ReasonCode::Success, ReasonCode::NoSubscriptionExisted};
    d.receive(unsuback);
    const QList<UnsubscribeResult> results = SessionDriver::of<UnsubscribeResult>(d.take());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().token, quint64(2));
    QCOMPARE(results.first().reasonCodes.size(), 2);
    if (v == ProtocolVersion::V5)
        QCOMPARE(results.first().reasonCodes.at(1), ReasonCode::NoSubscriptionExisted);
    QCOMPARE(d.session.activeSubscriptions().size(), 1);
    QCOMPARE(d.session.activeSubscriptions().first().filter, QStringLiteral("b"));
}

void TestSessionSubscriptions::subscriptionIdentifiersDelivered()
{
    SessionDriver d(options(ProtocolVersion::V5));
    d.connectAndAccept();
    d.take();
    PublishPacket p = publishPacket(QStringLiteral("x/y"), "p", QoS::AtMostOnce);
    p.properties.addSubscriptionIdentifier(4);
    p.properties.addSubscriptionIdentifier(9);
    d.receive(p);
    const QList<DeliverMessage> delivered = SessionDriver::of<DeliverMessage>(d.take());
    QCOMPARE(delivered.size(), 1);
    QCOMPARE(delivered.first().subscriptionIdentifiers, (QList<quint32>{4, 9}));
}

void TestSessionSubscriptions::invalidRequestsRefused()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.take();
    d.handle(subscribeRequest(1, {}));
    d.handle(subscribeRequest(2, {QStringLiteral("a/#/b")}));
    UnsubscribeRequested empty;
    empty.token = 3;
    d.handle(empty);
    const SessionActions a = d.take();
    QVERIFY(d.sent(a).isEmpty());
    const QList<SubscribeResult> results = SessionDriver::of<SubscribeResult>(a);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).error->rule, QStringLiteral("MQTT-3.8.3-2"));
    QCOMPARE(results.at(1).error->kind, SessionError::Kind::InvalidRequest);
    QCOMPARE(SessionDriver::of<UnsubscribeResult>(a).first().error->rule,
             QStringLiteral("MQTT-3.10.3-2"));
}

void TestSessionSubscriptions::noLocalOnSharedRefused()
{
    SessionDriver d(options(ProtocolVersion::V5));
    d.connectAndAccept();
    d.take();
    SubscribeRequested request = subscribeRequest(1, {QStringLiteral("$share/g/a")});
    request.subscriptions[0].options.noLocal = true;
    d.handle(request);
    const SessionActions a = d.take();
    QVERIFY(d.sent(a).isEmpty());
    QCOMPARE(SessionDriver::of<SubscribeResult>(a).first().error->rule,
             QStringLiteral("MQTT-3.8.3-4"));
}

void TestSessionSubscriptions::serverFeaturesRespected()
{
    SessionDriver d(options(ProtocolVersion::V5));
    Properties p;
    p.setWildcardSubscriptionAvailable(0);
    p.setSubscriptionIdentifierAvailable(0);
    p.setSharedSubscriptionAvailable(0);
    d.connectAndAccept(connackPacket(false, ReasonCode::Success, p));
    d.take();
    d.handle(subscribeRequest(1, {QStringLiteral("a/+")}));
    d.handle(subscribeRequest(2, {QStringLiteral("$share/g/a")}));
    SubscribeRequested withId = subscribeRequest(3, {QStringLiteral("a")});
    withId.subscriptionIdentifier = 5;
    d.handle(withId);
    const SessionActions a = d.take();
    QVERIFY(d.sent(a).isEmpty());
    const QList<SubscribeResult> results = SessionDriver::of<SubscribeResult>(a);
    QCOMPARE(results.size(), 3);
    for (const SubscribeResult &r : results)
        QCOMPARE(r.error->kind, SessionError::Kind::FeatureNotSupported);
}

void TestSessionSubscriptions::notConnected()
{
    SessionDriver d(options(versionFromRow()));
    d.handle(subscribeRequest(1, {QStringLiteral("a")}));
    const QList<SubscribeResult> results = SessionDriver::of<SubscribeResult>(d.take());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().error->kind, SessionError::Kind::NotConnected);
}

void TestSessionSubscriptions::pendingFailsWhenConnectionDrops()
{
    SessionDriver d(options(versionFromRow()));
    d.connectAndAccept();
    d.handle(subscribeRequest(1, {QStringLiteral("a")}));
    d.take();
    d.dropConnection();
    const QList<SubscribeResult> results = SessionDriver::of<SubscribeResult>(d.take());
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().token, quint64(1));
    QCOMPARE(results.first().error->kind, SessionError::Kind::TransportClosed);
}

QTEST_GUILESS_MAIN(TestSessionSubscriptions)
#include "tst_session_subscriptions.moc"
