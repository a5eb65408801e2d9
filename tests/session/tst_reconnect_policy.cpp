// Backoff bounds and jitter of ReconnectPolicy.
#include "core/session/reconnect_policy.h"

#include <QTest>

using namespace mqttdesk;

class TestReconnectPolicy : public QObject
{
    Q_OBJECT

private slots:
    void exponentialWithoutJitter();
    void jitterWithinBoundsAndDeterministic();
    void fullJitterNeverBelowInitial();
    void degenerateOptions();
    void resetStartsOver();
};

void TestReconnectPolicy::exponentialWithoutJitter()
{
    ReconnectPolicy policy(1);
    ReconnectOptions o;
    o.initialDelayMs = 250;
    o.maximumDelayMs = 3000;
    o.multiplier = 3.0;
    o.jitter = 0;
    policy.setOptions(o);
    QList<qint64> delays;
    for (int i = 0; i < 5; ++i)
        delays.append(policy.nextDelayMs());
    QCOMPARE(delays, (QList<qint64>{250, 750, 2250, 3000, 3000}));
}

void TestReconnectPolicy::jitterWithinBoundsAndDeterministic()
{
    ReconnectOptions o;
    o.initialDelayMs = 1000;
    o.maximumDelayMs = 30000;
    o.jitter = 0.3;
    ReconnectPolicy a(7);
    ReconnectPolicy b(7);
    a.setOptions(o);
    b.setOptions(o);
    bool varied = false;
    for (int i = 0; i < 200; ++i) {
        const qint64 base = a.baseDelayMs(a.attempt());
        const qint64 delay = a.nextDelayMs();
        QCOMPARE(b.nextDelayMs(), delay);
        QVERIFY(delay <= base);
        QVERIFY(delay >= qMax<qint64>(1000, qint64(double(base) * 0.7)));
        QVERIFY(delay <= 30000);
        varied = varied || delay != base;
    }
    QVERIFY(varied);
}

void TestReconnectPolicy::fullJitterNeverBelowInitial()
{
    ReconnectOptions o;
    o.initialDelayMs = 500;
    o.maximumDelayMs = 2000;
    o.jitter = 1.0;
    ReconnectPolicy policy(3);
    policy.setOptions(o);
    for (int i = 0; i < 500; ++i) {
        const qint64 delay = policy.nextDelayMs();
        QVERIFY(delay >= 500 && delay <= 2000);
    }
}

void TestReconnectPolicy::degenerateOptions()
{
    ReconnectOptions o;
    o.initialDelayMs = 5000;
    o.maximumDelayMs = 1000; // below the initial delay: the initial delay wins
    o.multiplier = 0.5;      // shrinking backoff makes no sense: treated as 1
    o.jitter = 7;            // clamped to 1
    ReconnectPolicy policy(9);
    policy.setOptions(o);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(policy.nextDelayMs(), qint64(5000));
}

void TestReconnectPolicy::resetStartsOver()
{
    ReconnectOptions o;
    o.jitter = 0;
    ReconnectPolicy policy(1);
    policy.setOptions(o);
    policy.nextDelayMs();
    policy.nextDelayMs();
    QCOMPARE(policy.nextDelayMs(), qint64(4000));
    policy.reset();
    QCOMPARE(policy.nextDelayMs(), qint64(1000));
}

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnect_policy.moc"
