// The Charts page of a connection: several chart panels, made on the first show, restored
// in order from a real ProfileRecords over a temporary SQLite database and saved as a whole
// list on every change; removing asks when a panel has series and never leaves the page
// without one; "Chart this" goes to the current panel and asks for the page to be shown; a
// cleared history reaches every panel; the new buttons are named and reachable by keyboard.
// Offscreen; MQTTDESK_SCREENSHOT_DIR set saves charts-panels-<language>.png.
#include "core/inspector/json_index.h"
#include "core/series/series_loader.h"
#include "core/workspace/profile_records.h"
#include "tests/charts/charts_test_support.h"
#include "tests/storage/support/message_factory.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/scripted_prompts.h"
#include "ui/charts/chart_legend.h"
#include "ui/charts/chart_panel_frame.h"
#include "ui/charts/chart_plot.h"
#include "ui/charts/chart_this.h"
#include "ui/charts/charts_page.h"
#include "ui/charts/charts_view.h"
#include "ui/i18n/language.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QCborMap>
#include <QCborValue>
#include <QCheckBox>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace mqttdesk;
using namespace Qt::StringLiterals;
using mqttdesk::test::makeMessage;

namespace {

constexpr qint64 kBaseUs = test::kChartBaseUs;
constexpr qint64 kSecond = test::kChartSecond;

// A JSON path series with a legend name and a unit.
ChartSeriesSpec jsonSeries(const QString &filter, const QString &path, const QString &name = {},
                           const QString &unit = {})
{
    return test::jsonSeries(filter, path, unit, false, name);
}

QList<ChartSeriesSpec> specsOf(const QJsonObject &panel)
{
    QList<ChartSeriesSpec> specs;
    for (const QJsonValue &value : panel.value(u"series"_s).toArray())
        specs << ChartSeriesSpec::fromJson(value.toObject()).value_or(ChartSeriesSpec{});
    return specs;
}

// What storage holds for the profile, read with a ProfileRecords of its own.
QList<QJsonObject> storedPanels(const QString &path, qint64 profile)
{
    ProfileRecords records(path, profile);
    std::optional<QList<QJsonObject>> loaded;
    records.loadChartPanels(
        [&loaded](const QList<QJsonObject> &panels, const StorageError &) { loaded = panels; });
    if (!QTest::qWaitFor([&loaded] { return loaded.has_value(); }, 10000))
        return {};
    return *loaded;
}

// The page of profile 1 over a store, with its records and loader, shown and restored.
struct Fixture
{
    explicit Fixture(StreamTestStore &store)
        : records(std::make_unique<ProfileRecords>(store.path(), 1))
        , loader(std::make_unique<SeriesLoader>(store.path()))
        , page(std::make_unique<ChartsPage>(
              [this] {
                  ++loaderAsked;
                  return loader.get();
              },
              1, records.get(), nullptr))
    {
        page->resize(1000, 800);
    }
    bool showAndRestore()
    {
        QSignalSpy restored(page.get(), &ChartsPage::restored);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return false;
        return page->isRestored() || restored.wait(10000);
    }
    // Waits for every save asked so far.
    bool saveAnswered(QSignalSpy &saved, int count)
    {
        return QTest::qWaitFor([&saved, count] { return saved.size() >= count; }, 10000);
    }

    int loaderAsked = 0;
    std::unique_ptr<ProfileRecords> records;
    std::unique_ptr<SeriesLoader> loader;
    std::unique_ptr<ChartsPage> page;
};

bool waitLoaded(const ChartsView *view)
{
    return QTest::qWaitFor([view] { return !view->isLoading(); }, 30000);
}

} // namespace

class TestChartsPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void panelsAreMadeOnFirstShow();
    void panelsRoundTripInOrder();
    void removingAsksWhenThePanelHasSeries();
    void chartThisGoesToTheCurrentPanel();
    void chartThisBeforeTheFirstShow();
    void historyClearedReachesEveryPanel();
    void buttonsAreNamedAndReachable();
    void chartThisSuggestions();
    void screenshots_data();
    void screenshots();
};

void TestChartsPage::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    Language::install(*qApp, u"en"_s);
}

