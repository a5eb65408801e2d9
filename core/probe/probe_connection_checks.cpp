#include "core/probe/probe_connection_checks.h"

#include "core/probe/probe_evidence.h"

#include <memory>
#include <utility>

namespace mqttdesk {

namespace {

// The persistent session of the resume check would outlive a disconnect by this long at
// most; it is wiped right after the check anyway.
constexpr quint32 kSessionExpirySeconds = 300;

ProbeConnection::Matcher onTopic(const QString &topic)
{
    return [topic](const ReceivedMessage &m) { return m.message.topic == topic; };
}

} // namespace

template<typename F>
auto ProbeConnectionChecks::guarded(F f)
{
    return [this, run = m_run, f = std::move(f)](auto &&...args) {
        if (run == m_run)
            f(std::forward<decltype(args)>(args)...);
    };
}

ProbeConnectionChecks::ProbeConnectionChecks(ProbeClients clients, ProbeOptions options,
                                             QObject *parent)
    : QObject(parent)
    , m_clients(std::move(clients))
    , m_options(std::move(options))
{}

ProbeConnectionChecks::~ProbeConnectionChecks()
{
    stop();
}

void ProbeConnectionChecks::stop()
{
    ++m_run;
    m_done = nullptr;
    for (const QPointer<ProbeConnection> &c : std::exchange(m_connections, {}))
        if (c)
            c->discard();
}

void ProbeConnectionChecks::begin(ProbeConnection *main, ProtocolVersion version,
                                  const ConnackInfo &connack, Done done)
{
    stop();
    m_done = std::move(done);
    m_main = main;
    m_version = version;
    m_connack = connack;
}

ProbeConnection *ProbeConnectionChecks::newConnection(const ConnectionSettings &settings)
{
    auto *c = new ProbeConnection(settings, m_options.stepTimeoutMs, this);
    m_connections.append(c);
    return c;
}

void ProbeConnectionChecks::drop(ProbeConnection *connection, bool graceful)
{
    m_connections.removeAll(connection);
    connection->discard(graceful);
}

void ProbeConnectionChecks::finish(const ProbeCheckResult &result)
{
    if (Done done = std::exchange(m_done, nullptr))
        done(result);
}

QoS ProbeConnectionChecks::usableQoS(QoS wanted) const
{
    // A 3.x CONNACK holds the defaults: Maximum QoS 2.
    return QoS(qMin(quint8(wanted), quint8(m_connack.maximumQoS)));
}

// ---- the will -----------------------------------------------------------------------

void ProbeConnectionChecks::checkWill(ProbeConnection *main, ProtocolVersion version,
                                      const ConnackInfo &connack, const QString &topic, Done done)
{
    begin(main, version, connack, std::move(done));
    const QoS qos = usableQoS(QoS::AtLeastOnce);
    Subscription s;
    s.filter = topic;
    s.options.qos = qos;
    m_main->subscribe(
        s, std::nullopt, guarded([this, topic, qos](const SubscribeResult &sub) {
            if (!ProbeEvidence::granted(sub)) {
                ProbeCheckResult r;
                r.outcome = ProbeOutcome::Skipped;
                r.detail = tr("Not tried: the subscription to the will's topic was refused: %1")
                               .arg(ProbeEvidence::subscribeFailure(r, sub));
                finish(r);
                return;
            }
            ConnectionSettings settings =
                m_clients.settings(m_version, m_clients.clientId(QStringLiteral("will")));
            Will will;
            will.topic = topic;
            will.payload = QByteArrayLiteral("mqttdesk probe will");
            will.qos = qos;
            settings.session.will = will;
            ProbeConnection *w = newConnection(settings);
            w->open(guarded([this, w, topic, qos, will](const Opened &opened) {
                if (!opened.accepted) {
                    drop(w, false);
                    ProbeCheckResult r;
                    r.outcome = ProbeOutcome::NotSupported;
                    r.reasonCode = opened.reasonCode;
                    r.detail = tr("The connection with a will was refused: %1").arg(opened.error);
                    finish(r);
                    return;
                }
                m_main->expect(
                    onTopic(topic), 1, guarded([this, w, qos, will](const Messages &got) {
                        drop(w, false);
                        ProbeCheckResult r;
                        const bool worked =
                            !got.isEmpty() && got.first().message.payload == will.payload;
                        r.outcome = worked ? ProbeOutcome::Supported : ProbeOutcome::NotSupported;
                        r.detail = worked
                                       ? tr("A connection dropped without DISCONNECT had its will "
                                            "(QoS %1) published.")
                                             .arg(int(qos))
                                       : tr("No will arrived within %1 s of dropping a connection "
                                            "without DISCONNECT.")
                                             .arg(double(m_options.stepTimeoutMs) / 1000.0);
                        finish(r);
                    }));
                // As a crash or a lost network would: the server must publish the will.
                w->abort();
            }));
        }));
}

// ---- session resume -----------------------------------------------------------------

void ProbeConnectionChecks::checkSessionResume(ProbeConnection *main, ProtocolVersion version,
                                               const ConnackInfo &connack, const QString &topic,
                                               Done done)
{
    begin(main, version, connack, std::move(done));
    if (m_connack.maximumQoS == QoS::AtMostOnce) {
        ProbeCheckResult r;
        r.outcome = ProbeOutcome::Skipped;
        r.detail = tr("Not tried: it needs QoS 1, and the server announced Maximum QoS 0.");
        finish(r);
        return;
    }
    const QString id = m_clients.clientId(QStringLiteral("res"));
    ConnectionSettings first = m_clients.settings(m_version, id);
    // A session that outlives the connection: 5.0 Session Expiry Interval > 0
    // [MQTT-3.1.2-23], 3.x CleanSession 0.
    if (m_version == ProtocolVersion::V5)
        first.session.sessionExpiryInterval = kSessionExpirySeconds;
    else
        first.session.cleanStart = false;
    ProbeConnection *c = newConnection(first);
    c->open(guarded([this, c, id, topic](const Opened &opened) {
        if (!opened.accepted) {
            drop(c, false);
            ProbeCheckResult r;
            r.outcome = ProbeOutcome::NotSupported;
            r.reasonCode = opened.reasonCode;
            r.detail =
                tr("A connection with a persistent session was refused: %1").arg(opened.error);
            finish(r);
            return;
        }
        Subscription s;
        s.filter = topic;
        s.options.qos = QoS::AtLeastOnce;
        c->subscribe(s, std::nullopt, guarded([this, c, id, topic](const SubscribeResult &sub) {
                         const std::optional<QoS> granted = ProbeEvidence::granted(sub);
                         if (!granted) {
                             drop(c);
                             ProbeCheckResult r;
                             r.outcome = ProbeOutcome::Skipped;
                             r.detail = tr("Not tried: the subscription was refused: %1")
                                            .arg(ProbeEvidence::subscribeFailure(r, sub));
                             wipeSession(id, r);
                             return;
                         }
                         c->close(guarded([this, c, id, topic, granted] {
                             drop(c);
                             resumeWith(id, *granted, topic);
                         }));
                     }));
    }));
}

void ProbeConnectionChecks::resumeWith(const QString &id, QoS qos, const QString &topic)
{
    const int count = qMax(1, m_options.queuedMessages);
    auto answered = std::make_shared<int>(0);
    auto failure = std::make_shared<QString>();
    auto reconnect = [this, id, qos, topic, count] {
        ConnectionSettings again = m_clients.settings(m_version, id);
        again.session.cleanStart = false;
        again.session.adoptServerSession = true; // the session is the one made before
        if (m_version == ProtocolVersion::V5)
            again.session.sessionExpiryInterval = kSessionExpirySeconds;
        ProbeConnection *c = newConnection(again);
        c->open(guarded([this, c, id, qos, topic, count](const Opened &opened) {
            ProbeCheckResult r;
            if (!opened.accepted) {
                drop(c, false);
                r.outcome = ProbeOutcome::NotSupported;
                r.reasonCode = opened.reasonCode;
                r.detail = tr("Connecting again was refused: %1").arg(opened.error);
                wipeSession(id, r);
                return;
            }
            if (!opened.connack.sessionPresent) {
                drop(c);
                r.outcome = ProbeOutcome::NotSupported;
                r.detail = tr("The server kept no session (Session Present 0 on reconnecting).");
                wipeSession(id, r);
                return;
            }
            c->expect(
                onTopic(topic), count, guarded([this, c, id, qos, count](const Messages &got) {
                    drop(c);
                    ProbeCheckResult r;
                    r.outcome =
                        got.size() == count ? ProbeOutcome::Supported : ProbeOutcome::NotSupported;
                    r.detail = tr("Session present on reconnecting; %1 of the %2 QoS %3 messages "
                                  "published while it was away arrived.")
                                   .arg(got.size())
                                   .arg(count)
                                   .arg(int(qos));
                    wipeSession(id, r);
                }));
        }));
    };
    for (int i = 1; i <= count; ++i) {
        const PublishPacket p = ProbeClients::message(
            topic, QByteArrayLiteral("mqttdesk probe queued ") + QByteArray::number(i),
            QoS::AtLeastOnce);
        m_main->publish(
            p,
            guarded([this, id, count, answered, failure, reconnect](const PublishOutcome &outcome) {
                if (outcome.status == PublishStatus::Failed && failure->isEmpty()) {
                    ProbeCheckResult evidence;
                    *failure = ProbeEvidence::publishFailure(evidence, outcome, QoS::AtLeastOnce);
                }
                if (++*answered < count)
                    return;
                if (!failure->isEmpty()) {
                    ProbeCheckResult r;
                    r.outcome = ProbeOutcome::Skipped;
                    r.detail = tr("Not tried: publishing while the session was away failed: %1")
                                   .arg(*failure);
                    wipeSession(id, r);
                    return;
                }
                reconnect();
            }));
    }
}

void ProbeConnectionChecks::wipeSession(const QString &id, const ProbeCheckResult &result)
{
    // Clean Start 1 (CleanSession 1) discards the session [MQTT-3.1.2-4]; with no Session
    // Expiry Interval nothing outlives this connection either.
    ProbeConnection *c = newConnection(m_clients.settings(m_version, id));
    c->open(guarded([this, c, result](const Opened &) {
        c->close(guarded([this, c, result] {
            drop(c);
            finish(result);
        }));
    }));
}

// ---- topic aliases ------------------------------------------------------------------

void ProbeConnectionChecks::checkTopicAlias(ProbeConnection *main, const ConnackInfo &connack,
                                            const QString &topic, Done done)
{
    begin(main, ProtocolVersion::V5, connack, std::move(done));
    const quint16 maximum = m_connack.topicAliasMaximum;
    if (maximum == 0) {
        ProbeCheckResult r;
        r.outcome = ProbeOutcome::NotSupported;
        r.detail = m_connack.properties.topicAliasMaximum()
                       ? tr("Topic Alias Maximum 0 announced: a client must not send Topic "
                            "Aliases [MQTT-3.2.2-18].")
                       : tr("No Topic Alias Maximum announced (absent: 0): a client must not "
                            "send Topic Aliases [MQTT-3.2.2-18].");
        finish(r);
        return;
    }
    const QoS qos = usableQoS(QoS::AtLeastOnce);
    Subscription s;
    s.filter = topic;
    s.options.qos = qos;
    m_main->subscribe(
        s, std::nullopt, guarded([this, topic, qos, maximum](const SubscribeResult &sub) {
            if (!ProbeEvidence::granted(sub)) {
                ProbeCheckResult r;
                r.outcome = ProbeOutcome::Skipped;
                r.detail = tr("Not tried: the subscription to watch the messages was refused: %1")
                               .arg(ProbeEvidence::subscribeFailure(r, sub));
                finish(r);
                return;
            }
            // The session gives the topic alias 1 in its first PUBLISH and sends only the alias,
            // with an empty topic, from the second on (5.0 §3.3.2.3.4).
            ConnectionSettings settings = m_clients.settings(
                ProtocolVersion::V5, m_clients.clientId(QStringLiteral("alias")));
            settings.session.outboundTopicAliases = true;
            ProbeConnection *a = newConnection(settings);
            a->open(guarded([this, a, topic, qos, maximum](const Opened &opened) {
                if (!opened.accepted) {
                    drop(a, false);
                    ProbeCheckResult r;
                    r.outcome = ProbeOutcome::Skipped;
                    r.detail =
                        tr("Not tried: a second connection was refused: %1").arg(opened.error);
                    finish(r);
                    return;
                }
                auto send = [this, a, topic, qos](int n, std::function<void()> then) {
                    const PublishPacket p = ProbeClients::message(
                        topic, QByteArrayLiteral("mqttdesk probe alias ") + QByteArray::number(n),
                        qos);
                    a->publish(
                        p, guarded([this, a, n, qos, then](const PublishOutcome &outcome) {
                            if (outcome.status != PublishStatus::Failed) {
                                then();
                                return;
                            }
                            drop(a, false);
                            ProbeCheckResult r;
                            r.outcome = ProbeOutcome::AnnouncedButBroken;
                            const QString why = ProbeEvidence::publishFailure(r, outcome, qos);
                            r.detail =
                                n == 1 ? tr("The PUBLISH setting the alias failed: %1").arg(why)
                                       : tr("The PUBLISH with only the alias failed: %1").arg(why);
                            finish(r);
                        }));
                };
                send(1, [this, a, topic, send, maximum] {
                    send(2, [this, a, topic, maximum] {
                        m_main->expect(
                            onTopic(topic), 2, guarded([this, a, maximum](const Messages &got) {
                                drop(a);
                                ProbeCheckResult r;
                                const bool worked = got.size() == 2 &&
                                                    got.at(1).message.payload.endsWith("alias 2");
                                r.outcome = ProbeCheckResult::judge(true, worked);
                                r.detail =
                                    worked ? tr("Topic Alias Maximum %1; a PUBLISH carrying only "
                                                "alias 1 arrived on its topic.")
                                                 .arg(maximum)
                                           : tr("%1 of the 2 messages arrived (the second carried "
                                                "only alias 1).")
                                                 .arg(got.size());
                                finish(r);
                            }));
                    });
                });
            }));
        }));
}

} // namespace mqttdesk
