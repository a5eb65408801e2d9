#include "core/connection/connection.h"

#include "core/session/session.h"
#include "core/transport/transport.h"
#include "core/transport/transport_factory.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <utility>

namespace mqttdesk {

namespace {

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

constexpr SessionTimer kTimers[] = {SessionTimer::KeepAlive, SessionTimer::PingResponse,
                                    SessionTimer::ConnectTimeout, SessionTimer::Reconnect};

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<SessionState>();
        qRegisterMetaType<ConnackInfo>();
        qRegisterMetaType<MessageBatch>();
        qRegisterMetaType<PublishOutcome>();
        qRegisterMetaType<SubscribeResult>();
        qRegisterMetaType<UnsubscribeResult>();
        qRegisterMetaType<ServerDisconnected>();
        qRegisterMetaType<AuthChallenge>();
        qRegisterMetaType<ConnectionError>();
        qRegisterMetaType<ConnectionLogEntry>();
        qRegisterMetaType<TransportError>();
        return true;
    }();
    Q_UNUSED(done);
}

QString transportKindName(TransportOptions::Kind kind)
{
    switch (kind) {
    case TransportOptions::Kind::Tcp:
        return QStringLiteral("TCP");
    case TransportOptions::Kind::Tls:
        return QStringLiteral("TLS");
    case TransportOptions::Kind::WebSocket:
        return QStringLiteral("WebSocket");
    case TransportOptions::Kind::SecureWebSocket:
        return QStringLiteral("secure WebSocket");
    }
    return {};
}

} // namespace

Connection::Connection(ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_session(
          std::make_unique<Session>(m_settings.session, QRandomGenerator::global()->generate64()))
{
    registerMetaTypes();
    m_clock.start();
    for (std::size_t i = 0; i < m_timers.size(); ++i) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        const SessionTimer which = kTimers[i];
        connect(timer, &QTimer::timeout, this, [this, which] { handle(TimerFired{which}); });
        m_timers[i] = timer;
    }
    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    connect(m_batchTimer, &QTimer::timeout, this, &Connection::flushBatch);
}

Connection::~Connection()
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->abort();
    }
}

template<typename Fn>
void Connection::post(Fn &&fn)
{
    // Always queued, also from the connection's own thread: a request's signals then
    // come after the call that returned its token.
    QMetaObject::invokeMethod(this, std::forward<Fn>(fn), Qt::QueuedConnection);
}

void Connection::setSettings(const ConnectionSettings &settings)
{
    post([this, settings] {
        m_settings = settings;
        m_session->setOptions(settings.session);
    });
}

void Connection::setMessageSink(std::shared_ptr<MessageSink> sink)
{
    post([this, sink = std::move(sink)] { m_sink = sink; });
}

void Connection::connectToBroker()
{
    post([this] { doConnect(); });
}

void Connection::doConnect()
{
    log(LogLevel::Info, tr("Connecting to %1:%2 over %3 with MQTT %4.")
                            .arg(m_settings.transport.host)
                            .arg(m_settings.transport.port)
                            .arg(transportKindName(m_settings.transport.kind),
                                 protocolVersionName(m_settings.session.version)));
    handle(ConnectRequested{});
}

void Connection::disconnectFromBroker(ReasonCode reason, const Properties &properties)
{
    post([this, reason, properties] { handle(DisconnectRequested{reason, properties}); });
}

void Connection::abortConnection()
{
    post([this] {
        if (m_transport && m_transport->state() != Transport::State::Closed) {
            log(LogLevel::Warning, tr("Dropping the connection without DISCONNECT."));
            m_transport->abort();
        }
    });
}

quint64 Connection::subscribe(const QList<Subscription> &subscriptions,
                              std::optional<quint32> subscriptionIdentifier,
                              const QList<StringPair> &userProperties)
{
    const quint64 token = m_nextToken.fetch_add(1, std::memory_order_relaxed);
    post([this, event = SubscribeRequested{token, subscriptions, subscriptionIdentifier,
                                           userProperties}] { handle(event); });
    return token;
}