void TestChartsPage::panelsAreMadeOnFirstShow()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    Fixture f(store);
    // Nothing is made (no loader thread) until the page is shown.
    QCOMPARE(f.loaderAsked, 0);
    QVERIFY(f.page->chartsViews().isEmpty());
    QVERIFY(!f.page->chartsView());
    QVERIFY(f.showAndRestore());
    QCOMPARE(f.loaderAsked, 1);
    QCOMPARE(f.page->chartsViews().size(), 1);
    QCOMPARE(f.page->chartsView(), f.page->chartsViews().first());
    QCOMPARE(f.page->panels().first()->title(), u"Chart 1"_s);
    // Nothing was saved for a profile without charts.
    QVERIFY(storedPanels(store.path(), 1).isEmpty());
    // A page without a history to chart shows nothing and adds nothing.
    ChartsPage empty([] { return nullptr; }, 1, nullptr, nullptr);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    QVERIFY(!empty.addPanel());
    QVERIFY(empty.chartsViews().isEmpty());
}

void TestChartsPage::panelsRoundTripInOrder()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    const ChartSeriesSpec flow = jsonSeries(u"plant/flow"_s, u"$.t"_s, u"Flow"_s, u"°C"_s);
    const ChartSeriesSpec pressure = jsonSeries(u"plant/pressure"_s, u"$.bar"_s, u"Pressure"_s);
    const ChartSeriesSpec level = jsonSeries(u"plant/level"_s, u"$.l"_s);
    {
        Fixture f(store);
        QVERIFY(f.showAndRestore());
        QSignalSpy saved(f.page.get(), &ChartsPage::saved);
        f.page->chartsViews().at(0)->addSeries(flow);
        ChartsView *second = f.page->addPanel();
        QVERIFY(second);
        second->addSeries(level);
        ChartsView *third = f.page->addPanel();
        third->addSeries(pressure);
        third->setRange(ChartsView::Range::All);
        QCOMPARE(f.page->chartsViews().size(), 3);
        QCOMPARE(f.page->splitter()->count(), 3);
        QCOMPARE(f.page->panels().at(0)->title(), u"Flow"_s);
        QCOMPARE(f.page->panels().at(1)->title(), u"plant/level $.l"_s);
        // Every change saved the whole list: 1 + (1 + 1) + (1 + 1 + 1).
        QVERIFY(f.saveAnswered(saved, 6));
        QList<QJsonObject> stored = storedPanels(store.path(), 1);
        QCOMPARE(stored.size(), 3);
        QCOMPARE(specsOf(stored.at(0)), QList<ChartSeriesSpec>{flow});
        QCOMPARE(specsOf(stored.at(1)), QList<ChartSeriesSpec>{level});
        QCOMPARE(specsOf(stored.at(2)), QList<ChartSeriesSpec>{pressure});
        QCOMPARE(stored.at(2).value(u"range"_s).toString(), u"all"_s);
        // Removing the middle one saves the other two, in their order.
        f.page->removePanel(1);
        QCOMPARE(f.page->chartsViews().size(), 2);
        QCOMPARE(f.page->panels().at(1)->title(), u"Pressure"_s);
        QVERIFY(f.saveAnswered(saved, 7));
        stored = storedPanels(store.path(), 1);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(specsOf(stored.at(0)), QList<ChartSeriesSpec>{flow});
        QCOMPARE(specsOf(stored.at(1)), QList<ChartSeriesSpec>{pressure});
    }
    // As after a restart: the same panels in the same order, and restoring saves nothing.
    Fixture again(store);
    QSignalSpy saved(again.page.get(), &ChartsPage::saved);
    QVERIFY(again.showAndRestore());
    const QList<ChartsView *> views = again.page->chartsViews();
    QCOMPARE(views.size(), 2);
    QCOMPARE(views.at(0)->seriesSpecs(), QList<ChartSeriesSpec>{flow});
    QCOMPARE(views.at(1)->seriesSpecs(), QList<ChartSeriesSpec>{pressure});
    QCOMPARE(views.at(1)->range(), ChartsView::Range::All);
    QCOMPARE(again.page->panels().at(0)->title(), u"Flow"_s);
    QCOMPARE(again.page->panels().at(1)->number(), 2);
    QCoreApplication::processEvents();
    QCOMPARE(saved.size(), 0);
}

