#include "core/retained/retained_snapshot_taker.h"

#include "core/connection/connection.h"
#include "core/connection/connection_error.h"
#include "core/connection/connection_thread.h"
#include "core/retained/retained_collector.h"

#include <QRandomGenerator>

namespace mqttdesk {

RetainedSnapshotTaker::RetainedSnapshotTaker(QObject *parent)
    : QObject(parent)
{}

RetainedSnapshotTaker::~RetainedSnapshotTaker()
{
    cancel();
}

ConnectionSettings RetainedSnapshotTaker::ownSettings(const ConnectionSettings &profile)
{
    ConnectionSettings settings = profile;
    // 22 characters: within the 23 a 3.1 server must accept [MQTT-3.1.3-5].
    settings.session.clientId =
        QStringLiteral("mqttdesk-snap-%1")
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    settings.session.cleanStart = true;
    settings.session.sessionExpiryInterval.reset();
    settings.session.will.reset();
    settings.session.reconnect.enabled = false;
    settings.session.acknowledgeAfterStore = false; // nothing stores what this one receives
    settings.session.logPackets = false;
    settings.name = profile.name + QStringLiteral(" (snapshot)");
    return settings;
}

void RetainedSnapshotTaker::start(const ConnectionSettings &profile, const Options &options)
{
    cancel();
    m_settings = ownSettings(profile);
    m_options = options;
    m_running = true;
    m_thread = std::make_unique<ConnectionThread>(m_settings);
    Connection *connection = m_thread->connection();
    connect(connection, &Connection::connected, this, &RetainedSnapshotTaker::collect);
    connect(connection, &Connection::errorOccurred, this, [this](const ConnectionError &error) {
        if (!m_running)
            return;
        end();
        emit failed(error.message);
    });
    connection->connectToBroker();
}

void RetainedSnapshotTaker::collect()
{
    if (!m_running || m_collector)
        return;
    m_collector = std::make_unique<RetainedCollector>(m_thread->connection());
    connect(m_collector.get(), &RetainedCollector::progress, this,
            &RetainedSnapshotTaker::progress);
    connect(m_collector.get(), &RetainedCollector::finished, this,
            [this](const RetainedSnapshot &snapshot) {
                end();
                emit finished(snapshot);
            });
    connect(m_collector.get(), &RetainedCollector::failed, this, [this](const QString &error) {
        end();
        emit failed(error);
    });
    RetainedCollector::Options options;
    options.filter = m_options.filter;
    options.version = m_settings.session.version;
    options.quietMs = m_options.quietMs;
    options.hardCapMs = m_options.hardCapMs;
    options.name = m_options.name;
    options.broker =
        QStringLiteral("%1:%2").arg(m_settings.transport.host).arg(m_settings.transport.port);
    m_collector->start(options);
}

void RetainedSnapshotTaker::end()
{
    m_running = false;
    if (m_collector) {
        m_collector->disconnect(this);
        // Deleted later: end() runs inside the collector's own signal.
        m_collector.release()->deleteLater();
    }
    if (m_thread) {
        m_thread->connection()->disconnect(this);
        m_thread->connection()->disconnectFromBroker();
        // The DISCONNECT is queued on the connection's thread before the thread is told to
        // delete the connection, so the broker sees a clean goodbye.
        QMetaObject::invokeMethod(
            this, [thread = std::shared_ptr<ConnectionThread>(m_thread.release())] {},
            Qt::QueuedConnection);
    }
}

void RetainedSnapshotTaker::cancel()
{
    if (m_running || m_thread || m_collector)
        end();
}

} // namespace mqttdesk
