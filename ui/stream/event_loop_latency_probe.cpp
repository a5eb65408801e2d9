#include "ui/stream/event_loop_latency_probe.h"

#include <QCoreApplication>

namespace mqttdesk {

EventLoopLatencyProbe::EventLoopLatencyProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLatencyProbe::tick);
}

void EventLoopLatencyProbe::start(int intervalMs)
{
    m_intervalNs = qint64(intervalMs) * 1000000;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start(intervalMs);
}

void EventLoopLatencyProbe::stop()
{
    m_timer.stop();
}

void EventLoopLatencyProbe::reset()
{
    m_histogram.fill(0);
    m_samples = 0;
    m_maxNs = 0;
    if (m_clock.isValid())
        m_lastNs = m_clock.nsecsElapsed();
}

void EventLoopLatencyProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 late = qMax<qint64>(0, now - m_lastNs - m_intervalNs);
    m_lastNs = now;
    m_maxNs = qMax(m_maxNs, late);
    const qint64 bucket = qMin<qint64>(late / 100000, kBuckets - 1);
    ++m_histogram[size_t(bucket)];
    ++m_samples;
}

EventLoopLatencyProbe::Stats EventLoopLatencyProbe::stats() const
{
    Stats s;
    s.samples = m_samples;
    s.maxMs = double(m_maxNs) / 1e6;
    if (m_samples == 0)
        return s;
    const qint64 p50 = (m_samples * 50 + 99) / 100;
    const qint64 p99 = (m_samples * 99 + 99) / 100;
    qint64 seen = 0;
    bool have50 = false;
    for (int i = 0; i < kBuckets; ++i) {
        seen += m_histogram[size_t(i)];
        const double upper = (i + 1) * 0.1;
        if (!have50 && seen >= p50) {
            s.p50Ms = qMin(upper, s.maxMs);
            have50 = true;
        }
        if (seen >= p99) {
            s.p99Ms = qMin(upper, s.maxMs);
            break;
        }
    }
    return s;
}

QString EventLoopLatencyProbe::summary() const
{
    const Stats s = stats();
    return QCoreApplication::translate("EventLoopLatencyProbe",
                                       "GUI latency p50 %1 ms · p99 %2 ms · max %3 ms (%4 samples)")
        .arg(s.p50Ms, 0, 'f', 1)
        .arg(s.p99Ms, 0, 'f', 1)
        .arg(s.maxMs, 0, 'f', 1)
        .arg(s.samples);
}

} // namespace mqttdesk