void TestChartsPage::removingAsksWhenThePanelHasSeries()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    Fixture f(store);
    QVERIFY(f.showAndRestore());
    ScriptedPrompts prompts;
    // The only panel, empty: nothing to remove.
    QVERIFY(!f.page->panels().first()->removeButton()->isEnabled());
    f.page->chartsViews().first()->addSeries(jsonSeries(u"a"_s, u"$.v"_s, u"A"_s));
    QVERIFY(f.page->panels().first()->removeButton()->isEnabled());
    f.page->addPanel();
    QCOMPARE(f.page->chartsViews().size(), 2);
    // An empty panel goes without a question.
    f.page->panels().at(1)->removeButton()->click();
    QCOMPARE(f.page->chartsViews().size(), 1);
    QCOMPARE(prompts.count(Prompts::Kind::Question), 0);
    f.page->addPanel();
    // One with series asks; declined, it stays.
    prompts.acceptNext(false);
    f.page->panels().at(0)->removeButton()->click();
    QCOMPARE(prompts.count(Prompts::Kind::Question), 1);
    QVERIFY2(prompts.last(Prompts::Kind::Question).text.contains(u"\"A\""_s),
             qPrintable(prompts.last(Prompts::Kind::Question).text));
    QVERIFY(prompts.last(Prompts::Kind::Question).destructive);
    QCOMPARE(f.page->chartsViews().size(), 2);
    // Accepted, it goes; the other becomes "Chart 1".
    prompts.acceptNext(true);
    f.page->panels().at(0)->removeButton()->click();
    QCOMPARE(f.page->chartsViews().size(), 1);
    QCOMPARE(f.page->panels().first()->title(), u"Chart 1"_s);
    // Removing the only panel that has series leaves an empty one: the page is never bare.
    f.page->chartsViews().first()->addSeries(jsonSeries(u"b"_s, u"$.v"_s));
    prompts.acceptNext(true);
    f.page->panels().first()->removeButton()->click();
    QCOMPARE(f.page->chartsViews().size(), 1);
    QVERIFY(f.page->chartsView()->seriesSpecs().isEmpty());
    QSignalSpy saved(f.page.get(), &ChartsPage::saved);
    QVERIFY(saved.wait(10000));
    QTRY_COMPARE(storedPanels(store.path(), 1).size(), 1);
    QVERIFY(specsOf(storedPanels(store.path(), 1).first()).isEmpty());
}

void TestChartsPage::chartThisGoesToTheCurrentPanel()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    Fixture f(store);
    QVERIFY(f.showAndRestore());
    f.page->addPanel();
    f.page->addPanel();
    QCOMPARE(f.page->chartsViews().size(), 3);
    QSignalSpy shown(f.page.get(), &ChartsPage::showRequested);
    QSignalSpy saved(f.page.get(), &ChartsPage::saved);
    // The panel added last is current.
    const ChartSeriesSpec a = jsonSeries(u"a"_s, u"$.v"_s);
    f.page->chartThis(a);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(f.page->chartsViews().at(2)->seriesSpecs(), QList<ChartSeriesSpec>{a});
    QVERIFY(f.page->panels().at(2)->isCurrent());
    // A click on the first panel's header makes it current (its title is marked).
    QTest::mouseClick(f.page->panels().at(0)->titleLabel(), Qt::LeftButton);
    QCOMPARE(f.page->currentPanel(), 0);
    QVERIFY(f.page->panels().at(0)->isCurrent());
    QVERIFY(f.page->panels().at(0)->titleLabel()->font().bold());
    QVERIFY(!f.page->panels().at(2)->titleLabel()->font().bold());
    const ChartSeriesSpec b = jsonSeries(u"b"_s, u"$.v"_s);
    f.page->chartThis(b);
    QCOMPARE(f.page->chartsViews().at(0)->seriesSpecs(), QList<ChartSeriesSpec>{b});
    QCOMPARE(f.page->chartsView(), f.page->chartsViews().at(0));
    // So does focus inside a panel (its chart's toolbar or plot).
    f.page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f.page.get()));
    f.page->chartsViews().at(1)->plot()->setFocus();
    QTRY_COMPARE(f.page->currentPanel(), 1);
    const ChartSeriesSpec c = jsonSeries(u"c"_s, u"$.v"_s);
    f.page->chartThis(c);
    QCOMPARE(f.page->chartsViews().at(1)->seriesSpecs(), QList<ChartSeriesSpec>{c});
    QCOMPARE(shown.size(), 3);
    // Each was saved where it went.
    QVERIFY(f.saveAnswered(saved, 3));
    const QList<QJsonObject> stored = storedPanels(store.path(), 1);
    QCOMPARE(stored.size(), 3);
    QCOMPARE(specsOf(stored.at(0)), QList<ChartSeriesSpec>{b});
    QCOMPARE(specsOf(stored.at(1)), QList<ChartSeriesSpec>{c});
    QCOMPARE(specsOf(stored.at(2)), QList<ChartSeriesSpec>{a});
    // The current panel removed: the last one is current again.
    f.page->removePanel(1);
    QCOMPARE(f.page->currentPanel(), 1);
}

