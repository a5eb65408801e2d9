#pragma once

#include "core/series/downsampler.h"

#include <QColor>
#include <QList>
#include <QPair>
#include <QPolygonF>
#include <QRectF>

#include <functional>

class QPainter;

namespace mqttdesk {

// Paints one of ChartPlot's lines: its points mapped into the plot area, broken where there
// is a gap, a point alone between gaps as a dot. This is the part of the plot that runs per
// point on every paint, so it is kept apart from the axes and the interaction: a polyline
// is stroked in short pieces through one reused QPolygonF, and a line denser than the pixel
// columns is filled as a bar per column instead (see paintDense).
class ChartLinePainter
{
public:
    // A line with more points than this many per pixel column is drawn as a bar per column
    // (paintDense) rather than as a polyline.
    static constexpr double kDenseFactor = 1.5;
    // A polyline is stroked in pieces of this many points.
    static constexpr qsizetype kStrokeChunk = 16;

    // Where the points go: [fromUs, toUs] across the area, [min, max] up it.
    struct Scale
    {
        QRectF area;
        qint64 fromUs = 0;
        qint64 toUs = 1;
        double min = 0;
        double max = 1;

        // Both bounded a long way off the screen, so that a point far outside the view (the
        // one before it, a year earlier) converts to int pixels safely.
        double x(qint64 timeUs) const
        {
            return bounded(area.left() +
                           double(timeUs - fromUs) / double(toUs - fromUs) * area.width());
        }
        // In halves, so that values from -DBL_MAX to DBL_MAX do not overflow.
        double y(double value) const
        {
            return bounded(area.bottom() -
                           (value * 0.5 - min * 0.5) / (max * 0.5 - min * 0.5) * area.height());
        }
        static double bounded(double pixel)
        {
            constexpr double kFar = 1e6;
            return pixel > -kFar ? (pixel < kFar ? pixel : kFar) : -kFar; // NaN: -kFar
        }
    };

    // Paints `points` (in time order) in `colour`. The line breaks between two points more
    // than `breakAt` pixels apart, or with one of `gaps` (time ranges [from, to]) between
    // them.
    void paint(QPainter &p, const Scale &scale, const QList<Downsampler::Point> &points,
               const QList<QPair<qint64, qint64>> &gaps, double breakAt, const QColor &colour);

private:
    void paintDense(QPainter &p, const Scale &scale, const QList<Downsampler::Point> &points,
                    const QColor &colour,
                    const std::function<bool(const Downsampler::Point &, double)> &breaksBefore);

    QPolygonF m_polygon; // reused by every line of every paint
};

} // namespace mqttdesk
