// The connection lifecycle after a failure: a transport close marked permanent (a certificate
// that fails verification, an unreadable key file) or a CONNACK refusal for bad credentials
// ends the reconnect loop at once; a transient one (refused, reset, timeout) backs off and
// says when the next attempt comes (ReconnectScheduled, right before ReconnectWaiting).
#include "tests/session/support/session_driver.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionLifecycle : public QObject
{
    Q_OBJECT

private slots:
    void transientCloseSchedulesWithDelayAndAttempt_data() { addVersionRows(); }
    void transientCloseSchedulesWithDelayAndAttempt();
    void permanentCloseOnFirstAttemptStops_data() { addVersionRows(); }
    void permanentCloseOnFirstAttemptStops();
    void permanentCloseDuringTheLoopStops();
    void permanentCloseOfAnOpenConnectionStops();
    void userConnectAfterAPermanentStop();
    void connackRefusalBytes_data();
    void connackRefusalBytes();
    void cancelWhileWaitingStopsTheLoop();
    void cancelDuringAnAttemptStopsTheLoop();
};

namespace {

SessionOptions reconnecting(ProtocolVersion v)
{
    SessionOptions o;
    o.version = v;
    o.clientId = QStringLiteral("lifecycle");
    o.reconnect.enabled = true;
    o.reconnect.retryFirstConnect = true;
    o.reconnect.initialDelayMs = 1000;
    o.reconnect.maximumDelayMs = 8000;
    o.reconnect.jitter = 0;
    return o;
}

// The index of the first action of type T in `list`, -1 when none.
template<typename T>
int indexOf(const SessionActions &list)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (std::holds_alternative<T>(list[i]))
            return int(i);
    }
    return -1;
}

int stateIndex(const SessionActions &list, SessionState state)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto *s = std::get_if<StateChanged>(&list[i]);
        if (s && s->state == state)
            return int(i);
    }
    return -1;
}

bool logged(const SessionActions &list, const QString &text)
{
    for (const LogLine &line : SessionDriver::of<LogLine>(list)) {
        if (line.text.contains(text))
            return true;
    }
    return false;
}

// A permanent failure: one error, Disconnected, no timer to bring it back, and nothing
// happens however long the clock runs.
void verifyStopped(SessionDriver &d, const SessionActions &actions)
{
    QCOMPARE(SessionDriver::count<ErrorOccurred>(actions), 1);
    QCOMPARE(SessionDriver::count<ReconnectScheduled>(actions), 0);
    QCOMPARE(stateIndex(actions, SessionState::ReconnectWaiting), -1);
    QVERIFY(logged(actions, QStringLiteral("not reconnecting")));
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    QVERIFY(!d.timerRunning(SessionTimer::Reconnect));
    const int opens = d.opens;
    d.advance(10 * 60 * 1000);
    QCOMPARE(d.opens, opens);
    QVERIFY(d.take().empty());
}

} // namespace

void TestSessionLifecycle::transientCloseSchedulesWithDelayAndAttempt()
{
    SessionDriver d(reconnecting(versionFromRow()));
    d.autoOpen = false;
    d.handle(ConnectRequested{});
    QCOMPARE(d.opens, 1);
    QList<ReconnectScheduled> scheduled;
    for (int attempt = 1; attempt <= 5; ++attempt) {
        d.take();
        d.handle(TransportClosed{QStringLiteral("Connection refused"), true, false});
        const SessionActions a = d.take();
        QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 1);
        const QList<ReconnectScheduled> r = SessionDriver::of<ReconnectScheduled>(a);
        QCOMPARE(r.size(), 1);
        scheduled.append(r.first());
        // Announced before the state changes, with the delay the timer was started with.
        QVERIFY(indexOf<ReconnectScheduled>(a) < stateIndex(a, SessionState::ReconnectWaiting));
        QCOMPARE(SessionDriver::of<StartTimer>(a).last().timer, SessionTimer::Reconnect);
        QCOMPARE(SessionDriver::of<StartTimer>(a).last().durationMs, r.first().delayMs);
        QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
        QCOMPARE(d.timerDeadline(SessionTimer::Reconnect), d.now + r.first().delayMs);
        const int opens = d.opens;
        d.advance(r.first().delayMs);
        QCOMPARE(d.opens, opens + 1);
        QCOMPARE(d.session.state(), SessionState::Connecting);
    }
    QList<qint64> delays;
    QList<int> attempts;
    for (const ReconnectScheduled &r : scheduled) {
        delays << r.delayMs;
        attempts << r.attempt;
    }
    QCOMPARE(delays, (QList<qint64>{1000, 2000, 4000, 8000, 8000}));
    QCOMPARE(attempts, (QList<int>{1, 2, 3, 4, 5}));
}

void TestSessionLifecycle::permanentCloseOnFirstAttemptStops()
{
    SessionDriver d(reconnecting(versionFromRow()));
    d.autoOpen = false;
    d.handle(ConnectRequested{});
    d.take();
    d.handle(TransportClosed{QStringLiteral("The server certificate comes from an unknown issuer"),
                             true, true});
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::TransportClosed);
    QVERIFY(errors.first().error.message.contains(QStringLiteral("unknown issuer")));
    verifyStopped(d, a);
}

void TestSessionLifecycle::permanentCloseDuringTheLoopStops()
{
    // Transient first (the broker was down), then permanent (it came back with a
    // certificate we do not trust): the loop ends there.
    SessionDriver d(reconnecting(ProtocolVersion::V311));
    d.autoOpen = false;
    d.handle(ConnectRequested{});
    d.handle(TransportClosed{QStringLiteral("Connection refused"), true, false});
    QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
    d.advance(1000);
    QCOMPARE(d.opens, 2);
    d.take();
    d.handle(TransportClosed{QStringLiteral("The certificate expired"), true, true});
    verifyStopped(d, d.take());
}

