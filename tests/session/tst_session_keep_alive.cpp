// Keep alive: PINGREQ when idle, dead connection detection within 1.5 x keep alive,
// the server's keep alive overriding ours.
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionKeepAlive : public QObject
{
    Q_OBJECT

private slots:
    void pingWhenIdle_data() { addVersionRows(); }
    void pingWhenIdle();
    void noPingWhileTrafficFlows_data() { addVersionRows(); }
    void noPingWhileTrafficFlows();
    void pingWhenOnlySending_data() { addVersionRows(); }
    void pingWhenOnlySending();
    void deadConnectionDetectedWithinOneAndAHalfKeepAlive_data() { addVersionRows(); }
    void deadConnectionDetectedWithinOneAndAHalfKeepAlive();
    void serverKeepAliveOverridesOurs();
    void keepAliveZeroDisablesPings_data() { addVersionRows(); }
    void keepAliveZeroDisablesPings();
};

namespace {

SessionDriver *connected(ProtocolVersion v, quint16 keepAlive, ConnackPacket connack = {})
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("ka");
    o.keepAliveSeconds = keepAlive;
    auto *d = new SessionDriver(o);
    d->connectAndAccept(connack);
    d->take();
    return d;
}

int pings(const QList<Packet> &packets)
{
    int n = 0;
    for (const Packet &p : packets)
        n += std::holds_alternative<PingreqPacket>(p) ? 1 : 0;
    return n;
}

} // namespace

void TestSessionKeepAlive::pingWhenIdle()
{
    std::unique_ptr<SessionDriver> d(connected(versionFromRow(), 10));
    d->advance(9999);
    QCOMPARE(pings(d->takeSent()), 0);
    d->advance(1);
    QCOMPARE(pings(d->takeSent()), 1); // [MQTT-3.1.2-20 / MQTT-3.1.2-23]
    QVERIFY(d->timerRunning(SessionTimer::PingResponse));
    d->advance(100);
    d->receive(PingrespPacket{});
    QVERIFY(!d->timerRunning(SessionTimer::PingResponse));
    QCOMPARE(SessionDriver::count<ErrorOccurred>(d->take()), 0);
    d->advance(9900);
    QCOMPARE(pings(d->takeSent()), 1);
    QCOMPARE(d->session.state(), SessionState::Connected);
}

void TestSessionKeepAlive::noPingWhileTrafficFlows()
{
    std::unique_ptr<SessionDriver> d(connected(versionFromRow(), 10));
    for (int i = 0; i < 10; ++i) {
        d->advance(4000);
        d->handle(publishRequest(quint64(i), QStringLiteral("t"), QoS::AtMostOnce));
        d->receive(publishPacket(QStringLiteral("t"), "in", QoS::AtMostOnce));
    }
    QCOMPARE(pings(d->takeSent()), 0);
}

void TestSessionKeepAlive::pingWhenOnlySending()
{
    // A client that only publishes still checks that the server is alive.
    std::unique_ptr<SessionDriver> d(connected(versionFromRow(), 10));
    for (int i = 0; i < 3; ++i) {
        d->advance(4000);
        d->handle(publishRequest(quint64(i), QStringLiteral("t"), QoS::AtMostOnce));
    }
    QCOMPARE(pings(d->takeSent()), 1);
}

void TestSessionKeepAlive::deadConnectionDetectedWithinOneAndAHalfKeepAlive()
{
    SessionOptions o;
    o.version = versionFromRow();
    o.clientId = QStringLiteral("ka");
    o.keepAliveSeconds = 10;
    SessionDriver d(o);
    d.connectAndAccept();
    const qint64 lastReceived = d.now;
    d.take();
    // The server goes silent; find when the session gives up.
    qint64 detectedAt = -1;
    for (int step = 0; step < 400 && detectedAt < 0; ++step) {
        d.advance(50);
        for (const ErrorOccurred &e : SessionDriver::of<ErrorOccurred>(d.take())) {
            QCOMPARE(e.error.kind, SessionError::Kind::KeepAliveTimeout);
            detectedAt = d.now;
        }
    }
    QVERIFY(detectedAt > lastReceived + 10000);
    QVERIFY(detectedAt <= lastReceived + 15000);
    QCOMPARE(d.closes, 1);
    QCOMPARE(d.session.state(), SessionState::Disconnected);
}

void TestSessionKeepAlive::serverKeepAliveOverridesOurs()
{
    Properties p;
    p.setServerKeepAlive(4);
    std::unique_ptr<SessionDriver> d(
        connected(ProtocolVersion::V5, 60, connackPacket(false, ReasonCode::Success, p)));
    QCOMPARE(d->session.connackInfo()->keepAliveSeconds, quint16(4));
    d->advance(4000); // [MQTT-3.2.2-21]
    QCOMPARE(pings(d->takeSent()), 1);
}

void TestSessionKeepAlive::keepAliveZeroDisablesPings()
{
    std::unique_ptr<SessionDriver> d(connected(versionFromRow(), 0));
    QVERIFY(!d->timerRunning(SessionTimer::KeepAlive));
    d->advance(3600 * 1000);
    QCOMPARE(pings(d->takeSent()), 0);
}

QTEST_GUILESS_MAIN(TestSessionKeepAlive)
#include "tst_session_keep_alive.moc"
