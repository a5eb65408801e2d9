#pragma once

#include "core/connection/connection_settings.h"

#include <QThread>

namespace mqttdesk {

class Connection;

// Runs one Connection on its own worker thread: creates the thread, moves the
// Connection there and starts it; on destruction the Connection is deleted on its own
// thread (dropping the transport without DISCONNECT if still open), then the thread
// ends. Call connection()->disconnectFromBroker() first for a clean goodbye.
//
//   ConnectionThread worker(settings);
//   connect(worker.connection(), &Connection::messagesReceived, model, &Model::append);
//   worker.connection()->connectToBroker();
class ConnectionThread
{
public:
    explicit ConnectionThread(ConnectionSettings settings);
    ~ConnectionThread();
    ConnectionThread(const ConnectionThread &) = delete;
    ConnectionThread &operator=(const ConnectionThread &) = delete;

    Connection *connection() const { return m_connection; }
    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
    Connection *m_connection = nullptr;
};

} // namespace mqttdesk