void TestSessionLifecycle::permanentCloseOfAnOpenConnectionStops()
{
    SessionDriver d(reconnecting(ProtocolVersion::V5));
    d.connectAndAccept();
    QCOMPARE(d.session.state(), SessionState::Connected);
    d.take();
    d.handle(TransportClosed{QStringLiteral("gone for good"), true, true});
    verifyStopped(d, d.take());

    // The same loss, transient: the loop starts.
    SessionDriver t(reconnecting(ProtocolVersion::V5));
    t.connectAndAccept();
    t.take();
    t.handle(TransportClosed{QStringLiteral("connection reset"), true, false});
    const QList<ReconnectScheduled> r = SessionDriver::of<ReconnectScheduled>(t.take());
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().delayMs, qint64(1000));
    QCOMPARE(r.first().attempt, 1);
    QCOMPARE(t.session.state(), SessionState::ReconnectWaiting);
}

void TestSessionLifecycle::userConnectAfterAPermanentStop()
{
    SessionDriver d(reconnecting(ProtocolVersion::V311));
    d.autoOpen = false;
    d.handle(ConnectRequested{});
    d.handle(TransportClosed{QStringLiteral("wrong passphrase"), true, true});
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    // The user fixed the settings and connects: a new attempt at once, and the loop is back
    // on for its transient failures, counted from 1 again.
    d.take();
    d.handle(ConnectRequested{});
    QCOMPARE(d.opens, 2);
    d.handle(TransportClosed{QStringLiteral("Connection refused"), true, false});
    const QList<ReconnectScheduled> r = SessionDriver::of<ReconnectScheduled>(d.take());
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().attempt, 1);
    QCOMPARE(r.first().delayMs, qint64(1000));
}

void TestSessionLifecycle::connackRefusalBytes_data()
{
    // 3.1.1 CONNACK bytes: 20 02, flags 00, return code [MQTT-3.2.2-5, table 3.1].
    QTest::addColumn<QByteArray>("connack");
    QTest::addColumn<bool>("retries");
    QTest::newRow("1 unacceptable protocol version") << QByteArray::fromHex("20020001") << false;
    QTest::newRow("2 identifier rejected") << QByteArray::fromHex("20020002") << false;
    QTest::newRow("3 server unavailable") << QByteArray::fromHex("20020003") << true;
    QTest::newRow("4 bad user name or password") << QByteArray::fromHex("20020004") << false;
    QTest::newRow("5 not authorized") << QByteArray::fromHex("20020005") << false;
}

void TestSessionLifecycle::connackRefusalBytes()
{
    QFETCH(QByteArray, connack);
    QFETCH(bool, retries);
    SessionDriver d(reconnecting(ProtocolVersion::V311));
    d.connect();
    d.take();
    d.receiveBytes(connack);
    const SessionActions a = d.take();
    const QList<ErrorOccurred> errors = SessionDriver::of<ErrorOccurred>(a);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().error.kind, SessionError::Kind::ConnectionRefused);
    if (retries) {
        QCOMPARE(SessionDriver::count<ReconnectScheduled>(a), 1);
        QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
    } else {
        verifyStopped(d, a);
    }
}

void TestSessionLifecycle::cancelWhileWaitingStopsTheLoop()
{
    SessionDriver d(reconnecting(ProtocolVersion::V311));
    d.autoOpen = false;
    d.handle(ConnectRequested{});
    d.handle(TransportClosed{QStringLiteral("Connection refused"), true, false});
    QCOMPARE(d.session.state(), SessionState::ReconnectWaiting);
    d.take();
    d.handle(DisconnectRequested{});
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<StopTimer>(a), 1);
    QCOMPARE(SessionDriver::count<ErrorOccurred>(a), 0); // the user's choice is no error
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    QVERIFY(!d.timerRunning(SessionTimer::Reconnect));
    // A Reconnect timer that fired anyway (already queued in the shell) starts nothing.
    d.handle(TimerFired{SessionTimer::Reconnect});
    const int opens = d.opens;
    d.advance(10 * 60 * 1000);
    QCOMPARE(d.opens, opens);
    QCOMPARE(d.session.state(), SessionState::Disconnected);
}

void TestSessionLifecycle::cancelDuringAnAttemptStopsTheLoop()
{
    SessionDriver d(reconnecting(ProtocolVersion::V5));
    d.autoOpen = false;
    d.handle(ConnectRequested{});
    d.handle(TransportClosed{QStringLiteral("Connection refused"), true, false});
    d.advance(1000); // the second attempt is opening
    QCOMPARE(d.session.state(), SessionState::Connecting);
    QCOMPARE(d.opens, 2);
    d.take();
    d.handle(DisconnectRequested{});
    const SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<CloseTransport>(a), 1);
    QCOMPARE(SessionDriver::count<ReconnectScheduled>(a), 0);
    QCOMPARE(d.session.state(), SessionState::Disconnected);
    QVERIFY(!d.timerRunning(SessionTimer::Reconnect));
    QVERIFY(!d.timerRunning(SessionTimer::ConnectTimeout));
    const int opens = d.opens;
    d.advance(10 * 60 * 1000);
    QCOMPARE(d.opens, opens);
}

QTEST_GUILESS_MAIN(TestSessionLifecycle)
#include "tst_session_lifecycle.moc"
