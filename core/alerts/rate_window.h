#pragma once

#include <QList>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// Messages per second over a sliding window of whole seconds: one counter per second of the
// clock, the last `windowSeconds` complete ones averaged. The second still running is not
// counted, so the rate a clock tick sees does not depend on where in the second it falls.
class RateWindow
{
public:
    explicit RateWindow(int windowSeconds = 10);

    // Forgets every count; the window is full `windowSeconds` whole seconds after `nowMs`.
    void restart(qint64 nowMs);
    void add(qint64 nowMs, qint64 count = 1);
    // The mean rate of the last `windowSeconds` complete seconds; nothing until that many
    // have passed since restart().
    std::optional<double> rate(qint64 nowMs);
    int windowSeconds() const { return m_window; }

private:
    // Moves the current second to the one of `nowMs`, zeroing the seconds skipped.
    void advance(qint64 nowMs);

    int m_window;
    QList<qint64> m_counts; // window + 1 slots: the complete seconds and the current one
    qint64 m_second = 0;    // the current second (nowMs / 1000, rounded down)
    qint64 m_firstFull = 0; // the first second that was complete from its start
};

} // namespace mqttdesk
