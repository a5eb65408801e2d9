#pragma once

#include <QObject>

#include <memory>

namespace mqttdesk {

class ConnectionThread;
struct ConnectionProfile;

// Tests a profile for the connection dialog: connects once (no auto-reconnect), then
// reports the CONNACK summary, or the precise error with the certificate chain the server
// sent on a TLS failure, and disconnects.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    // `profile` must carry its secrets. A running test is abandoned.
    void start(const ConnectionProfile &profile);

signals:
    void finished(bool success, const QString &text);

private:
    void finish(bool success, const QString &text);

    std::unique_ptr<ConnectionThread> m_thread;
    bool m_done = true;
};

} // namespace mqttdesk
