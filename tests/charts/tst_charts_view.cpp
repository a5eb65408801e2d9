#include "core/series/series_loader.h"
#include "tests/charts/charts_test_support.h"
#include "tests/storage/support/message_factory.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "ui/charts/chart_legend.h"
#include "ui/charts/charts_view.h"
#include "ui/charts/series_slice.h"
#include "ui/i18n/language.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

#include <cmath>

using namespace mqttdesk;
using namespace Qt::StringLiterals;
using mqttdesk::test::makeMessage;

namespace {

constexpr qint64 kBaseUs = test::kChartBaseUs;
constexpr qint64 kSecond = test::kChartSecond;
using test::jsonSeries;
using test::readCsv;
using test::thousandValues;
using test::waitLoaded;

// Translates a few of the view's texts, to see them change without a catalogue entry.
class FakeTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QByteArrayView c(context);
        const QByteArrayView s(source);
        if (c == "mqttdesk::ChartsView" && s == "&Add series…")
            return u"添加序列(&A)…"_s;
        if (c == "mqttdesk::ChartsView" && s == "Last hour")
            return u"最近一小时"_s;
        if (c == "mqttdesk::ChartsView" && s == "%Ln value(s) plotted")
            return u"已绘制 %Ln 个值"_s;
        if (c == "mqttdesk::ChartPlot" && s == "Chart")
            return u"图表"_s;
        return {};
    }
};

} // namespace

class TestChartsView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void plotsTheValuesWritten();
    void csvHoldsExactlyTheValuesWritten();
    void zoomedCsvHoldsTheVisibleValues();
    void skippedValuesAreCounted();
    void perTopicLinesKeepTheirColours();
    void legendTogglesLines();
    void restoreFromJson();
    void liveAppendsAreThrottledAndSlide();
    void clearedHistoryEmptiesTheChart();
    void downsamplingTime();
    void retranslates();
    void screenshots_data();
    void screenshots();
};

void TestChartsView::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    Language::install(*qApp, u"en"_s);
}

void TestChartsView::plotsTheValuesWritten()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QVERIFY(store.store(thousandValues()));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy changed(&view, &ChartsView::panelChanged);
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QCOMPARE(changed.size(), 2);
    QVERIFY(waitLoaded(view));
    QCOMPARE(view.plottedValues(), 1000);
    QCOMPARE(view.plot()->lines().size(), 1);
    const QList<Downsampler::Point> &points = view.plot()->lines().first().points;
    QVERIFY(!points.isEmpty());
    QVERIFY(points.size() <= 4 * view.plot()->columns() + 2);
    QCOMPARE(points.first(), (Downsampler::Point{kBaseUs, 0}));
    QCOMPARE(points.last(), (Downsampler::Point{kBaseUs + 999 * kSecond, 999}));
    QCOMPARE(view.plot()->visibleFrom(), kBaseUs);
    QCOMPARE(view.plot()->visibleTo(), kBaseUs + 999 * kSecond);
    QVERIFY2(view.statusLabel()->text().contains(u"1,000 value"_s),
             qPrintable(view.statusLabel()->text()));
    QCOMPARE(view.legend()->count(), 1);
    QCOMPARE(view.legend()->entry(0)->text(), u"dev/v $.v"_s);
    // The picture: the plot and its legend.
    QTemporaryDir dir;
    const QString png = dir.filePath(u"chart.png"_s);
    QVERIFY(view.exportPng(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= view.plot()->width());
    QVERIFY(image.height() > view.plot()->height());
    // Another range shows all of it, not the old zoom.
    view.plot()->zoom(0.2, kBaseUs);
    QTRY_VERIFY(view.plot()->isZoomed());
    view.setRange(ChartsView::Range::Custom);
    QVERIFY(waitLoaded(view));
    QVERIFY(!view.plot()->isZoomed());
}

void TestChartsView::csvHoldsExactlyTheValuesWritten()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    const QList<StoredMessage> written = thousandValues();
    QVERIFY(store.store(written));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.resize(900, 500);
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s, u"W"_s, false, u"Power"_s));
    QVERIFY(waitLoaded(view));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chart.csv"_s);
    QString why;
    QVERIFY2(view.exportCsv(path, &why), qPrintable(why));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readLine(), QByteArray("time_utc,epoch_ms,series,value\n"));
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), 1000);
    for (int i = 0; i < 1000; ++i) {
        const QStringList &row = rows.at(i);
        QCOMPARE(row.size(), 4);
        const qint64 ms = written.at(i).receivedUs / 1000;
        QCOMPARE(row.at(0),
                 QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
        QVERIFY(row.at(0).endsWith(u'Z'));
        QCOMPARE(row.at(1), QString::number(ms));
        QCOMPARE(row.at(2), u"Power"_s);
        QCOMPARE(row.at(3), QString::number(i));
    }
}

