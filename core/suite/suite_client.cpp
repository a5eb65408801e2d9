#include "core/suite/suite_client.h"

#include "core/connection/connection_thread.h"

namespace mqttdesk {

SuiteClient::SuiteClient(const QString &name, const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_settings(settings)
    , m_thread(std::make_unique<ConnectionThread>(settings))
{
    Connection *c = m_thread->connection();
    connect(c, &Connection::stateChanged, this, &SuiteClient::onState);
    connect(c, &Connection::connected, this, [this](const ConnackInfo &info) {
        m_connack = info;
        m_lastError.clear();
        emit connected();
    });
    connect(c, &Connection::errorOccurred, this, [this](const ConnectionError &error) {
        // A refused request is reported with its own result (subscribeFinished, ...).
        if (error.kind != ConnectionError::Kind::Request)
            m_lastError = error.message;
    });
    connect(c, &Connection::messagesReceived, this, &SuiteClient::onMessages);
    connect(c, &Connection::subscribeFinished, this, &SuiteClient::subscribeFinished);
    connect(c, &Connection::publishFinished, this, &SuiteClient::publishFinished);
}

SuiteClient::~SuiteClient() = default;

Connection *SuiteClient::connection() const
{
    return m_thread->connection();
}

QString SuiteClient::clientId() const
{
    if (m_connack && m_connack->assignedClientIdentifier)
        return *m_connack->assignedClientIdentifier;
    return m_settings.session.clientId;
}

void SuiteClient::open()
{
    m_closing = false;
    connection()->connectToBroker();
}

void SuiteClient::close(ReasonCode reason)
{
    m_closing = true;
    connection()->disconnectFromBroker(reason);
}

void SuiteClient::abort()
{
    m_closing = true;
    connection()->abortConnection();
}

void SuiteClient::onState(SessionState state)
{
    m_state = state;
    if (state != SessionState::Disconnected)
        return;
    QString error = m_closing ? QString() : m_lastError;
    if (!m_closing && error.isEmpty())
        error = m_connack ? tr("The server closed the connection.")
                          : tr("The connection was closed before it was established.");
    emit closed(error);
}

void SuiteClient::onMessages(const MessageBatch &batch)
{
    m_buffer.append(batch);
    if (m_buffer.size() > kMaxBuffered) {
        const qsizetype excess = m_buffer.size() - kMaxBuffered;
        m_buffer.remove(0, excess);
        m_dropped += excess;
    }
    emit messagesArrived();
}

} // namespace mqttdesk
