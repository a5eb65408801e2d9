// PINGREQ on request (PingRequested): answered by a PingOutcome when the PINGRESP comes,
// one at a time and after an unanswered keep alive PINGREQ, refused while not connected,
// failed when the connection ends first.
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionPing : public QObject
{
    Q_OBJECT

private slots:
    void answeredByPingresp_data() { addVersionRows(); }
    void answeredByPingresp();
    void refusedWhileNotConnected();
    void oneAtATime();
    void waitsForTheKeepAlivePing();
    void noDeadlineWithoutKeepAlive();
    void failedWhenTheConnectionEnds();
};

namespace {

std::unique_ptr<SessionDriver> connected(ProtocolVersion v, quint16 keepAlive)
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("ping");
    o.keepAliveSeconds = keepAlive;
    auto d = std::make_unique<SessionDriver>(o);
    d->connectAndAccept();
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

void TestSessionPing::answeredByPingresp()
{
    auto d = connected(versionFromRow(), 10);
    d->handle(PingRequested{7});
    QCOMPARE(pings(d->takeSent()), 1);
    QVERIFY(d->timerRunning(SessionTimer::PingResponse)); // still a keep alive check
    d->advance(3);
    d->receive(PingrespPacket{});
    const QList<PingOutcome> outcomes = SessionDriver::of<PingOutcome>(d->take());
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().token, quint64(7));
    QVERIFY(!outcomes.first().error);
    QVERIFY(!d->timerRunning(SessionTimer::PingResponse));
}

void TestSessionPing::refusedWhileNotConnected()
{
    SessionOptions o;
    o.clientId = QStringLiteral("ping");
    SessionDriver d(o);
    d.handle(PingRequested{1});
    const SessionActions actions = d.take();
    QCOMPARE(pings(d.sent(actions)), 0);
    const QList<PingOutcome> outcomes = SessionDriver::of<PingOutcome>(actions);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().error);
    QCOMPARE(outcomes.first().error->kind, SessionError::Kind::NotConnected);
}

void TestSessionPing::oneAtATime()
{
    // A PINGRESP does not name its PINGREQ: the second goes out once the first is answered.
    auto d = connected(ProtocolVersion::V5, 10);
    d->handle(PingRequested{1});
    d->handle(PingRequested{2});
    QCOMPARE(pings(d->takeSent()), 1);
    d->receive(PingrespPacket{});
    SessionActions actions = d->take();
    QCOMPARE(SessionDriver::of<PingOutcome>(actions).size(), 1);
    QCOMPARE(SessionDriver::of<PingOutcome>(actions).first().token, quint64(1));
    QCOMPARE(pings(d->sent(actions)), 1);
    d->receive(PingrespPacket{});
    actions = d->take();
    QCOMPARE(SessionDriver::of<PingOutcome>(actions).size(), 1);
    QCOMPARE(SessionDriver::of<PingOutcome>(actions).first().token, quint64(2));
    QCOMPARE(pings(d->sent(actions)), 0);
}

void TestSessionPing::waitsForTheKeepAlivePing()
{
    auto d = connected(ProtocolVersion::V311, 10);
    d->advance(10000); // the keep alive PINGREQ goes out
    QCOMPARE(pings(d->takeSent()), 1);
    d->handle(PingRequested{5});
    QCOMPARE(pings(d->takeSent()), 0); // its PINGRESP would be the keep alive's
    d->receive(PingrespPacket{});
    SessionActions actions = d->take();
    QCOMPARE(SessionDriver::of<PingOutcome>(actions).size(), 0);
    QCOMPARE(pings(d->sent(actions)), 1);
    d->receive(PingrespPacket{});
    actions = d->take();
    QCOMPARE(SessionDriver::of<PingOutcome>(actions).size(), 1);
    QCOMPARE(SessionDriver::of<PingOutcome>(actions).first().token, quint64(5));
}

void TestSessionPing::noDeadlineWithoutKeepAlive()
{
    auto d = connected(ProtocolVersion::V311, 0);
    d->handle(PingRequested{3});
    QCOMPARE(pings(d->takeSent()), 1);
    QVERIFY(!d->timerRunning(SessionTimer::PingResponse));
    d->advance(600000); // no answer for ten minutes is not a dead connection here
    QCOMPARE(d->session.state(), SessionState::Connected);
    d->receive(PingrespPacket{});
    QCOMPARE(SessionDriver::of<PingOutcome>(d->take()).size(), 1);
}

void TestSessionPing::failedWhenTheConnectionEnds()
{
    auto d = connected(ProtocolVersion::V5, 10);
    d->handle(PingRequested{1});
    d->handle(PingRequested{2});
    d->take();
    d->dropConnection();
    const QList<PingOutcome> outcomes = SessionDriver::of<PingOutcome>(d->take());
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes.at(0).token, quint64(1));
    QCOMPARE(outcomes.at(1).token, quint64(2));
    QVERIFY(outcomes.at(0).error && outcomes.at(1).error);
    // A new connection owes nothing to the old requests.
    d->connectAndAccept();
    d->receive(PingrespPacket{});
    QCOMPARE(SessionDriver::of<PingOutcome>(d->take()).size(), 0);
}

QTEST_GUILESS_MAIN(TestSessionPing)
#include "tst_session_ping.moc"
