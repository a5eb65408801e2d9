#include "ui/charts/series_slice.h"

#include <QDateTime>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <span>

namespace mqttdesk {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QByteArray epochMs(qint64 timeUs)
{
    const qint64 ms = timeUs / 1000;
    const qint64 us = timeUs % 1000;
    if (us == 0)
        return QByteArray::number(ms);
    return QByteArray::number(ms) + '.' + QByteArray::number(qAbs(us)).rightJustified(3, '0');
}

} // namespace

QList<Downsampler::Point> SeriesSlice::downsample(const Series &series, qint64 fromUs, qint64 toUs,
                                                  int columns)
{
    const std::vector<qint64> &times = series.timesUs;
    auto first = std::lower_bound(times.cbegin(), times.cend(), fromUs);
    if (first != times.cbegin())
        --first;
    auto last = std::upper_bound(first, times.cend(), toUs);
    if (last != times.cend())
        ++last;
    Downsampler downsampler(fromUs, toUs, columns);
    // The values come as two arrays: handed over in chunks, nothing allocated per value.
    std::array<Downsampler::Point, 512> chunk;
    size_t filled = 0;
    for (auto it = first; it != last; ++it) {
        chunk[filled++] = {*it, series.values[size_t(it - times.cbegin())]};
        if (filled == chunk.size()) {
            downsampler.append(std::span<const Downsampler::Point>(chunk.data(), filled));
            filled = 0;
        }
    }
    downsampler.append(std::span<const Downsampler::Point>(chunk.data(), filled));
    return downsampler.points();
}

qint64 SeriesSlice::count(const Series &series, qint64 fromUs, qint64 toUs)
{
    const auto &t = series.timesUs;
    const auto begin = std::lower_bound(t.cbegin(), t.cend(), fromUs);
    return std::upper_bound(begin, t.cend(), toUs) - begin;
}

std::array<qint64, 5> SeriesSlice::skipped(const Series &series, qint64 fromUs, qint64 toUs)
{
    std::array<qint64, 5> counts{};
    const auto &t = series.skippedTimesUs;
    const auto begin = std::lower_bound(t.cbegin(), t.cend(), fromUs);
    const auto end = std::upper_bound(begin, t.cend(), toUs);
    for (auto it = begin; it != end; ++it) {
        const quint8 reason = series.skippedReasons[size_t(it - t.cbegin())];
        if (reason < counts.size())
            ++counts[reason];
    }
    return counts;
}

QList<QPair<qint64, qint64>> SeriesSlice::gaps(const Series &series, qint64 fromUs, qint64 toUs,
                                               qint64 mergeUs)
{
    QList<QPair<qint64, qint64>> ranges;
    const auto &skips = series.skippedTimesUs;
    const auto &times = series.timesUs;
    const auto end = std::upper_bound(skips.cbegin(), skips.cend(), toUs);
    auto value = std::lower_bound(times.cbegin(), times.cend(), fromUs);
    auto valueAtLastGap = value;
    for (auto it = std::lower_bound(skips.cbegin(), skips.cend(), fromUs); it != end; ++it) {
        const qint64 at = *it;
        while (value != times.cend() && *value < at)
            ++value;
        if (!ranges.isEmpty() && (value == valueAtLastGap || at - ranges.last().second <= mergeUs))
            ranges.last().second = at;
        else
            ranges.append({at, at});
        valueAtLastGap = value;
    }
    return ranges;
}

bool SeriesSlice::writeCsv(const QString &path, const QList<Named> &series, qint64 fromUs,
                           qint64 toUs, QString *error)
{
    QSaveFile file(path);
    auto fail = [&file, error] {
        if (error)
            *error = file.errorString();
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail();
    QByteArray out = "time_utc,epoch_ms,series,value\n";
    for (const Named &named : series) {
        if (!named.series)
            continue;
        const QByteArray name = csvField(named.name).toUtf8();
        const auto &t = named.series->timesUs;
        const auto begin = std::lower_bound(t.cbegin(), t.cend(), fromUs);
        const auto end = std::upper_bound(begin, t.cend(), toUs);
        for (auto it = begin; it != end; ++it) {
            const qint64 us = *it;
            out += QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC)
                       .toString(Qt::ISODateWithMs)
                       .toLatin1();
            out += ',' + epochMs(us) + ',' + name + ',';
            out += QByteArray::number(named.series->values[size_t(it - t.cbegin())], 'g', 17);
            out += '\n';
            if (out.size() > (1 << 20) && file.write(out) < 0)
                return fail();
            if (out.size() > (1 << 20))
                out.clear();
        }
    }
    if (file.write(out) < 0 || !file.commit())
        return fail();
    return true;
}

} // namespace mqttdesk
