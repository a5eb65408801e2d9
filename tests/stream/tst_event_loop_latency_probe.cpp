// EventLoopLatencyProbe: a blocked event loop shows up as lateness; percentiles are ordered.
#include "ui/stream/event_loop_latency_probe.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace mqttdesk;

class TestEventLoopLatencyProbe : public QObject
{
    Q_OBJECT
private slots:
    void recordsSamplesAndAStall();
};

void TestEventLoopLatencyProbe::recordsSamplesAndAStall()
{
    EventLoopLatencyProbe probe;
    QCOMPARE(probe.stats().samples, 0);
    probe.start(2);
    QTRY_VERIFY(probe.stats().samples >= 20);
    // Block the loop on purpose: the next tick is at least this late.
    QTimer::singleShot(0, [] { QThread::msleep(60); });
    const qint64 before = probe.stats().samples;
    QTRY_VERIFY(probe.stats().samples > before + 5);
    const auto s = probe.stats();
    QVERIFY(s.maxMs >= 50.0);
    QVERIFY(s.p50Ms <= s.p99Ms);
    QVERIFY(s.p99Ms <= s.maxMs);
    QVERIFY(probe.summary().contains(QStringLiteral("p99")));
    probe.reset();
    QCOMPARE(probe.stats().samples, 0);
    probe.stop();
    QVERIFY(!probe.isRunning());
}

QTEST_MAIN(TestEventLoopLatencyProbe)
#include "tst_event_loop_latency_probe.moc"
