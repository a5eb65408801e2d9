#pragma once

#include "core/connection/connection_settings.h"
#include "core/retained/retained_snapshot.h"

#include <QObject>

#include <memory>

namespace mqttdesk {

class ConnectionThread;
class RetainedCollector;

// Takes a retained snapshot of a profile's broker over a connection of its own: made from
// the profile's settings with a client id of its own (taking over the profile's id would
// disconnect the user's session), a clean session, no will and no reconnect. So the user's
// subscriptions are neither replaced nor removed by the collector's subscribe and
// unsubscribe [MQTT-3.8.4-3], and the retained flood of a wide filter does not land in
// the profile's history. Disconnects when done. Lives on the GUI/CLI thread.
class RetainedSnapshotTaker : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString filter;
        QString name;
        int quietMs = 1000;
        int hardCapMs = 30000;
    };

    explicit RetainedSnapshotTaker(QObject *parent = nullptr);
    ~RetainedSnapshotTaker() override;

    void start(const ConnectionSettings &profile, const Options &options);
    // Stops; neither finished() nor failed() follows.
    void cancel();
    bool isRunning() const { return m_running; }

    // The settings of the taker's own connection, derived from the profile's.
    static ConnectionSettings ownSettings(const ConnectionSettings &profile);

signals:
    void progress(int topics);
    void finished(const mqttdesk::RetainedSnapshot &snapshot);
    void failed(const QString &error);

private:
    void collect();
    void end();

    std::unique_ptr<ConnectionThread> m_thread;
    std::unique_ptr<RetainedCollector> m_collector;
    ConnectionSettings m_settings;
    Options m_options;
    bool m_running = false;
};

} // namespace mqttdesk
