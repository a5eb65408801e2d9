// Series benchmark: what a chart over a 1M-message topic waits for before its first drawing.
// The history: N messages (default 1M) {"t":<ms>,"v":<value>} on bench/a, interleaved with
// as many on bench/b (so the profile holds 2N rows and walking it by time is not the same
// as reading bench/a), and 1 in 2,000 of bench/b's on bench/rare. Written through
// MessageWriter and indexed. Then, each the median of 3 runs after a warm-up:
//   scan.*    MessageRangeScan over bench/a, over bench/rare and over the whole profile;
//   loader.*  SeriesLoader with $.v over bench/a, from load() to the answer on this thread
//             (the cache dropped first), and the same request again from the cache;
//   ref.*     the same rows through QSqlQuery, the way a naive implementation reads them:
//             the scan's own SQL with a QVariant per column, and a plain SELECT on messages
//             ordered by time; and that plain SELECT with QJsonDocument for $.v, next to the
//             loader. Also the floor: the scan's SQL stepped on the bare sqlite3 handle,
//             nothing done per row (what SQLite itself costs).
//   chart.*   a ChartsView (offscreen, 1920x1080) over bench/a with $.v, range All: from
//             adding the series to its first full drawing (loader cache dropped first), and
//             zooming and panning to the redrawn plot; with the event loop's largest stall
//             meanwhile (a 5 ms timer's lateness: the GUI thread blocked that long).
// Each figure of ours is printed with its time ratio to its reference (below 1: faster).
// Figures are printed, never asserted. scripts/bench-series builds and runs it.
#include "core/series/series_loader.h"
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_range_scan.h"
#include "core/storage/message_writer.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/charts/charts_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

using namespace mqttdesk;

namespace {

constexpr qint64 kBaseUs = 1'700'000'000'000'000;
constexpr int kRuns = 3;

const QString kTopicA = QStringLiteral("bench/a");
const QString kTopicB = QStringLiteral("bench/b");
const QString kTopicRare = QStringLiteral("bench/rare");

StoredMessage message(qint64 n)
{
    StoredMessage m;
    m.profileId = 1;
    m.topic = n % 2 == 0 ? kTopicA : (n % 4000 == 1 ? kTopicRare : kTopicB);
    m.receivedUs = kBaseUs + n * 500;
    const double v = std::round(std::sin(double(n) / 5000.0) * 1e5) / 1e3 + double(n % 7);
    m.payload = "{\"t\":" + QByteArray::number(m.receivedUs / 1000) +
                ",\"v\":" + QByteArray::number(v, 'g', 10) + '}';
    return m;
}

struct Figure
{
    double ms = 0;
    qint64 rows = 0;
};

// The median time of kRuns runs of `run` (which returns the rows it read) after one more.
Figure measure(const std::function<qint64()> &run)
{
    run();
    QList<double> times;
    qint64 rows = 0;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer timer;
        timer.start();
        rows = run();
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return Figure{times.at(times.size() / 2), rows};
}

void print(const char *name, const Figure &ours, const char *referenceName = nullptr,
           const Figure &reference = {})
{
    std::printf("%-22s %9.1f ms %9lld rows %7.2f M rows/s", name, ours.ms,
                static_cast<long long>(ours.rows), double(ours.rows) / ours.ms / 1e3);
    if (referenceName)
        std::printf("   %-28s time ratio %.3f", referenceName,
                    reference.ms > 0 ? ours.ms / reference.ms : 0.0);
    std::printf("\n");
}

// The event loop's largest stall: how late a 5 ms timer fires, from start() on.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_maxMs = qMax(m_maxMs, double(now - m_last) / 1e6 - 5);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_maxMs = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return qMax(0.0, m_maxMs);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_maxMs = 0;
};

// Runs the event loop until `signal` of `sender` (or 60 s).
template<typename Sender, typename Signal>
void waitFor(const Sender *sender, Signal signal)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
}

