// Issue 18 end to end, over the path a user takes: a real mosquitto (the test fixture), the
// app's ConnectionServices (connection on its thread, the storing sink, the SQLite history)
// under a ConnectionView subscribed to charts/test/# at QoS 1 through its subscription panel,
// and the view's own Charts tab (ChartsPage -> ChartsView over the services' SeriesLoader,
// following live). The real `mosquitto_pub -l` (one process, one message per stdin line,
// QoS 1) sends 1,000 numbers (integers, negatives, 12.50-style decimals, exponents, 2^53+1,
// the largest double, a subnormal, an underflow, padded and '+'-signed text) mixed with
// lines that are no numbers. The chart must hold exactly the numbers sent, in the order
// sent, as its CSV export shows, and name the others in its status line as skipped. The same
// with JSON payloads {"t":i,"v":x} read by $.v. Then "Clear history" (ConnectionView's, as the
// stream's button does): the chart reads again, shows 0 values, and fills again with what
// comes next.
#include "core/connection/connection.h"
#include "core/storage/message_writer.h"
#include "core/workspace/connection_services.h"
#include "tests/fixture/test_broker.h"
#include "tests/stream/stream_test_support.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/charts/charts_page.h"
#include "ui/charts/charts_view.h"
#include "ui/i18n/language.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cmath>
#include <limits>
#include <optional>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWait = 15000;
constexpr int kStoreWait = 60000; // 1,000 QoS 1 messages through mosquitto and SQLite
constexpr int kCount = 1000;
const QString kFilter = u"charts/test/#"_s;

// One line for mosquitto_pub -l: its payload and, for a number, the value the chart must show.
struct Line
{
    QByteArray payload;
    std::optional<double> value; // nothing: skipped
};

// The value of a decimal text, read by Qt's own conversion (always the C locale), not by
// the extractor under test.
double decimal(const QByteArray &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        qFatal("the test's own number %s does not parse", text.constData());
    return value;
}

// The i-th of 1,000 numbers, as the text a device would send and the double it means. Every
// form the Text rule accepts, and the edges of a double.
Line number(int i)
{
    const QByteArray n = QByteArray::number(i);
    switch (i) {
    case 8: // 2^53 + 1: the nearest double is 2^53 (ties to even)
        return {"9007199254740993", 9007199254740992.0};
    case 18:
        return {"-9007199254740993", -9007199254740992.0};
    case 500:
        return {"1.7976931348623157e308", std::numeric_limits<double>::max()};
    case 501:
        return {"-4.9406564584124654E-324", -std::numeric_limits<double>::denorm_min()};
    case 502: // below the smallest subnormal: an underflow reads as zero, not a gap
        return {"1e-400", 0.0};
    case 503:
        return {"0", 0.0};
    case 504:
        return {"0.1", 0.1};
    }
    switch (i % 10) {
    case 0:
        return {n, double(i)};
    case 1:
        return {'-' + n, -double(i)};
    case 2:
        return {n + ".50", i + 0.5};
    case 3:
        return {n + "e-3", decimal(n + "e-3")};
    case 4:
        return {'-' + n + ".25E+2", -(i + 0.25) * 100};
    case 5:
        return {"  " + n + ' ', double(i)}; // ASCII whitespace is trimmed
    case 6:
        return {'+' + n, double(i)};
    case 7:
        return {'.' + n.rightJustified(3, '0'), decimal("0." + n.rightJustified(3, '0'))};
    case 8:
        return {n + ".125e10", (i + 0.125) * 1e10};
    default:
        return {n + ".1", decimal(n + ".1")};
    }
}

