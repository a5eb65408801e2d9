#pragma once

#include "core/connection/connection_settings.h"
#include "core/session/session_action.h"
#include "core/suite/suite.h"
#include "core/suite/suite_result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace mqttdesk {

class SuiteClient;

// Runs a suite's tests in order, each step after the one before, over core Connections
// (one SuiteClient each, on its own worker thread), and reports every step as it ends and
// the whole run at the end. Event-driven: every wait is a signal or a QTimer, never a
// blocking wait, so it runs on the GUI thread as well as in the CLI.
//
// Each test starts with no connection open; its connect steps open them and they are all
// closed (DISCONNECT) when it ends, so tests do not depend on each other. When a step fails
// or has an error, the test's remaining steps are skipped and the next test runs.
//
// Messages: each connection keeps what it received since its steps last looked, so a
// message that arrives between a subscribe and the expect for it counts. An expect (or
// expect_none, expect_will) looks at that connection's messages on its filter in arrival
// order, from the oldest, and takes every one it looked at (the one that passed and those
// before it that did not): the next expect on that filter starts after them. Messages on
// other topics stay for later steps.
//
//   SuiteRunner runner(suite);
//   connect(&runner, &SuiteRunner::stepFinished, view, &View::showStep);
//   connect(&runner, &SuiteRunner::finished, view, &View::showResult);
//   runner.start();
class SuiteRunner : public QObject
{
    Q_OBJECT
public:
    // The settings of the app's saved connection `profile`, or nothing with `why` set
    // (translated). Without one, a suite with profile connections gets an error for them.
    using ProfileResolver =
        std::function<std::optional<ConnectionSettings>(const QString &profile, QString *why)>;
    // Monotonic milliseconds, for the durations in the results.
    using Clock = std::function<qint64()>;
    // The run's start time in the results (UTC).
    using WallClock = std::function<QDateTime()>;

    static constexpr int kDefaultOperationTimeoutMs = 10000;
    // A failed expect keeps the last this many messages on its filter that did not pass.
    static constexpr int kSeenKept = 5;
    // How long the clean DISCONNECT at a test's end may take.
    static constexpr int kCloseTimeoutMs = 3000;

    explicit SuiteRunner(Suite suite, QObject *parent = nullptr);
    ~SuiteRunner() override;

    const Suite &suite() const { return m_suite; }
    void setProfileResolver(ProfileResolver resolver) { m_profiles = std::move(resolver); }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setWallClock(WallClock clock) { m_wallClock = std::move(clock); }
    // How long subscribe, publish and disconnect may wait for the broker before the step is
    // an error (connect waits for the connection's own timeouts).
    void setOperationTimeout(int ms) { m_operationTimeoutMs = ms; }

    bool isRunning() const { return m_running; }
    // The results so far; complete once finished() was emitted.
    const SuiteResult &result() const { return m_result; }

    // Starts the run (once); the first signals come after this returns.
    void start();
    // Ends the run early: the step under way is an error ("Stopped."), everything after it
    // is skipped, the connections are closed, then finished() is emitted.
    void stop();

signals:
    void testStarted(int test);
    void stepStarted(int test, int step);
    void stepFinished(const mqttdesk::SuiteStepResult &result);
    void testFinished(const mqttdesk::SuiteTestResult &result);
    void finished(const mqttdesk::SuiteResult &result);

private:
    enum class WillPhase : quint8
    {
        Subscribing, // the receiving connection subscribes to the filter
        Connecting,  // the will client connects
        Waiting,     // it was dropped; the will may come
    };

    const SuiteTest &test() const { return m_suite.tests.at(m_test); }
    const SuiteStep &step() const { return test().steps.at(m_step); }
    qint64 now() const { return m_clock(); }
    void later(void (SuiteRunner::*method)());

    void nextTest();
    void advance();
    void runStep();
    void runConnect();
    void runSubscribe();
    void runPublish();
    void runExpect();
    void runExpectWill();
    void runDisconnect();
    void connectWillClient();
    void finishStep(SuiteStatus status, const QString &reason = {});
    void failExpect();
    void endTest();
    void testDone();
    void finishRun();

    void onConnected(SuiteClient *client);
    void onClosed(SuiteClient *client, const QString &error);
    void onMessages(SuiteClient *client);
    void onSubscribed(SuiteClient *client, quint64 token, const SubscribeResult &result);
    void onPublished(SuiteClient *client, quint64 token, const PublishOutcome &outcome);
    void onTimeout();

    // The step's connection, connected; otherwise the step ends with an error and null.
    SuiteClient *requireClient();
    SuiteClient *makeClient(const QString &name, const ConnectionSettings &settings);
    std::optional<ConnectionSettings> settingsFor(const QString &connection, QString *why) const;
    void discard(SuiteClient *client);
    // Looks at `client`'s messages for the expect-like step under way (see the class comment).
    void scan(SuiteClient *client);
    // A message of `source` for a connection with these settings and the server's Maximum
    // Packet Size; nothing with `why` (translated) when it cannot be sent.
    std::optional<PublishPacket> messageFor(const CompiledTemplate &source,
                                            const ConnectionSettings &settings,
                                            std::optional<quint32> maximumPacketSize,
                                            QString *why) const;
    // A will made from a message template (expect_will's, or a connection's "will").
    std::optional<Will> willFor(const CompiledTemplate &source, std::optional<quint32> delaySeconds,
                                const ConnectionSettings &settings, QString *why) const;

    Suite m_suite;
    ProfileResolver m_profiles;
    Clock m_clock;
    WallClock m_wallClock;
    QElapsedTimer m_elapsed;
    int m_operationTimeoutMs = kDefaultOperationTimeoutMs;

    SuiteResult m_result;
    bool m_running = false;
    bool m_started = false;
    bool m_stopping = false;
    qint64 m_runStartMs = 0;

    int m_test = -1;
    int m_step = -1;
    SuiteTestResult m_testResult;
    qint64 m_testStartMs = 0;
    bool m_testBroken = false; // a step of the test failed or had an error
    bool m_closingTest = false;
    int m_closing = 0; // connections still saying goodbye at the test's end

    bool m_stepActive = false;
    SuiteStepResult m_current;
    qint64 m_stepStartMs = 0;
    quint64 m_token = 0;
    QList<ReceivedMessage> m_matched;
    QList<SuiteSeenMessage> m_seen;
    WillPhase m_willPhase = WillPhase::Subscribing;
    qint64 m_willAfterUs = 0;
    mutable quint64 m_counter = 1; // {{counter}} of the run's messages

    QHash<QString, SuiteClient *> m_clients; // the test's connections, by name (children)
    SuiteClient *m_willClient = nullptr;
    QTimer m_timer;
    QTimer m_closeTimer;
};

} // namespace mqttdesk
