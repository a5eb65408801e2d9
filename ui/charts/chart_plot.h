#pragma once

#include "core/series/downsampler.h"
#include "ui/charts/chart_line_painter.h"
#include "ui/i18n/retranslator.h"

#include <QColor>
#include <QList>
#include <QPair>
#include <QPalette>
#include <QString>
#include <QWidget>

#include <optional>

class QTimer;

namespace mqttdesk {

class ChartTimeTicks;

// A line chart of several series over one time axis, painted by hand rather than with Qt
// Charts: the lines are the per-pixel-column points Downsampler gives (a few per column,
// whatever the history holds), drawn through one reused QPolygonF, and the interaction a
// history needs (a crosshair with every series' value, wheel zoom around the mouse, drag
// pan, a rubber band that zooms to it, double-click or Home back to the whole range, all of
// it from the keyboard too) is a few mouse handlers here instead of a QChartView subclass
// fighting its scene. Colours come from the palette and Theme, so both palettes work.
//
// The time axis is labelled in local time at steps that suit the span (milliseconds,
// seconds, minutes, hours, days). The left axis belongs to the first visible line's unit;
// lines with another unit get a right axis of their own. Each axis fits the visible points.
// A line breaks where there is a gap: two points further apart than gapColumns() pixel
// columns (and than three times the line's usual spacing, so a slow sensor zoomed in is
// still a line), or a gap range the caller names. A point alone between gaps is a dot.
//
// The plot holds only what it draws: the owner gives it downsampled points for the visible
// range (columns() wide) and asks again on visibleRangeChanged.
class ChartPlot : public QWidget
{
    Q_OBJECT
public:
    struct Line
    {
        QString name;
        QColor colour;
        QString unit;
        bool visible = true;
        QList<Downsampler::Point> points; // in time order, finite values
        // Time ranges [from, to] with no data: the line never crosses one.
        QList<QPair<qint64, qint64>> gaps;
    };

    static constexpr qint64 kMinimumSpanUs = 1000; // zoomed in to a millisecond at most
    static constexpr int kDefaultGapColumns = 24;
    // A line with more points than this many per pixel column is drawn as a bar per column
    // (ChartLinePainter) rather than as a polyline.
    static constexpr double kDenseFactor = ChartLinePainter::kDenseFactor;

    explicit ChartPlot(QWidget *parent = nullptr);

    void setLines(const QList<Line> &lines);
    const QList<Line> &lines() const { return m_lines; }
    void setLineVisible(int index, bool visible);

    // The range Home and double-click go back to; zooming out and panning stay inside it.
    // Sets the visible range to it as well (without visibleRangeChanged).
    void setFullRange(qint64 fromUs, qint64 toUs);
    qint64 fullFrom() const { return m_fullFrom; }
    qint64 fullTo() const { return m_fullTo; }
    // Shows [fromUs, toUs] (kept inside the full range), without visibleRangeChanged: the
    // caller knows.
    void setVisibleRange(qint64 fromUs, qint64 toUs);
    qint64 visibleFrom() const { return m_from; }
    qint64 visibleTo() const { return m_to; }
    bool isZoomed() const { return m_from != m_fullFrom || m_to != m_fullTo; }

    // What the user does, also callable: each emits visibleRangeChanged (once per event
    // loop turn however many come).
    void zoom(double factor, qint64 aroundUs); // factor < 1 zooms in
    void pan(double fraction);                 // of the visible span; > 0 moves later
    void resetZoom();

    // The pixel columns of the plot area: what the owner downsamples to.
    int columns() const;
    QRectF plotArea() const;
    double xOf(qint64 timeUs) const;
    qint64 timeAt(double x) const;

    int gapColumns() const { return m_gapColumns; }
    void setGapColumns(int columns);

    // Shown in the middle when no line has a point (e.g. "Add a series").
    void setPlaceholderText(const QString &text);

    // The crosshair at a time (as the mouse would put it), or none.
    void setCrosshair(std::optional<qint64> timeUs);
    std::optional<qint64> crosshair() const { return m_crosshair; }
    // The crosshair box's lines: the time, then "name: value unit" per visible line that has
    // a point (the nearest one). Empty without a crosshair.
    QStringList crosshairText() const;
    bool hasRightAxis() const { return m_right.used; }
    // The tick labels the axes show now (for tests and accessibility).
    QStringList timeTickLabels() const;
    // A line's colour as drawn on that palette's Base (made readable there, hue kept).
    static QColor drawnColour(const QColor &colour, const QPalette &palette);

signals:
    // The visible range changed by zoom, pan or reset, or the plot's width changed (other
    // columns): the owner gives points for it. Once per event loop turn (a 0 ms timer).
    void visibleRangeChanged(qint64 fromUs, qint64 toUs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Axis
    {
        bool used = false;
        bool fitted = false; // to values (else a stand-in scale, not labelled)
        QString unit;
        double min = 0;
        double max = 1;
        double step = 0.2;
    };

    void applyRange(qint64 fromUs, qint64 toUs, bool notify);
    void fitAxes();
    bool onRight(const Line &line) const;
    // The line's point nearest to the time, unless a gap is nearer.
    const Downsampler::Point *nearest(qsizetype index, qint64 timeUs) const;
    ChartTimeTicks timeTicks() const;
    double yOf(double value, const Axis &axis) const;
    int leftMargin() const;
    int rightMargin() const;
    void drawAxes(QPainter &p, const QRectF &area);
    void drawLine(QPainter &p, const QRectF &area, const Line &line, double spacingUs);
    QRectF measureArea() const;
    void drawCrosshair(QPainter &p, const QRectF &area);
    void updateAccessibleDescription();

    QList<Line> m_lines;
    QList<double> m_spacingUs; // per line: its usual point spacing (median)
    mutable QRectF m_area;     // plotArea(), while m_areaValid and the size is m_areaFor
    mutable QSize m_areaFor;
    mutable bool m_areaValid = false;
    qint64 m_fullFrom = 0;
    qint64 m_fullTo = 1;
    qint64 m_from = 0;
    qint64 m_to = 1;
    Axis m_left;
    Axis m_right;
    int m_gapColumns = kDefaultGapColumns;
    QString m_placeholder;
    std::optional<qint64> m_crosshair;
    // Mouse: a drag pans, a Shift- or right-drag draws a rubber band.
    enum class Drag
    {
        None,
        Pan,
        Band,
    };
    Drag m_drag = Drag::None;
    QPointF m_pressAt;
    qint64 m_pressFrom = 0;
    qint64 m_pressTo = 0;
    double m_bandTo = 0;
    QTimer *m_notify;
    ChartLinePainter m_linePainter;
    Retranslator m_texts;
};

} // namespace mqttdesk