// 1,000 numbers as text, and between them seven lines that are not numbers.
QList<Line> textLines()
{
    QList<Line> lines;
    const QHash<int, QByteArray> others{
        {0, "n/a"}, // not a number
        {100, "21 \xc2\xb0"
              "C"},    // not a number: a unit after it
        {250, "0x10"}, // not a number: hex is not taken
        {400, "1,5"},  // not a number: a decimal comma
        {600, ""},     // missing: an empty payload
        {800, "NaN"},  // not finite
        {999, "-inf"}, // not finite, just before the last value
    };
    for (int i = 0; i < kCount; ++i) {
        if (others.contains(i))
            lines << Line{others.value(i), std::nullopt};
        lines << number(i);
    }
    return lines;
}

// 1,000 values {"t":i,"v":x}, x written as JSON numbers, numeric strings and booleans, and
// between them six payloads that give no value.
QList<Line> jsonLines()
{
    QList<Line> lines;
    const QHash<int, QByteArray> others{
        {0, R"({"t":-1,"v":"n/a"})"},   // not a number: a string of words
        {200, R"({"t":-1,"v":null})"},  // not a number
        {300, R"({"t":-1})"},           // missing
        {450, ""},                      // missing: an empty payload
        {700, R"({"t":-1,"v":1e999})"}, // not finite
        {999, "v=12"},                  // not JSON
    };
    for (int i = 0; i < kCount; ++i) {
        if (others.contains(i))
            lines << Line{others.value(i), std::nullopt};
        Line line = number(i);
        QByteArray v = line.payload.trimmed();
        if (v.startsWith('+') || v.startsWith('.'))
            v = '"' + v + '"'; // not JSON numbers: as numeric strings ("21.5" is taken)
        if (i % 100 == 33) {
            v = "true";
            line.value = 1;
        } else if (i % 100 == 66) {
            v = "false";
            line.value = 0;
        } else if (i % 100 == 79) { // "979.1"
            v = '"' + v + '"';
        }
        lines << Line{R"({"t":)" + QByteArray::number(i) + R"(,"v":)" + v + '}', line.value};
    }
    return lines;
}

ChartSeriesSpec series(const QString &name, const QString &filter, ExtractorSpec::Kind kind,
                       const QString &path = {})
{
    ChartSeriesSpec spec;
    spec.name = name;
    spec.topicFilter = filter;
    spec.extractor.kind = kind;
    spec.extractor.path = path;
    return spec;
}

struct CsvRow
{
    QString time;
    double epochMs = 0;
    QString series;
    QString value;
};

// The CSV's header and rows (no field here needs quotes).
bool readCsv(const QString &path, QString *header, QList<CsvRow> *rows)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    if (lines.isEmpty() || !lines.last().isEmpty()) // every line ends with \n
        return false;
    *header = lines.first();
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QStringList fields = lines.at(i).split(u',');
        if (fields.size() != 4)
            return false;
        *rows << CsvRow{fields.at(0), fields.at(1).toDouble(), fields.at(2), fields.at(3)};
    }
    return true;
}

// "37 values skipped: not a number; 2 missing" (the English catalogue's plural, or the
// source's "value(s)" when it has none).
bool hasSkipped(const QString &status, const QString &text)
{
    return status.contains(text) ||
           status.contains(QString(text).replace(u"values skipped"_s, u"value(s) skipped"_s));
}

} // namespace

class TestChartsBroker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void textValuesAreExactlyThoseSent();
    void jsonValuesAreExactlyThoseSent();
    void chartSurvivesAHistoryClear();

private:
    void publishAndWait(const QString &topic, const QList<Line> &lines);
    ChartsView *openChart(const ChartSeriesSpec &spec);
    void compareCsv(ChartsView *view, const QString &name, const QList<Line> &lines);

    TestBroker m_broker;
    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<ConnectionServices> m_services;
    std::unique_ptr<ConnectionView> m_view;
    qint64 m_stored = 0;      // rows the writer committed for the profile
    qint64 m_publishedMs = 0; // the wall clock before the last publish began
    qint64 m_storedMs = 0;    // ... and once all of it was stored
};