void TestChartsPage::chartThisBeforeTheFirstShow()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    const ChartSeriesSpec saved1 = jsonSeries(u"s1"_s, u"$.v"_s);
    const ChartSeriesSpec saved2 = jsonSeries(u"s2"_s, u"$.v"_s);
    {
        Fixture f(store);
        QVERIFY(f.showAndRestore());
        QSignalSpy saved(f.page.get(), &ChartsPage::saved);
        f.page->chartsView()->addSeries(saved1);
        f.page->addPanel()->addSeries(saved2);
        QVERIFY(f.saveAnswered(saved, 3));
    }
    // "Chart this" on a page never shown: the panels are made, the saved ones restored,
    // and the series joins the last of them (not an empty first panel that restoring
    // would overwrite).
    Fixture f(store);
    QSignalSpy shown(f.page.get(), &ChartsPage::showRequested);
    QSignalSpy restored(f.page.get(), &ChartsPage::restored);
    QSignalSpy saved(f.page.get(), &ChartsPage::saved);
    const ChartSeriesSpec added = jsonSeries(u"new"_s, u"$.v"_s);
    f.page->chartThis(added);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(f.loaderAsked, 1);
    QVERIFY(restored.wait(10000));
    const QList<ChartsView *> views = f.page->chartsViews();
    QCOMPARE(views.size(), 2);
    QCOMPARE(views.at(0)->seriesSpecs(), QList<ChartSeriesSpec>{saved1});
    QCOMPARE(views.at(1)->seriesSpecs(), (QList<ChartSeriesSpec>{saved2, added}));
    QVERIFY(f.saveAnswered(saved, 1));
    const QList<QJsonObject> stored = storedPanels(store.path(), 1);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(specsOf(stored.at(1)), (QList<ChartSeriesSpec>{saved2, added}));
}

void TestChartsPage::historyClearedReachesEveryPanel()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    QList<StoredMessage> messages;
    for (int i = 0; i < 100; ++i) {
        const QByteArray payload = "{\"v\":" + QByteArray::number(i) + "}";
        messages << makeMessage(1, u"a"_s, payload, kBaseUs + i * kSecond)
                 << makeMessage(1, u"b"_s, payload, kBaseUs + i * kSecond + 1);
    }
    QVERIFY(store.store(messages));
    Fixture f(store);
    QVERIFY(f.showAndRestore());
    ChartsView *first = f.page->chartsView();
    first->setRange(ChartsView::Range::All);
    first->addSeries(jsonSeries(u"a"_s, u"$.v"_s));
    ChartsView *second = f.page->addPanel();
    second->setRange(ChartsView::Range::All);
    second->addSeries(jsonSeries(u"b"_s, u"$.v"_s));
    QVERIFY(waitLoaded(first) && waitLoaded(second));
    QTRY_COMPARE(first->plottedValues(), 100);
    QTRY_COMPARE(second->plottedValues(), 100);
    QVERIFY(!store.writer()->eraseProfile(1, 10000).isError());
    f.loader->dropCached(1);
    f.page->historyCleared();
    QTRY_COMPARE_WITH_TIMEOUT(first->plottedValues(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(second->plottedValues(), 0, 10000);
}

void TestChartsPage::buttonsAreNamedAndReachable()
{
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    Fixture f(store);
    QVERIFY(f.showAndRestore());
    f.page->chartsView()->addSeries(jsonSeries(u"a"_s, u"$.v"_s, u"Flow"_s));
    f.page->addPanel();
    QPushButton *add = f.page->addButton();
    QVERIFY(!add->toolTip().isEmpty());
    QCOMPARE(add->text(), u"Add c&hart"_s);
    QVERIFY(add->focusPolicy() & Qt::TabFocus);
    for (ChartPanelFrame *panel : f.page->panels()) {
        QToolButton *remove = panel->removeButton();
        QVERIFY(!remove->toolTip().isEmpty());
        QVERIFY(!remove->accessibleName().isEmpty());
        QVERIFY(remove->focusPolicy() & Qt::TabFocus);
        QVERIFY(remove->isEnabled());
    }
    QCOMPARE(f.page->panels().at(0)->removeButton()->accessibleName(), u"Remove chart: Flow"_s);
    QCOMPARE(f.page->panels().at(1)->removeButton()->accessibleName(), u"Remove chart: Chart 2"_s);
    // Tab goes from Add chart to the first panel's remove button, then through that chart's
    // toolbar, and on to the second panel's.
    f.page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f.page.get()));
    add->setFocus();
    QTRY_VERIFY(add->hasFocus());
    QTest::keyClick(add, Qt::Key_Tab);
    QTRY_VERIFY(f.page->panels().at(0)->removeButton()->hasFocus());
    QToolButton *secondRemove = f.page->panels().at(1)->removeButton();
    bool reached = false;
    for (int i = 0; i < 60 && !reached; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached = secondRemove->hasFocus();
    }
    QVERIFY(reached);
    QCOMPARE(f.page->currentPanel(), 1);
    // Space on it removes the panel (empty: no question); focus stays on the page.
    ScriptedPrompts prompts;
    QTest::keyClick(secondRemove, Qt::Key_Space);
    QTRY_COMPARE(f.page->chartsViews().size(), 1);
    QVERIFY(f.page->isAncestorOf(QApplication::focusWidget()));
}

