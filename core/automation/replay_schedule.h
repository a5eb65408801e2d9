#pragma once

#include "core/automation/capture_record.h"

#include <QList>
#include <QtGlobal>

namespace mqttdesk {

// When each message of a replay is due, in microseconds from the start: the capture's own
// spacing divided by the speed (speed 0: all at once, as fast as the connection takes them).
// Loops repeat the capture; a loop starts one average gap after the previous one ends, so a
// looped capture keeps its rhythm. Pure arithmetic, tested on its own.
class ReplaySchedule
{
public:
    ReplaySchedule(const QList<CaptureRecord> &records, double speed, int loops);

    // Messages over all loops.
    qint64 total() const { return m_count * m_loops; }
    // The due time of the n-th message of the whole replay (0-based, n < total()).
    qint64 dueUs(qint64 n) const;
    // Which capture record the n-th message is.
    qsizetype recordIndex(qint64 n) const { return qsizetype(n % qMax<qint64>(1, m_count)); }
    double speed() const { return m_speed; }

private:
    QList<qint64> m_offsets; // from the first record, in capture time
    qint64 m_count = 0;
    qint64 m_loopLengthUs = 0; // capture time of one loop, gap included
    double m_speed = 1.0;
    int m_loops = 1;
};

} // namespace mqttdesk
