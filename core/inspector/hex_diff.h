#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace mqttdesk {

// One row of a hex diff: the same offsets on both sides.
struct HexDiffRow
{
    qint64 offset = 0;
    // This row's bytes on each side (fewer, or none, past that side's end). Views into the
    // HexDiff's arrays: valid while it lives.
    QByteArrayView left;
    QByteArrayView right;
    // Bit i: the byte at offset + i differs (a byte only one side has differs too).
    quint64 mask = 0;

    bool differs() const { return mask != 0; }
};

// Two byte arrays compared offset by offset, in rows of a fixed width. Nothing is computed
// up front: rows are made on demand and the searches run at memcmp speed, so a 100 MB pair
// costs nothing until a row is shown or a difference is looked for.
class HexDiff
{
public:
    static constexpr int kDefaultBytesPerRow = 16;
    static constexpr int kMaxBytesPerRow = 64; // the width of a row's mask

    HexDiff() = default;
    // Shares the arrays (implicitly); bytesPerRow is clamped to 1..kMaxBytesPerRow.
    HexDiff(const QByteArray &left, const QByteArray &right, int bytesPerRow = kDefaultBytesPerRow);

    const QByteArray &left() const { return m_left; }
    const QByteArray &right() const { return m_right; }
    int bytesPerRow() const { return m_bytesPerRow; }

    // Rows up to the end of the longer side.
    qsizetype rowCount() const;
    HexDiffRow row(qsizetype index) const;
    bool rowDiffers(qsizetype index) const;

    // Bytes that differ, counting those only one side has. Reads both arrays once.
    qsizetype differingBytes() const;
    // The first differing row at or after `fromRow` / the last at or before `upToRow`;
    // -1 when there is none.
    qsizetype firstDifference(qsizetype fromRow = 0) const;
    qsizetype lastDifference(qsizetype upToRow) const;
    // The same for rows without a difference (the ends of a run of differing rows).
    qsizetype firstSame(qsizetype fromRow) const;
    qsizetype lastSame(qsizetype upToRow) const;

private:
    qsizetype commonSize() const { return qMin(m_left.size(), m_right.size()); }
    qsizetype totalSize() const { return qMax(m_left.size(), m_right.size()); }
    // Rows that hold no byte past the shorter side's end: only those can be the same.
    qsizetype rowsWithinBoth() const;
    qsizetype firstDifferingByte(qsizetype from) const;
    qsizetype lastDifferingByte(qsizetype upTo) const;

    QByteArray m_left;
    QByteArray m_right;
    int m_bytesPerRow = kDefaultBytesPerRow;
};

} // namespace mqttdesk
