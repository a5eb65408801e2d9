#include "ui/charts/chart_plot.h"

#include "ui/charts/chart_time_ticks.h"
#include "ui/theme/theme.h"

#include <QDateTime>
#include <QEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace mqttdesk {

namespace {

constexpr qint64 kSecond = ChartTimeTicks::kSecondUs;

constexpr int kAxisGap = 6;     // between tick labels and the plot area
constexpr int kPanKeyStep = 10; // arrows pan a tenth of the span
constexpr double kZoomStep = 0.8;
constexpr double kMaxTicks = 1000; // per axis; a fitted axis has a screenful (about 2 to 40)

// 1, 2 or 5 times a power of ten, at least `raw`.
double niceStep(double raw)
{
    if (!(raw > 0) || !std::isfinite(raw))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * magnitude;
}

int decimalsFor(double step)
{
    return step >= 1 ? 0 : qBound(0, int(std::ceil(-std::log10(step) - 1e-9)), 12);
}

} // namespace

ChartPlot::ChartPlot(QWidget *parent)
    : QWidget(parent)
    , m_notify(new QTimer(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumSize(240, 160);
    m_notify->setSingleShot(true);
    m_notify->setInterval(0);
    connect(m_notify, &QTimer::timeout, this, [this] { emit visibleRangeChanged(m_from, m_to); });
    m_texts.add([this] {
        setAccessibleName(tr("Chart"));
        updateAccessibleDescription();
    });
}

void ChartPlot::setLines(const QList<Line> &lines)
{
    m_lines = lines;
    m_spacingUs.resize(0);
    std::vector<qint64> deltas;
    for (const Line &line : std::as_const(m_lines)) {
        deltas.clear();
        for (qsizetype i = 1; i < line.points.size(); ++i) {
            const qint64 d = line.points.at(i).timeUs - line.points.at(i - 1).timeUs;
            if (d > 0)
                deltas.push_back(d);
        }
        double median = 0;
        if (!deltas.empty()) {
            auto middle = deltas.begin() + qsizetype(deltas.size() / 2);
            std::nth_element(deltas.begin(), middle, deltas.end());
            median = double(*middle);
        }
        m_spacingUs.append(median);
    }
    fitAxes();
    updateAccessibleDescription();
    update();
}

void ChartPlot::setLineVisible(int index, bool visible)
{
    if (index < 0 || index >= m_lines.size() || m_lines.at(index).visible == visible)
        return;
    m_lines[index].visible = visible;
    fitAxes();
    updateAccessibleDescription();
    update();
}

void ChartPlot::setFullRange(qint64 fromUs, qint64 toUs)
{
    if (toUs < fromUs)
        std::swap(fromUs, toUs);
    if (toUs - fromUs < kMinimumSpanUs) {
        // One point, or none: a second around it.
        const qint64 middle = fromUs + (toUs - fromUs) / 2;
        fromUs = middle - kSecond / 2;
        toUs = middle + kSecond / 2;
    }
    m_fullFrom = fromUs;
    m_fullTo = toUs;
    applyRange(fromUs, toUs, false);
}

void ChartPlot::setVisibleRange(qint64 fromUs, qint64 toUs)
{
    applyRange(fromUs, toUs, false);
}

void ChartPlot::zoom(double factor, qint64 aroundUs)
{
    const double span = double(m_to - m_from);
    const double newSpan =
        qBound(double(kMinimumSpanUs), span * factor, double(m_fullTo - m_fullFrom));
    const double share = qBound(0.0, double(aroundUs - m_from) / span, 1.0);
    const qint64 from = aroundUs - qint64(std::llround(share * newSpan));
    applyRange(from, from + qint64(std::llround(newSpan)), true);
}

void ChartPlot::pan(double fraction)
{
    const qint64 shift = qint64(std::llround(double(m_to - m_from) * fraction));
    applyRange(m_from + shift, m_to + shift, true);
}

void ChartPlot::resetZoom()
{
    applyRange(m_fullFrom, m_fullTo, true);
}

void ChartPlot::applyRange(qint64 fromUs, qint64 toUs, bool notify)
{
    const qint64 full = m_fullTo - m_fullFrom;
    qint64 span = qBound(qMin(kMinimumSpanUs, full), toUs - fromUs, full);
    qint64 from = fromUs;
    if (toUs - fromUs != span)
        from = fromUs + (toUs - fromUs - span) / 2; // shrunk or grown around its middle
    from = qBound(m_fullFrom, from, m_fullTo - span);
    const qint64 to = from + span;
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    fitAxes();
    updateAccessibleDescription();
    update();
    if (notify)
        m_notify->start();
}

int ChartPlot::columns() const
{
    return qMax(1, int(plotArea().width()));
}

// Cached: its margins measure the axis labels' text, and the painting of ten dense lines
// asks for it for every point (xOf, yOf). Axes, font, locale and size changes drop it.
QRectF ChartPlot::plotArea() const
{
    if (!m_areaValid || m_areaFor != size()) {
        m_area = measureArea();
        m_areaFor = size();
        m_areaValid = true;
    }
    return m_area;
}

QRectF ChartPlot::measureArea() const
{
    const int line = fontMetrics().height();
    const int top = line + kAxisGap;
    const int bottom = 2 * line + 2 * kAxisGap;
    const int left = leftMargin();
    const int right = rightMargin();
    return QRectF(left, top, qMax(1, width() - left - right), qMax(1, height() - top - bottom));
}

double ChartPlot::xOf(qint64 timeUs) const
{
    const QRectF area = plotArea();
    return area.left() + double(timeUs - m_from) / double(m_to - m_from) * area.width();
}

qint64 ChartPlot::timeAt(double x) const
{
    const QRectF area = plotArea();
    return m_from + qint64(std::llround((x - area.left()) / area.width() * double(m_to - m_from)));
}

void ChartPlot::setGapColumns(int columns)
{
    m_gapColumns = qMax(1, columns);
    update();
}

void ChartPlot::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void ChartPlot::setCrosshair(std::optional<qint64> timeUs)
{
    m_crosshair = timeUs;
    update();
}

bool ChartPlot::onRight(const Line &line) const
{
    return m_right.used && line.unit != m_left.unit;
}

void ChartPlot::fitAxes()
{
    m_areaValid = false;
    m_left = Axis();
    m_right = Axis();
    for (const Line &line : std::as_const(m_lines)) {
        if (line.visible) {
            m_left.unit = line.unit;
            break;
        }
    }
    // The extremes of the visible points, per axis.
    double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    double hi[2] = {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const Line &line : std::as_const(m_lines)) {
        if (!line.visible)
            continue;
        const int side = line.unit == m_left.unit ? 0 : 1;
        (side == 0 ? m_left : m_right).used = true;
        if (side == 1)
            m_right.unit = line.unit;
        const auto first =
            std::lower_bound(line.points.cbegin(), line.points.cend(), m_from,
                             [](const Downsampler::Point &p, qint64 t) { return p.timeUs < t; });
        for (auto it = first; it != line.points.cend() && it->timeUs <= m_to; ++it) {
            lo[side] = qMin(lo[side], it->value);
            hi[side] = qMax(hi[side], it->value);
        }
    }
    const int ticks = qMax(2, int(plotArea().height()) / (3 * fontMetrics().height()));
    for (int side = 0; side < 2; ++side) {
        Axis &axis = side == 0 ? m_left : m_right;
        double min = lo[side];
        double max = hi[side];
        axis.fitted = min <= max;
        if (!axis.fitted) {
            min = 0;
            max = 1;
        } else if (min == max) {
            const double pad = min == 0 ? 1 : std::abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        // A little room above and below, so that no line runs along the frame; the ticks
        // are the round values inside. In halves and within double's range, so that values
        // near -DBL_MAX and DBL_MAX give a finite axis.
        constexpr double kLargest = std::numeric_limits<double>::max();
        const double pad = (max * 0.5 - min * 0.5) * 0.08;
        axis.min = std::max(min - pad, -kLargest);
        axis.max = std::min(max + pad, kLargest);
        axis.step = niceStep((axis.max * 0.5 - axis.min * 0.5) / ticks * 2);
    }
    m_areaValid = false; // measured above with the axes half fitted
}

double ChartPlot::yOf(double value, const Axis &axis) const
{
    ChartLinePainter::Scale scale;
    scale.area = plotArea();
    scale.min = axis.min;
    scale.max = axis.max;
    return scale.y(value);
}

int ChartPlot::leftMargin() const
{
    const QFontMetrics fm = fontMetrics();
    const int decimals = decimalsFor(m_left.step);
    const QLocale locale;
    const int labels = qMax(fm.horizontalAdvance(locale.toString(m_left.min, 'f', decimals)),
                            fm.horizontalAdvance(locale.toString(m_left.max, 'f', decimals)));
    return qMax(labels, fm.horizontalAdvance(m_left.unit)) + 2 * kAxisGap;
}

int ChartPlot::rightMargin() const
{
    if (!m_right.used)
        return fontMetrics().horizontalAdvance(QStringLiteral("00:00")) / 2 + kAxisGap;
    const QFontMetrics fm = fontMetrics();
    const int decimals = decimalsFor(m_right.step);
    const QLocale locale;
    const int labels = qMax(fm.horizontalAdvance(locale.toString(m_right.min, 'f', decimals)),
                            fm.horizontalAdvance(locale.toString(m_right.max, 'f', decimals)));
    return qMax(labels, fm.horizontalAdvance(m_right.unit)) + 2 * kAxisGap;
}

ChartTimeTicks ChartPlot::timeTicks() const
{
    const int labelWidth = fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16;
    return ChartTimeTicks(m_from, m_to, plotArea().width(), labelWidth);
}

QStringList ChartPlot::timeTickLabels() const
{
    QStringList labels;
    const ChartTimeTicks ticks = timeTicks();
    for (qint64 t = ticks.firstUs(); t <= m_to; t += ticks.stepUs())
        labels << ticks.label(t);
    return labels;
}

const Downsampler::Point *ChartPlot::nearest(qsizetype index, qint64 timeUs) const
{
    const Line &line = m_lines.at(index);
    if (line.points.isEmpty())
        return nullptr;
    auto it = std::lower_bound(line.points.cbegin(), line.points.cend(), timeUs,
                               [](const Downsampler::Point &p, qint64 t) { return p.timeUs < t; });
    if (it == line.points.cend() ||
        (it != line.points.cbegin() && timeUs - std::prev(it)->timeUs < it->timeUs - timeUs))
        it = std::prev(it);
    // Nearer than a gap: else the line has no value here.
    const double usPerPixel = double(m_to - m_from) / plotArea().width();
    const double reach = qMax(double(m_gapColumns) * usPerPixel, 3 * m_spacingUs.value(index));
    return double(std::abs(it->timeUs - timeUs)) <= reach ? &*it : nullptr;
}

QStringList ChartPlot::crosshairText() const
{
    if (!m_crosshair)
        return {};
    const qint64 at = *m_crosshair;
    const qint64 span = m_to - m_from;
    QStringList text;
    text << ChartTimeTicks::localTime(at).toString(span < 10 * kSecond
                                                       ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                                       : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QLocale locale;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const Line &line = m_lines.at(i);
        if (!line.visible || line.points.isEmpty())
            continue;
        QString value = QStringLiteral("—"); // no value here: a gap
        if (const Downsampler::Point *point = nearest(i, at)) {
            value = locale.toString(point->value, 'g', 10);
            if (!line.unit.isEmpty())
                value += u' ' + line.unit;
        }
        text << tr("%1: %2").arg(line.name, value);
    }
    return text;
}

void ChartPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRectF area = plotArea();
    p.fillRect(area, palette().color(QPalette::Base));
    drawAxes(p, area);
    bool anyPoint = false;
    p.save();
    p.setClipRect(area.adjusted(-1, -1, 1, 1));
    p.setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const Line &line = m_lines.at(i);
        anyPoint = anyPoint || !line.points.isEmpty();
        if (line.visible)
            drawLine(p, area, line, m_spacingUs.value(i));
    }
    p.restore();
    if (!anyPoint && !m_placeholder.isEmpty()) {
        p.setPen(Theme::mutedText(palette()));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    }
    if (m_drag == Drag::Band) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlphaF(0.25);
        const double a = qBound(area.left(), m_pressAt.x(), area.right());
        const double b = qBound(area.left(), m_bandTo, area.right());
        p.fillRect(QRectF(QPointF(qMin(a, b), area.top()), QPointF(qMax(a, b), area.bottom())),
                   band);
    }
    drawCrosshair(p, area);
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(area.adjusted(-2.5, -2.5, 2, 2));
    }
}

