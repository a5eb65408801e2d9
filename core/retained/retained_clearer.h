#pragma once

#include "core/protocol/qos.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace mqttdesk {

class Connection;
struct PublishOutcome;

// Removes retained messages: publishes an empty retained message to each topic, which
// makes the server delete the retained message there [MQTT-3.3.1-6, 3.1.1: -10], over a
// Connection that is already connected. Keeps a bounded number of publishes in flight (the
// session itself also holds back what exceeds the server's Receive Maximum), so 1,000s of
// topics neither flood the connection's queue nor the server. Lives on the GUI/CLI thread.
class RetainedClearer : public QObject
{
    Q_OBJECT
public:
    struct Failure
    {
        QString topic;
        QString reason; // a reason code ("0x87 Not authorized") or the error
    };
    struct Result
    {
        int cleared = 0;
        int total = 0;
        QList<Failure> failures;
    };

    static constexpr int DefaultInFlight = 64;

    explicit RetainedClearer(Connection *connection, QObject *parent = nullptr);
    ~RetainedClearer() override;

    void setMaxInFlight(int count) { m_maxInFlight = qMax(1, count); }
    void start(const QStringList &topics, QoS qos = QoS::AtLeastOnce);
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int total);
    void finished(const mqttdesk::RetainedClearer::Result &result);

private:
    void sendMore();
    void onPublishFinished(quint64 token, const PublishOutcome &outcome);
    void finish();
    void disconnectAll();

    QPointer<Connection> m_connection;
    QStringList m_topics;
    QoS m_qos = QoS::AtLeastOnce;
    int m_maxInFlight = DefaultInFlight;
    qsizetype m_next = 0;
    QHash<quint64, QString> m_inFlight; // token -> topic
    Result m_result;
    bool m_running = false;
    QList<QMetaObject::Connection> m_links;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::RetainedClearer::Result)
