#pragma once

#include "ui/connections/connection_list_model.h"

#include "core/session/session_state.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace mqttdesk {

class AlertMonitor;
class AlertRuleStore;
class AppSettings;
class CaptureRecordingJob;
class Connection;
class ConnectionServices;
class ConnectionView;
class MessageWriter;
class TemplateLibraryStore;
struct BrokerAddress;
struct RetentionBudget;
struct ConnectionError;
struct ConnectionLogEntry;
struct ConnectionProfile;
struct ConnectionSettings;
struct RetainedLiveSource;
struct ServerReference;

// One open connection: its ConnectionServices (the Connection on a worker thread, storage
// through the shared MessageWriter, counts) and its ConnectionView. It turns the connection's
// state, errors and log lines into what the window shows. The header deliberately avoids
// core/connection includes so ui code that also sees ConnectionProfile can use it.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 profileId = 0;
        MessageWriter *writer = nullptr; // started; outlives the controller
        QString databasePath;
        bool packetLogging = false;      // View > Log packets (off unless the user turned it on)
        AppSettings *settings = nullptr; // the stream's compact mode and preview lines
        TemplateLibraryStore *templates = nullptr;  // the app's; nullptr: no Publish tab
        const AlertRuleStore *alertRules = nullptr; // the app's; nullptr: no alert rules
    };

    // `profile` must carry its secrets (loaded from the SecretStore).
    ConnectionController(const ConnectionProfile &profile, const Options &options,
                         QObject *parent = nullptr);
    ~ConnectionController() override;

    qint64 profileId() const { return m_options.profileId; }
    QString name() const { return m_name; }
    // The settings the connection was last given (the profile with its secrets).
    const ConnectionSettings &settings() const { return *m_connectionSettings; }
    // The conversation area; the caller puts it in its stack (the controller deletes it).
    ConnectionView *view() const { return m_view; }
    // The connection itself (on its own thread); for tests that look at its state.
    Connection *connection() const;
    ConnectionListModel::Status status() const { return m_status; }
    // The status as the user reads it: "Connected", "Reconnecting in 3 s (attempt 2)" (a
    // countdown, statusTextChanged each second), "Reconnecting (attempt 2)" while that attempt
    // runs, and after an error that ended the connection "Failed: <reason>" (withReason) or
    // "Failed".
    QString statusText(bool withReason = true) const;
    // The last connection error; kept while the connection is failed or reconnecting.
    QString lastError() const { return m_lastError; }
    // Where the connection is, or is trying to be: "host:port", with "(fallback)", "(DNS
    // SRV)" or "(server reference)" when it is not the profile's main address. Empty until
    // the first attempt.
    QString brokerAddress() const { return m_brokerAddress; }
    // What the profile says to do with a server reference: int(ServerReferencePolicy).
    int serverReferencePolicy() const { return m_referencePolicy; }
    bool isOpen() const; // connected, connecting or reconnecting

    // This profile as a broker a retained comparison can ask (its current settings).
    RetainedLiveSource liveSource() const;

    // New settings for the next connect (after the profile was edited).
    void applyProfile(const ConnectionProfile &profile);
    // A new history budget only (Settings > History > Apply to every connection).
    void setRetention(const RetentionBudget &budget);
    void connectToBroker();
    void disconnectFromBroker();

    // One log line per packet sent and received (View > Log packets). Off by default: at
    // flood rates formatting those lines costs more than handling the packets.
    void setPacketLogging(bool enabled);

    qint64 received() const { return m_received; }
    // Connection > Record to capture…: the connection's live recording (idle until started).
    CaptureRecordingJob *recording() const { return m_recording.get(); }
    qint64 stored() const;
    // Received but not stored (the writer refused or failed them).
    qint64 notStored() const;
    // The connection's alert rules at work, on the connection's thread (rules loaded from
    // Options::alertRules); nullptr without a rule store. Deleted with the connection.
    AlertMonitor *alertMonitor() const { return m_alerts; }

signals:
    void statusChanged(qint64 profileId, mqttdesk::ConnectionListModel::Status status);
    // statusText() changed (after statusChanged, and each second of a reconnect countdown).
    void statusTextChanged(qint64 profileId, const QString &text);
    void logLine(const QDateTime &timestamp, int level, const QString &source, const QString &text);
    // brokerAddress() changed (a new attempt, another address).
    void brokerAddressChanged(qint64 profileId);
    // The user answered a server reference prompt with "from now on": `policy` is
    // int(ServerReferencePolicy) Always or Never, to be saved in the profile.
    void serverReferencePolicyChosen(qint64 profileId, int policy);
    // A recording ended by itself (a full disk): `error` says why, for a message box.
    void recordingFailed(qint64 profileId, const QString &error);

private:
    // Runs the profile's alert rules (read from `store`) on the connection.
    void watchAlerts(const AlertRuleStore &store);
    void setStatus(ConnectionListModel::Status status);
    void onState(SessionState state);
    void onError(const ConnectionError &error);
    void onLog(const ConnectionLogEntry &entry);
    void onBrokerAddress(const BrokerAddress &address);
    // Follows, ignores or asks about a server reference, as the profile says.
    void onServerReference(const ServerReference &reference);
    void logInfo(const QString &text);
    // Re-arms the countdown for when the whole seconds left change.
    void updateCountdown();
    void emitStatusText();

    Options m_options;
    QString m_name;
    std::unique_ptr<ConnectionSettings> m_connectionSettings; // the last applied
    std::unique_ptr<ConnectionServices> m_services;
    std::unique_ptr<CaptureRecordingJob> m_recording; // after m_services: stopped first
    ConnectionView *m_view = nullptr;
    ConnectionListModel::Status m_status = ConnectionListModel::Status::Disconnected;
    SessionState m_state = SessionState::Disconnected; // the last one the connection reported
    QString m_lastError;
    // The automatic reconnect under way: which attempt (0: none) and when it starts.
    int m_attempt = 0;
    QDeadlineTimer m_reconnectAt;
    QTimer *m_countdown = nullptr;
    QString m_statusText; // the last one emitted
    qint64 m_received = 0;
    bool m_userDisconnect = false;
    QString m_lastWarning; // the last warning logged in this attempt
    QString m_brokerAddress;
    int m_referencePolicy = 0;        // int(ServerReferencePolicy)
    AlertMonitor *m_alerts = nullptr; // a child of the connection
};

} // namespace mqttdesk
