#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace mqttdesk {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe), so a command
// can flush its output and disconnect cleanly. One instance at a time.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void interrupted();

private:
    static void handler(int signal);

    int m_fds[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace mqttdesk
