// Per-pixel-column downsampling: every column's first, lowest, highest and last point, the
// points just outside the range, and live appends that give what one batch gives.

#include "core/series/downsampler.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace mqttdesk;
using Point = Downsampler::Point;

namespace QTest {
template<>
char *toString(const Point &p)
{
    return qstrdup(QByteArray("(" + QByteArray::number(p.timeUs) + ", " +
                              QByteArray::number(p.value, 'g', 17) + ")")
                       .constData());
}
} // namespace QTest

class TstDownsampler : public QObject
{
    Q_OBJECT

private slots:
    void empty();
    void onePoint();
    void allEqual();
    void extremesOfEveryColumn();
    void matchesTheReference();
    void aSpikeAmongAMillionSurvives();
    void edges();
    void onlyOutsideTheRange();
    void incrementalMatchesBatch();
    void outOfOrderAndNotFinite();
    void degenerateRanges();
    void clear();
    void timing();
};

namespace {

// The definition, written plainly: column c holds the points with
// c <= (t - from) * columns / (to - from) < c + 1, the last column also t == to.
QList<Point> reference(const std::vector<Point> &points, qint64 from, qint64 to, int columns)
{
    QList<Point> out;
    std::optional<Point> before;
    std::optional<Point> after;
    std::vector<std::vector<size_t>> buckets(static_cast<size_t>(columns));
    for (size_t i = 0; i < points.size(); ++i) {
        const Point &p = points[i];
        if (!std::isfinite(p.value))
            continue;
        if (p.timeUs < from) {
            before = p;
        } else if (p.timeUs > to) {
            after = p;
            break;
        } else {
            const qint64 c = to == from ? 0 : (p.timeUs - from) * columns / (to - from);
            buckets[size_t(qMin<qint64>(c, columns - 1))].push_back(i);
        }
    }
    if (before)
        out.append(*before);
    for (const std::vector<size_t> &bucket : buckets) {
        if (bucket.empty())
            continue;
        size_t lo = bucket.front();
        size_t hi = bucket.front();
        for (const size_t i : bucket) {
            if (points[i].value < points[lo].value)
                lo = i;
            if (points[i].value > points[hi].value)
                hi = i;
        }
        std::vector<size_t> keep = {bucket.front(), qMin(lo, hi), qMax(lo, hi), bucket.back()};
        keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
        for (const size_t i : keep)
            out.append(points[i]);
    }
    if (after)
        out.append(*after);
    return out;
}

std::vector<Point> randomWalk(QRandomGenerator &random, int count, qint64 from, qint64 step)
{
    std::vector<Point> points;
    qint64 t = from;
    double v = 0;
    for (int i = 0; i < count; ++i) {
        t += qint64(random.bounded(int(step) + 1)); // equal times too
        v += random.bounded(2.0) - 1;
        points.push_back({t, std::round(v)}); // rounded: ties for min and max
    }
    return points;
}

bool inTimeOrder(const QList<Point> &points)
{
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (points[i].timeUs < points[i - 1].timeUs)
            return false;
    }
    return true;
}

} // namespace

void TstDownsampler::empty()
{
    QVERIFY(Downsampler::downsample({}, 0, 100, 10).isEmpty());
    Downsampler downsampler(0, 100, 10);
    QVERIFY(downsampler.points().isEmpty());
    downsampler.append({});
    QVERIFY(downsampler.points().isEmpty());
}

void TstDownsampler::onePoint()
{
    const std::vector<Point> points = {{50, 1.5}};
    QCOMPARE(Downsampler::downsample(points, 0, 100, 10), QList<Point>({{50, 1.5}}));
    QCOMPARE(Downsampler::downsample(points, 0, 100, 1), QList<Point>({{50, 1.5}}));
    // At the range's ends, both included.
    QCOMPARE(Downsampler::downsample(points, 50, 100, 10), QList<Point>({{50, 1.5}}));
    QCOMPARE(Downsampler::downsample(points, 0, 50, 10), QList<Point>({{50, 1.5}}));
}

void TstDownsampler::allEqual()
{
    std::vector<Point> points;
    for (int i = 0; i < 1000; ++i)
        points.push_back({i, 5});
    const QList<Point> out = Downsampler::downsample(points, 0, 999, 10);
    // Each column's first and last: the line stays flat and whole.
    QCOMPARE(out.size(), 20);
    for (qsizetype i = 0; i < out.size(); ++i) {
        QCOMPARE(out[i].value, 5.0);
        QCOMPARE(out[i].timeUs, i % 2 == 0 ? qint64(i / 2 * 100) : qint64(i / 2 * 100 + 99));
    }
}