void TestChartsBroker::initTestCase()
{
    Language::install(*qApp, u"en"_s);
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestChartsBroker::cleanupTestCase()
{
    m_broker.stop();
}

void TestChartsBroker::init()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
    m_stored = 0;
    connect(m_store->writer(), &MessageWriter::rowsAppended, this,
            [this](qint64 profileId, qint64, qint64, qint64 count) {
                if (profileId == 1)
                    m_stored += count;
            });

    ConnectionSettings settings;
    settings.transport.kind = TransportOptions::Kind::Tcp;
    settings.transport.host = TestBroker::host();
    settings.transport.port = m_broker.port(TestBroker::Listener::Plain);
    settings.transport.connectTimeoutMs = 5000;
    settings.session.version = ProtocolVersion::V5;
    settings.session.clientId =
        u"desk-charts-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    settings.session.reconnect.enabled = false;
    ConnectionServices::Options options;
    options.profileId = 1;
    options.writer = m_store->writer();
    options.databasePath = m_store->path();
    m_services = std::make_unique<ConnectionServices>(settings, options);
    ConnectionView::Context context;
    context.services = m_services.get();
    context.version = ProtocolVersion::V5;
    m_view = std::make_unique<ConnectionView>(context);
    QVERIFY(!m_view->openError().isError());
    m_view->resize(1280, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_services->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Connected, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->publishBar()->isConnected(), kWait);

    // Subscribed as the user does: the filter typed, QoS 1 chosen, Return.
    SubscriptionPanel *panel = m_view->subscriptionPanel();
    panel->filterEdit()->setText(kFilter);
    panel->qosBox()->setCurrentIndex(1);
    QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    const int row = m_view->subscriptions()->rowOfFilter(kFilter);
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_view->subscriptions()->at(row).state),
                              int(SubscriptionEntry::State::Active), kWait);
    QCOMPARE(int(m_view->subscriptions()->at(row).subscription.options.qos), 1);
}

void TestChartsBroker::cleanup()
{
    if (m_services) {
        m_services->connection()->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Disconnected,
                                  kWait);
    }
    m_view.reset();
    m_services.reset();
    m_store.reset();
}

// mosquitto_pub -l -q 1: one process, one message per line, in order. Returns once every
// line is stored in the history.
void TestChartsBroker::publishAndWait(const QString &topic, const QList<Line> &lines)
{
    QByteArray input;
    for (const Line &line : lines) {
        QVERIFY2(!line.payload.contains('\n'), line.payload.constData());
        input += line.payload + '\n';
    }
    const qint64 before = m_stored;
    m_publishedMs = QDateTime::currentMSecsSinceEpoch();
    QProcess pub;
    pub.setProcessChannelMode(QProcess::MergedChannels);
    pub.start(u"mosquitto_pub"_s, {u"-h"_s, TestBroker::host(), u"-p"_s,
                                   QString::number(m_broker.port(TestBroker::Listener::Plain)),
                                   u"-q"_s, u"1"_s, u"-t"_s, topic, u"-l"_s});
    QVERIFY2(pub.waitForStarted(kWait), qPrintable(pub.errorString()));
    QCOMPARE(pub.write(input), input.size());
    pub.closeWriteChannel();
    if (!pub.waitForFinished(kStoreWait)) {
        pub.kill();
        pub.waitForFinished(kWait);
        QFAIL(qPrintable(u"mosquitto_pub did not finish: "_s + QString::fromUtf8(pub.readAll())));
    }
    const QByteArray output = pub.readAll();
    QCOMPARE(pub.exitStatus(), QProcess::NormalExit);
    QVERIFY2(pub.exitCode() == 0, output.constData());
    // Every line, the empty one too (mosquitto_pub 2.0 sends a blank line as an empty
    // payload), and nothing else.
    QTRY_COMPARE_WITH_TIMEOUT(m_stored - before, qint64(lines.size()), kStoreWait);
    m_storedMs = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(m_services->messagesNotStored(), 0);
}

