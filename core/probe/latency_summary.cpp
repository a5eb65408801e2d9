#include "core/probe/latency_summary.h"

#include <algorithm>
#include <cmath>

namespace mqttdesk {

LatencySummary LatencySummary::of(QList<qint64> samplesUs)
{
    LatencySummary s;
    if (samplesUs.isEmpty())
        return s;
    std::sort(samplesUs.begin(), samplesUs.end());
    s.samples = int(samplesUs.size());
    s.minUs = samplesUs.first();
    s.maxUs = samplesUs.last();
    s.p50Us = percentile(samplesUs, 0.50);
    s.p99Us = percentile(samplesUs, 0.99);
    return s;
}

qint64 LatencySummary::percentile(const QList<qint64> &sortedUs, double share)
{
    if (sortedUs.isEmpty())
        return 0;
    const auto rank = qint64(std::ceil(share * double(sortedUs.size())));
    return sortedUs.at(qBound<qint64>(1, rank, sortedUs.size()) - 1);
}

} // namespace mqttdesk
