#include "core/connection/connection.h"

#include "core/protocol/overloaded.h"
#include "core/session/session.h"
#include "core/transport/transport.h"
#include "core/transport/transport_factory.h"

#include <QDateTime>
#include <QMetaMethod>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <limits>
#include <utility>

namespace mqttdesk {

namespace {

// Received bytes are fed to the session in slices of at most this size.
constexpr qsizetype kReadSliceSize = 64 * 1024;

// Traced packets go out at most this often (a screen refresh), or when this many wait.
constexpr int kTraceIntervalMs = 16;
constexpr qsizetype kTraceBatchMax = 8192;

constexpr SessionTimer kTimers[] = {SessionTimer::KeepAlive, SessionTimer::PingResponse,
                                    SessionTimer::ConnectTimeout, SessionTimer::Reconnect};

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<SessionState>();
        qRegisterMetaType<ConnackInfo>();
        qRegisterMetaType<MessageBatch>();
        qRegisterMetaType<PublishOutcome>();
        qRegisterMetaType<QList<PublishOutcome>>();
        qRegisterMetaType<SubscribeResult>();
        qRegisterMetaType<UnsubscribeResult>();
        qRegisterMetaType<PingOutcome>();
        qRegisterMetaType<PacketTraceEntry>();
        qRegisterMetaType<QList<PacketTraceEntry>>();
        qRegisterMetaType<ServerDisconnected>();
        qRegisterMetaType<AuthChallenge>();
        qRegisterMetaType<ConnectionError>();
        qRegisterMetaType<ConnectionLogEntry>();
        qRegisterMetaType<TransportError>();
        qRegisterMetaType<BrokerAddress>();
        qRegisterMetaType<ServerReference>();
        return true;
    }();
    Q_UNUSED(done);
}

QString sourceText(BrokerAddress::Source source)
{
    switch (source) {
    case BrokerAddress::Source::Main:
        return Connection::tr("main address");
    case BrokerAddress::Source::Fallback:
        return Connection::tr("fallback");
    case BrokerAddress::Source::Srv:
        return Connection::tr("from DNS SRV");
    case BrokerAddress::Source::ServerReference:
        return Connection::tr("from the server reference");
    }
    return {};
}

} // namespace

Connection::Connection(ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_session(
          std::make_unique<Session>(m_settings.session, QRandomGenerator::global()->generate64()))
    , m_failover([this](LogLevel level, const QString &text) { log(level, text); })
{
    m_failover.setSettings(m_settings);
    registerMetaTypes();
    m_clock.start();
    for (std::size_t i = 0; i < m_timers.size(); ++i) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        const SessionTimer which = kTimers[i];
        connect(timer, &QTimer::timeout, this, [this, which] {
            // An address that does not answer in time gives way to the next of the round.
            if (which == SessionTimer::ConnectTimeout &&
                tryNextAddress(tr("no answer within %1 s")
                                   .arg(double(m_settings.session.connectTimeoutMs) / 1000.0)))
                return;
            handle(TimerFired{which});
        });
        m_timers[i] = timer;
    }
    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    connect(m_batchTimer, &QTimer::timeout, this, &Connection::flushBatch);
    m_pressureTimer = new QTimer(this);
    m_pressureTimer->setInterval(kPressurePollMs);
    connect(m_pressureTimer, &QTimer::timeout, this, &Connection::checkPressure);
    m_traceTimer = new QTimer(this);
    m_traceTimer->setSingleShot(true);
    connect(m_traceTimer, &QTimer::timeout, this, &Connection::flushTrace);
    applySessionOptions(); // no sink yet: acknowledgements go out at once
}

Connection::~Connection()
{
    if (m_durableSink)
        m_durableSink->setStoredListener({});
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
        m_failover.setSettings(settings);
        applySessionOptions();
        applyPacketLogging();
    });
}

