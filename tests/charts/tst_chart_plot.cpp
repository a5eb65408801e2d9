#include "ui/charts/chart_plot.h"
#include "ui/i18n/language.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QImage>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kBaseUs = 1'700'000'000'000'000;
constexpr qint64 kSecond = 1'000'000;

QColor colour(int i)
{
    return Theme::subscriptionPalette().at(i);
}

// Whether a pixel within `area` is close to `wanted` (antialiasing blends the edges).
bool hasColour(const QImage &image, const QRect &area, const QColor &wanted, int tolerance = 60)
{
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - wanted.red()) + std::abs(c.green() - wanted.green()) +
                    std::abs(c.blue() - wanted.blue()) <=
                tolerance)
                return true;
        }
    }
    return false;
}

// A rising line over [0, 60 s]: one point a second.
ChartPlot::Line ramp(const QString &name, int colourIndex, const QString &unit = {},
                     double scale = 1)
{
    ChartPlot::Line line;
    line.name = name;
    line.colour = colour(colourIndex);
    line.unit = unit;
    for (int i = 0; i <= 60; ++i)
        line.points.append({kBaseUs + i * kSecond, i * scale});
    return line;
}

void sendWheel(QWidget *w, QPointF at, int delta)
{
    QWheelEvent event(at, w->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &event);
}

void sendMouse(QWidget *w, QEvent::Type type, QPointF at, Qt::MouseButton button,
               Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, at, w->mapToGlobal(at), button, buttons, modifiers);
    QApplication::sendEvent(w, &event);
}

} // namespace

class TestChartPlot : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pointsAreDrawn();
    void wheelZoomsAroundTheCursor();
    void keysZoomPanAndReset();
    void dragPans();
    void rubberBandZooms();
    void doubleClickResets();
    void spikeAmongManyPointsIsDrawn();
    void denseLineBreaksAtGaps();
    void secondAxisForAnotherUnit();
    void crosshairListsTheValues();
    void gapsBreakTheLine();
    void timeLabelsAdapt();
    void hiddenLinesAreNotDrawn();
    void accessible();

private:
    ChartPlot *m_plot = nullptr;
};

void TestChartPlot::initTestCase()
{
    Language::install(*qApp, u"en"_s);
}

void TestChartPlot::init()
{
    m_plot = new ChartPlot;
    m_plot->resize(640, 360);
    m_plot->setFullRange(kBaseUs, kBaseUs + 60 * kSecond);
    m_plot->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_plot));
}

void TestChartPlot::cleanup()
{
    delete m_plot;
    m_plot = nullptr;
}

