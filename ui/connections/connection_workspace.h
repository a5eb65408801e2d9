#pragma once

#include "core/storage/storage_error.h"
#include "ui/connections/connection_list_model.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;
class QTimer;

namespace mqttdesk {

class AlertRuleStore;
class AppSettings;
class ConnectionController;
class ConnectionHeader;
class MessageWriter;
class ProfileCatalog;
class TemplateLibraryStore;
struct ConnectionProfile;

// The right side of the window: the selected connection's header above a stack holding one
// ConnectionView per open connection, so switching is instant and keeps each stream.
// Owns the ConnectionControllers.
class ConnectionWorkspace : public QWidget
{
    Q_OBJECT
public:
    ConnectionWorkspace(MessageWriter *writer, const QString &databasePath,
                        QWidget *parent = nullptr);
    ~ConnectionWorkspace() override;

    ConnectionHeader *header() const { return m_header; }
    QStackedWidget *stack() const { return m_stack; }
    ConnectionController *controller(qint64 profileId) const
    {
        return m_controllers.value(profileId);
    }
    QList<ConnectionController *> controllers() const { return m_controllers.values(); }

    // The controller of the profile, created (with its view) on first use.
    ConnectionController *open(qint64 profileId, const ConnectionProfile &profile);
    // View > Log packets, for every open connection and those opened later.
    void setPacketLogging(bool enabled);
    bool packetLogging() const { return m_packetLogging; }
    // The app's settings, for connections opened from now on (nullptr: none remembered).
    void setSettings(AppSettings *settings) { m_settings = settings; }
    // The app's template library, for connections opened from now on (nullptr: none).
    void setTemplates(TemplateLibraryStore *templates) { m_templates = templates; }
    // Where the profiles' alert rules are kept, for connections opened from now on
    // (nullptr: no alert rules).
    void setAlertRules(const AlertRuleStore *store) { m_alertRules = store; }
    // Disconnects and drops the controller and its view (the profile was deleted).
    void close(qint64 profileId);
    // Shows the profile in the header and its view (or the placeholder) in the stack.
    void showProfile(qint64 profileId, const QString &name, const QString &hostPort,
                     ConnectionListModel::Status status);
    qint64 shownProfileId() const { return m_shown; }
    // Reads the shown connection's counters into the header (a few times a second).
    void updateCounters();

signals:
    void statusChanged(qint64 profileId, mqttdesk::ConnectionListModel::Status status);
    // ConnectionController::statusTextChanged of any open connection.
    void statusTextChanged(qint64 profileId, const QString &text);
    void logLine(const QDateTime &timestamp, int level, const QString &source, const QString &text);
    // A connection's "from now on" answer to a server reference (int(ServerReferencePolicy)),
    // for the owner of the profiles to save (ProfileCommands::rememberServerReferencePolicy).
    void serverReferencePolicyChosen(qint64 profileId, int policy);
    void recordingFailed(qint64 profileId, const QString &error);
    // open() made a controller (and its view), e.g. for the Alerts panel to listen to.
    void controllerOpened(mqttdesk::ConnectionController *controller);

private:
    // The header's status line and button for the shown profile, from its controller.
    void showHeader(ConnectionListModel::Status status);
    // The history's writer failed (a full disk, ...) or stores again: told in the log and
    // in every connection's header.
    void onStoringFailed(const StorageError &error);
    void onStoringResumed();

    MessageWriter *m_writer;
    QTimer *m_countersTimer = nullptr;
    AppSettings *m_settings = nullptr;
    TemplateLibraryStore *m_templates = nullptr;
    const AlertRuleStore *m_alertRules = nullptr;
    QString m_databasePath;
    ConnectionHeader *m_header;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QHash<qint64, ConnectionController *> m_controllers;
    qint64 m_shown = 0;
    QString m_shownName;
    QString m_shownHostPort;
    bool m_packetLogging = false;
    QString m_storageProblem; // the writer's failure while it lasts
};

} // namespace mqttdesk
