#include "app/cli/bench_stats.h"

#include <QCoreApplication>

#include <algorithm>

namespace mqttdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 3) + QStringLiteral(" ms");
}

} // namespace

BenchStats::BenchStats()
{
    m_clock.start();
}

QString BenchStats::liveLine(const QString &what)
{
    const qint64 now = m_clock.nsecsElapsed();
    const double seconds = double(qMax<qint64>(1, now - m_lastNs)) / 1e9;
    const double rate = double(m_messages - m_lastMessages) / seconds;
    m_lastNs = now;
    m_lastMessages = m_messages;
    return tr("%1 s  %2 msg/s  %3 messages %4  %5 errors")
        .arg(QString::number(double(now) / 1e9, 'f', 1))
        .arg(QString::number(rate, 'f', 0))
        .arg(m_messages)
        .arg(what)
        .arg(m_errors);
}

QString BenchStats::summary(const QString &what, const QString &latencyName)
{
    const double seconds = double(qMax<qint64>(1, m_clock.nsecsElapsed())) / 1e9;
    QString out = tr("Summary: %1 messages %2 in %3 s: %4 msg/s, %5 errors\n")
                      .arg(m_messages)
                      .arg(what)
                      .arg(QString::number(seconds, 'f', 3))
                      .arg(QString::number(double(m_messages) / seconds, 'f', 0))
                      .arg(m_errors);
    return out + percentiles(latencyName);
}

QString BenchStats::percentiles(const QString &latencyName)
{
    if (m_latenciesNs.empty())
        return {};
    std::sort(m_latenciesNs.begin(), m_latenciesNs.end());
    auto at = [this](double q) {
        const size_t i = size_t(q * double(m_latenciesNs.size() - 1));
        return m_latenciesNs[i];
    };
    return tr("%1 latency: p50 %2, p90 %3, p99 %4, max %5 (%6 samples)\n")
        .arg(latencyName, ms(at(0.5)), ms(at(0.9)), ms(at(0.99)), ms(m_latenciesNs.back()))
        .arg(m_latenciesNs.size());
}

} // namespace mqttdesk
