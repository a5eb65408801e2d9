#pragma once

#include "core/connection/connection_settings.h"
#include "core/probe/probe_announcement.h"
#include "core/probe/probe_check.h"
#include "core/probe/probe_clients.h"
#include "core/probe/probe_connection.h"
#include "core/probe/probe_connection_checks.h"
#include "core/probe/probe_measurements.h"
#include "core/probe/probe_options.h"
#include "core/probe/probe_report.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace mqttdesk {

// The broker capability test: given the settings of a connection (host, transport, TLS,
// credentials), it connects with MQTT 3.1, 3.1.1 and 5.0, reads what the 5.0 CONNACK
// announces, then tries each capability over connections of its own (unique client ids,
// topics under ProbeOptions::topicPrefix) and says for each whether it is Supported, Not
// supported, Announced but broken (the CONNACK says one thing, the broker does another) or
// Skipped. Retained messages it sets are cleared before it finishes, also when cancelled.
//
// Event-driven on the caller's thread: start() returns at once; checkStarted() and
// checkFinished() follow each line as it runs, finished() brings the whole report. The
// settings' own will, client id, session expiry and reconnect are not used.
class BrokerProbe : public QObject
{
    Q_OBJECT
public:
    explicit BrokerProbe(ConnectionSettings settings, ProbeOptions options = {},
                         QObject *parent = nullptr);
    ~BrokerProbe() override;

    const ProbeOptions &options() const { return m_options; }
    // The prefix of every probe topic (generated unless the options gave one).
    QString topicPrefix() const { return m_report.topicPrefix; }
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    // The report as far as the test got (complete once finished() was emitted).
    const ProbeReport &report() const { return m_report; }

    // Starts the test; only the first call counts.
    void start();
    // Stops after cleaning up: the check running and those not run yet are Skipped, the
    // retained messages set so far are cleared, then finished() comes.
    void cancel();

signals:
    void checkStarted(mqttdesk::ProbeCheck check);
    void checkFinished(const mqttdesk::ProbeCheckResult &result);
    // The 5.0 CONNACK was read (right before ConnectV5's checkFinished()).
    void announcementsReceived(const QList<mqttdesk::ProbeAnnouncement> &announcements);
    void finished(const mqttdesk::ProbeReport &report);

private:
    using Opened = ProbeConnection::Opened;
    using Messages = ProbeConnection::Messages;

    // Wraps a callback so that it does nothing once its check is over (answered, cancelled).
    template<typename F>
    auto guarded(F f);

    void runNext();
    void run(ProbeCheck check);
    void complete(ProbeCheckResult result);
    void skip(const QString &why);
    // Opens the main connection (again) when it is not connected, then `then`; when that
    // fails: `failed` with the reason (by default the check is Skipped).
    void withMain(std::function<void()> then, std::function<void(const QString &)> failed = {});

    void checkVersion(ProtocolVersion version, const QString &clientId, bool retried);
    void checkQos(QoS qos);
    void checkRetain();
    void verifyRetainCleared(const QString &topic, QoS qos);
    void checkDelivery(ProbeCheck check, const Subscription &subscription, const QString &topic,
                       std::optional<quint32> identifier);
    // The will, session resume, topic aliases (ProbeConnectionChecks).
    void checkWithOwnConnections(ProbeCheck check);
    void checkMaxPayload();
    void checkLatency();
    void cleanUp();
    void clearRetained(std::function<void()> then);
    void finish();

    QString topic(const QString &name) const;
    bool isV5() const { return m_report.version == ProtocolVersion::V5; }
    // The highest QoS that may be published, up to `wanted` (the announced Maximum QoS).
    QoS usableQoS(QoS wanted) const;

    ProbeOptions m_options;
    QString m_tag; // random: in the client ids and the topic prefix
    ProbeClients m_clients;
    ProbeReport m_report;
    bool m_started = false;
    bool m_running = false;
    bool m_finished = false;
    bool m_cleaningUp = false;

    QList<ProbeCheck> m_pending;
    std::optional<ProbeCheck> m_current;
    quint64 m_step = 0; // changes with every check; guarded() callbacks of others are dropped
    QElapsedTimer m_clock;
    QString m_unreachable; // why the server could not be reached at all

    QPointer<ProbeConnection> m_versionConnection;
    QPointer<ProbeConnection> m_main; // the feature checks run on it
    ConnackInfo m_mainConnack;
    QString m_mainFailure;    // the main connection could not be opened (again)
    QSet<QString> m_retained; // set by the probe, not cleared yet
    ProbeConnectionChecks *m_connectionChecks = nullptr;
    ProbeMeasurements *m_measurements = nullptr; // the largest payload, the round trips
};

} // namespace mqttdesk
