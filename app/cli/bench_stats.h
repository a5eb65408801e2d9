#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace mqttdesk {

// Counters and latency samples of a bench run, with the once-a-second line and the
// summary it prints.
class BenchStats
{
public:
    BenchStats();

    void addMessages(qint64 count) { m_messages += count; }
    void addError() { ++m_errors; }
    void addLatencyNs(qint64 ns) { m_latenciesNs.push_back(ns); }
    qint64 messages() const { return m_messages; }
    qint64 errors() const { return m_errors; }

    // "12.0 s  85,210 msg/s  1,022,520 messages  0 errors" for the last second.
    QString liveLine(const QString &what);
    // Totals, overall rate and latency percentiles (when there are samples).
    QString summary(const QString &what, const QString &latencyName);

private:
    QString percentiles(const QString &latencyName);

    QElapsedTimer m_clock;
    qint64 m_messages = 0;
    qint64 m_errors = 0;
    qint64 m_lastMessages = 0;
    qint64 m_lastNs = 0;
    std::vector<qint64> m_latenciesNs;
};

} // namespace mqttdesk
