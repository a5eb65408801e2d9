#pragma once

#include "ui/connections/connection_list_model.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

namespace mqttdesk {

class AppSettings;
class ConnectionServices;
class ConnectionView;
class MessageWriter;
struct ConnectionError;
struct ConnectionLogEntry;
struct ConnectionProfile;

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
    };

    // `profile` must carry its secrets (loaded from the SecretStore).
    ConnectionController(const ConnectionProfile &profile, const Options &options,
                         QObject *parent = nullptr);
    ~ConnectionController() override;

    qint64 profileId() const { return m_options.profileId; }
    QString name() const { return m_name; }
    // The conversation area; the caller puts it in its stack (the controller deletes it).
    ConnectionView *view() const { return m_view; }
    ConnectionListModel::Status status() const { return m_status; }
    QString lastError() const { return m_lastError; }
    bool isOpen() const; // connected, connecting or reconnecting

    // New settings for the next connect (after the profile was edited).
    void applyProfile(const ConnectionProfile &profile);
    void connectToBroker();
    void disconnectFromBroker();

    // One log line per packet sent and received (View > Log packets). Off by default: at
    // flood rates formatting those lines costs more than handling the packets.
    void setPacketLogging(bool enabled);

    qint64 received() const { return m_received; }
    qint64 stored() const;
    // Received but not stored (the writer refused or failed them).
    qint64 notStored() const;

signals:
    void statusChanged(qint64 profileId, mqttdesk::ConnectionListModel::Status status);
    void logLine(const QDateTime &timestamp, int level, const QString &source, const QString &text);

private:
    void setStatus(ConnectionListModel::Status status);
    void onError(const ConnectionError &error);
    void onLog(const ConnectionLogEntry &entry);

    Options m_options;
    QString m_name;
    std::unique_ptr<ConnectionServices> m_services;
    ConnectionView *m_view = nullptr;
    ConnectionListModel::Status m_status = ConnectionListModel::Status::Disconnected;
    QString m_lastError;
    qint64 m_received = 0;
    bool m_userDisconnect = false;
    QString m_lastWarning; // the last warning logged in this attempt
};

} // namespace mqttdesk
