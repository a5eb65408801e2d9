#include "ui/charts/chart_time_window.h"

#include <QJsonValue>
#include <QString>

#include <array>
#include <limits>

namespace mqttdesk {

namespace {

using Range = ChartTimeWindow::Range;

constexpr qint64 kSecondUs = 1000 * 1000;

struct RangeInfo
{
    Range range;
    const char *key; // saved: never changes
    qint64 seconds;  // Last N; 0 otherwise
};
constexpr std::array<RangeInfo, 6> kRanges{{
    {Range::LastMinute, "1m", 60},
    {Range::Last15Minutes, "15m", 15 * 60},
    {Range::LastHour, "1h", 3600},
    {Range::Last24Hours, "24h", 24 * 3600},
    {Range::All, "all", 0},
    {Range::Custom, "custom", 0},
}};

const RangeInfo &infoOf(Range range)
{
    return kRanges.at(size_t(range));
}

} // namespace

void ChartTimeWindow::setCustomBounds(std::optional<qint64> fromUs, std::optional<qint64> toUs)
{
    if (fromUs && toUs && *fromUs > *toUs)
        std::swap(fromUs, toUs);
    m_customFrom = fromUs;
    m_customTo = toUs;
}

qint64 ChartTimeWindow::lastSeconds() const
{
    return infoOf(m_range).seconds;
}

std::pair<qint64, qint64> ChartTimeWindow::readRange(bool live) const
{
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
    if (lastSeconds() > 0) {
        from = windowStart();
        if (!live)
            to = m_anchorUs;
    } else if (m_range == Range::Custom) {
        from = m_customFrom.value_or(from);
        to = m_customTo.value_or(to);
    }
    return {from, to};
}

std::pair<qint64, qint64>
ChartTimeWindow::fullRange(const std::optional<std::pair<qint64, qint64>> &extent,
                           qint64 nowUs) const
{
    if (lastSeconds() > 0)
        return {windowStart(), m_anchorUs};
    const std::optional<qint64> lo = m_range == Range::Custom ? m_customFrom : std::nullopt;
    const std::optional<qint64> hi = m_range == Range::Custom ? m_customTo : std::nullopt;
    return {lo.value_or(extent ? extent->first : nowUs - 3600 * kSecondUs),
            hi.value_or(extent ? extent->second : nowUs)};
}

qint64 ChartTimeWindow::windowStart() const
{
    return m_anchorUs - lastSeconds() * kSecondUs;
}

void ChartTimeWindow::save(QJsonObject &json) const
{
    json.insert(QStringLiteral("range"), QLatin1String(infoOf(m_range).key));
    if (m_range == Range::Custom) {
        if (m_customFrom)
            json.insert(QStringLiteral("from"), double(*m_customFrom));
        if (m_customTo)
            json.insert(QStringLiteral("to"), double(*m_customTo));
    }
}

void ChartTimeWindow::restore(const QJsonObject &json)
{
    const QString key = json.value(QStringLiteral("range")).toString();
    m_range = Range::LastHour;
    for (const RangeInfo &info : kRanges) {
        if (key == QLatin1String(info.key))
            m_range = info.range;
    }
    auto bound = [&json](const QString &name) -> std::optional<qint64> {
        const QJsonValue v = json.value(name);
        if (!v.isDouble())
            return std::nullopt;
        return qint64(v.toDouble());
    };
    m_customFrom = bound(QStringLiteral("from"));
    m_customTo = bound(QStringLiteral("to"));
}

} // namespace mqttdesk
