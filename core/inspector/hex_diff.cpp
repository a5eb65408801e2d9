#include "core/inspector/hex_diff.h"

#include <cstring>

namespace mqttdesk {

namespace {

// Equal blocks are skipped with memcmp; only a block that differs is read byte by byte.
constexpr qsizetype kBlock = 4096;

} // namespace

HexDiff::HexDiff(const QByteArray &left, const QByteArray &right, int bytesPerRow)
    : m_left(left)
    , m_right(right)
    , m_bytesPerRow(qBound(1, bytesPerRow, kMaxBytesPerRow))
{}

qsizetype HexDiff::rowCount() const
{
    return (totalSize() + m_bytesPerRow - 1) / m_bytesPerRow;
}

HexDiffRow HexDiff::row(qsizetype index) const
{
    HexDiffRow out;
    if (index < 0 || index >= rowCount())
        return out;
    const qsizetype start = index * m_bytesPerRow;
    out.offset = start;
    auto slice = [this, start](const QByteArray &bytes) {
        if (start >= bytes.size())
            return QByteArrayView();
        return QByteArrayView(bytes).sliced(start,
                                            qMin<qsizetype>(m_bytesPerRow, bytes.size() - start));
    };
    out.left = slice(m_left);
    out.right = slice(m_right);
    const qsizetype end = qMin<qsizetype>(start + m_bytesPerRow, totalSize());
    const qsizetype common = commonSize();
    for (qsizetype at = start; at < end; ++at)
        if (at >= common || m_left.at(at) != m_right.at(at))
            out.mask |= quint64(1) << (at - start);
    return out;
}

bool HexDiff::rowDiffers(qsizetype index) const
{
    if (index < 0 || index >= rowCount())
        return false;
    const qsizetype start = index * m_bytesPerRow;
    const qsizetype end = qMin<qsizetype>(start + m_bytesPerRow, totalSize());
    const qsizetype common = commonSize();
    if (end > common)
        return true; // a byte only one side has
    return std::memcmp(m_left.constData() + start, m_right.constData() + start,
                       size_t(end - start)) != 0;
}

qsizetype HexDiff::rowsWithinBoth() const
{
    // With equal sizes every row may be the same; else only rows before the shorter end.
    return totalSize() == commonSize() ? rowCount() : commonSize() / m_bytesPerRow;
}

qsizetype HexDiff::differingBytes() const
{
    const qsizetype common = commonSize();
    const char *l = m_left.constData();
    const char *r = m_right.constData();
    qsizetype count = totalSize() - common;
    for (qsizetype at = 0; at < common; at += kBlock) {
        const qsizetype size = qMin(kBlock, common - at);
        if (std::memcmp(l + at, r + at, size_t(size)) == 0)
            continue;
        for (qsizetype i = at; i < at + size; ++i)
            count += l[i] != r[i];
    }
    return count;
}

qsizetype HexDiff::firstDifferingByte(qsizetype from) const
{
    from = qMax<qsizetype>(0, from);
    const qsizetype common = commonSize();
    const char *l = m_left.constData();
    const char *r = m_right.constData();
    for (qsizetype at = from; at < common; at += kBlock) {
        const qsizetype size = qMin(kBlock, common - at);
        if (std::memcmp(l + at, r + at, size_t(size)) == 0)
            continue;
        for (qsizetype i = at; i < at + size; ++i)
            if (l[i] != r[i])
                return i;
    }
    return from < totalSize() && totalSize() > common ? qMax(from, common) : -1;
}

qsizetype HexDiff::lastDifferingByte(qsizetype upTo) const
{
    upTo = qMin(upTo, totalSize() - 1);
    const qsizetype common = commonSize();
    if (upTo >= common)
        return upTo; // past the shorter side's end every byte differs
    const char *l = m_left.constData();
    const char *r = m_right.constData();
    for (qsizetype end = upTo + 1; end > 0; end -= kBlock) {
        const qsizetype at = qMax<qsizetype>(0, end - kBlock);
        if (std::memcmp(l + at, r + at, size_t(end - at)) == 0)
            continue;
        for (qsizetype i = end - 1; i >= at; --i)
            if (l[i] != r[i])
                return i;
    }
    return -1;
}

qsizetype HexDiff::firstDifference(qsizetype fromRow) const
{
    const qsizetype byte = firstDifferingByte(qMax<qsizetype>(0, fromRow) * m_bytesPerRow);
    return byte < 0 ? -1 : byte / m_bytesPerRow;
}

qsizetype HexDiff::lastDifference(qsizetype upToRow) const
{
    if (upToRow < 0)
        return -1;
    const qsizetype upTo = qMin(upToRow, rowCount() - 1);
    const qsizetype byte = lastDifferingByte(upTo * m_bytesPerRow + m_bytesPerRow - 1);
    return byte < 0 ? -1 : byte / m_bytesPerRow;
}

qsizetype HexDiff::firstSame(qsizetype fromRow) const
{
    for (qsizetype row = qMax<qsizetype>(0, fromRow); row < rowsWithinBoth(); ++row)
        if (!rowDiffers(row))
            return row;
    return -1;
}

qsizetype HexDiff::lastSame(qsizetype upToRow) const
{
    for (qsizetype row = qMin(upToRow, rowsWithinBoth() - 1); row >= 0; --row)
        if (!rowDiffers(row))
            return row;
    return -1;
}

} // namespace mqttdesk
