#pragma once

#include "core/series/downsampler.h"
#include "core/series/series_loader.h"

#include <QList>
#include <QPair>
#include <QString>

#include <array>

namespace mqttdesk {

// The part of a loaded Series that falls in a time range, for the chart: its points
// downsampled to pixel columns, its count, and its raw values written as CSV. Each reads only
// that part (two binary searches, then the slice). Headless: could move to core/series.
class SeriesSlice
{
public:
    struct Named
    {
        QString name;
        const Series *series = nullptr;
    };

    // The points to draw over `columns` pixel columns, with the value before and the value
    // after the range so that the line reaches both edges. 1M values take about 4 ms.
    static QList<Downsampler::Point> downsample(const Series &series, qint64 fromUs, qint64 toUs,
                                                int columns);
    // Values with fromUs <= time <= toUs.
    static qint64 count(const Series &series, qint64 fromUs, qint64 toUs);
    // The messages in the range that gave no value, per SkipReason.
    static std::array<qint64, 5> skipped(const Series &series, qint64 fromUs, qint64 toUs);
    // Where the line breaks in the range: the times of the messages that gave no value, as
    // ranges for ChartPlot::Line::gaps. Skips with no value between them, or nearer each
    // other than `mergeUs` (a pixel column), are one range, so there are never many more
    // ranges than columns.
    static QList<QPair<qint64, qint64>> gaps(const Series &series, qint64 fromUs, qint64 toUs,
                                             qint64 mergeUs);
    // "time_utc,epoch_ms,series,value": a row per value in the range, series after series,
    // the time in UTC ISO 8601 with milliseconds and as epoch milliseconds (with the
    // microseconds as a fraction when there are any), the value as read (shortest exact
    // form). False, with `error` set, when the file cannot be written; it is written whole or
    // not at all.
    static bool writeCsv(const QString &path, const QList<Named> &series, qint64 fromUs,
                         qint64 toUs, QString *error = nullptr);
};

} // namespace mqttdesk