void TstDownsampler::extremesOfEveryColumn()
{
    // Two columns of 10 µs each.
    const std::vector<Point> points = {
        {0, 3},  {2, 9},   {4, -1}, {6, 4},  {8, 5}, // max before min in time: 9 then -1
        {10, 0}, {12, -7}, {14, 8}, {19, 2},         // min before max
    };
    const QList<Point> out = Downsampler::downsample(points, 0, 20, 2);
    QCOMPARE(out,
             QList<Point>({{0, 3}, {2, 9}, {4, -1}, {8, 5}, {10, 0}, {12, -7}, {14, 8}, {19, 2}}));
    // First or last being the extreme is not written twice.
    const std::vector<Point> ends = {{0, -5}, {1, 0}, {2, 1}, {3, 6}};
    QCOMPARE(Downsampler::downsample(ends, 0, 3, 1), QList<Point>({{0, -5}, {3, 6}}));
    // Equal extremes: the first of them.
    const std::vector<Point> ties = {{0, 1}, {1, 4}, {2, 4}, {3, 0}, {4, 0}, {5, 2}};
    QCOMPARE(Downsampler::downsample(ties, 0, 5, 1),
             QList<Point>({{0, 1}, {1, 4}, {3, 0}, {5, 2}}));
}

void TstDownsampler::matchesTheReference()
{
    QRandomGenerator random(7);
    for (int round = 0; round < 200; ++round) {
        const int count = int(random.bounded(3000));
        const qint64 from = qint64(random.bounded(1000));
        const std::vector<Point> points = randomWalk(random, count, from - 500, 5);
        const qint64 to = from + qint64(random.bounded(8000));
        const int columns = 1 + int(random.bounded(300));
        const QList<Point> out = Downsampler::downsample(points, from, to, columns);
        QCOMPARE(out, reference(points, from, to, columns));
        QVERIFY(inTimeOrder(out));
        QVERIFY(out.size() <= 4 * columns + 2);
    }
}

