#pragma once

#include "core/connection/connection.h"
#include "core/connection/connection_settings.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace mqttdesk {

class ConnectionThread;

// One open connection of a running suite: a Connection on its own worker thread (as the
// app runs them), what it received and no step has taken yet (its buffer: messages that
// arrive between a subscribe and the expect that looks for them must count), and its state
// as this thread last heard it. Lives on the runner's thread; the connection's signals
// arrive here queued, and none arrives once the client is deleted.
class SuiteClient : public QObject
{
    Q_OBJECT
public:
    // The oldest messages are dropped beyond this (a flood on a broad filter no step
    // looks at must not grow without bound).
    static constexpr qsizetype kMaxBuffered = 10000;

    SuiteClient(const QString &name, const ConnectionSettings &settings, QObject *parent = nullptr);
    // Drops the transport without DISCONNECT if it is still open (close() first for a clean
    // goodbye).
    ~SuiteClient() override;

    const QString &name() const { return m_name; }
    Connection *connection() const;
    const ConnectionSettings &settings() const { return m_settings; }
    bool isConnected() const { return m_state == SessionState::Connected; }
    // CONNACK, once connected.
    const std::optional<ConnackInfo> &connack() const { return m_connack; }
    // The client id in use: the settings' one, or the one the server assigned (5.0).
    QString clientId() const;
    // The last error the connection reported (translated), empty when none.
    const QString &lastError() const { return m_lastError; }

    void open();
    void close(ReasonCode reason = ReasonCode::NormalDisconnection);
    // Ends the connection without DISCONNECT, as a crash would: the server publishes the
    // will [MQTT-3.1.2-8].
    void abort();

    // Messages received and not yet taken by a step, oldest first.
    QList<ReceivedMessage> &buffer() { return m_buffer; }
    // How many were dropped from the buffer for want of room.
    qint64 dropped() const { return m_dropped; }

signals:
    void connected();
    // The connection is closed (Disconnected): `error` is what ended it, empty after close().
    void closed(const QString &error);
    void messagesArrived();
    void subscribeFinished(quint64 token, const mqttdesk::SubscribeResult &result);
    void publishFinished(quint64 token, const mqttdesk::PublishOutcome &outcome);

private:
    void onState(SessionState state);
    void onMessages(const MessageBatch &batch);

    QString m_name;
    ConnectionSettings m_settings;
    std::unique_ptr<ConnectionThread> m_thread;
    SessionState m_state = SessionState::Disconnected;
    std::optional<ConnackInfo> m_connack;
    QString m_lastError;
    bool m_closing = false;
    QList<ReceivedMessage> m_buffer;
    qint64 m_dropped = 0;
};

} // namespace mqttdesk
