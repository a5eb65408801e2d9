#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <array>

namespace mqttdesk {

// Measures how late the thread's event loop serves a precise timer: every tick records
// (actual interval − requested interval). A stalled GUI thread shows as lateness. The
// histogram has 0.1 ms buckets up to 1 s (later ticks count in the last bucket, and in max).
// QtCore only; the diagnostics option of the stream view shows its figures.
class EventLoopLatencyProbe : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        qint64 samples = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
    };

    explicit EventLoopLatencyProbe(QObject *parent = nullptr);

    void start(int intervalMs = 5);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    void reset();
    Stats stats() const;
    // "p50 0.2 ms · p99 3.1 ms · max 12.0 ms (n samples)"
    QString summary() const;

private:
    void tick();

    static constexpr int kBuckets = 10000; // 0.1 ms each
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_intervalNs = 0;
    std::array<quint32, kBuckets> m_histogram{};
    qint64 m_samples = 0;
    qint64 m_maxNs = 0;
};

} // namespace mqttdesk