void Connection::addMessageSink(std::shared_ptr<MessageSink> sink)
{
    if (!sink)
        return;
    post([this, sink = std::move(sink)] {
        // A sink joins between batches: it sees whole batches only.
        flushBatch();
        if (std::find(m_sinks.begin(), m_sinks.end(), sink) == m_sinks.end())
            m_sinks.push_back(sink);
        chooseDurableSink();
    });
}

void Connection::removeMessageSink(std::shared_ptr<MessageSink> sink)
{
    post([this, sink = std::move(sink)] {
        flushBatch();
        const auto it = std::find(m_sinks.begin(), m_sinks.end(), sink);
        if (it == m_sinks.end())
            return;
        m_sinks.erase(it);
        chooseDurableSink();
    });
}

void Connection::chooseDurableSink()
{
    MessageSink *durable = nullptr;
    for (const std::shared_ptr<MessageSink> &sink : m_sinks) {
        if (sink->reportsStored()) {
            durable = sink.get();
            break;
        }
    }
    if (durable != m_durableSink) {
        if (m_durableSink) {
            m_durableSink->setStoredListener({});
            // What the old sink still holds is acknowledged as it was before store
            // before acknowledging: nothing would report it any more.
            handle(MessagesStored{std::numeric_limits<quint64>::max(), {}});
        }
        m_durableSink = durable;
        if (m_durableSink) {
            // Called on the writer's thread after a commit: carried to this thread.
            m_durableSink->setStoredListener(
                [this](quint64 through, const QList<quint64> &refused) {
                    QMetaObject::invokeMethod(
                        this,
                        [this, through, refused] {
                            handle(MessagesStored{through, refused});
                        },
                        Qt::QueuedConnection);
                });
        }
    }
    applySessionOptions();
}

void Connection::applySessionOptions()
{
    SessionOptions options = m_settings.session;
    // Only a sink that reports its commits can hold the acknowledgements back.
    options.acknowledgeAfterStore = options.acknowledgeAfterStore && m_durableSink;
    m_storeBeforeAck = options.acknowledgeAfterStore;
    options.tracePackets = m_packetTracing;
    m_session->setOptions(options);
}

void Connection::setPacketLogging(bool enabled)
{
    post([this, enabled] {
        m_packetLogging = enabled;
        applyPacketLogging();
    });
}

void Connection::applyPacketLogging()
{
    const bool wanted = m_packetLogging.value_or(
        isSignalConnected(QMetaMethod::fromSignal(&Connection::logMessage)));
    if (m_settings.session.logPackets == wanted && m_session->options().logPackets == wanted)
        return;
    m_settings.session.logPackets = wanted;
    SessionOptions options = m_session->options();
    options.logPackets = wanted;
    m_session->setOptions(options);
}

void Connection::setPacketTracing(bool enabled)
{
    post([this, enabled] {
        if (m_packetTracing == enabled)
            return;
        m_packetTracing = enabled;
        if (!enabled) {
            m_traceTimer->stop();
            m_traceBatch = {};
        }
        SessionOptions options = m_session->options();
        options.tracePackets = enabled;
        m_session->setOptions(options);
    });
}

void Connection::traced(PacketTraceEntry &&entry)
{
    // A received packet is stamped with the time its bytes were read (the event's start), a
    // sent one with the time it was written (the action right after its SendBytes).
    entry.timeUs =
        entry.direction == PacketDirection::Received ? m_eventUs : m_clock.nsecsElapsed() / 1000;
    m_traceBatch.append(std::move(entry));
    if (m_traceBatch.size() >= kTraceBatchMax)
        flushTrace();
    else if (!m_traceTimer->isActive())
        m_traceTimer->start(kTraceIntervalMs);
}

void Connection::flushTrace()
{
    m_traceTimer->stop();
    m_queuedCount.store(m_session->queuedCount(), std::memory_order_relaxed);
    if (!m_traceBatch.isEmpty())
        emit packetsTraced(std::exchange(m_traceBatch, {}));
}

void Connection::connectToBroker()
{
    post([this] {
        m_failover.restart();
        doConnect();
    });
}

