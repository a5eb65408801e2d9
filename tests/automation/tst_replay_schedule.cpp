// ReplaySchedule: due times follow the capture's spacing divided by the speed; speed 0 sends
// everything at once; loops keep the rhythm (one average gap between them); a clock that
// stepped back in the capture never gives a negative gap.
#include "core/automation/replay_schedule.h"

#include <QTest>

using namespace mqttdesk;

namespace {

QList<CaptureRecord> at(const QList<qint64> &times)
{
    QList<CaptureRecord> out;
    for (qint64 t : times) {
        CaptureRecord r;
        r.timeUs = t;
        r.topic = QStringLiteral("t");
        out.append(r);
    }
    return out;
}

} // namespace

class TestReplaySchedule : public QObject
{
    Q_OBJECT
private slots:
    void originalSpeed()
    {
        const ReplaySchedule s(at({5'000'000, 5'001'000, 5'011'000}), 1.0, 1);
        QCOMPARE(s.total(), qint64(3));
        QCOMPARE(s.dueUs(0), qint64(0));
        QCOMPARE(s.dueUs(1), qint64(1'000));
        QCOMPARE(s.dueUs(2), qint64(11'000));
    }
    void fasterAndSlower()
    {
        const ReplaySchedule twice(at({0, 1'000, 10'000}), 2.0, 1);
        QCOMPARE(twice.dueUs(2), qint64(5'000));
        const ReplaySchedule half(at({0, 1'000, 10'000}), 0.5, 1);
        QCOMPARE(half.dueUs(1), qint64(2'000));
    }
    void asFastAsPossible()
    {
        const ReplaySchedule s(at({0, 1'000'000, 9'000'000}), 0.0, 2);
        for (qint64 n = 0; n < s.total(); ++n)
            QCOMPARE(s.dueUs(n), qint64(0));
    }
    void loopsKeepTheRhythm()
    {
        // Three messages 1 ms apart: a loop lasts 2 ms plus one 1 ms gap.
        const ReplaySchedule s(at({0, 1'000, 2'000}), 1.0, 3);
        QCOMPARE(s.total(), qint64(9));
        const QList<qint64> expected{0, 1'000, 2'000, 3'000, 4'000, 5'000, 6'000, 7'000, 8'000};
        for (qint64 n = 0; n < s.total(); ++n) {
            QCOMPARE(s.dueUs(n), expected.at(n));
            QCOMPARE(s.recordIndex(n), qsizetype(n % 3));
        }
    }
    void clockSteppedBack()
    {
        const ReplaySchedule s(at({10'000, 5'000, 12'000}), 1.0, 1);
        QCOMPARE(s.dueUs(1), qint64(0)); // not -5 ms: right after the first
        QCOMPARE(s.dueUs(2), qint64(2'000));
    }
    void emptyAndSingle()
    {
        const ReplaySchedule none({}, 1.0, 5);
        QCOMPARE(none.total(), qint64(0));
        const ReplaySchedule one(at({42}), 1.0, 3);
        QCOMPARE(one.total(), qint64(3));
        QCOMPARE(one.dueUs(2), qint64(0)); // no gap to keep
    }
};

QTEST_GUILESS_MAIN(TestReplaySchedule)
#include "tst_replay_schedule.moc"
