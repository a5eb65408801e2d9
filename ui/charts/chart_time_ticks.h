#pragma once

#include <QDateTime>
#include <QString>

namespace mqttdesk {

// The ticks of ChartPlot's time axis for a visible range: a step that suits the span (from
// a millisecond to ten years, the first that leaves room for a label), the first tick at or
// after the start, aligned in local time (on the hour, at local midnight…), and each tick's
// label. Pure arithmetic on the range and the widths, kept apart from the painting so that
// the plot's tick labels (timeTickLabels) and what it draws come from one place.
class ChartTimeTicks
{
public:
    static constexpr qint64 kMsUs = 1000;
    static constexpr qint64 kSecondUs = 1000 * kMsUs;
    static constexpr qint64 kMinuteUs = 60 * kSecondUs;
    static constexpr qint64 kHourUs = 60 * kMinuteUs;
    static constexpr qint64 kDayUs = 24 * kHourUs;

    // [fromUs, toUs] over `width` pixels, a label taking `labelWidth` of them.
    ChartTimeTicks(qint64 fromUs, qint64 toUs, double width, int labelWidth);

    qint64 stepUs() const { return m_stepUs; }
    qint64 firstUs() const { return m_firstUs; }
    // The labels are times of day: the dates shown go under them.
    bool showsTimeOfDay() const { return m_stepUs < kDayUs; }
    // Hours and minutes, but the date where a day starts.
    QString label(qint64 timeUs) const;

    // The axis's clock: epoch microseconds in local time.
    static QDateTime localTime(qint64 timeUs);

private:
    qint64 m_stepUs = 0;
    qint64 m_firstUs = 0;
    QString m_format;
};

} // namespace mqttdesk
