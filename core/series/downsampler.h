#pragma once

#include <QList>
#include <QtGlobal>

#include <span>

namespace mqttdesk {

// Reduces a series to what a line chart `columns` pixels wide can show, in one pass: per
// pixel column its first, lowest, highest and last point (each once, in time order), so a
// line through them still draws every spike, and a million points become a few thousand.
// The last point before the visible range and the first after it are kept too, so that the
// line reaches both edges.
//
// Points must come in time order (as the history reads them); one that goes back in time is
// put in the current column rather than reordering what is drawn. A value that is not finite
// is dropped: gaps are the caller's to count. Appending is incremental (live data extends
// the last column), and appending in parts gives what appending everything at once gives.
// Nothing is allocated per point: the output's room is reserved up front.
class Downsampler
{
public:
    struct Point
    {
        qint64 timeUs = 0;
        double value = 0;
        friend bool operator==(const Point &, const Point &) = default;
    };

    // The visible range [fromUs, toUs] (both ends in; swapped when given backwards) over
    // `columns` pixel columns (at least 1).
    Downsampler(qint64 fromUs, qint64 toUs, int columns);

    static QList<Point> downsample(std::span<const Point> points, qint64 fromUs, qint64 toUs,
                                   int columns);

    void append(qint64 timeUs, double value);
    void append(std::span<const Point> points);
    // Forgets the points, keeps the range.
    void clear();

    // What to draw so far. Hold a reference rather than a copy across appends: a copy makes
    // the next append copy the list.
    const QList<Point> &points() const { return m_out; }
    qint64 fromUs() const { return m_from; }
    qint64 toUs() const { return m_to; }
    int columns() const { return m_columns; }

private:
    struct Sample
    {
        Point point;
        qint64 seq = 0; // input order: tells points apart that are equal
    };
    struct Column
    {
        int index = -1; // none open yet
        Sample first;
        Sample min;
        Sample max;
        Sample last;
    };

    void add(const Point &point);
    void emitColumn();
    void sync();

    qint64 m_from;
    qint64 m_to;
    int m_columns;
    qint64 m_seq = 0;
    Column m_open;
    quint64 m_nextColumnAt = 0; // where the column after the open one starts, from m_from
    Point m_before;
    Point m_after;
    bool m_hasBefore = false;
    bool m_hasAfter = false;
    QList<Point> m_out;
    qsizetype m_settled = 0; // the points in m_out that no later point changes
};

} // namespace mqttdesk
