#pragma once

#include "history_audit.h"

#include "core/protocol/protocol_version.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace mqttdesk {

class ConnectionController;
class MainWindowFixture;

// The soak run, in the app's process: the real MainWindow (offscreen) over a data
// directory, three saved connections made through the connection dialog, to the FaultProxy
// in front of each of the fixture broker's plain, TLS and WebSocket listeners (see
// SoakHarness, a process of its own), each subscribed to `#` at QoS 2 through the
// subscription form. Every connection keeps its session (3.1.1 over TCP: Clean Session 0;
// 5.0 over TLS and over WebSocket: Clean Start 0, Session Expiry one hour), stores before
// acknowledging (the profile's default) and reconnects by itself (the default backoff).
// The shown connection changes every 20 s, so each stream view is shown in turn.
//
// Prints a line every `reportEverySeconds` (RSS, and per connection received, stored and
// reconnects, the publisher's counts, restarts and cuts), then stops the traffic, waits
// (60 s at most) until every connection's history holds every published number, reads the
// histories through core storage (HistoryAudit) and prints the summary. Exit code 0 when
// nothing was lost, no QoS 2 message was stored twice, no publish failed and the resident
// memory stayed within 10% of its value at minute 5 (for runs shorter than 7 minutes: at
// 40% of the run); 1 otherwise; 2 when the run could not be set up.
class SoakRunner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 seconds = 3600;
        int rate = 2000; // messages per second received by the app, over its 3 connections
        int restartEverySeconds = 600;
        int cutEverySeconds = 120;
        int reportEverySeconds = 60;
        QString dataDir;         // empty: a temporary one
        bool checkMemory = true; // false: RSS is printed, its growth fails nothing
    };

    explicit SoakRunner(const Options &options, QObject *parent = nullptr);
    ~SoakRunner() override;
    void start();
    // Ends the run now (Ctrl-C): the traffic stops and the summary follows as at the end.
    void endEarly();

signals:
    void finished(int exitCode);

private:
    struct HarnessStatus
    {
        qint64 sent = 0;
        qint64 completed = 0;
        qint64 failed = 0;
        qint64 endedTwice = 0;
        int restarts = 0;
        int cuts = 0;
        int connects = 0;
    };
    struct Link
    {
        QString name; // "tcp", "tls", "ws"
        ProtocolVersion version = ProtocolVersion::V5;
        qint64 profileId = 0;
        ConnectionController *controller = nullptr;
        int connects = 0;
        std::unique_ptr<HistoryAudit> audit;
        HistoryAudit::Result result;
        QStringList details;
        StorageError auditError;
    };
    enum class Phase
    {
        Starting,
        Running,
        Stopping,
        Draining,
        Done,
    };

    void onHarnessOutput();
    void onHarnessLine(const QByteArray &line);
    void onHarnessFinished();
    bool setUp(const QList<QByteArray> &ready);
    bool openConnection(Link &link);
    void sample();
    void report();
    void rotateShown();
    void endRun();
    void drainPoll();
    void auditInThread(bool describe, std::function<void()> then);
    void summarize();
    void shutDown(int exitCode);
    void setupFailed(const QString &why);
    qint64 storedOf(const Link &link) const;
    qint64 receivedOf(const Link &link) const;
    QString elapsedText() const;
    static qint64 rssKb();

    Options m_options;
    QProcess m_harness;
    QByteArray m_harnessBuffer;
    HarnessStatus m_status;
    QStringList m_failures;
    QString m_harnessError;
    std::unique_ptr<MainWindowFixture> m_fixture;
    QString m_databasePath;
    std::array<Link, 3> m_links;
    Phase m_phase = Phase::Starting;
    QElapsedTimer m_clock; // from `go`
    QElapsedTimer m_drainClock;
    QTimer m_sampler;
    QTimer m_reporter;
    QTimer m_rotator;
    QTimer m_guard;
    QPointer<QThread> m_auditThread; // the histories' read under way, if any
    int m_shown = 0;
    struct Sample
    {
        double seconds = 0;
        qint64 rssKb = 0;
    };
    std::vector<Sample> m_samples;
    qint64 m_lastReportMs = -1;
    qint64 m_endRssKb = 0;
    double m_endSeconds = 0;
    int m_exitCode = 0;
};

} // namespace mqttdesk