void ChartPlot::drawAxes(QPainter &p, const QRectF &area)
{
    const QPalette &pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor muted = Theme::mutedText(pal);
    const QColor grid = Theme::mix(muted, base, 0.82);
    const QFontMetrics fm = fontMetrics();
    const QLocale locale;

    // Value axes: grid lines from the left one, labels on both sides.
    for (int side = 0; side < 2; ++side) {
        const Axis &axis = side == 0 ? m_left : m_right;
        if (side == 1 && !axis.used)
            continue;
        const int decimals = decimalsFor(axis.step);
        const double first = std::ceil(axis.min / axis.step);
        // Values near the ends of double (e.g. -1e308 and 1e308) make a span no step can cut
        // into a screenful of ticks: no grid then, rather than an endless or undefined count
        // (UBSan: an infinite double converted to int).
        const double ticks = std::floor(axis.max / axis.step) - first;
        if (!std::isfinite(ticks) || ticks > kMaxTicks)
            continue;
        const int count = int(ticks);
        for (int i = 0; i <= count; ++i) {
            const double value = (first + i) * axis.step;
            const double y = yOf(value, axis);
            if (side == 0) {
                p.setPen(grid);
                p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
            }
            if (!axis.fitted)
                continue; // no values: grid lines only, no made-up scale
            p.setPen(muted);
            const QString label =
                locale.toString(std::abs(value) < axis.step / 2 ? 0.0 : value, 'f', decimals);
            const QRectF box =
                side == 0 ? QRectF(0, y - fm.height(), area.left() - kAxisGap, 2 * fm.height())
                          : QRectF(area.right() + kAxisGap, y - fm.height(),
                                   width() - area.right() - kAxisGap, 2 * fm.height());
            p.drawText(box, Qt::AlignVCenter | (side == 0 ? Qt::AlignRight : Qt::AlignLeft), label);
        }
        if (!axis.unit.isEmpty()) {
            p.setPen(muted);
            const QRectF box = side == 0 ? QRectF(0, 0, area.left() - kAxisGap, area.top())
                                         : QRectF(area.right() + kAxisGap, 0,
                                                  width() - area.right() - kAxisGap, area.top());
            p.drawText(box, Qt::AlignVCenter | (side == 0 ? Qt::AlignRight : Qt::AlignLeft),
                       axis.unit);
        }
    }

    // Time axis.
    const ChartTimeTicks ticks = timeTicks();
    for (qint64 t = ticks.firstUs(); t <= m_to; t += ticks.stepUs()) {
        const double x = xOf(t);
        p.setPen(grid);
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        p.setPen(muted);
        const QString label = ticks.label(t);
        const double w = fm.horizontalAdvance(label) + 4;
        const double left = qBound(0.0, x - w / 2, width() - w); // kept whole at the edges
        p.drawText(QRectF(left, area.bottom() + kAxisGap / 2, w, fm.height()), Qt::AlignCenter,
                   label);
    }
    // Under the time labels: the dates shown, when the labels are times of day.
    if (ticks.showsTimeOfDay()) {
        const QString first =
            ChartTimeTicks::localTime(m_from).toString(QStringLiteral("yyyy-MM-dd"));
        const QString last = ChartTimeTicks::localTime(m_to).toString(QStringLiteral("yyyy-MM-dd"));
        const QString dates = first == last ? first : tr("%1 – %2").arg(first, last);
        p.drawText(
            QRectF(area.left(), area.bottom() + fm.height() + kAxisGap, area.width(), fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, dates);
    }
    p.setPen(Theme::mix(muted, base, 0.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(area.adjusted(0, 0, -0.5, -0.5));
}

QColor ChartPlot::drawnColour(const QColor &colour, const QPalette &palette)
{
    return Theme::readable(colour, {palette.color(QPalette::Base)}, Theme::kMarkerContrast);
}

void ChartPlot::drawLine(QPainter &p, const QRectF &area, const Line &line, double spacingUs)
{
    const Axis &axis = onRight(line) ? m_right : m_left;
    const double pxPerUs = area.width() / double(m_to - m_from);
    // A slow sensor zoomed in is still a line: its usual spacing does not break it.
    const double breakAt = qMax(double(m_gapColumns), 3 * spacingUs * pxPerUs);
    m_linePainter.paint(p, {area, m_from, m_to, axis.min, axis.max}, line.points, line.gaps,
                        breakAt, drawnColour(line.colour, palette()));
}

void ChartPlot::drawCrosshair(QPainter &p, const QRectF &area)
{
    if (!m_crosshair || *m_crosshair < m_from || *m_crosshair > m_to)
        return;
    const QPalette &pal = palette();
    const double x = xOf(*m_crosshair);
    p.setPen(QPen(Theme::mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.5), 1,
                  Qt::DashLine));
    p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    // A dot on each line where its value is read.
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const Line &line = m_lines.at(i);
        const Downsampler::Point *point = line.visible ? nearest(i, *m_crosshair) : nullptr;
        if (!point)
            continue;
        p.setPen(QPen(pal.color(QPalette::Base), 1.5));
        p.setBrush(drawnColour(line.colour, pal));
        p.drawEllipse(
            QPointF(xOf(point->timeUs), yOf(point->value, onRight(line) ? m_right : m_left)), 4, 4);
    }
    p.restore();

    const QStringList text = crosshairText();
    const QFontMetrics fm = fontMetrics();
    const int swatch = fm.height() / 2;
    int w = 0;
    for (const QString &line : text)
        w = qMax(w, fm.horizontalAdvance(line));
    w += swatch + 3 * kAxisGap;
    const int h = int(text.size()) * fm.height() + kAxisGap;
    QRectF box(x + 2 * kAxisGap, area.top() + kAxisGap, w, h);
    if (box.right() > area.right())
        box.moveRight(x - 2 * kAxisGap);
    box.moveLeft(qMax(area.left(), box.left()));
    p.setPen(Theme::mix(pal.color(QPalette::ToolTipText), pal.color(QPalette::ToolTipBase), 0.6));
    p.setBrush(pal.color(QPalette::ToolTipBase));
    p.drawRect(box);
    p.setPen(pal.color(QPalette::ToolTipText));
    double y = box.top() + kAxisGap / 2;
    const double textLeft = box.left() + swatch + 2 * kAxisGap;
    p.drawText(QRectF(box.left() + kAxisGap, y, w, fm.height()), Qt::AlignVCenter, text.first());
    int row = 1;
    for (const Line &line : m_lines) {
        if (!line.visible || line.points.isEmpty())
            continue;
        y += fm.height();
        const QColor colour = drawnColour(line.colour, pal);
        p.fillRect(QRectF(box.left() + kAxisGap, y + (fm.height() - swatch) / 2.0, swatch, swatch),
                   colour);
        p.setPen(pal.color(QPalette::ToolTipText));
        p.drawText(QRectF(textLeft, y, w, fm.height()), Qt::AlignVCenter, text.value(row++));
    }
}

void ChartPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitAxes();
    // New width, new columns: the owner downsamples again.
    m_notify->start();
}