void Connection::followServerReference(const QList<BrokerAddress> &addresses)
{
    post([this, addresses] {
        // Only from a connection that ended (the reference's own refusal or DISCONNECT); one
        // the user started again meanwhile goes where the user said.
        if (addresses.isEmpty() || m_session->state() != SessionState::Disconnected)
            return;
        QStringList names;
        for (const BrokerAddress &a : addresses)
            names << a.hostPort();
        log(LogLevel::Info,
            tr("Following the server reference to %1.").arg(names.join(QStringLiteral(", "))));
        m_failover.follow(addresses);
        doConnect();
    });
}

void Connection::setSrvResolver(std::shared_ptr<SrvResolver> resolver)
{
    post([this, resolver = std::move(resolver)] { m_failover.setResolver(resolver); });
}

void Connection::doConnect()
{
    // One address: the line it always had. Several (or a lookup first): each attempt says
    // which address it tries (openTransport).
    if (m_settings.fallbacks.isEmpty() && !m_settings.srvLookup && !m_failover.isFollowing())
        log(LogLevel::Info, tr("Connecting to %1:%2 over %3 with MQTT %4.")
                                .arg(m_settings.transport.host)
                                .arg(m_settings.transport.port)
                                .arg(TransportOptions::kindName(m_settings.transport.kind),
                                     protocolVersionName(m_settings.session.version)));
    else
        log(LogLevel::Info,
            tr("Connecting with MQTT %1.").arg(protocolVersionName(m_settings.session.version)));
    applyPacketLogging();
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

quint64 Connection::publishBatch(QList<PublishPacket> messages)
{
    const auto n = quint64(messages.size());
    const quint64 first = m_nextToken.fetch_add(n, std::memory_order_relaxed) | kBatchTokenBit;
    post([this, first, messages = std::move(messages)]() mutable {
        m_inBatch = true;
        for (qsizetype i = 0; i < messages.size(); ++i)
            handle(PublishRequested{first + quint64(i), std::move(messages[i])});
        m_inBatch = false;
        flushBatchOutcomes();
    });
    return first;
}

quint64 Connection::ping()
{
    const quint64 token = m_nextToken.fetch_add(1, std::memory_order_relaxed);
    post([this, token] { handle(PingRequested{token}); });
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
    runSession(event);
    while (!m_deferred.empty()) {
        DeferredEvent next = std::move(m_deferred.front());
        m_deferred.pop_front();
        if (auto *bytes = std::get_if<BytesReceived>(&next.event))
            bytes->data = QByteArrayView(next.bytes);
        runSession(next.event);
    }
    m_handling = false;
    if (!m_inBatch)
        flushBatchOutcomes();
}

void Connection::flushBatchOutcomes()
{
    if (!m_batchOutcomes.isEmpty())
        emit publishesFinished(std::exchange(m_batchOutcomes, {}));
}

void Connection::runSession(const SessionEvent &event)
{
    m_receivedUs = 0;
    if (m_packetTracing)
        m_eventUs = m_clock.nsecsElapsed() / 1000;
    m_actions.clear(); // keeps the capacity
    m_session->handle(event, nowMs(), m_actions);
    execute(m_actions);
    m_actions.clear();
    // Store before acknowledging: storage gets what arrived at once, not when the batch
    // timer fires, so acknowledgements (and the server's window) are not held back by it.
    if (m_storeBeforeAck)
        feedSinks();
}

void Connection::feedSinks()
{
    if (m_sinks.empty() || m_sinkFed >= m_batch.size())
        return;
    const MessageBatch fresh = m_sinkFed == 0 ? m_batch : m_batch.mid(m_sinkFed);
    for (const std::shared_ptr<MessageSink> &sink : m_sinks)
        sink->consume(fresh);
    m_sinkFed = m_batch.size();
    if (!m_readPaused) {
        for (const std::shared_ptr<MessageSink> &sink : m_sinks) {
            if (sink->wantsPause()) {
                pauseReading();
                break;
            }
        }
    }
}

void Connection::pauseReading()
{
    // What the server sends next stays in the socket: once Qt's bounded read buffer and the
    // kernel's are full, TCP flow control holds the server back, instead of storage
    // dropping messages it has no room for. Keep-alive is not at risk: a storage that drains
    // takes seconds at most, and one that cannot (a full disk) reports no pressure.
    m_readPaused = true;
    log(LogLevel::Debug, tr("Storage is behind: reading from the server paused."));
    m_pressureTimer->start();
}

void Connection::checkPressure()
{
    for (const std::shared_ptr<MessageSink> &sink : m_sinks) {
        if (!sink->canResume())
            return;
    }
    stopPressure();
    log(LogLevel::Debug, tr("Storage caught up: reading from the server again."));
    onTransportReadyRead(); // what waited in the buffer (no new readyRead comes for it)
}

void Connection::stopPressure()
{
    m_readPaused = false;
    m_pressureTimer->stop();
}

void Connection::execute(SessionActions &actions)
{
    for (SessionAction &action : actions) {
        std::visit(
            Overloaded{
                [this](OpenTransport &) { beginAttempt(); },
                [this](SendBytes &send) {
                    if (m_transport && m_transport->state() == Transport::State::Open) {
                        if (send.packet == PacketType::Pingreq)
                            m_pingWrittenNs = m_clock.nsecsElapsed();
                        m_transport->write(send.bytes);
                    }
                },
                [this](CloseTransport &) { closeTransport(); },
                [this](DeliverMessage &message) { deliver(std::move(message)); },
                [this](PublishOutcome &outcome) {
                    if (outcome.token & kBatchTokenBit) {
                        if (outcome.isFinal())
                            m_batchOutcomes.append(std::move(outcome));
                    } else if (outcome.isFinal())
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
                    m_failover.accepted();
                    if (!m_failover.list().isEmpty() &&
                        (m_failover.list().size() > 1 ||
                         m_failover.list().current().source != BrokerAddress::Source::Main)) {
                        const BrokerAddress &at = m_failover.list().current();
                        log(LogLevel::Info,
                            tr("Connected to %1 (%2).").arg(at.hostPort(), sourceText(at.source)));
                    }
                    log(LogLevel::Info,
                        tr("Connected as \"%1\" (session present: %2, keep alive %3 s).")
                            .arg(c.info.clientId, c.info.sessionPresent ? tr("yes") : tr("no"))
                            .arg(c.info.keepAliveSeconds));
                    emit connected(c.info);
                },
                [this](StateChanged &s) {
                    flushBatch();
                    flushTrace(); // the packets that changed it come first
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
                    // The session logged it already: one log line per error.
                    reportError(ConnectionError::fromSession(e.error), false);
                    if (e.error.kind == SessionError::Kind::ConnectionRefused &&
                        e.error.reasonCode && m_session->connackInfo())
                        reportServerReference(*e.error.reasonCode,
                                              m_session->connackInfo()->serverReference, true);
                },
                [this](ServerDisconnected &d) {
                    flushBatch();
                    log(LogLevel::Warning,
                        tr("The server disconnected: %1%2")
                            .arg(reasonCodeText(d.reasonCode, PacketType::Disconnect),
                                 d.reasonString ? QStringLiteral(" (%1)").arg(*d.reasonString)
                                                : QString()));
                    emit serverDisconnected(d);
                    reportServerReference(d.reasonCode, d.serverReference, false);
                },
                [this](AuthChallenge &challenge) { emit authChallenge(challenge); },
                [this](LogLine &line) { log(line.level, line.text); },
                [this](ReconnectScheduled &r) { emit reconnectScheduled(r.delayMs, r.attempt); },
                [this](PingOutcome &ping) {
                    if (!ping.error && m_pingWrittenNs >= 0)
                        ping.roundTripUs = (m_clock.nsecsElapsed() - m_pingWrittenNs) / 1000;
                    emit pingFinished(ping.token, ping);
                },
                [this](PacketTraced &t) {
                    if (m_packetTracing)
                        traced(std::move(t.entry));
                },
            },
            action);
    }
}

void Connection::reportServerReference(ReasonCode reasonCode, const std::optional<QString> &text,
                                       bool inConnack)
{
    // 5.0 §4.11: only "Use another server" and "Server moved" redirect the client.
    if (!ServerReference::isRedirection(reasonCode) || !text)
        return;
    ServerReference reference;
    reference.reasonCode = reasonCode;
    reference.text = *text;
    reference.inConnack = inConnack;
    const BrokerAddress from =
        m_failover.list().isEmpty()
            ? BrokerAddress{m_settings.transport.host, m_settings.transport.port,
                            m_settings.transport.kind, BrokerAddress::Source::Main}
            : m_failover.list().current();
    reference.addresses = ServerReference::parse(*text, from);
    QStringList names;
    for (const BrokerAddress &a : std::as_const(reference.addresses))
        names << a.hostPort();
    const QString why = reasonCode == ReasonCode::ServerMoved ? tr("the server has moved")
                                                              : tr("use another server");
    if (names.isEmpty())
        log(LogLevel::Warning,
            tr("The server names another server (%1) in its server reference \"%2\", but no "
               "address in it can be read.")
                .arg(why, *text));
    else
        log(LogLevel::Warning, tr("The server names another server (%1): \"%2\", that is %3.")
                                   .arg(why, *text, names.join(QStringLiteral(", "))));
    emit serverReferenceReceived(reference);
}

void Connection::dropTransport()
{
    // Deleted later: this may run inside one of the transport's own signals.
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->abort();
        m_transport.release()->deleteLater();
    }
    m_transportErrorReported = false;
    m_closeReported = false;
    m_transportOpened = false;
    stopPressure();
}