// chart.*: see the top. Returns false when the chart did not show every value.
bool chartFigures(SeriesLoader &loader, qint64 perTopic)
{
    ChartsView view(&loader, 1);
    view.resize(1920, 1080);
    view.show();
    view.setFollowLive(false);
    view.setRange(ChartsView::Range::All);
    ChartSeriesSpec spec;
    spec.topicFilter = kTopicA;
    spec.extractor.kind = ExtractorSpec::Kind::JsonPath;
    spec.extractor.path = QStringLiteral("$.v");
    StallProbe probe;
    QList<double> stalls;
    const Figure opened = measure([&] {
        if (!view.seriesSpecs().isEmpty())
            view.removeSeries(0);
        QCoreApplication::processEvents();
        loader.dropCached();
        probe.start();
        view.addSeries(spec);
        waitFor(&view, &ChartsView::loaded);
        view.plot()->repaint();
        stalls << probe.stop();
        return view.plottedValues();
    });
    std::sort(stalls.begin(), stalls.end());
    const double openStall = stalls.at(stalls.size() / 2);
    // Zoom in 8 times around the middle, pan 8 times, each to its drawing.
    QList<double> steps;
    double stepStall = 0;
    for (int i = 0; i < 16; ++i) {
        probe.start();
        QElapsedTimer timer;
        timer.start();
        if (i < 8)
            view.plot()->zoom(0.5, (view.plot()->visibleFrom() + view.plot()->visibleTo()) / 2);
        else
            view.plot()->pan(i % 2 ? 0.25 : -0.2);
        waitFor(view.plot(), &ChartPlot::visibleRangeChanged);
        QCoreApplication::processEvents(); // the redraw queued by the view
        view.plot()->repaint();
        steps << double(timer.nsecsElapsed()) / 1e6;
        stepStall = qMax(stepStall, probe.stop());
    }
    std::sort(steps.begin(), steps.end());
    std::printf("chart.open_to_drawing  %9.1f ms %9lld values, largest event-loop stall %.1f ms\n",
                opened.ms, static_cast<long long>(opened.rows), openStall);
    std::printf("chart.zoom_pan_redraw  %9.1f ms median, %.1f ms slowest of %lld, largest stall "
                "%.1f ms\n",
                steps.at(steps.size() / 2), steps.last(), static_cast<long long>(steps.size()),
                stepStall);
    return opened.rows == perTopic;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const qint64 perTopic = argc > 1 ? qMax<qint64>(1000, std::atoll(argv[1])) : 1000000;
    const qint64 total = perTopic * 2;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("series.sqlite"));
    {
        Database database(path);
        if (database.open().isError())
            return 1;
    }
    QElapsedTimer writing;
    writing.start();
    {
        MessageWriter writer(path);
        writer.start();
        for (qint64 n = 0; n < total; ++n) {
            // The writer's queue is bounded: let it drain rather than drop.
            if (n % 100000 == 0 && !writer.waitUntilIdle(600000))
                return 1;
            if (!writer.enqueue(message(n)))
                return 1;
        }
        if (!writer.waitUntilIdle(3600000) || !writer.waitUntilIndexed(3600000))
            return 1;
        writer.stop();
    }
    const double writeSeconds = double(writing.nsecsElapsed()) / 1e9;

    const DatabaseConnection connection(path, QStringLiteral("bench"));
    StorageError error;
    const MessageQuery query(connection);
    const qint64 topicA = query.matchingTopicIds(1, kTopicA, &error).value(0);
    const qint64 topicRare = query.matchingTopicIds(1, kTopicRare, &error).value(0);
    if (error.isError() || topicA == 0 || topicRare == 0)
        return 1;
    std::printf("series benchmark: %lld messages (%lld on %s, the rest on %s and %s), written "
                "and indexed in %.1f s\n",
                static_cast<long long>(total), static_cast<long long>(perTopic),
                qPrintable(kTopicA), qPrintable(kTopicB), qPrintable(kTopicRare), writeSeconds);

    MessageRangeScan scan(connection);
    volatile qint64 sink = 0;
    const auto scanTopics = [&](const QList<qint64> &topics) {
        return measure([&] {
            MessageRangeScan::Range range;
            range.profileId = 1;
            range.topicIds = topics;
            qint64 bytes = 0;
            const qint64 rows = scan.scan(
                range,
                [&bytes](const MessageRangeScan::Row &row) {
                    bytes += row.payload.size() + row.timeUs;
                    return true;
                },
                &error);
            sink = sink + bytes;
            return rows;
        });
    };
    const auto planName = [&](const QList<qint64> &topics) {
        MessageRangeScan::Range range;
        range.profileId = 1;
        range.topicIds = topics;
        return scan.plan(range) == MessageRangeScan::Plan::ByTime ? "ByTime" : "PerTopic";
    };

    // The references: QSqlQuery, a QVariant per column.
    const auto sqlRows = [&](const QString &sql, const QVariantList &values, bool extract) {
        return measure([&] {
            QSqlQuery q(connection.database());
            q.setForwardOnly(true);
            q.prepare(sql);
            for (const QVariant &value : values)
                q.addBindValue(value);
            if (!q.exec())
                return qint64(-1);
            qint64 rows = 0;
            qint64 bytes = 0;
            std::vector<qint64> times;
            std::vector<double> extracted;
            while (q.next()) {
                ++rows;
                const qint64 time = q.value(0).toLongLong();
                const QByteArray payload = q.value(1).toByteArray();
                if (extract) {
                    const QJsonValue v =
                        QJsonDocument::fromJson(payload).object().value(QLatin1String("v"));
                    if (v.isDouble()) {
                        times.push_back(time);
                        extracted.push_back(v.toDouble());
                    }
                } else {
                    bytes += payload.size() + time;
                }
            }
            sink = sink + bytes + qint64(extracted.size()) + qint64(times.size());
            return rows;
        });
    };
    const QString sameSql =
        QStringLiteral("SELECT m.time_us, m.payload, m.id, m.topic_id, m.flags"
                       " FROM message_times t CROSS JOIN messages m ON m.id = t.id"
                       " WHERE t.profile_id = ? AND t.time_us >= ? AND t.time_us <= ?"
                       " AND m.topic_id IN (%1) ORDER BY t.time_us, t.id")
            .arg(topicA);
    const QString plainSql = QStringLiteral(
        "SELECT time_us, coalesce(payload, (SELECT data FROM message_blobs WHERE message_id = id))"
        " FROM messages WHERE profile_id = ? AND topic_id = ? AND time_us >= ? AND time_us <= ?"
        " ORDER BY time_us, id");
    const qint64 lo = std::numeric_limits<qint64>::min();
    const qint64 hi = std::numeric_limits<qint64>::max();

    const Figure refSame = sqlRows(sameSql, {1, lo, hi}, false);
    sqlite3 *handle =
        *static_cast<sqlite3 *const *>(connection.database().driver()->handle().constData());
    const Figure refBare = measure([&] {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(handle, sameSql.toUtf8().constData(), -1, &statement, nullptr) !=
            SQLITE_OK)
            return qint64(-1);
        sqlite3_bind_int64(statement, 1, 1);
        sqlite3_bind_int64(statement, 2, lo);
        sqlite3_bind_int64(statement, 3, hi);
        qint64 rows = 0;
        qint64 bytes = 0;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            ++rows;
            sqlite3_column_blob(statement, 1);
            bytes += sqlite3_column_bytes(statement, 1) + sqlite3_column_int64(statement, 0);
        }
        sqlite3_finalize(statement);
        sink = sink + bytes;
        return rows;
    });
    const Figure refPlain = sqlRows(plainSql, {1, topicA, lo, hi}, false);
    const Figure refRare = sqlRows(plainSql, {1, topicRare, lo, hi}, false);
    const Figure refJson = sqlRows(plainSql, {1, topicA, lo, hi}, true);

    const Figure scanA = scanTopics({topicA});
    const Figure scanRare = scanTopics({topicRare});
    const Figure scanAll = scanTopics({});
    if (error.isError()) {
        std::fprintf(stderr, "scan: %s\n", qPrintable(error.detail));
        return 1;
    }

    SeriesLoader loader(path);
    SeriesRequest request;
    request.profileId = 1;
    request.topicFilter = kTopicA;
    request.extractor.kind = ExtractorSpec::Kind::JsonPath;
    request.extractor.path = QStringLiteral("$.v");
    qint64 points = 0;
    const auto loadOnce = [&](bool fromCache) {
        return measure([&] {
            if (!fromCache)
                loader.dropCached();
            SeriesLoader::Answer answer;
            QEventLoop loop;
            loader.load(request, [&](const SeriesLoader::Answer &a) {
                answer = a;
                loop.quit();
            });
            loop.exec();
            points = qint64(answer->series.first().values.size());
            return answer->rowsRead;
        });
    };
    const Figure loaded = loadOnce(false);
    const qint64 loadedPoints = points;
    const Figure cached = loadOnce(true);

    print("ref.sqlite3_same_sql", refBare);
    print("ref.qsqlquery_same_sql", refSame);
    print("ref.qsqlquery_plain", refPlain);
    print("ref.qsqlquery_plain_json", refJson);
    print("ref.qsqlquery_rare", refRare);
    std::printf("scan.topic_a plan %s, scan.topic_rare plan %s, scan.all plan %s\n",
                planName({topicA}), planName({topicRare}), planName({}));
    print("scan.topic_a", scanA, "vs ref.sqlite3_same_sql", refBare);
    print("scan.topic_a", scanA, "vs ref.qsqlquery_same_sql", refSame);
    print("scan.topic_a", scanA, "vs ref.qsqlquery_plain", refPlain);
    print("scan.topic_rare", scanRare, "vs ref.qsqlquery_rare", refRare);
    print("scan.all", scanAll);
    print("loader.topic_a_$.v", loaded, "vs ref.qsqlquery_plain_json", refJson);
    std::printf("loader.points          %9lld values\n", static_cast<long long>(loadedPoints));
    std::printf("loader.cache_hit       %9.2f ms (%lld rows answered from the cache)\n", cached.ms,
                static_cast<long long>(cached.rows));
    const bool charted = chartFigures(loader, perTopic);
    return loadedPoints == perTopic && charted ? 0 : 1;
}