void ChartPlot::mousePressEvent(QMouseEvent *event)
{
    const bool band =
        event->button() == Qt::RightButton ||
        (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier));
    if (band || event->button() == Qt::LeftButton) {
        m_drag = band ? Drag::Band : Drag::Pan;
        m_pressAt = event->position();
        m_bandTo = m_pressAt.x();
        m_pressFrom = m_from;
        m_pressTo = m_to;
        if (!band)
            setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void ChartPlot::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF at = event->position();
    const QRectF area = plotArea();
    if (m_drag == Drag::Pan) {
        const double share = (at.x() - m_pressAt.x()) / area.width();
        const qint64 shift = qint64(std::llround(share * double(m_pressTo - m_pressFrom)));
        applyRange(m_pressFrom - shift, m_pressTo - shift, true);
    } else if (m_drag == Drag::Band) {
        m_bandTo = at.x();
        update();
    }
    if (area.contains(at))
        setCrosshair(timeAt(at.x()));
    else if (m_crosshair)
        setCrosshair(std::nullopt);
}

void ChartPlot::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::Band) {
        const QRectF area = plotArea();
        const double a = qBound(area.left(), m_pressAt.x(), area.right());
        const double b = qBound(area.left(), event->position().x(), area.right());
        m_drag = Drag::None;
        if (std::abs(b - a) >= 4)
            applyRange(timeAt(qMin(a, b)), timeAt(qMax(a, b)), true);
        update();
    } else if (m_drag == Drag::Pan) {
        m_drag = Drag::None;
        unsetCursor();
    }
    QWidget::mouseReleaseEvent(event);
}