void Connection::beginAttempt()
{
    dropTransport();
    m_failover.beginRound([this](const QString &error) {
        if (error.isEmpty()) {
            openTransport();
            return;
        }
        // No address to try: to the session, an open that failed.
        if (!m_closeReported) {
            m_closeReported = true;
            handle(TransportClosed{error, true});
        }
    });
}

bool Connection::tryNextAddress(const QString &reason)
{
    if (m_transportOpened || !m_transport || m_failover.list().size() < 2)
        return false;
    const BrokerAddress failed = m_failover.list().current();
    if (!m_failover.advance()) {
        log(LogLevel::Warning, tr("%1 failed: %2. No other broker address is left to try.")
                                   .arg(failed.hostPort(), reason));
        return false;
    }
    log(LogLevel::Warning,
        tr("%1 failed: %2. Trying the next broker address.").arg(failed.hostPort(), reason));
    // Each address gets the whole connect timeout (the session's timer is restarted).
    if (m_settings.session.connectTimeoutMs > 0)
        startTimer(SessionTimer::ConnectTimeout, m_settings.session.connectTimeoutMs);
    openTransport();
    return true;
}

void Connection::openTransport()
{
    dropTransport();
    TransportOptions options = m_settings.transport;
    if (!m_failover.list().isEmpty()) {
        const BrokerAddress &address = m_failover.list().current();
        options.host = address.host;
        options.port = address.port;
        options.kind = address.kind;
        if (m_failover.list().size() > 1 || address.source != BrokerAddress::Source::Main)
            log(LogLevel::Info,
                tr("Trying %1 over %2 (%3, address %4 of %5).")
                    .arg(address.hostPort(), TransportOptions::kindName(address.kind),
                         sourceText(address.source))
                    .arg(m_failover.list().attempt())
                    .arg(m_failover.list().size()));
        emit brokerAddressChanged(address);
    }
    m_transport = TransportFactory::create(options);
    Transport *t = m_transport.get();
    connect(t, &Transport::connected, this, &Connection::onTransportConnected);
    connect(t, &Transport::readyRead, this, &Connection::onTransportReadyRead);
    connect(t, &Transport::disconnected, this, &Connection::onTransportDisconnected);
    connect(t, &Transport::errorOccurred, this, &Connection::onTransportError);
    connect(t, &Transport::warningOccurred, this, [this](const QString &message) {
        log(LogLevel::Warning, message);
        emit warningOccurred(message);
    });
    connect(t, &Transport::noticeOccurred, this,
            [this](const QString &message) { log(LogLevel::Info, message); });
    t->open();
}