// The connection's Charts tab (opened as the user does) with `spec` as its only series over
// the whole history, following live.
ChartsView *TestChartsBroker::openChart(const ChartSeriesSpec &spec)
{
    ChartsPage *page = m_view->chartsPage();
    m_view->views()->setCurrentWidget(page);
    // Shown: the page makes its panels and restores the saved ones (none in a new history).
    [&] { QTRY_VERIFY_WITH_TIMEOUT(page->isRestored(), kWait); }();
    ChartsView *view = page->chartsView();
    if (!view)
        return nullptr;
    view->setRange(ChartsView::Range::All);
    view->setFollowLive(true);
    view->addSeries(spec);
    return view;
}

// The CSV export holds exactly the numbers of `lines`, in their order, and nothing else.
void TestChartsBroker::compareCsv(ChartsView *view, const QString &name, const QList<Line> &lines)
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"chart.csv"_s);
    QString why;
    QVERIFY2(view->exportCsv(path, &why), qPrintable(why));
    QString header;
    QList<CsvRow> rows;
    QVERIFY(readCsv(path, &header, &rows));
    QCOMPARE(header, u"time_utc,epoch_ms,series,value"_s);
    QList<Line> sent;
    for (const Line &line : lines)
        if (line.value)
            sent << line;
    QCOMPARE(sent.size(), kCount);
    QCOMPARE(rows.size(), sent.size());
    double previousMs = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const CsvRow &row = rows.at(i);
        QCOMPARE(row.series, name);
        bool ok = false;
        const double value = row.value.toDouble(&ok);
        QVERIFY2(ok, qPrintable(row.value));
        // Exactly: 17 significant digits give the double back.
        const double expected = *sent.at(i).value;
        if (value != expected || std::signbit(value) != std::signbit(expected))
            QFAIL(qPrintable(u"value %1: CSV %2, sent %3 (%4)"_s.arg(i)
                                 .arg(row.value)
                                 .arg(expected, 0, 'g', 17)
                                 .arg(QString::fromUtf8(sent.at(i).payload))));
        // Received (and stamped by the app) while mosquitto_pub ran, in order.
        QVERIFY2(row.epochMs >= double(m_publishedMs) && row.epochMs < double(m_storedMs + 1),
                 qPrintable(row.time));
        QVERIFY(row.epochMs >= previousMs);
        previousMs = row.epochMs;
        QVERIFY(row.time.endsWith(u'Z'));
    }
}

void TestChartsBroker::textValuesAreExactlyThoseSent()
{
    ChartsView *view =
        openChart(series(u"Text"_s, u"charts/test/text"_s, ExtractorSpec::Kind::Text));
    QVERIFY(view);
    const QList<Line> lines = textLines();
    QCOMPARE(lines.size(), kCount + 7);
    publishAndWait(u"charts/test/text"_s, lines);
    if (QTest::currentTestFailed())
        return;
    // Following live, the chart reads the new rows (at most four times a second).
    const QString skipped =
        u"4 values skipped: not a number; 1 missing; 2 not finite (NaN or infinity)"_s;
    QTRY_VERIFY2_WITH_TIMEOUT(!view->isLoading() && view->plottedValues() == kCount &&
                                  hasSkipped(view->statusLabel()->text(), skipped),
                              qPrintable(view->statusLabel()->text()), kStoreWait);
    QVERIFY2(view->statusLabel()->text().startsWith(u"1,000 values plotted"_s),
             qPrintable(view->statusLabel()->text()));
    compareCsv(view, u"Text"_s, lines);
    // Gaps are gaps: no drawn point lies outside the values sent.
    QCOMPARE(view->plot()->lines().size(), 1);
    for (const Downsampler::Point &p : view->plot()->lines().first().points)
        QVERIFY(std::isfinite(p.value));
}

