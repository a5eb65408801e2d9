// A chart following live over a real SQLite history written through the storage writer:
// only the rows stored since are read and added, a Last N window forgets what slid out,
// and skipped messages break the line where they were and are counted for the part in
// view.

#include "core/series/series_loader.h"
#include "tests/charts/charts_test_support.h"
#include "tests/stream/stream_test_support.h"
#include "ui/charts/series_slice.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;
using mqttdesk::test::jsonSeries;
using mqttdesk::test::makeMessage;
using mqttdesk::test::thousandValues;
using mqttdesk::test::waitLoaded;

namespace {

constexpr qint64 kBaseUs = test::kChartBaseUs;
constexpr qint64 kSecond = test::kChartSecond;

StoredMessage value(const QString &topic, double v, qint64 timeUs)
{
    return makeMessage(1, topic, "{\"v\":" + QByteArray::number(v, 'g', 17) + "}", timeUs);
}

// Every value the chart's lines hold, line after line, over the whole range.
QList<double> lineValues(const ChartsView &view)
{
    QList<double> values;
    for (const ChartPlot::Line &line : view.plot()->lines())
        for (const Downsampler::Point &p : line.points)
            values << p.value;
    return values;
}

} // namespace

class TestChartsLive : public QObject
{
    Q_OBJECT
private slots:
    void readsOnlyTheNewRows();
    void newTopicsAndOlderTimesJoinInOrder();
    void lastMinuteForgetsWhatSlidOut();
    void skippedMessagesBreakTheLine();
    void skippedCountsFollowTheZoom();
    void gapsStayFewerThanColumns();
    void decodedByTheConnectionsRules();
};

void TestChartsLive::readsOnlyTheNewRows()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QVERIFY(store.store(thousandValues()));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.setRange(ChartsView::Range::All);
    view.setFollowLive(true);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QVERIFY(waitLoaded(view));
    QCOMPARE(view.plottedValues(), 1000);
    const qint64 scanned = loader.rowsScanned();
    QCOMPARE(scanned, 1000);
    for (int round = 0; round < 3; ++round) {
        QList<StoredMessage> more;
        for (int i = 0; i < 10; ++i) {
            const int n = 1000 + round * 10 + i;
            more << value(u"dev/v"_s, n, kBaseUs + n * kSecond);
        }
        // Another topic's rows are walked past, not read.
        more << value(u"other"_s, 1, kBaseUs + 2000 * kSecond);
        QVERIFY(store.store(more));
        QSignalSpy loaded(&view, &ChartsView::loaded);
        view.historyAppended();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(view.plottedValues(), 1010 + round * 10);
        // Only the ten new rows of the topic were read.
        QCOMPARE(loader.rowsScanned(), scanned + 10 * (round + 1));
    }
    // The values are all there, in order, none twice: the CSV of the whole range says so.
    QTemporaryDir dir;
    QVERIFY(view.exportCsv(dir.filePath(u"all.csv"_s)));
    const QList<QStringList> rows = test::readCsv(dir.filePath(u"all.csv"_s));
    QCOMPARE(rows.size(), 1030);
    for (int i = 0; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).at(3), QString::number(i));
}

void TestChartsLive::newTopicsAndOlderTimesJoinInOrder()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QVERIFY(store.store({value(u"room/a"_s, 1, kBaseUs + 10 * kSecond),
                         value(u"room/a"_s, 3, kBaseUs + 30 * kSecond)}));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.setRange(ChartsView::Range::All);
    view.setFollowLive(true);
    view.addSeries(jsonSeries(u"room/+"_s, u"$.v"_s, {}, true));
    QVERIFY(waitLoaded(view));
    QCOMPARE(view.plot()->lines().size(), 1);
    // A message stamped earlier than the last one (a clock set back), and a new topic.
    QVERIFY(store.store({value(u"room/a"_s, 2, kBaseUs + 20 * kSecond),
                         value(u"room/0"_s, 7, kBaseUs + 25 * kSecond)}));
    QSignalSpy loaded(&view, &ChartsView::loaded);
    view.historyAppended();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(view.plot()->lines().size(), 2);
    QCOMPARE(view.plot()->lines().at(0).name, u"room/0"_s); // topic order, as a whole read
    QCOMPARE(view.plot()->lines().at(1).name, u"room/a"_s);
    QCOMPARE(lineValues(view), (QList<double>{7, 1, 2, 3}));
    // The same as reading it all again.
    SeriesLoader fresh(store.path());
    ChartsView whole(&fresh, 1);
    whole.setRange(ChartsView::Range::All);
    whole.addSeries(jsonSeries(u"room/+"_s, u"$.v"_s, {}, true));
    QVERIFY(waitLoaded(whole));
    QCOMPARE(lineValues(whole), lineValues(view));
}