void TestChartsView::zoomedCsvHoldsTheVisibleValues()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QVERIFY(store.store(thousandValues()));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QVERIFY(waitLoaded(view));
    const qint64 scanned = loader.rowsScanned();
    QSignalSpy range(view.plot(), &ChartPlot::visibleRangeChanged);
    view.plot()->zoom(0.1, kBaseUs + 500 * kSecond);
    QVERIFY(range.wait(2000));
    const qint64 from = view.plot()->visibleFrom();
    const qint64 to = view.plot()->visibleTo();
    const qint64 first = (from - kBaseUs + kSecond - 1) / kSecond;
    const qint64 last = (to - kBaseUs) / kSecond;
    QCOMPARE(view.plottedValues(), last - first + 1);
    // The zoomed points come from the answer in hand: nothing read again.
    QCOMPARE(loader.rowsScanned(), scanned);
    QVERIFY(view.plot()->lines().first().points.first().timeUs < from);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"zoomed.csv"_s);
    QVERIFY(view.exportCsv(path));
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), last - first + 1);
    QCOMPARE(rows.first().at(3), QString::number(first));
    QCOMPARE(rows.last().at(3), QString::number(last));
}

void TestChartsView::skippedValuesAreCounted()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QList<StoredMessage> messages = thousandValues();
    for (int i = 0; i < 37; ++i)
        messages << makeMessage(1, u"dev/v"_s, "{\"v\":\"offline\"}", kBaseUs + 2000 * kSecond + i);
    for (int i = 0; i < 2; ++i)
        messages << makeMessage(1, u"dev/v"_s, "{\"t\":1}", kBaseUs + 3000 * kSecond + i);
    QVERIFY(store.store(messages));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QVERIFY(waitLoaded(view));
    const QString status = view.statusLabel()->text();
    QVERIFY2(status.contains(u"37 value(s) skipped: not a number; 2 missing"_s) ||
                 status.contains(u"37 values skipped: not a number; 2 missing"_s),
             qPrintable(status));
    QCOMPARE(view.plottedValues(), 1000);
    // Skipped values are gaps, never zeros: no point at their times.
    for (const Downsampler::Point &p : view.plot()->lines().first().points)
        QVERIFY(p.timeUs < kBaseUs + 2000 * kSecond);
}

void TestChartsView::perTopicLinesKeepTheirColours()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QList<StoredMessage> messages;
    for (int i = 0; i < 10; ++i) {
        messages << makeMessage(1, u"room/b/temp"_s, "{\"v\":" + QByteArray::number(20 + i) + "}",
                                kBaseUs + i * kSecond);
        messages << makeMessage(1, u"room/c/temp"_s, "{\"v\":" + QByteArray::number(10 + i) + "}",
                                kBaseUs + i * kSecond + 1);
    }
    QVERIFY(store.store(messages));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.setRange(ChartsView::Range::All);
    view.setFollowLive(true);
    view.addSeries(jsonSeries(u"room/+/temp"_s, u"$.v"_s, u"°C"_s, true));
    QVERIFY(waitLoaded(view));
    QCOMPARE(view.plot()->lines().size(), 2);
    const QColor b = view.plot()->lines().at(0).colour;
    const QColor c = view.plot()->lines().at(1).colour;
    QCOMPARE(view.plot()->lines().at(0).name, u"room/b/temp"_s);
    QVERIFY(b != c);
    // A topic sorted before both appears: the others keep their colours.
    QVERIFY(store.store({makeMessage(1, u"room/a/temp"_s, "{\"v\":5}", kBaseUs + 20 * kSecond)}));
    view.historyAppended();
    QTRY_COMPARE_WITH_TIMEOUT(view.plot()->lines().size(), 3, 10000);
    QVERIFY(waitLoaded(view));
    QCOMPARE(view.plot()->lines().at(1).name, u"room/b/temp"_s);
    QCOMPARE(view.plot()->lines().at(1).colour, b);
    QCOMPARE(view.plot()->lines().at(2).colour, c);
    QVERIFY(view.plot()->lines().at(0).colour != b && view.plot()->lines().at(0).colour != c);
}

