#include "ui/charts/chart_time_ticks.h"

#include <array>

namespace mqttdesk {

namespace {

constexpr qint64 kMs = ChartTimeTicks::kMsUs;
constexpr qint64 kSecond = ChartTimeTicks::kSecondUs;
constexpr qint64 kMinute = ChartTimeTicks::kMinuteUs;
constexpr qint64 kHour = ChartTimeTicks::kHourUs;
constexpr qint64 kDay = ChartTimeTicks::kDayUs;

// Time axis steps, smallest first; the first that leaves room for a label wins.
constexpr std::array<qint64, 35> kTimeSteps{
    kMs,          2 * kMs,   5 * kMs,     10 * kMs,    20 * kMs,     50 * kMs,     100 * kMs,
    200 * kMs,    500 * kMs, kSecond,     2 * kSecond, 5 * kSecond,  10 * kSecond, 15 * kSecond,
    30 * kSecond, kMinute,   2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
    kHour,        2 * kHour, 3 * kHour,   6 * kHour,   12 * kHour,   kDay,         2 * kDay,
    7 * kDay,     14 * kDay, 30 * kDay,   91 * kDay,   182 * kDay,   365 * kDay,   3650 * kDay};

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

ChartTimeTicks::ChartTimeTicks(qint64 fromUs, qint64 toUs, double width, int labelWidth)
{
    const double span = double(toUs - fromUs);
    m_stepUs = kTimeSteps.back();
    for (qint64 step : kTimeSteps) {
        if (span / double(step) * labelWidth <= width) {
            m_stepUs = step;
            break;
        }
    }
    m_format = m_stepUs < kSecond   ? QStringLiteral("HH:mm:ss.zzz")
               : m_stepUs < kMinute ? QStringLiteral("HH:mm:ss")
               : m_stepUs < kDay    ? QStringLiteral("HH:mm")
                                    : QStringLiteral("yyyy-MM-dd");
    // Aligned in local time (a tick at local midnight, on the hour...).
    const qint64 offsetUs = qint64(localTime(fromUs).offsetFromUtc()) * kSecond;
    m_firstUs = floorDiv(fromUs + offsetUs, m_stepUs) * m_stepUs - offsetUs;
    if (m_firstUs < fromUs)
        m_firstUs += m_stepUs;
}

QString ChartTimeTicks::label(qint64 timeUs) const
{
    const QDateTime at = localTime(timeUs);
    if (m_stepUs >= kMinute && m_stepUs < kDay && at.time() == QTime(0, 0))
        return at.toString(QStringLiteral("MM-dd"));
    return at.toString(m_format);
}

QDateTime ChartTimeTicks::localTime(qint64 timeUs)
{
    return QDateTime::fromMSecsSinceEpoch(timeUs / kMs);
}

} // namespace mqttdesk
