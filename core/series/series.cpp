#include "core/series/series.h"

#include <algorithm>
#include <numeric>

namespace mqttdesk {

namespace {

// Appends `times`/`items` of a later read to `ourTimes`/`ourItems`, both in time order. A
// later read's rows have higher ids, and so mostly later times; rows stamped earlier (a
// clock set back) are merged into place, stable, so equal times keep id order.
template<typename T>
void appendInOrder(std::vector<qint64> &ourTimes, std::vector<T> &ourItems,
                   const std::vector<qint64> &times, const std::vector<T> &items)
{
    if (times.empty())
        return;
    const size_t middle = ourTimes.size();
    ourTimes.insert(ourTimes.end(), times.begin(), times.end());
    ourItems.insert(ourItems.end(), items.begin(), items.end());
    if (middle == 0 || ourTimes[middle - 1] <= ourTimes[middle])
        return;
    // Sort the pairs by time through an index, keeping equal times in their order.
    std::vector<size_t> order(ourTimes.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&ourTimes](size_t a, size_t b) { return ourTimes[a] < ourTimes[b]; });
    std::vector<qint64> sortedTimes(ourTimes.size());
    std::vector<T> sortedItems(ourItems.size());
    for (size_t i = 0; i < order.size(); ++i) {
        sortedTimes[i] = ourTimes[order[i]];
        sortedItems[i] = ourItems[order[i]];
    }
    ourTimes = std::move(sortedTimes);
    ourItems = std::move(sortedItems);
}

} // namespace

void Series::append(const Series &later)
{
    appendInOrder(timesUs, values, later.timesUs, later.values);
    appendInOrder(skippedTimesUs, skippedReasons, later.skippedTimesUs, later.skippedReasons);
    for (size_t r = 0; r < skipped.size(); ++r)
        skipped[r] += later.skipped[r];
}

void Series::dropBefore(qint64 fromUs)
{
    // The newest value before fromUs stays: the line comes in from the left edge.
    auto first = std::lower_bound(timesUs.begin(), timesUs.end(), fromUs);
    if (first != timesUs.begin())
        --first;
    const auto drop = first - timesUs.begin();
    timesUs.erase(timesUs.begin(), first);
    values.erase(values.begin(), values.begin() + drop);
    const auto skipEnd = std::lower_bound(skippedTimesUs.begin(), skippedTimesUs.end(), fromUs);
    const auto dropSkips = skipEnd - skippedTimesUs.begin();
    for (auto it = skippedReasons.begin(); it != skippedReasons.begin() + dropSkips; ++it)
        --skipped[*it];
    skippedTimesUs.erase(skippedTimesUs.begin(), skipEnd);
    skippedReasons.erase(skippedReasons.begin(), skippedReasons.begin() + dropSkips);
}

qint64 Series::bytes() const
{
    return qint64(sizeof(Series)) + topic.size() * 2 + qint64(timesUs.capacity() * sizeof(qint64)) +
           qint64(values.capacity() * sizeof(double)) +
           qint64(skippedTimesUs.capacity() * sizeof(qint64)) +
           qint64(skippedReasons.capacity() * sizeof(quint8));
}

void SeriesData::append(const SeriesData &later)
{
    for (const Series &s : later.series) {
        auto at = std::lower_bound(series.begin(), series.end(), s.topic,
                                   [](const Series &a, const QString &t) { return a.topic < t; });
        if (at != series.end() && at->topic == s.topic)
            at->append(s);
        else
            series.insert(at, s);
    }
    rowsRead += later.rowsRead;
    throughId = qMax(throughId, later.throughId);
    if (later.error.isError())
        error = later.error;
}

qint64 SeriesData::bytes() const
{
    qint64 total = qint64(sizeof(SeriesData));
    for (const Series &s : series)
        total += s.bytes();
    return total;
}

} // namespace mqttdesk
