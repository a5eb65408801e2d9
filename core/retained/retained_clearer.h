#pragma once

#include "core/session/session_action.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace mqttdesk {

class Connection;

// Clears the retained messages of a list of topics by publishing an empty retained message
// to each ([MQTT-3.3.1-6]; 3.1.1 [MQTT-3.3.1-10]): a bounded number in flight at a time, so
// a subtree of thousands of topics neither floods the session's queue nor blocks. Each
// topic counts as cleared when its publish is final and successful (QoS 0: written; QoS 1:
// PUBACK; QoS 2: PUBCOMP). Failures keep the topic and the reason.
//
// Lives on the caller's thread; the connection may live on another (its signals are queued).
class RetainedClearer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kInFlight = 64;

    struct Failure
    {
        QString topic;
        QString reason;
    };
    struct Result
    {
        int cleared = 0;
        int total = 0;
        QList<Failure> failures;
        QStringList clearedTopics;
        bool canceled = false; // topics after the cancel were not tried (not in failures)
    };

    explicit RetainedClearer(Connection *connection, QObject *parent = nullptr);

    void start(const QStringList &topics, quint8 qos);
    // Sends nothing more; what is in flight still completes and is reported.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int total);
    void finished(const mqttdesk::RetainedClearer::Result &result);

private:
    void sendMore();
    void onFinished(quint64 token, const PublishOutcome &outcome);
    void finishIfDone();

    QPointer<Connection> m_connection;
    QStringList m_topics;
    quint8 m_qos = 1;
    int m_next = 0;
    int m_done = 0;
    bool m_running = false;
    QHash<quint64, QString> m_inFlight; // token -> topic
    Result m_result;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::RetainedClearer::Result)
