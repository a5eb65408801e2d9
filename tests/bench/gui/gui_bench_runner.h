#pragma once

#include "core/storage/message_writer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

namespace mqttdesk {

class LogModel;

class ConnectionServices;
class ConnectionView;
class EventLoopLatencyProbe;

// One benchmark run: connects a ConnectionView (shown, offscreen) to the broker, subscribes
// to Options::filters (bench/#), prints READY once every one is active, then counts what storage
// committed until the expected number arrived or nothing new came for `idleMs`. Prints one JSON
// line of results.
class GuiBenchRunner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        quint16 port = 1883;
        qint64 expected = 1000000;
        int idleMs = 5000;
        bool bigPayload = false; // measure the stall around the expected (10 MB) message(s)
        QString screenshot;      // PNG of the view at the end, when set
        bool syncReads = false;  // stream reads on the GUI thread (for comparison)
        bool logPackets = false; // View > Log packets on, lines into a LogModel as in the app
        bool topics = false;     // the Topics view shown (expanded two levels) instead
        QString tab;             // "packets" (traced while shown) or "broker": that tab shown
        QString alertRules;      // an alert rule file, watched as the app does (AlertMonitor)
        bool quick = false;      // end once the expected count is stored (no idle measurement)
        QStringList filters{QStringLiteral("bench/#")}; // one subscription each, own colour
    };

    explicit GuiBenchRunner(const Options &options, QObject *parent = nullptr);
    ~GuiBenchRunner() override;
    void start();

signals:
    void finished(int exitCode);

private:
    void onConnected();
    void sample();
    void finish(const QString &reason);
    // After the flood: waits for indexing to catch up, then measures the process's CPU
    // use over a few idle seconds (an app left alone must go quiet).
    void measureIdle(const QString &reason);
    static qint64 rssKb();
    // User plus system CPU time of the whole process (all threads) so far.
    static double cpuMs();
    // CPU time of each thread by name, in milliseconds (where the time went).
    static QJsonObject threadCpuMs();

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<MessageWriter> m_writer;
    std::unique_ptr<ConnectionServices> m_services;
    std::unique_ptr<ConnectionView> m_view;
    EventLoopLatencyProbe *m_probe = nullptr;
    LogModel *m_log = nullptr;
    QTimer m_sampler;
    QElapsedTimer m_clock;
    qint64 m_profileId = 0;
    qint64 m_firstMs = -1;
    qint64 m_lastMs = -1;
    qint64 m_lastStored = 0;
    qint64 m_lastProgressMs = 0;
    qint64 m_rssStart = 0;
    double m_cpuStartMs = 0;
    double m_cpuAtLastMs = 0; // the process's CPU time when the last message was stored
    qint64 m_rssMax = 0;
    qint64 m_rssAt10 = 0;
    qint64 m_lastEpochMs = 0;
    double m_bigMaxLateMs = 0;
    bool m_bigSeen = false;
    qint64 m_indexedMs = -1;      // flood end -> every row indexed
    double m_idleCpuPercent = -1; // process CPU over the idle window
    bool m_subscribed = false;
    qint64 m_lastExpandMs = 0;
    double m_expandMaxMs = 0; // the longest "expand two levels" (the user's click, not a tick)
};

} // namespace mqttdesk
