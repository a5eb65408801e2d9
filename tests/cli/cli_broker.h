#pragma once

#include "tests/fixture/test_broker.h"

#include <QStringList>

namespace mqttdesk {

// The real mosquitto of the fixture as the CLI tests use it: the command-line flags that
// reach each listener, a wait for a SUBSCRIBE / UNSUBSCRIBE in the broker's log, and topics
// no other test of the run uses.
class CliBroker
{
public:
    using Listener = TestBroker::Listener;

    bool start();
    void stop();
    QString errorString() const;
    TestBroker &broker() { return *m_broker; }
    quint16 port(Listener listener) const { return m_broker->port(listener); }

    // -h/-p (or -L) plus the TLS files and the credentials `listener` needs.
    QStringList connectArgs(Listener listener) const;
    // mosquitto's subscribe log line: "<client id> <qos> <filter>".
    // `from`: a log offset (log().size() before the client started), for a second
    // subscription of the same client.
    bool waitSubscribed(const QString &clientId, const QString &filter, int qos = 0,
                        qsizetype from = 0);
    // mosquitto's unsubscribe log line: "<client id> <filter>".
    bool waitUnsubscribed(const QString &clientId, const QString &filter, qsizetype from = 0);
    qsizetype logSize() const { return m_broker->log().size(); }
    QString uniqueTopic(const char *name);

private:
    std::unique_ptr<TestBroker> m_broker;
    int m_topicCounter = 0;
};

} // namespace mqttdesk