void TestChartPlot::pointsAreDrawn()
{
    m_plot->setLines({ramp(u"ramp"_s, 0)});
    const QImage image = m_plot->grab().toImage();
    const QColor drawn = ChartPlot::drawnColour(colour(0), m_plot->palette());
    const QRectF area = m_plot->plotArea();
    // At every tenth of the width the line is there, higher each time (it rises), and only
    // once in the column.
    int previous = int(area.bottom()) + 1;
    for (int i = 1; i < 10; ++i) {
        const int x = int(m_plot->xOf(kBaseUs + i * 6 * kSecond));
        int top = -1;
        int bottom = -1;
        for (int y = int(area.top()) + 3; y < int(area.bottom()) - 2; ++y) {
            if (hasColour(image, QRect(x, y, 1, 1), drawn)) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
        QVERIFY2(top >= 0, qPrintable(u"no line at x %1"_s.arg(x)));
        QVERIFY2(bottom - top < 8, qPrintable(u"%1..%2 at x %3"_s.arg(top).arg(bottom).arg(x)));
        QVERIFY(top < previous);
        previous = top;
    }
    // It spans most of the height: the axis fits the values.
    const int first = int(m_plot->xOf(kBaseUs + kSecond));
    const int last = int(m_plot->xOf(kBaseUs + 59 * kSecond));
    QVERIFY(hasColour(
        image, QRect(first - 2, int(area.bottom()) - area.height() / 8, 5, int(area.height() / 8)),
        drawn));
    QVERIFY(hasColour(image, QRect(last - 2, int(area.top()), 5, int(area.height() / 8)), drawn));
}

void TestChartPlot::wheelZoomsAroundTheCursor()
{
    m_plot->setLines({ramp(u"ramp"_s, 0)});
    QSignalSpy spy(m_plot, &ChartPlot::visibleRangeChanged);
    const QRectF area = m_plot->plotArea();
    const QPointF at(area.left() + area.width() * 0.25, area.center().y());
    const qint64 under = m_plot->timeAt(at.x());
    sendWheel(m_plot, at, 120);
    QVERIFY(spy.wait(2000));
    const qint64 from = spy.last().at(0).toLongLong();
    const qint64 to = spy.last().at(1).toLongLong();
    QVERIFY(to - from < 60 * kSecond);
    QVERIFY(from > kBaseUs && to < kBaseUs + 60 * kSecond);
    QCOMPARE(from, m_plot->visibleFrom());
    QCOMPARE(to, m_plot->visibleTo());
    // The time under the cursor stays under it.
    QVERIFY(std::abs(m_plot->timeAt(at.x()) - under) < kSecond / 10);
    // Several events in one turn of the event loop: one signal.
    spy.clear();
    sendWheel(m_plot, at, 120);
    sendWheel(m_plot, at, 120);
    QVERIFY(spy.wait(2000));
    QCoreApplication::processEvents();
    QCOMPARE(spy.size(), 1);
    // Zooming out stops at the full range.
    for (int i = 0; i < 20; ++i)
        sendWheel(m_plot, at, -120);
    QVERIFY(spy.wait(2000));
    QCOMPARE(m_plot->visibleFrom(), kBaseUs);
    QCOMPARE(m_plot->visibleTo(), kBaseUs + 60 * kSecond);
}

void TestChartPlot::keysZoomPanAndReset()
{
    m_plot->setLines({ramp(u"ramp"_s, 0)});
    m_plot->setFocus();
    QSignalSpy spy(m_plot, &ChartPlot::visibleRangeChanged);
    QTest::keyClick(m_plot, Qt::Key_Plus);
    QTest::keyClick(m_plot, Qt::Key_Plus);
    QVERIFY(spy.wait(2000));
    const qint64 span = m_plot->visibleTo() - m_plot->visibleFrom();
    QVERIFY(span < 60 * kSecond);
    // Around the middle.
    const qint64 middle = (m_plot->visibleFrom() + m_plot->visibleTo()) / 2;
    QVERIFY(std::abs(middle - (kBaseUs + 30 * kSecond)) < kSecond);
    const qint64 before = m_plot->visibleFrom();
    QTest::keyClick(m_plot, Qt::Key_Left);
    QVERIFY(spy.wait(2000));
    QVERIFY(m_plot->visibleFrom() < before);
    QCOMPARE(m_plot->visibleTo() - m_plot->visibleFrom(), span);
    QTest::keyClick(m_plot, Qt::Key_Right);
    QTest::keyClick(m_plot, Qt::Key_Right);
    QVERIFY(spy.wait(2000));
    QVERIFY(m_plot->visibleFrom() > before);
    QTest::keyClick(m_plot, Qt::Key_Minus);
    QVERIFY(spy.wait(2000));
    QVERIFY(m_plot->visibleTo() - m_plot->visibleFrom() > span);
    QTest::keyClick(m_plot, Qt::Key_Home);
    QVERIFY(spy.wait(2000));
    QVERIFY(!m_plot->isZoomed());
    // Shift+arrows put the crosshair up and move it.
    QTest::keyClick(m_plot, Qt::Key_Right, Qt::ShiftModifier);
    QVERIFY(m_plot->crosshair());
    const qint64 at = *m_plot->crosshair();
    QTest::keyClick(m_plot, Qt::Key_Right, Qt::ShiftModifier);
    QVERIFY(*m_plot->crosshair() > at);
    QTest::keyClick(m_plot, Qt::Key_Escape);
    QVERIFY(!m_plot->crosshair());
}

void TestChartPlot::dragPans()
{
    m_plot->setLines({ramp(u"ramp"_s, 0)});
    m_plot->zoom(0.5, kBaseUs + 30 * kSecond);
    QSignalSpy spy(m_plot, &ChartPlot::visibleRangeChanged);
    const qint64 from = m_plot->visibleFrom();
    const qint64 span = m_plot->visibleTo() - from;
    const QRectF area = m_plot->plotArea();
    const QPointF start = area.center();
    const QPointF end = start + QPointF(area.width() / 5, 0);
    sendMouse(m_plot, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    sendMouse(m_plot, QEvent::MouseMove, end, Qt::NoButton, Qt::LeftButton);
    sendMouse(m_plot, QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
    QVERIFY(spy.wait(2000));
    // Dragged right by a fifth: a fifth of the span earlier.
    QCOMPARE(m_plot->visibleTo() - m_plot->visibleFrom(), span);
    QVERIFY(std::abs((from - m_plot->visibleFrom()) - span / 5) < span / 100);
}

void TestChartPlot::rubberBandZooms()
{
    m_plot->setLines({ramp(u"ramp"_s, 0)});
    QSignalSpy spy(m_plot, &ChartPlot::visibleRangeChanged);
    const QRectF area = m_plot->plotArea();
    const QPointF a(area.left() + area.width() * 0.5, area.center().y());
    const QPointF b(area.left() + area.width() * 0.75, area.center().y());
    const qint64 ta = m_plot->timeAt(a.x());
    const qint64 tb = m_plot->timeAt(b.x());
    sendMouse(m_plot, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton,
              Qt::ShiftModifier);
    sendMouse(m_plot, QEvent::MouseMove, b, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
    // The band is drawn while dragging.
    const QImage during = m_plot->grab().toImage();
    QColor band = m_plot->palette().color(QPalette::Highlight);
    band = Theme::mix(band, m_plot->palette().color(QPalette::Base), 0.75);
    QVERIFY(hasColour(during, QRect(int(a.x()) + 10, int(area.bottom()) - 30, 20, 20), band, 30));
    // A drag does not pan meanwhile.
    QCOMPARE(m_plot->visibleFrom(), kBaseUs);
    sendMouse(m_plot, QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton,
              Qt::ShiftModifier);
    QVERIFY(spy.wait(2000));
    QCOMPARE(m_plot->visibleFrom(), ta);
    QCOMPARE(m_plot->visibleTo(), tb);
    // The right button draws a band too.
    const QPointF c(area.left() + area.width() * 0.2, area.center().y());
    const QPointF d(area.left() + area.width() * 0.4, area.center().y());
    const qint64 tc = m_plot->timeAt(c.x());
    const qint64 td = m_plot->timeAt(d.x());
    sendMouse(m_plot, QEvent::MouseButtonPress, d, Qt::RightButton, Qt::RightButton);
    sendMouse(m_plot, QEvent::MouseMove, c, Qt::NoButton, Qt::RightButton);
    sendMouse(m_plot, QEvent::MouseButtonRelease, c, Qt::RightButton, Qt::NoButton);
    QVERIFY(spy.wait(2000));
    QCOMPARE(m_plot->visibleFrom(), tc);
    QCOMPARE(m_plot->visibleTo(), td);
}

void TestChartPlot::doubleClickResets()
{
    m_plot->setLines({ramp(u"ramp"_s, 0)});
    m_plot->zoom(0.1, kBaseUs + 10 * kSecond);
    QVERIFY(m_plot->isZoomed());
    QSignalSpy spy(m_plot, &ChartPlot::visibleRangeChanged);
    QTest::mouseDClick(m_plot, Qt::LeftButton, {}, m_plot->plotArea().center().toPoint());
    QVERIFY(spy.wait(2000));
    QVERIFY(!m_plot->isZoomed());
    QCOMPARE(spy.last().at(0).toLongLong(), kBaseUs);
    QCOMPARE(spy.last().at(1).toLongLong(), kBaseUs + 60 * kSecond);
}

void TestChartPlot::spikeAmongManyPointsIsDrawn()
{
    // 100,000 points a millisecond apart, values in [0, 1], one of 100 among them.
    const qint64 span = 100'000 * 1000;
    QList<Downsampler::Point> points;
    points.reserve(100'000);
    constexpr int kSpikeAt = 61'803;
    for (int i = 0; i < 100'000; ++i)
        points.append(
            {kBaseUs + qint64(i) * 1000, i == kSpikeAt ? 100.0 : (std::sin(i * 0.01) + 1) / 2});
    m_plot->setFullRange(kBaseUs, kBaseUs + span);
    ChartPlot::Line line;
    line.name = u"noise"_s;
    line.colour = colour(2);
    line.points = Downsampler::downsample(points, kBaseUs, kBaseUs + span, m_plot->columns());
    QVERIFY(line.points.size() < 5 * m_plot->columns());
    m_plot->setLines({line});
    const QImage image = m_plot->grab().toImage();
    const QColor drawn = ChartPlot::drawnColour(colour(2), m_plot->palette());
    const QRectF area = m_plot->plotArea();
    const int x = int(m_plot->xOf(kBaseUs + qint64(kSpikeAt) * 1000));
    // The top tenth of the plot holds the spike, at its time and nowhere else.
    const int band = int(area.height() / 10);
    QVERIFY(hasColour(image, QRect(x - 2, int(area.top()), 5, band), drawn));
    QVERIFY(!hasColour(
        image, QRect(int(area.left()), int(area.top()), x - 6 - int(area.left()), band), drawn));
    QVERIFY(
        !hasColour(image, QRect(x + 6, int(area.top()), int(area.right()) - x - 8, band), drawn));
}

void TestChartPlot::denseLineBreaksAtGaps()
{
    // 100,000 noisy points (drawn as a bar per column), with skipped messages marked over a
    // tenth of the range and no points there.
    const qint64 span = 100'000 * 1000;
    QList<Downsampler::Point> points;
    for (int i = 0; i < 100'000; ++i) {
        if (i < 40'000 || i >= 50'000)
            points.append({kBaseUs + qint64(i) * 1000, double((i * 7919) % 100) / 100});
    }
    m_plot->setFullRange(kBaseUs, kBaseUs + span);
    ChartPlot::Line line;
    line.name = u"dense"_s;
    line.colour = colour(3);
    line.points = Downsampler::downsample(points, kBaseUs, kBaseUs + span, m_plot->columns());
    line.gaps.append({kBaseUs + 40'000'000 + 1, kBaseUs + 50'000'000 - 1});
    QVERIFY(line.points.size() > ChartPlot::kDenseFactor * m_plot->plotArea().width());
    m_plot->setGapColumns(100000); // only the marked gap may break it
    m_plot->setLines({line});
    const QImage image = m_plot->grab().toImage();
    m_plot->setGapColumns(ChartPlot::kDefaultGapColumns);
    const QColor drawn = ChartPlot::drawnColour(colour(3), m_plot->palette());
    const QRectF area = m_plot->plotArea();
    auto columns = [&](qint64 fromUs, qint64 toUs) {
        const int a = int(m_plot->xOf(fromUs));
        const int b = int(m_plot->xOf(toUs));
        return QRect(a, int(area.top()) + 2, b - a, int(area.height()) - 4);
    };
    QVERIFY(hasColour(image, columns(kBaseUs + 10'000'000, kBaseUs + 20'000'000), drawn));
    QVERIFY(!hasColour(image, columns(kBaseUs + 41'000'000, kBaseUs + 49'000'000), drawn));
    QVERIFY(hasColour(image, columns(kBaseUs + 60'000'000, kBaseUs + 70'000'000), drawn));
    // Unmarked, the stretch without points is bridged (it is shorter than the gap columns).
    line.gaps.clear();
    m_plot->setGapColumns(100000);
    m_plot->setLines({line});
    const QImage bridged = m_plot->grab().toImage();
    m_plot->setGapColumns(ChartPlot::kDefaultGapColumns);
    QVERIFY(hasColour(bridged, columns(kBaseUs + 41'000'000, kBaseUs + 49'000'000), drawn));
}

void TestChartPlot::secondAxisForAnotherUnit()
{
    m_plot->setLines({ramp(u"t"_s, 0, u"°C"_s), ramp(u"t2"_s, 1, u"°C"_s, 2)});
    QVERIFY(!m_plot->hasRightAxis());
    const double widthOneAxis = m_plot->plotArea().width();
    ChartPlot::Line falling = ramp(u"h"_s, 1, u"%"_s, 1000);
    for (Downsampler::Point &p : falling.points)
        p.value = 60'000 - p.value;
    m_plot->setLines({ramp(u"t"_s, 0, u"°C"_s), falling});
    QVERIFY(m_plot->hasRightAxis());
    QVERIFY(m_plot->plotArea().width() < widthOneAxis);
    // Each line fills its own axis: the rising one reaches the top right, the falling one
    // (a thousand times larger) the top left.
    const QImage image = m_plot->grab().toImage();
    const QRectF area = m_plot->plotArea();
    const QRect right(int(area.right()) - 8, int(area.top()), 8, 24);
    const QRect left(int(area.left()), int(area.top()), 8, 24);
    QVERIFY(hasColour(image, right, ChartPlot::drawnColour(colour(0), m_plot->palette())));
    QVERIFY(hasColour(image, left, ChartPlot::drawnColour(colour(1), m_plot->palette())));
    // The right axis's labels go up to 60,000 (thousands of the other line's unit).
    QVERIFY(hasColour(
        image,
        QRect(int(area.right()) + 4, 0, m_plot->width() - int(area.right()) - 4, m_plot->height()),
        Theme::mutedText(m_plot->palette()), 90));
    // Hiding the line of the other unit takes the axis away.
    m_plot->setLineVisible(1, false);
    QVERIFY(!m_plot->hasRightAxis());
}

void TestChartPlot::crosshairListsTheValues()
{
    m_plot->setLines({ramp(u"temperature"_s, 0, u"°C"_s), ramp(u"count"_s, 1, {}, 10)});
    const QRectF area = m_plot->plotArea();
    const QPointF at(m_plot->xOf(kBaseUs + 20 * kSecond), area.center().y());
    sendMouse(m_plot, QEvent::MouseMove, at, Qt::NoButton, Qt::NoButton);
    QVERIFY(m_plot->crosshair());
    const QStringList text = m_plot->crosshairText();
    QCOMPARE(text.size(), 3);
    QVERIFY2(text.at(0).contains(QDateTime::fromMSecsSinceEpoch((kBaseUs + 20 * kSecond) / 1000)
                                     .toString(u"HH:mm:ss"_s)),
             qPrintable(text.at(0)));
    QCOMPARE(text.at(1), u"temperature: 20 °C"_s);
    QCOMPARE(text.at(2), u"count: 200"_s);
    // The box is drawn in the tooltip colours.
    const QImage image = m_plot->grab().toImage();
    QVERIFY(hasColour(image, QRect(int(at.x()) + 12, int(area.top()) + 8, 30, 30),
                      m_plot->palette().color(QPalette::ToolTipBase), 0));
    // Leaving the widget takes it away.
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(m_plot, &leave);
    QVERIFY(m_plot->crosshairText().isEmpty());
}

void TestChartPlot::gapsBreakTheLine()
{
    // 0..10 s and 50..60 s, a point a second: 40 s without points is a gap.
    ChartPlot::Line line;
    line.name = u"gappy"_s;
    line.colour = colour(0);
    for (int i = 0; i <= 60; ++i) {
        if (i <= 10 || i >= 50)
            line.points.append({kBaseUs + i * kSecond, 5});
    }
    ChartPlot::Line marked = ramp(u"marked"_s, 1);
    for (auto &p : marked.points)
        p.value = 1; // flat, below the other
    marked.gaps.append({kBaseUs + 30 * kSecond + 1, kBaseUs + 31 * kSecond - 1});
    m_plot->setLines({line, marked});
    const QImage image = m_plot->grab().toImage();
    const QRectF area = m_plot->plotArea();
    const QColor first = ChartPlot::drawnColour(colour(0), m_plot->palette());
    const QColor second = ChartPlot::drawnColour(colour(1), m_plot->palette());
    auto column = [&](qint64 t) {
        const int x = int(m_plot->xOf(t));
        return QRect(x - 1, int(area.top()) + 2, 3, int(area.height()) - 4);
    };
    QVERIFY(hasColour(image, column(kBaseUs + 5 * kSecond), first));
    QVERIFY(!hasColour(image, column(kBaseUs + 30 * kSecond), first));
    QVERIFY(hasColour(image, column(kBaseUs + 55 * kSecond), first));
    // The marked gap breaks the flat line between its two points.
    QVERIFY(hasColour(image, column(kBaseUs + 20 * kSecond), second));
    QVERIFY(!hasColour(image, column(kBaseUs + 30 * kSecond + kSecond / 2), second));
    QVERIFY(hasColour(image, column(kBaseUs + 40 * kSecond), second));
    // The crosshair in the gap shows no value for the broken line.
    m_plot->setCrosshair(kBaseUs + 30 * kSecond);
    QCOMPARE(m_plot->crosshairText().at(1), u"gappy: —"_s);
    // A slow sensor zoomed in is still a line: the usual spacing sets the gap.
    ChartPlot::Line slow;
    slow.name = u"slow"_s;
    slow.colour = colour(0);
    for (int i = 0; i <= 4; ++i)
        slow.points.append({kBaseUs + i * 15 * kSecond, double(i)});
    m_plot->setLines({slow});
    const QImage slowImage = m_plot->grab().toImage();
    QVERIFY(hasColour(slowImage, column(kBaseUs + 22 * kSecond), first));
}

void TestChartPlot::timeLabelsAdapt()
{
    m_plot->setFullRange(kBaseUs, kBaseUs + 10 * kSecond);
    QStringList labels = m_plot->timeTickLabels();
    QVERIFY(labels.size() >= 2);
    QVERIFY2(labels.first().count(u':') == 2, qPrintable(labels.join(u' ')));
    m_plot->setFullRange(kBaseUs, kBaseUs + 6 * 3600 * kSecond);
    labels = m_plot->timeTickLabels();
    QVERIFY2(labels.first().count(u':') == 1, qPrintable(labels.join(u' ')));
    m_plot->setFullRange(kBaseUs, kBaseUs + 40LL * 24 * 3600 * kSecond);
    labels = m_plot->timeTickLabels();
    QVERIFY2(labels.first().count(u'-') == 2, qPrintable(labels.join(u' ')));
    m_plot->setFullRange(kBaseUs, kBaseUs + 500'000);
    labels = m_plot->timeTickLabels();
    QVERIFY2(labels.first().contains(u'.'), qPrintable(labels.join(u' ')));
    // Ticks are on round local times: whole minutes for an hour's span.
    m_plot->setFullRange(kBaseUs + 17 * kSecond, kBaseUs + 3600 * kSecond);
    for (const QString &label : m_plot->timeTickLabels())
        QVERIFY2(label.size() == 5 && label.contains(u':'), qPrintable(label));
    // Over days in hours: the date where a day starts.
    const QDateTime midnight(QDate(2024, 6, 12), QTime(0, 0));
    const qint64 midnightUs = midnight.toMSecsSinceEpoch() * 1000;
    m_plot->setFullRange(midnightUs - 20 * 3600 * kSecond, midnightUs + 20 * 3600 * kSecond);
    QVERIFY2(m_plot->timeTickLabels().contains(u"06-12"_s),
             qPrintable(m_plot->timeTickLabels().join(u' ')));
}

void TestChartPlot::hiddenLinesAreNotDrawn()
{
    m_plot->setLines({ramp(u"a"_s, 0), ramp(u"b"_s, 3, {}, 0.5)});
    const QColor b = ChartPlot::drawnColour(colour(3), m_plot->palette());
    QVERIFY(hasColour(m_plot->grab().toImage(), m_plot->plotArea().toRect(), b));
    m_plot->setLineVisible(1, false);
    QVERIFY(!hasColour(m_plot->grab().toImage(), m_plot->plotArea().toRect(), b));
    m_plot->setCrosshair(kBaseUs + kSecond);
    QCOMPARE(m_plot->crosshairText().size(), 2);
}

void TestChartPlot::accessible()
{
    QCOMPARE(m_plot->focusPolicy(), Qt::StrongFocus);
    QCOMPARE(m_plot->accessibleName(), u"Chart"_s);
    m_plot->setLines({ramp(u"a"_s, 0)});
    QVERIFY2(m_plot->accessibleDescription().contains(u"1 line"_s),
             qPrintable(m_plot->accessibleDescription()));
}

QTEST_MAIN(TestChartPlot)
#include "tst_chart_plot.moc"
