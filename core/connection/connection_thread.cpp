#include "core/connection/connection_thread.h"

#include "core/connection/connection.h"

namespace mqttdesk {

ConnectionThread::ConnectionThread(ConnectionSettings settings)
{
    const QString name = settings.name;
    m_connection = new Connection(std::move(settings));
    m_thread.setObjectName(name.isEmpty() ? QStringLiteral("mqtt-connection")
                                          : QStringLiteral("mqtt:%1").arg(name));
    m_connection->moveToThread(&m_thread);
    m_thread.start();
}

ConnectionThread::~ConnectionThread()
{
    // The Connection's transport and timers belong to the worker thread: delete it there.
    Connection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection] { delete connection; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace mqttdesk
