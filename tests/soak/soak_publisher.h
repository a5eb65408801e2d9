#pragma once

#include "core/connection/connection_settings.h"
#include "core/session/session_action.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <map>
#include <memory>
#include <vector>

namespace mqttdesk {

class ConnectionThread;

// The soak's traffic: our core Connection on its own thread, with a persistent session
// (5.0, Clean Start 0, Session Expiry one hour) and automatic reconnect, publishes the
// numbered messages of SoakPayload at `rate` per second, paced by a 10 ms timer (each tick
// sends what is due by then, so a late tick catches up), as one publishBatch() per tick.
// Every publish must end exactly once: acknowledged (QoS 1) or completed (QoS 2). While
// the broker is away the messages wait in the session's offline queue.
class SoakPublisher : public QObject
{
    Q_OBJECT
public:
    SoakPublisher(const ConnectionSettings &settings, double rate, QObject *parent = nullptr);
    ~SoakPublisher() override;

    // Connects; connected() once the first CONNACK came, then start() paces.
    void connectToBroker();
    void start();
    // Stops publishing (what was published still ends).
    void stop();
    // Disconnects with DISCONNECT (the session stays on the broker).
    void disconnectFromBroker();

    qint64 sent() const { return m_sent; }
    qint64 ended() const { return m_completed + m_failed; }
    qint64 completed() const { return m_completed; }
    qint64 failed() const { return m_failed; }
    qint64 endedTwice() const { return m_endedTwice; }
    int connects() const { return m_connects; }
    // The first failures (number and reason), for the report.
    const QStringList &failures() const { return m_failures; }

signals:
    void connected();

private:
    void tick();
    void onEnded(const QList<PublishOutcome> &outcomes);

    struct Batch
    {
        qint64 firstNumber = 0;
        qint64 count = 0;
        qint64 ended = 0;
    };

    std::unique_ptr<ConnectionThread> m_thread;
    double m_rate = 0;
    QTimer m_pacer;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
    qint64 m_completed = 0;
    qint64 m_failed = 0;
    qint64 m_endedTwice = 0;
    int m_connects = 0;
    QStringList m_failures;
    std::map<quint64, Batch> m_batches; // by first token; dropped once all of it ended
    std::vector<bool> m_ended;          // by number
};

} // namespace mqttdesk