void TestChartsPage::chartThisSuggestions()
{
    using Kind = ExtractorSpec::Kind;
    // A plain number (spaces around it allowed): charted as it is.
    ChartThis::Suggestion s = ChartThis::forMessage(u"t"_s, " -21.5e0\n");
    QVERIFY(s.complete);
    QCOMPARE(s.spec.topicFilter, u"t"_s);
    QCOMPARE(s.spec.extractor.kind, Kind::Text);
    QVERIFY(ChartThis::chartsAsIs("42", u"auto"_s));
    QVERIFY(!ChartThis::chartsAsIs("42", u"numeric"_s));
    QVERIFY(!ChartThis::chartsAsIs("21 °C"));
    // JSON: asked, with the first value a chart reads as a number, in document order.
    s = ChartThis::forMessage(u"t"_s, R"({"id":"x","ok":true,"a":{"b":["n/a","7"]},"z":1})");
    QVERIFY(!s.complete);
    QCOMPARE(s.spec.extractor.kind, Kind::JsonPath);
    QCOMPARE(s.spec.extractor.path, u"$.a.b[1]"_s);
    // Words: asked, as a number from text (the user picks).
    s = ChartThis::forMessage(u"t"_s, "ON");
    QVERIFY(!s.complete);
    QCOMPARE(s.spec.extractor.kind, Kind::Text);
    // CBOR, by Auto or chosen: a decoded field.
    const QByteArray cbor = QCborValue(QCborMap{{u"v"_s, 3.5}}).toCbor();
    s = ChartThis::forMessage(u"t"_s, cbor);
    QCOMPARE(s.spec.extractor.kind, Kind::Decoded);
    QCOMPARE(s.spec.extractor.decoder, u"cbor"_s);
    QCOMPARE(s.spec.extractor.path, u"$.v"_s);
    // Chosen by a decoding rule: read as the rules show it.
    s = ChartThis::forMessage(u"t"_s, cbor, u"cbor"_s, {}, true);
    QCOMPARE(s.spec.extractor.decoder, QString(ExtractorSpec::kRulesDecoder));
    QCOMPARE(s.spec.extractor.path, u"$.v"_s);
    // A numeric array: its first element, with the layout.
    const QJsonObject layout{{u"type"_s, u"int16"_s}, {u"endian"_s, u"big"_s}};
    s = ChartThis::forMessage(u"t"_s, QByteArray(4, '\0'), u"numeric"_s, layout);
    QCOMPARE(s.spec.extractor.kind, Kind::NumericArray);
    QCOMPARE(s.spec.extractor.index, 0);
    QCOMPARE(s.spec.extractor.decoderOptions.value(u"type"_s).toString(), u"int16"_s);
    // A subtree: every topic below, a line each, always asked.
    s = ChartThis::forSubtree(u"plant"_s, "12");
    QVERIFY(!s.complete);
    QCOMPARE(s.spec.topicFilter, u"plant/#"_s);
    QVERIFY(s.spec.perTopic);
    // Sparkplug B's rendering: a metric by its name (or its alias when it has none).
    const JsonIndex sparkplug = JsonIndex::parse(
        R"({"timestamp":1,"metrics":[{"name":"Mode","value":"auto"},)"
        R"({"name":"Temp","alias":4,"value":21.5},{"alias":7,"value":2}],"seq":3})");
    QCOMPARE(ChartThis::sparkplugMetric(sparkplug), u"Temp"_s);
    QCOMPARE(ChartThis::sparkplugMetric(sparkplug, u"$.metrics[2].value"_s), u"7"_s);
    QCOMPARE(ChartThis::sparkplugMetric(sparkplug, u"$.metrics[0].value"_s), QString());
    QCOMPARE(ChartThis::sparkplugMetric(sparkplug, u"$.timestamp"_s), QString());
}

void TestChartsPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestChartsPage::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(*qApp, language).startsWith(language));
    const auto english = qScopeGuard([] { Language::install(*qApp, u"en"_s); });
    StreamTestStore store;
    QVERIFY(store.isReady() && store.ensureProfile(1));
    // A day of a boiler, a reading a minute: two temperatures and a pressure.
    QList<StoredMessage> messages;
    for (int m = 0; m < 24 * 60; ++m) {
        const qint64 t = kBaseUs + qint64(m) * 60 * kSecond;
        const double day = std::sin(m * 2 * M_PI / 1440.0);
        messages << makeMessage(1, u"plant/boiler/flow"_s,
                                "{\"temp\":" + QByteArray::number(62 + 6 * day, 'f', 2) + "}", t)
                 << makeMessage(1, u"plant/boiler/return"_s,
                                "{\"temp\":" +
                                    QByteArray::number(48 + 4 * std::cos(m / 200.0), 'f', 2) + "}",
                                t + 1)
                 << makeMessage(1, u"plant/boiler/pressure"_s,
                                "{\"bar\":" +
                                    QByteArray::number(1.6 + 0.15 * day + (m % 300 < 20 ? 0.3 : 0),
                                                       'f', 3) +
                                    "}",
                                t + 2);
    }
    QVERIFY(store.store(messages));
    Fixture f(store);
    f.page->resize(1280, 800);
    QVERIFY(f.showAndRestore());
    ChartsView *temps = f.page->chartsView();
    temps->setRange(ChartsView::Range::All);
    temps->setFollowLive(false);
    temps->addSeries(jsonSeries(u"plant/boiler/flow"_s, u"$.temp"_s, u"Flow"_s, u"°C"_s));
    temps->addSeries(jsonSeries(u"plant/boiler/return"_s, u"$.temp"_s, u"Return"_s, u"°C"_s));
    ChartsView *pressure = f.page->addPanel();
    pressure->setRange(ChartsView::Range::All);
    pressure->setFollowLive(false);
    pressure->addSeries(
        jsonSeries(u"plant/boiler/pressure"_s, u"$.bar"_s, u"Pressure"_s, u"bar"_s));
    QVERIFY(waitLoaded(temps) && waitLoaded(pressure));
    QTRY_VERIFY(temps->plottedValues() > 0 && pressure->plottedValues() > 0);
    // The legends ask for room once their entries are shown.
    for (ChartPanelFrame *panel : f.page->panels()) {
        const ChartLegend *legend = panel->view()->legend();
        QTRY_VERIFY(legend->count() > 0 && legend->entry(legend->count() - 1)->isVisible() &&
                    legend->height() >= legend->sizeHint().height());
    }
    const QImage image = f.page->grab().toImage();
    QList<const QWidget *> keys{f.page->addButton()};
    for (ChartPanelFrame *panel : f.page->panels())
        keys << panel->titleLabel() << panel->removeButton() << panel->view()->plot()
             << panel->view()->legend() << panel->view()->statusLabel();
    const QStringList problems = ScreenshotCheck::problems(f.page.get(), image, keys);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(
            ScreenshotCheck::themed(QDir(dir).filePath(u"charts-panels-%1.png"_s.arg(language)))));
    }
}

QTEST_MAIN(TestChartsPage)
#include "tst_charts_page.moc"