void TestChartsView::legendTogglesLines()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QVERIFY(store.store(thousandValues()));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s, u"W"_s));
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.t"_s, u"s"_s));
    QVERIFY(waitLoaded(view));
    QCOMPARE(view.legend()->count(), 2);
    QVERIFY(view.plot()->hasRightAxis());
    QCheckBox *second = view.legend()->entry(1);
    QVERIFY(second->isChecked());
    QCOMPARE(second->accessibleName(), u"dev/v $.t"_s);
    // From the keyboard: focus and Space.
    second->setFocus();
    QTest::keyClick(second, Qt::Key_Space);
    QVERIFY(!second->isChecked());
    QVERIFY(!view.plot()->lines().at(1).visible);
    QVERIFY(!view.plot()->hasRightAxis());
    QCOMPARE(view.plottedValues(), 1000);
    // Hidden stays hidden across a reload.
    view.reload();
    QVERIFY(waitLoaded(view));
    QVERIFY(!view.plot()->lines().at(1).visible);
    QVERIFY(!view.legend()->entry(1)->isChecked());
    QTest::mouseClick(view.legend()->entry(1), Qt::LeftButton);
    QVERIFY(view.plot()->lines().at(1).visible);
}

void TestChartsView::restoreFromJson()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QVERIFY(store.store(thousandValues()));
    SeriesLoader loader(store.path());
    QJsonObject saved;
    {
        ChartsView view(&loader, 1);
        view.setRange(ChartsView::Range::All);
        view.setFollowLive(false);
        view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s, u"W"_s, false, u"Power"_s));
        view.addSeries(jsonSeries(u"dev/#"_s, u"$.t"_s, {}, true));
        QVERIFY(waitLoaded(view));
        saved = view.toJson();
    }
    QCOMPARE(saved.value(u"version"_s).toInt(), 1);
    QCOMPARE(saved.value(u"range"_s).toString(), u"all"_s);
    QCOMPARE(saved.value(u"live"_s).toBool(true), false);
    QCOMPARE(saved.value(u"series"_s).toArray().size(), 2);
    // Through text, as the profile stores it.
    const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(saved).toJson()).object();
    ChartsView restored(&loader, 1);
    QSignalSpy changed(&restored, &ChartsView::panelChanged);
    restored.restore(reread);
    QCOMPARE(changed.size(), 0);
    QVERIFY(waitLoaded(restored));
    QCOMPARE(restored.toJson(), saved);
    QCOMPARE(restored.range(), ChartsView::Range::All);
    QVERIFY(!restored.followsLive());
    QVERIFY(!restored.followButton()->isChecked());
    QCOMPARE(restored.rangeCombo()->currentIndex(), int(ChartsView::Range::All));
    QCOMPARE(restored.seriesSpecs().size(), 2);
    QCOMPARE(restored.plottedValues(), 2000);
    // A custom range round-trips its bounds; a broken series is reported and left out.
    restored.setCustomRange(kBaseUs + 10 * kSecond, kBaseUs + 19 * kSecond);
    QVERIFY(waitLoaded(restored));
    QCOMPARE(restored.plottedValues(), 20);
    QJsonObject custom = restored.toJson();
    QJsonArray series = custom.value(u"series"_s).toArray();
    series.append(QJsonObject{{u"topicFilter"_s, u"a/#/b"_s}});
    custom.insert(u"series"_s, series);
    ChartsView again(&loader, 1);
    QSignalSpy errors(&again, &ChartsView::errorOccurred);
    again.restore(custom);
    QCOMPARE(errors.size(), 1);
    QVERIFY(waitLoaded(again));
    QCOMPARE(again.range(), ChartsView::Range::Custom);
    QCOMPARE(again.plottedValues(), 20);
    QCOMPARE(again.plot()->fullFrom(), kBaseUs + 10 * kSecond);
}

void TestChartsView::liveAppendsAreThrottledAndSlide()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    qint64 clock = kBaseUs + 1000 * kSecond;
    QVERIFY(store.store(thousandValues()));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.setClock([&clock] { return clock; });
    view.setRange(ChartsView::Range::LastMinute);
    view.setFollowLive(true);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QVERIFY(waitLoaded(view));
    // The last minute: values 940..999 (the clock is at 1000 s).
    QCOMPARE(view.plottedValues(), 60);
    QCOMPARE(view.plot()->fullTo(), clock);
    QSignalSpy loaded(&view, &ChartsView::loaded);
    QList<StoredMessage> more;
    for (int i = 1000; i < 1010; ++i)
        more << makeMessage(1, u"dev/v"_s, "{\"v\":" + QByteArray::number(i) + "}",
                            kBaseUs + i * kSecond);
    QVERIFY(store.store(more));
    clock += 10 * kSecond;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 10; ++i)
        view.historyAppended();
    QVERIFY(loaded.wait(5000));
    QVERIFY(timer.elapsed() >= ChartsView::kLiveIntervalMs - 20);
    QCoreApplication::processEvents();
    QCOMPARE(loaded.size(), 1);
    // The window slid: still the last 60 values, now up to 1009.
    QCOMPARE(view.plottedValues(), 60);
    QCOMPARE(view.plot()->fullTo(), clock);
    QCOMPARE(view.plot()->lines().first().points.last().value, 1009.0);
    // Not following: new rows change nothing.
    view.setFollowLive(false);
    QVERIFY(store.store({makeMessage(1, u"dev/v"_s, "{\"v\":1}", kBaseUs + 1010 * kSecond)}));
    loaded.clear();
    view.historyAppended();
    QVERIFY(!loaded.wait(ChartsView::kLiveIntervalMs * 2));
}

