#pragma once

#include "core/probe/probe_check.h"
#include "core/probe/probe_clients.h"
#include "core/probe/probe_connection.h"
#include "core/probe/probe_options.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace mqttdesk {

// The checks of a broker capability test that need client connections besides the main
// one: the will (a connection dropped without DISCONNECT), session resume (messages
// queued for a persistent session while it is away) and topic aliases (a publisher that
// uses them). The main connection, subscribed to the check's topic, is the witness.
class ProbeConnectionChecks : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ProbeCheckResult &)>;

    ProbeConnectionChecks(ProbeClients clients, ProbeOptions options, QObject *parent = nullptr);
    ~ProbeConnectionChecks() override;

    // `main` is connected with `version` and got `connack`; `topic` is the check's own.
    // Each answers `done` once, after its own connections are closed (or dropped).
    void checkWill(ProbeConnection *main, ProtocolVersion version, const ConnackInfo &connack,
                   const QString &topic, Done done);
    void checkSessionResume(ProbeConnection *main, ProtocolVersion version,
                            const ConnackInfo &connack, const QString &topic, Done done);
    void checkTopicAlias(ProbeConnection *main, const ConnackInfo &connack, const QString &topic,
                         Done done);
    // Stops what runs and closes its connections; its `done` is not called.
    void stop();

private:
    using Opened = ProbeConnection::Opened;
    using Messages = ProbeConnection::Messages;

    template<typename F>
    auto guarded(F f);
    void begin(ProbeConnection *main, ProtocolVersion version, const ConnackInfo &connack,
               Done done);
    ProbeConnection *newConnection(const ConnectionSettings &settings);
    void drop(ProbeConnection *connection, bool graceful = true);
    void finish(const ProbeCheckResult &result);
    QoS usableQoS(QoS wanted) const;
    void resumeWith(const QString &clientId, QoS qos, const QString &topic);
    // Ends the resume check: its session is discarded, then `result` is given.
    void wipeSession(const QString &clientId, const ProbeCheckResult &result);

    ProbeClients m_clients;
    ProbeOptions m_options;
    quint64 m_run = 0;
    Done m_done;
    QPointer<ProbeConnection> m_main;
    ProtocolVersion m_version = ProtocolVersion::V311;
    ConnackInfo m_connack;
    QList<QPointer<ProbeConnection>> m_connections;
};

} // namespace mqttdesk