void Connection::closeTransport()
{
    if (!m_transport) {
        // Still looking the broker up in DNS: the attempt ends here.
        if (m_failover.cancelLookup() && !m_closeReported) {
            m_closeReported = true;
            handle(TransportClosed{});
        }
        return;
    }
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
    m_transportOpened = true;
    log(LogLevel::Debug, tr("Transport open."));
    handle(TransportOpened{});
}

void Connection::onTransportReadyRead()
{
    if (!m_transport || m_readPaused)
        return;
    const QByteArray data = m_transport->readAll();
    // The socket may hand over megabytes at once (a flood fills the kernel buffer while
    // we work): feed them in slices, so the actions of one event (a delivery per
    // message) stay a bounded, reused list instead of hundreds of thousands of entries.
    const Transport *source = m_transport.get();
    for (qsizetype at = 0; at < data.size() && m_transport.get() == source;
         at += kReadSliceSize) // the rest is moot once the transport was replaced
        handle(
            BytesReceived{QByteArrayView(data).sliced(at, qMin(kReadSliceSize, data.size() - at))});
}

void Connection::onTransportDisconnected()
{
    // A DISCONNECT sent right before the close is still in the buffer: read it first, also
    // when storage asked for a pause (the stream ends: nothing more can be held back).
    stopPressure();
    onTransportReadyRead();
    if (m_closeReported)
        return;
    m_closeReported = true;
    handle(TransportClosed{tr("The server closed the connection."), true});
}