void TestChartsView::clearedHistoryEmptiesTheChart()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QVERIFY(store.store(thousandValues()));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QVERIFY(waitLoaded(view));
    QCOMPARE(view.plottedValues(), 1000);
    view.plot()->zoom(0.5, kBaseUs);
    QVERIFY(view.plot()->isZoomed());
    QVERIFY(!store.writer()->eraseProfile(1, 10000).isError());
    loader.dropCached(1);
    view.reload();
    QVERIFY(waitLoaded(view));
    QCOMPARE(view.plottedValues(), 0);
    // The zoomed part is gone with the history: the chart shows its whole range again.
    QVERIFY(!view.plot()->isZoomed());
    for (const ChartPlot::Line &line : view.plot()->lines())
        QVERIFY(line.points.isEmpty());
    // Still draws, zooms and exports (an empty file) without trouble.
    QVERIFY(!view.grab().isNull());
    view.plot()->zoom(0.5, kBaseUs);
    view.plot()->resetZoom();
    QTemporaryDir dir;
    QVERIFY(view.exportCsv(dir.filePath(u"empty.csv"_s)));
    QCOMPARE(readCsv(dir.filePath(u"empty.csv"_s)).size(), 0);
    // And fills again as rows come.
    QVERIFY(store.store(thousandValues(kBaseUs + 5000 * kSecond)));
    view.historyAppended();
    QTRY_COMPARE_WITH_TIMEOUT(view.plottedValues(), 1000, 10000);
}

// How long the chart's downsampling of 1M values in view to a plot's width takes on this
// (GUI) thread, and that zooming in reads only the visible slice.
void TestChartsView::downsamplingTime()
{
    constexpr int kCount = 1'000'000;
    Series series;
    series.timesUs.resize(kCount);
    series.values.resize(kCount);
    for (int i = 0; i < kCount; ++i) {
        series.timesUs[size_t(i)] = kBaseUs + qint64(i) * 1000;
        series.values[size_t(i)] = std::sin(i * 1e-3);
    }
    const qint64 from = series.timesUs.front();
    const qint64 to = series.timesUs.back();
    qint64 best = std::numeric_limits<qint64>::max();
    qint64 bestZoomed = std::numeric_limits<qint64>::max();
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer timer;
        timer.start();
        const QList<Downsampler::Point> points = SeriesSlice::downsample(series, from, to, 1200);
        best = qMin(best, timer.nsecsElapsed());
        QVERIFY(points.size() <= 4 * 1200 + 2);
        timer.restart();
        const qint64 middle = from + (to - from) / 2;
        const QList<Downsampler::Point> zoomed =
            SeriesSlice::downsample(series, middle, middle + (to - from) / 100, 1200);
        bestZoomed = qMin(bestZoomed, timer.nsecsElapsed());
        QVERIFY(!zoomed.isEmpty());
    }
    QCOMPARE(SeriesSlice::count(series, from, to), kCount);
    // A 1% zoom covers 1% of the values (the slice, not the whole series, is read).
    const qint64 middle = from + (to - from) / 2;
    QCOMPARE(SeriesSlice::count(series, middle, middle + (to - from) / 100), kCount / 100);
    // The times are a figure for the note, not an assertion: the sanitizer build runs this
    // test too, several times slower.
    qInfo("downsampling 1M values to 1200 columns: %.1f ms; a 1%% zoom of them: %.2f ms "
          "(best of 5)",
          double(best) / 1e6, double(bestZoomed) / 1e6);
}