void TstDownsampler::aSpikeAmongAMillionSurvives()
{
    std::vector<Point> points;
    points.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i)
        points.push_back({1'733'400'000'000'000 + qint64(i) * 1000, std::sin(i * 0.001)});
    points[654'321].value = 1000;
    points[123'457].value = -1000;
    const qint64 from = points.front().timeUs;
    const qint64 to = points.back().timeUs;
    for (const int columns : {1, 800, 1920, 4000}) {
        const QList<Point> out = Downsampler::downsample(points, from, to, columns);
        QVERIFY(out.contains(points[654'321]));
        QVERIFY(out.contains(points[123'457]));
        QVERIFY(out.size() <= 4 * columns);
        QVERIFY(inTimeOrder(out));
        QCOMPARE(out.front(), points.front());
        QCOMPARE(out.back(), points.back());
    }
}

void TstDownsampler::edges()
{
    // Points before and after the range: the nearest of each is kept, the rest dropped.
    const std::vector<Point> points = {{10, 1},  {20, 2},  {30, 3},  {100, 4},
                                       {150, 5}, {205, 6}, {300, 7}, {400, 8}};
    QCOMPARE(Downsampler::downsample(points, 100, 200, 4),
             QList<Point>({{30, 3}, {100, 4}, {150, 5}, {205, 6}}));
    QCOMPARE(Downsampler::downsample(points, 31, 299, 4),
             QList<Point>({{30, 3}, {100, 4}, {150, 5}, {205, 6}, {300, 7}}));
    // Nothing before, nothing after.
    QCOMPARE(Downsampler::downsample(points, 0, 1000, 1), QList<Point>({{10, 1}, {400, 8}}));
}

void TstDownsampler::onlyOutsideTheRange()
{
    const std::vector<Point> points = {{10, 1}, {20, 2}, {300, 3}, {400, 4}};
    QCOMPARE(Downsampler::downsample(points, 100, 200, 10), QList<Point>({{20, 2}, {300, 3}}));
    QCOMPARE(Downsampler::downsample(points, 500, 600, 10), QList<Point>({{400, 4}}));
    QCOMPARE(Downsampler::downsample(points, 0, 5, 10), QList<Point>({{10, 1}}));
}

void TstDownsampler::incrementalMatchesBatch()
{
    QRandomGenerator random(42);
    for (int round = 0; round < 30; ++round) {
        const std::vector<Point> points = randomWalk(random, 1000, -200, 3);
        const qint64 from = qint64(random.bounded(200));
        const qint64 to = from + qint64(random.bounded(2000));
        const int columns = 1 + int(random.bounded(100));
        Downsampler live(from, to, columns);
        size_t at = 0;
        while (at < points.size()) {
            // Single points (as they arrive live) and batches (as the history reads them).
            const size_t n = random.bounded(4) == 0 ? 1 + random.bounded(300) : 1;
            const size_t end = qMin(points.size(), at + n);
            if (n == 1)
                live.append(points[at].timeUs, points[at].value);
            else
                live.append(std::span<const Point>(points.data() + at, end - at));
            at = end;
            // The same as everything so far at once, at every step.
            const std::vector<Point> prefix(points.begin(), points.begin() + qsizetype(at));
            QCOMPARE(live.points(), Downsampler::downsample(prefix, from, to, columns));
        }
    }
}

void TstDownsampler::outOfOrderAndNotFinite()
{
    // A value that is not finite is dropped, never a min or max.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<Point> points = {{0, 1}, {1, nan}, {2, inf}, {3, -inf}, {4, 2}};
    QCOMPARE(Downsampler::downsample(points, 0, 4, 1), QList<Point>({{0, 1}, {4, 2}}));
    // Going back in time lands in the open column; nothing already drawn moves.
    const std::vector<Point> late = {{0, 1}, {50, 2}, {60, 3}, {10, 9}, {-5, -9}, {90, 4}};
    const QList<Point> out = Downsampler::downsample(late, 0, 100, 10);
    QCOMPARE(out, QList<Point>({{0, 1}, {50, 2}, {60, 3}, {10, 9}, {-5, -9}, {90, 4}}));
}

void TstDownsampler::degenerateRanges()
{
    const std::vector<Point> points = {{5, 1}, {10, 2}, {10, 7}, {10, 3}, {20, 4}};
    // A range of one instant: one column.
    QCOMPARE(Downsampler::downsample(points, 10, 10, 100),
             QList<Point>({{5, 1}, {10, 2}, {10, 7}, {10, 3}, {20, 4}}));
    // Given backwards: swapped. No columns: one.
    QCOMPARE(Downsampler::downsample(points, 20, 5, 0), QList<Point>({{5, 1}, {10, 7}, {20, 4}}));
    Downsampler backwards(20, 5, -3);
    QCOMPARE(backwards.fromUs(), qint64(5));
    QCOMPARE(backwards.toUs(), qint64(20));
    QCOMPARE(backwards.columns(), 1);
    // The widest range there is.
    const qint64 min = std::numeric_limits<qint64>::min();
    const qint64 max = std::numeric_limits<qint64>::max();
    const std::vector<Point> wide = {{min, 1}, {-1, 2}, {0, 3}, {1, 4}, {max, 5}};
    QCOMPARE(Downsampler::downsample(wide, min, max, 2),
             QList<Point>({{min, 1}, {-1, 2}, {0, 3}, {max, 5}}));
}

void TstDownsampler::clear()
{
    Downsampler downsampler(0, 10, 2);
    downsampler.append(3, 1);
    downsampler.append(20, 1);
    QCOMPARE(downsampler.points().size(), 2);
    downsampler.clear();
    QVERIFY(downsampler.points().isEmpty());
    downsampler.append(4, 2);
    QCOMPARE(downsampler.points(), QList<Point>({{4, 2}}));
}

void TstDownsampler::timing()
{
    // Printed, never asserted.
    std::vector<Point> points;
    points.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i)
        points.push_back({qint64(i) * 1000, std::sin(i * 0.001)});
    QElapsedTimer timer;
    timer.start();
    const QList<Point> out = Downsampler::downsample(points, 0, points.back().timeUs, 1920);
    qInfo("downsample 1,000,000 points to 1920 columns: %.2f ms, %lld points",
          double(timer.nsecsElapsed()) / 1e6, qlonglong(out.size()));
}

QTEST_APPLESS_MAIN(TstDownsampler)
#include "tst_downsampler.moc"