void Connection::onTransportError(const TransportError &error)
{
    stopPressure();
    onTransportReadyRead();
    if (tryNextAddress(error.message))
        return;
    m_transportErrorReported = true;
    reportError(ConnectionError::fromTransport(error));
    if (m_closeReported)
        return;
    m_closeReported = true;
    // What retrying cannot fix (a certificate that fails verification, a key file that
    // cannot be read) ends the connection for good instead of starting a reconnect loop.
    handle(TransportClosed{error.message, true, error.isPermanent()});
}

void Connection::deliver(DeliverMessage &&delivered)
{
    if (m_receivedUs == 0) {
        using namespace std::chrono;
        m_receivedUs = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    }
    if (m_batch.isEmpty())
        m_batch.reserve(qMin(m_settings.batchMaxMessages, 4096));
    m_batchBytes += delivered.message.payload.size();
    m_batch.emplace_back(ReceivedMessage{std::move(delivered.message),
                                         std::move(delivered.subscriptionIdentifiers), m_receivedUs,
                                         delivered.sequence, delivered.topicAlias});
    if (m_batch.size() >= m_settings.batchMaxMessages || m_batchBytes >= m_settings.batchMaxBytes)
        flushBatch();
    else if (!m_batchTimer->isActive())
        m_batchTimer->start(m_settings.batchIntervalMs);
}

void Connection::flushBatch()
{
    m_batchTimer->stop();
    if (m_batch.isEmpty())
        return;
    feedSinks();
    m_sinkFed = 0;
    m_batchBytes = 0;
    const MessageBatch batch = std::exchange(m_batch, {});
    emit messagesReceived(batch);
}

void Connection::reportError(const ConnectionError &error, bool logIt)
{
    flushBatch();
    if (logIt)
        log(LogLevel::Warning, error.message);
    emit errorOccurred(error);
}

void Connection::log(LogLevel level, const QString &text)
{
    if (!isSignalConnected(QMetaMethod::fromSignal(&Connection::logMessage)))
        return;
    const QString line =
        m_settings.name.isEmpty() ? text : QStringLiteral("[%1] %2").arg(m_settings.name, text);
    emit logMessage(ConnectionLogEntry{QDateTime::currentDateTimeUtc(), level, line});
}

void Connection::setPublicState(SessionState state)
{
    m_publicState.store(state, std::memory_order_release);
}

} // namespace mqttdesk