void TestChartsView::retranslates()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QVERIFY(store.store(thousandValues()));
    SeriesLoader loader(store.path());
    ChartsView view(&loader, 1);
    view.setRange(ChartsView::Range::All);
    view.addSeries(jsonSeries(u"dev/v"_s, u"$.v"_s));
    QVERIFY(waitLoaded(view));
    auto *add = view.findChild<QPushButton *>(u"charts.add"_s);
    QCOMPARE(add->text(), u"&Add series…"_s);
    FakeTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_COMPARE(add->text(), u"添加序列(&A)…"_s);
    QCOMPARE(view.rangeCombo()->itemText(int(ChartsView::Range::LastHour)), u"最近一小时"_s);
    QVERIFY2(view.statusLabel()->text().startsWith(u"已绘制 1,000 个值"_s),
             qPrintable(view.statusLabel()->text()));
    QCOMPARE(view.plot()->accessibleName(), u"图表"_s);
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(add->text(), u"&Add series…"_s);
    QCOMPARE(view.plot()->accessibleName(), u"Chart"_s);
}

void TestChartsView::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestChartsView::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(*qApp, language).startsWith(language));
    const auto english = qScopeGuard([] { Language::install(*qApp, u"en"_s); });
    static StreamTestStore *store = nullptr; // written once for both languages
    if (!store) {
        store = new StreamTestStore;
        QVERIFY(store->isReady() && store->ensureProfile(1));
        // A week of a boiler: two temperatures (°C) and a pressure (bar), one reading a
        // minute each, with a daily cycle, drift and noise, and a sensor that drops out.
        QList<StoredMessage> messages;
        const int minutes = 7 * 24 * 60;
        quint32 seed = 12345;
        auto noise = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return double(seed >> 8) / double(1u << 24) - 0.5;
        };
        for (int m = 0; m < minutes; ++m) {
            const qint64 t = kBaseUs + qint64(m) * 60 * kSecond;
            const double day = std::sin(m * 2 * M_PI / 1440.0);
            const double flow = 62 + 6 * day + m * 0.0004 + noise();
            const double ret = 48 + 4 * std::sin((m - 40) * 2 * M_PI / 1440.0) + noise() * 0.8;
            const double pressure = 1.6 + 0.15 * day + (m % 600 < 30 ? 0.4 : 0) + noise() * 0.02;
            messages << makeMessage(1, u"plant/boiler/flow"_s,
                                    "{\"temp\":" + QByteArray::number(flow, 'f', 2) + "}", t);
            if (m < 5000 || m > 5400) // the return sensor drops out for a while
                messages << makeMessage(1, u"plant/boiler/return"_s,
                                        "{\"temp\":" + QByteArray::number(ret, 'f', 2) + "}",
                                        t + 1);
            else
                messages << makeMessage(1, u"plant/boiler/return"_s, "{\"temp\":\"n/a\"}", t + 1);
            messages << makeMessage(1, u"plant/boiler/pressure"_s,
                                    "{\"bar\":" + QByteArray::number(pressure, 'f', 3) + "}",
                                    t + 2);
        }
        QVERIFY(store->store(messages));
    }
    SeriesLoader loader(store->path());
    ChartsView view(&loader, 1);
    view.resize(1280, 800);
    view.setRange(ChartsView::Range::All);
    view.setFollowLive(false);
    view.addSeries(jsonSeries(u"plant/boiler/flow"_s, u"$.temp"_s, u"°C"_s, false, u"Flow"_s));
    view.addSeries(jsonSeries(u"plant/boiler/return"_s, u"$.temp"_s, u"°C"_s, false, u"Return"_s));
    view.addSeries(
        jsonSeries(u"plant/boiler/pressure"_s, u"$.bar"_s, u"bar"_s, false, u"Pressure"_s));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(waitLoaded(view));
    // Zoomed to about three days around the drop-out, the crosshair on it.
    const qint64 dropOut = kBaseUs + 5200LL * 60 * kSecond;
    QSignalSpy range(view.plot(), &ChartPlot::visibleRangeChanged);
    view.plot()->zoom(0.45, dropOut);
    QVERIFY(range.wait(2000));
    view.plot()->setCrosshair(dropOut);
    QCoreApplication::processEvents();
    QCOMPARE(view.plot()->crosshairText().size(), 4);
    QVERIFY(view.plot()->hasRightAxis());
    const QImage image = view.grab().toImage();
    const QStringList problems = ScreenshotCheck::problems(
        &view, image, {view.plot(), view.legend(), view.statusLabel(), view.rangeCombo()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(
            ScreenshotCheck::themed(QDir(dir).filePath(u"charts-%1.png"_s.arg(language)))));
    }
}

QTEST_MAIN(TestChartsView)
#include "tst_charts_view.moc"