quint64 Connection::unsubscribe(const QList<QString> &filters,
                                const QList<StringPair> &userProperties)
{
    const quint64 token = m_nextToken.fetch_add(1, std::memory_order_relaxed);
    post([this, event = UnsubscribeRequested{token, filters, userProperties}] { handle(event); });
    return token;
}

quint64 Connection::publish(PublishPacket message)
{
    const quint64 token = m_nextToken.fetch_add(1, std::memory_order_relaxed);
    post([this, event = PublishRequested{token, std::move(message)}] { handle(event); });
    return token;
}

void Connection::continueAuthentication(ReasonCode reason, const QByteArray &data,
                                        const Properties &properties)
{
    post([this, event = AuthContinueRequested{reason, data, properties}] { handle(event); });
}

void Connection::handle(const SessionEvent &event)
{
    if (m_handling) {
        // A transport signal emitted synchronously while we carry out actions (e.g.
        // disconnected() from inside close()): run it after the current actions, in order.
        DeferredEvent deferred{event, {}};
        if (const auto *bytes = std::get_if<BytesReceived>(&event)) {
            deferred.bytes = bytes->data.toByteArray();
            deferred.event = BytesReceived{QByteArrayView(deferred.bytes)};
        }
        m_deferred.push_back(std::move(deferred));
        return;
    }
    m_handling = true;
    SessionActions actions = m_session->handle(event, nowMs());
    execute(actions);
    while (!m_deferred.empty()) {
        DeferredEvent next = std::move(m_deferred.front());
        m_deferred.pop_front();
        if (auto *bytes = std::get_if<BytesReceived>(&next.event))
            bytes->data = QByteArrayView(next.bytes);
        SessionActions more = m_session->handle(next.event, nowMs());
        execute(more);
    }
    m_handling = false;
}

void Connection::execute(SessionActions &actions)
{
    for (SessionAction &action : actions) {
        std::visit(
            Overloaded{
                [this](OpenTransport &) { openTransport(); },
                [this](SendBytes &send) {
                    if (m_transport && m_transport->state() == Transport::State::Open)
                        m_transport->write(send.bytes);
                },
                [this](CloseTransport &) { closeTransport(); },
                [this](DeliverMessage &message) { deliver(std::move(message)); },
                [this](PublishOutcome &outcome) {
                    if (outcome.isFinal())
                        emit publishFinished(outcome.token, outcome);
                    else
                        emit publishProgress(outcome.token, outcome);
                },
                [this](SubscribeResult &result) {
                    flushBatch();
                    emit subscribeFinished(result.token, result);
                },
                [this](UnsubscribeResult &result) {
                    flushBatch();
                    emit unsubscribeFinished(result.token, result);
                },
                [this](Connected &c) {
                    flushBatch();
                    log(LogLevel::Info,
                        tr("Connected as \"%1\" (session present: %2, keep alive %3 s).")
                            .arg(c.info.clientId, c.info.sessionPresent ? tr("yes") : tr("no"))
                            .arg(c.info.keepAliveSeconds));
                    emit connected(c.info);
                },
                [this](StateChanged &s) {
                    flushBatch();
                    setPublicState(s.state);
                    emit stateChanged(s.state);
                },
                [this](StartTimer &t) { startTimer(t.timer, t.durationMs); },
                [this](StopTimer &t) { stopTimer(t.timer); },
                [this](ErrorOccurred &e) {
                    // The transport's own, more precise error was reported already.
                    if (e.error.kind == SessionError::Kind::TransportClosed &&
                        m_transportErrorReported)
                        return;
                    reportError(ConnectionError::fromSession(e.error));
                },
                [this](ServerDisconnected &d) {
                    flushBatch();
                    log(LogLevel::Warning,
                        tr("The server disconnected: %1%2")
                            .arg(reasonCodeText(d.reasonCode, PacketType::Disconnect),
                                 d.reasonString ? QStringLiteral(" (%1)").arg(*d.reasonString)
                                                : QString()));
                    emit serverDisconnected(d);
                },
                [this](AuthChallenge &challenge) { emit authChallenge(challenge); },
                [this](LogLine &line) { log(line.level, line.text); },
            },
            action);
    }
}