void ChartPlot::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        resetZoom();
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void ChartPlot::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QWidget::wheelEvent(event);
        return;
    }
    zoom(std::pow(kZoomStep, steps), timeAt(event->position().x()));
    event->accept();
}

void ChartPlot::keyPressEvent(QKeyEvent *event)
{
    const qint64 centre = m_crosshair.value_or(m_from + (m_to - m_from) / 2);
    const bool shift = event->modifiers().testFlag(Qt::ShiftModifier);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom(kZoomStep, centre);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoom(1 / kZoomStep, centre);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int direction = event->key() == Qt::Key_Left ? -1 : 1;
        if (shift) {
            // Shift+arrows move the crosshair a fiftieth of the width.
            const qint64 step = qMax<qint64>(1, (m_to - m_from) / 50);
            setCrosshair(qBound(m_from, centre + direction * step, m_to));
        } else {
            pan(direction / double(kPanKeyStep));
        }
        break;
    }
    case Qt::Key_Home:
        resetZoom();
        break;
    case Qt::Key_Escape:
        if (m_drag == Drag::None && !m_crosshair) {
            QWidget::keyPressEvent(event);
            return;
        }
        m_drag = Drag::None;
        setCrosshair(std::nullopt);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ChartPlot::leaveEvent(QEvent *event)
{
    if (m_drag == Drag::None && m_crosshair)
        setCrosshair(std::nullopt);
    QWidget::leaveEvent(event);
}

void ChartPlot::changeEvent(QEvent *event)
{
    m_areaValid = false; // a font, style or locale measures the labels otherwise
    m_texts.handle(event);
    if (event->type() == QEvent::FontChange)
        fitAxes();
    QWidget::changeEvent(event);
}

void ChartPlot::updateAccessibleDescription()
{
    int visible = 0;
    for (const Line &line : std::as_const(m_lines))
        visible += line.visible ? 1 : 0;
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    setAccessibleDescription(
        tr("%n line(s) shown from %1 to %2. The mouse wheel, + and - zoom; dragging or the "
           "arrow keys pan; Shift-drag zooms to a box; Shift+arrows move the crosshair; Home "
           "or a double-click shows the whole range.",
           nullptr, visible)
            .arg(ChartTimeTicks::localTime(m_from).toString(format),
                 ChartTimeTicks::localTime(m_to).toString(format)));
}

} // namespace mqttdesk
