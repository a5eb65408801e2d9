#pragma once

#include <QList>
#include <QtGlobal>

namespace mqttdesk {

// Round-trip times summed up: nearest-rank percentiles (the smallest sample at or above
// that share of the samples), so p50 and p99 are times that were actually measured.
struct LatencySummary
{
    int samples = 0;
    qint64 minUs = 0;
    qint64 p50Us = 0;
    qint64 p99Us = 0;
    qint64 maxUs = 0;

    static LatencySummary of(QList<qint64> samplesUs);
    // The nearest-rank percentile of sorted samples, 0 < share <= 1; 0 for none.
    static qint64 percentile(const QList<qint64> &sortedUs, double share);
};

} // namespace mqttdesk