void Connection::openTransport()
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->abort();
        m_transport.release()->deleteLater();
    }
    m_transportErrorReported = false;
    m_closeReported = false;
    m_transport = TransportFactory::create(m_settings.transport);
    Transport *t = m_transport.get();
    connect(t, &Transport::connected, this, &Connection::onTransportConnected);
    connect(t, &Transport::readyRead, this, &Connection::onTransportReadyRead);
    connect(t, &Transport::disconnected, this, &Connection::onTransportDisconnected);
    connect(t, &Transport::errorOccurred, this, &Connection::onTransportError);
    t->open();
}

void Connection::closeTransport()
{
    if (!m_transport)
        return;
    if (m_transport->state() == Transport::State::Open) {
        m_transport->close(); // disconnected() follows, then TransportClosed
        return;
    }
    // Not open (yet): no disconnected() will come, so close here and say so.
    m_transport->disconnect(this);
    m_transport->abort();
    m_transport.release()->deleteLater();
    if (!m_closeReported) {
        m_closeReported = true;
        handle(TransportClosed{});
    }
}

void Connection::startTimer(SessionTimer timer, qint64 durationMs)
{
    m_timers[std::size_t(timer)]->start(int(qBound(qint64(0), durationMs, qint64(INT_MAX))));
}

void Connection::stopTimer(SessionTimer timer)
{
    m_timers[std::size_t(timer)]->stop();
}

void Connection::onTransportConnected()
{
    log(LogLevel::Debug, tr("Transport open."));
    handle(TransportOpened{});
}

void Connection::onTransportReadyRead()
{
    if (!m_transport)
        return;
    const QByteArray data = m_transport->readAll();
    if (!data.isEmpty())
        handle(BytesReceived{QByteArrayView(data)});
}

void Connection::onTransportDisconnected()
{
    // A DISCONNECT sent right before the close is still in the buffer: read it first.
    onTransportReadyRead();
    if (m_closeReported)
        return;
    m_closeReported = true;
    handle(TransportClosed{tr("The server closed the connection."), true});
}

void Connection::onTransportError(const TransportError &error)
{
    onTransportReadyRead();
    m_transportErrorReported = true;
    reportError(ConnectionError::fromTransport(error));
    if (m_closeReported)
        return;
    m_closeReported = true;
    handle(TransportClosed{error.message, true});
}

void Connection::deliver(DeliverMessage &&delivered)
{
    if (m_batch.isEmpty())
        m_batch.reserve(qMin(m_settings.batchMaxMessages, 4096));
    m_batch.append(ReceivedMessage{std::move(delivered.message),
                                   std::move(delivered.subscriptionIdentifiers),
                                   QDateTime::currentMSecsSinceEpoch() * 1000});
    if (m_batch.size() >= m_settings.batchMaxMessages)
        flushBatch();
    else if (!m_batchTimer->isActive())
        m_batchTimer->start(m_settings.batchIntervalMs);
}

void Connection::flushBatch()
{
    m_batchTimer->stop();
    if (m_batch.isEmpty())
        return;
    const MessageBatch batch = std::exchange(m_batch, {});
    if (m_sink)
        m_sink->consume(batch);
    emit messagesReceived(batch);
}

void Connection::reportError(const ConnectionError &error)
{
    flushBatch();
    log(LogLevel::Warning, error.message);
    emit errorOccurred(error);
}

void Connection::log(LogLevel level, const QString &text)
{
    const QString line =
        m_settings.name.isEmpty() ? text : QStringLiteral("[%1] %2").arg(m_settings.name, text);
    emit logMessage(ConnectionLogEntry{QDateTime::currentDateTimeUtc(), level, line});
}

void Connection::setPublicState(SessionState state)
{
    m_publicState.store(state, std::memory_order_release);
}

} // namespace mqttdesk
