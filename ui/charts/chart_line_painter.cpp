#include "ui/charts/chart_line_painter.h"

#include <QPainter>

#include <cmath>
#include <limits>

namespace mqttdesk {

void ChartLinePainter::paint(QPainter &p, const Scale &scale,
                             const QList<Downsampler::Point> &points,
                             const QList<QPair<qint64, qint64>> &gaps, double breakAt,
                             const QColor &colour)
{
    if (points.isEmpty())
        return;
    p.setPen(QPen(colour, 2, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin));
    p.setBrush(colour);
    auto flush = [&] {
        if (m_polygon.size() == 1)
            p.drawEllipse(m_polygon.first(), 1.5, 1.5);
        else if (m_polygon.size() > 1)
            p.drawPolyline(m_polygon);
        m_polygon.resize(0);
    };
    m_polygon.resize(0);
    qsizetype gap = 0;
    qint64 previous = 0;
    double lastX = 0;
    bool first = true;
    // Whether the line breaks between the previous point and this one (at x), points taken
    // in order: too far apart, or a gap range between them.
    auto breaksBefore = [&](const Downsampler::Point &point, double x) {
        bool broken = false;
        if (!first) {
            broken = x - lastX > breakAt;
            while (gap < gaps.size() && gaps.at(gap).second <= previous)
                ++gap;
            broken = broken || (gap < gaps.size() && gaps.at(gap).first < point.timeUs);
        }
        first = false;
        previous = point.timeUs;
        lastX = x;
        return broken;
    };
    if (double(points.size()) > kDenseFactor * scale.area.width()) {
        paintDense(p, scale, points, colour, breaksBefore);
        return;
    }
    for (const Downsampler::Point &point : points) {
        const QPointF at(scale.x(point.timeUs), scale.y(point.value));
        if (breaksBefore(point, at.x())) {
            flush();
        } else if (m_polygon.size() >= kStrokeChunk) {
            // The stroker outlines a polyline as one polygon, which the rasterizer walks
            // per scanline: short pieces keep that local (a 700-point line across the plot
            // took ~15 ms as one piece).
            const QPointF last = m_polygon.constLast();
            flush();
            m_polygon.append(last);
        }
        m_polygon.append(at);
    }
    flush();
}

// A line with more points than pixel columns (the downsampler's first, lowest, highest and
// last of each): an antialiased polyline would stroke every column's zigzag up and down
// again, which costs hundreds of milliseconds for ten dense lines. Each column is filled
// instead as one solid bar from its lowest to its highest pixel, joined to the column
// before unless the line breaks there: the same shape, each pixel painted once.
void ChartLinePainter::paintDense(
    QPainter &p, const Scale &scale, const QList<Downsampler::Point> &points, const QColor &colour,
    const std::function<bool(const Downsampler::Point &, double)> &breaksBefore)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    constexpr int kWidth = 2; // as the polyline's pen
    p.setPen(QPen(colour, kWidth));
    int column = std::numeric_limits<int>::min();
    double low = 0;
    double high = 0;
    double lastX = 0;
    double lastY = 0;
    bool any = false;
    auto fill = [&] {
        if (any)
            p.fillRect(QRect(column, int(std::floor(low)) - kWidth / 2, kWidth,
                             int(std::ceil(high) - std::floor(low)) + kWidth),
                       colour);
    };
    for (const Downsampler::Point &point : points) {
        const double x = scale.x(point.timeUs);
        const double y = scale.y(point.value);
        const bool broken = breaksBefore(point, x);
        const bool joined = any && !broken;
        const int at = int(std::floor(x));
        if (joined && at > column + 1) // a stretch without points, not a gap: bridged
            p.drawLine(QPointF(lastX, lastY), QPointF(x, y));
        if (!any || at != column) {
            fill();
            column = at;
            low = high = y;
            any = true;
        }
        if (joined) { // the segment from the previous point, folded into this column
            low = qMin(low, lastY);
            high = qMax(high, lastY);
        }
        low = qMin(low, y);
        high = qMax(high, y);
        lastX = x;
        lastY = y;
    }
    fill();
    p.restore();
}

} // namespace mqttdesk
