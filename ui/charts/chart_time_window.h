#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace mqttdesk {

// What time a chart covers: a "Last N" range (a window of N seconds ending at an anchor,
// the clock when the chart last read or slid), a custom range whose open ends reach the
// oldest or newest value, or all of it. The arithmetic of it is kept here, apart from
// ChartsView's widgets and timers: what to read, what the plot's whole range is, what slid
// out of the window, and how the range is saved.
class ChartTimeWindow
{
public:
    enum class Range
    {
        LastMinute,
        Last15Minutes,
        LastHour,
        Last24Hours,
        All,
        Custom,
    };

    Range range() const { return m_range; }
    void setRange(Range range) { m_range = range; }
    std::optional<qint64> customFrom() const { return m_customFrom; }
    std::optional<qint64> customTo() const { return m_customTo; }
    // A custom range's bounds (swapped when given backwards); an open end (nothing) reaches
    // the oldest or newest value.
    void setCustomBounds(std::optional<qint64> fromUs, std::optional<qint64> toUs);
    // A Last N range's N; 0 for the others.
    qint64 lastSeconds() const;
    qint64 anchor() const { return m_anchorUs; }
    void setAnchor(qint64 nowUs) { m_anchorUs = nowUs; }

    // What the series are read over. Following live, a Last N window's end stays open: the
    // rows stored since are in the next read.
    std::pair<qint64, qint64> readRange(bool live) const;
    // The plot's whole range: the Last N window, the custom bounds, or (open ends) the
    // values' `extent`, without values the hour before `nowUs`.
    std::pair<qint64, qint64> fullRange(const std::optional<std::pair<qint64, qint64>> &extent,
                                        qint64 nowUs) const;
    // Where a Last N window starts now: what is older slid out of it.
    qint64 windowStart() const;

    // {"range": "15m"} (+ "from"/"to" for a custom range), added to `json`.
    void save(QJsonObject &json) const;
    // What save() gave: an unknown range is the last hour. The anchor is left as it was.
    void restore(const QJsonObject &json);

private:
    Range m_range = Range::LastHour;
    std::optional<qint64> m_customFrom;
    std::optional<qint64> m_customTo;
    qint64 m_anchorUs = 0;
};

} // namespace mqttdesk