void TestChartsBroker::jsonValuesAreExactlyThoseSent()
{
    ChartsView *view = openChart(
        series(u"JSON"_s, u"charts/test/+/json"_s, ExtractorSpec::Kind::JsonPath, u"$.v"_s));
    QVERIFY(view);
    const QList<Line> lines = jsonLines();
    QCOMPARE(lines.size(), kCount + 6);
    // Another topic under the subscription, not under the series' filter: not in the chart.
    publishAndWait(u"charts/test/other"_s, {Line{R"({"t":0,"v":42})", std::nullopt}});
    publishAndWait(u"charts/test/dev/json"_s, lines);
    if (QTest::currentTestFailed())
        return;
    const QString skipped = u"2 values skipped: not a number; 2 missing; 1 not finite (NaN or "
                            u"infinity); 1 not JSON"_s;
    QTRY_VERIFY2_WITH_TIMEOUT(!view->isLoading() && view->plottedValues() == kCount &&
                                  hasSkipped(view->statusLabel()->text(), skipped),
                              qPrintable(view->statusLabel()->text()), kStoreWait);
    compareCsv(view, u"JSON"_s, lines);
    // Read afresh (not from the live answers): the same.
    QSignalSpy loaded(view, &ChartsView::loaded);
    view->reload();
    QVERIFY(loaded.wait(kStoreWait));
    QVERIFY(!view->isLoading());
    QCOMPARE(view->plottedValues(), kCount);
    QVERIFY2(hasSkipped(view->statusLabel()->text(), skipped),
             qPrintable(view->statusLabel()->text()));
    compareCsv(view, u"JSON"_s, lines);
}

void TestChartsBroker::chartSurvivesAHistoryClear()
{
    ChartsView *view =
        openChart(series(u"Text"_s, u"charts/test/text"_s, ExtractorSpec::Kind::Text));
    QVERIFY(view);
    const QList<Line> lines = textLines();
    publishAndWait(u"charts/test/text"_s, lines);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->plottedValues() == kCount, kStoreWait);

    // Clear history as the stream's button does (after its confirmation).
    QSignalSpy cleared(m_view.get(), &ConnectionView::historyCleared);
    m_view->clearHistory();
    QVERIFY(cleared.wait(kStoreWait));
    QVERIFY2(!cleared.first().first().value<StorageError>().isError(),
             qPrintable(cleared.first().first().value<StorageError>().message));
    QTRY_VERIFY2_WITH_TIMEOUT(!view->isLoading() && view->plottedValues() == 0,
                              qPrintable(view->statusLabel()->text()), kWait);
    const QString status = view->statusLabel()->text();
    QVERIFY2(status.startsWith(u"0 values plotted"_s) || status.startsWith(u"0 value(s)"_s),
             qPrintable(status));
    QVERIFY2(!status.contains(u"skipped"_s), qPrintable(status));
    for (const ChartPlot::Line &line : view->plot()->lines())
        QVERIFY(line.points.isEmpty());
    QVERIFY(!view->grab().isNull());
    QTemporaryDir dir;
    QVERIFY(view->exportCsv(dir.filePath(u"empty.csv"_s)));
    QString header;
    QList<CsvRow> rows;
    QVERIFY(readCsv(dir.filePath(u"empty.csv"_s), &header, &rows));
    QCOMPARE(rows.size(), 0);

    // The chart goes on: the next values are stored and plotted, and only they.
    QList<Line> after;
    for (int i = 0; i < 10; ++i)
        after << Line{QByteArray::number(1000 + i), double(1000 + i)};
    publishAndWait(u"charts/test/text"_s, after);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY2_WITH_TIMEOUT(!view->isLoading() && view->plottedValues() == 10,
                              qPrintable(view->statusLabel()->text()), kStoreWait);
    QVERIFY(view->exportCsv(dir.filePath(u"after.csv"_s)));
    rows.clear();
    QVERIFY(readCsv(dir.filePath(u"after.csv"_s), &header, &rows));
    QCOMPARE(rows.size(), 10);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(rows.at(i).value, QString::number(1000 + i));
}

QTEST_MAIN(TestChartsBroker)
#include "tst_charts_broker.moc"