void TestChartsLive::lastMinuteForgetsWhatSlidOut()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    qint64 clock = kBaseUs;
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.setClock([&clock] { return clock; });
    view.setRange(ChartsView::Range::LastMinute);
    view.setFollowLive(true);
    view.addSeries(jsonSeries(u"dev/+"_s, u"$.v"_s, {}, true));
    QVERIFY(waitLoaded(view));
    // Ten simulated minutes at 50 values a second on each of two topics, in 30 s steps.
    constexpr int kPerSecond = 50;
    constexpr int kStepSeconds = 30;
    qint64 held = 0;
    qint64 n = 0;
    for (int step = 0; step < 600 / kStepSeconds; ++step) {
        QList<StoredMessage> batch;
        for (int i = 0; i < kStepSeconds * kPerSecond; ++i) {
            const qint64 at = clock + i * (kSecond / kPerSecond);
            batch << value(u"dev/a"_s, double(n), at) << value(u"dev/b"_s, double(-n), at);
            ++n;
        }
        QVERIFY(store.store(batch));
        clock += kStepSeconds * kSecond;
        QSignalSpy loaded(&view, &ChartsView::loaded);
        view.historyAppended();
        QVERIFY(loaded.wait(10000));
        held = qMax(held, view.heldValues());
        // The window's values are all there: the last minute, 60 s × 50 per topic.
        if (step >= 2)
            QCOMPARE(view.plottedValues(), 2 * 60 * kPerSecond);
    }
    // Never much more than the window: expired values are dropped once they are a quarter
    // of what a line holds (or kDropAtLeast).
    const qint64 window = 2 * 60 * kPerSecond;
    const qint64 bound =
        2 * (window / 2 + qint64(ChartsView::kDropAtLeast) + kStepSeconds * kPerSecond + 1);
    QVERIFY2(held <= bound, qPrintable(QString::number(held)));
    // And the newest value is the last one written.
    QCOMPARE(view.plot()->lines().at(0).points.last().value, double(n - 1));
}

void TestChartsLive::skippedMessagesBreakTheLine()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QList<StoredMessage> messages;
    for (int i = 0; i < 100; ++i)
        messages << value(u"dev/v"_s, i, kBaseUs + i * kSecond);
    // Two sensors' failures between 50 s and 51 s, and one "offline" at 80.5 s.
    messages << makeMessage(1, u"dev/v"_s, "{\"v\":\"err\"}", kBaseUs + 50 * kSecond + 300000)
             << makeMessage(1, u"dev/v"_s, "{}", kBaseUs + 50 * kSecond + 600000)
             << makeMessage(1, u"dev/v"_s, "offline", kBaseUs + 80 * kSecond + 500000);
    QVERIFY(store.store(messages));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.resize(1000, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QVERIFY(waitLoaded(view));
    const ChartPlot::Line &line = view.plot()->lines().first();
    QCOMPARE(line.gaps.size(), 2);
    QCOMPARE(line.gaps.at(0), (QPair<qint64, qint64>(kBaseUs + 50 * kSecond + 300000,
                                                     kBaseUs + 50 * kSecond + 600000)));
    QCOMPARE(line.gaps.at(1).first, kBaseUs + 80 * kSecond + 500000);
    // Never a zero drawn for them.
    for (const Downsampler::Point &p : line.points)
        QVERIFY(p.value != 0 || p.timeUs == kBaseUs);
}

