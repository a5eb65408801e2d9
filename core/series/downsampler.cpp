#include "core/series/downsampler.h"

#include <cmath>
#include <limits>
#include <utility>

namespace mqttdesk {

namespace {

// Wider than any screen; bounds the room reserved for the output.
constexpr int kMaxColumns = 1 << 16;

// Column arithmetic is exact in 128 bits (a range of epoch microseconds times a few thousand
// columns passes 2^53, where doubles would put points on a boundary in either column); it
// runs once per column, not per point.
__extension__ using Wide = unsigned __int128;

} // namespace

Downsampler::Downsampler(qint64 fromUs, qint64 toUs, int columns)
    : m_from(qMin(fromUs, toUs))
    , m_to(qMax(fromUs, toUs))
    , m_columns(qBound(1, columns, kMaxColumns))
{
    m_out.reserve(4 * qsizetype(m_columns) + 2);
}

QList<Downsampler::Point> Downsampler::downsample(std::span<const Point> points, qint64 fromUs,
                                                  qint64 toUs, int columns)
{
    Downsampler downsampler(fromUs, toUs, columns);
    downsampler.append(points);
    return downsampler.points();
}

void Downsampler::append(qint64 timeUs, double value)
{
    add(Point{timeUs, value});
    sync();
}

void Downsampler::append(std::span<const Point> points)
{
    for (const Point &point : points)
        add(point);
    sync();
}

void Downsampler::clear()
{
    m_seq = 0;
    m_open = Column();
    m_nextColumnAt = 0;
    m_hasBefore = false;
    m_hasAfter = false;
    m_out.clear();
    m_settled = 0;
}

void Downsampler::add(const Point &point)
{
    if (!std::isfinite(point.value) || m_hasAfter)
        return;
    const Sample sample{point, m_seq++};
    if (point.timeUs > m_to) {
        m_after = point;
        m_hasAfter = true;
        return;
    }
    if (m_open.index < 0 && point.timeUs < m_from) {
        m_before = point; // the latest one wins
        m_hasBefore = true;
        return;
    }
    // Unsigned, so that even the widest range subtracts without overflow.
    const quint64 offset = point.timeUs > m_from ? quint64(point.timeUs) - quint64(m_from) : 0;
    if (m_open.index >= 0 && (offset < m_nextColumnAt || m_open.index == m_columns - 1)) {
        m_open.last = sample;
        if (point.value < m_open.min.point.value)
            m_open.min = sample;
        if (point.value > m_open.max.point.value)
            m_open.max = sample;
        return;
    }
    const quint64 span = quint64(m_to) - quint64(m_from);
    const int column =
        span == 0 ? 0 : int(qMin<Wide>(Wide(offset) * quint64(m_columns) / span, m_columns - 1));
    // The first offset of the next column: the least d with d * columns >= (column + 1) * span.
    m_nextColumnAt =
        column + 1 >= m_columns || span == 0
            ? std::numeric_limits<quint64>::max()
            : quint64((Wide(column + 1) * span + quint64(m_columns) - 1) / quint64(m_columns));
    if (m_open.index < 0) {
        // The first point in range settles the one before it.
        m_out.resize(0);
        if (m_hasBefore)
            m_out.append(m_before);
        m_settled = m_out.size();
    } else {
        m_out.resize(m_settled);
        emitColumn();
        m_settled = m_out.size();
    }
    m_open = Column{column, sample, sample, sample, sample};
}

// The open column's points in input order, each once: first, then the extremes in the
// order they came, then last.
void Downsampler::emitColumn()
{
    const Column &c = m_open;
    Sample a = c.min;
    Sample b = c.max;
    if (a.seq > b.seq)
        std::swap(a, b);
    m_out.append(c.first.point);
    if (a.seq != c.first.seq)
        m_out.append(a.point);
    if (b.seq != a.seq)
        m_out.append(b.point);
    if (c.last.seq != b.seq)
        m_out.append(c.last.point);
}

// Rewrites what can still change after the settled points: the point before the range while
// no point is in it, the open column, the point after.
void Downsampler::sync()
{
    m_out.resize(m_settled);
    if (m_open.index >= 0)
        emitColumn();
    else if (m_hasBefore)
        m_out.append(m_before);
    if (m_hasAfter)
        m_out.append(m_after);
}

} // namespace mqttdesk
