#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <array>
#include <memory>

class QSocketNotifier;

namespace mqttdesk {

class FaultProxy;
class SoakPublisher;
class TestBroker;

// The soak's world, in a process of its own (`mqttdesk-soak --harness`), so that the app's
// resident memory is the app's alone: the fixture mosquitto (persistence on), a FaultProxy
// in front of each of its plain, TLS and WebSocket listeners (bytes relayed as they are,
// so TLS and WebSocket pass through), the publisher, and the faults: a broker restart
// (SIGTERM, then the same ports again) every `restartEverySeconds` and a cut of every
// connection through one proxy every `cutEverySeconds`, the proxies in turn (every fourth
// cut is armed as a cut after a random number of bytes instead, so it lands mid-packet).
//
// Talks to the runner in lines. Out (stdout):
//   ready <tcp proxy port> <tls proxy port> <ws proxy port> <CA certificate path>
//   status <sent> <completed> <failed> <ended twice> <restarts> <cuts> <publisher connects>
//   event <text>          (a restart or a cut)
//   failure <text>        (a failed publish; the first few)
//   stopped <as status>   (after `stop`: publishing stopped and every publish ended, or
//                         60 s passed)
//   error <text>          (the broker could not be started again: the run is void)
// In (stdin): `go` (publish and start the faults), `stop`, `quit` (or end of input).
class SoakHarness : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        double publishRate = 2000.0 / 3; // messages per second
        int restartEverySeconds = 600;
        int cutEverySeconds = 120;
    };

    explicit SoakHarness(const Options &options, QObject *parent = nullptr);
    ~SoakHarness() override;

    // Starts the broker and the proxies, prints `ready` (or `error`); false when it failed.
    bool start();

signals:
    void finished(int exitCode);

private:
    void onInput();
    void processInput();
    void command(const QByteArray &line);
    void go();
    void stop();
    void quit();
    void restartBroker();
    void cut();
    void printStatus(const char *what);
    static void say(const QByteArray &line);

    Options m_options;
    std::unique_ptr<TestBroker> m_broker;
    std::array<std::unique_ptr<FaultProxy>, 3> m_proxies;
    std::unique_ptr<SoakPublisher> m_publisher;
    QSocketNotifier *m_input = nullptr;
    QByteArray m_inputBuffer;
    QTimer m_status;
    QTimer m_restarts;
    QTimer m_cuts;
    QElapsedTimer m_clock;
    int m_restartCount = 0;
    int m_cutCount = 0;
    int m_nextProxy = 0;
    int m_failuresSaid = 0;
    bool m_stopping = false;
    // A restart waits in nested event loops (TestBroker::waitForLog): commands and cuts
    // wait for its end instead of running inside it.
    bool m_restarting = false;
};

} // namespace mqttdesk