void TestChartsLive::skippedCountsFollowTheZoom()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QList<StoredMessage> messages;
    for (int i = 0; i < 100; ++i)
        messages << value(u"dev/v"_s, i, kBaseUs + i * kSecond);
    for (int i = 0; i < 5; ++i)
        messages << makeMessage(1, u"dev/v"_s, "n/a", kBaseUs + 90 * kSecond + i);
    QVERIFY(store.store(messages));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.resize(1000, 500);
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QVERIFY(waitLoaded(view));
    QVERIFY2(view.statusLabel()->text().contains(u"skipped: not JSON"_s),
             qPrintable(view.statusLabel()->text()));
    // Zoomed in at the start: none of them is in view.
    view.plot()->zoom(0.2, kBaseUs);
    QTRY_VERIFY(!view.statusLabel()->text().contains(u"skipped"_s));
    view.plot()->resetZoom();
    view.plot()->zoom(0.2, kBaseUs + 90 * kSecond);
    QTRY_VERIFY(view.statusLabel()->text().contains(u"skipped: not JSON"_s));
    QVERIFY(view.plottedValues() < 100);
}

void TestChartsLive::gapsStayFewerThanColumns()
{
    // Every other message is bad: a gap between each pair of values, merged per column.
    Series series;
    for (int i = 0; i < 100000; ++i) {
        series.timesUs.push_back(qint64(i) * 2);
        series.values.push_back(i);
        series.skippedTimesUs.push_back(qint64(i) * 2 + 1);
        series.skippedReasons.push_back(quint8(SkipReason::NotANumber));
    }
    const auto gaps = SeriesSlice::gaps(series, 0, 200000, 200000 / 1000);
    QVERIFY2(gaps.size() <= 1001, qPrintable(QString::number(gaps.size())));
    QVERIFY(!gaps.isEmpty());
    QCOMPARE(gaps.first().first, 1);
    QCOMPARE(gaps.last().second, 199999);
    // With room for each: one per skip.
    QCOMPARE(SeriesSlice::gaps(series, 0, 200, 0).size(), 100);
    const auto counts = SeriesSlice::skipped(series, 0, 200);
    QCOMPARE(counts[size_t(SkipReason::NotANumber)], 100);
}

void TestChartsLive::decodedByTheConnectionsRules()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    // MessagePack {"v": 5} and {"v": 6}, as a device sends them.
    QVERIFY(store.store(
        {makeMessage(1, u"mp/a"_s, QByteArray::fromHex("81a17605"), kBaseUs),
         makeMessage(1, u"mp/a"_s, QByteArray::fromHex("81a17606"), kBaseUs + kSecond)}));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.setRange(ChartsView::Range::All);
    ChartSeriesSpec spec;
    spec.topicFilter = u"mp/#"_s;
    spec.extractor.kind = ExtractorSpec::Kind::Decoded;
    spec.extractor.decoder = QString(ExtractorSpec::kRulesDecoder);
    spec.extractor.path = u"$.v"_s;
    view.addSeries(spec);
    QVERIFY(waitLoaded(view));
    // No rule yet: nothing decodes, and the chart says so.
    QCOMPARE(view.plottedValues(), 0);
    QVERIFY2(view.statusLabel()->text().contains(u"does not decode"_s),
             qPrintable(view.statusLabel()->text()));
    // The connection gets a MessagePack rule: the chart reads again by it.
    DecodingRules rules;
    QVERIFY(rules.append({u"mp/#"_s, u"msgpack"_s, {}}));
    QSignalSpy loaded(&view, &ChartsView::loaded);
    view.setDecodingRules(rules);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(lineValues(view), (QList<double>{5, 6}));
    // The same rules again read nothing.
    const qint64 scanned = loader.rowsScanned();
    view.setDecodingRules(rules);
    QVERIFY(!view.isLoading());
    QCOMPARE(loader.rowsScanned(), scanned);
}

QTEST_MAIN(TestChartsLive)
#include "tst_charts_live.moc"
