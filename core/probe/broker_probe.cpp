#include "core/probe/broker_probe.h"

#include "core/probe/probe_evidence.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <memory>
#include <utility>

namespace mqttdesk {

namespace {

constexpr quint32 kSubscriptionIdentifier = 42;
const QLatin1String kShareGroup("mqttdesk-probe");

ProbeConnection::Matcher onTopic(const QString &topic)
{
    return [topic](const ReceivedMessage &m) { return m.message.topic == topic; };
}

} // namespace

template<typename F>
auto BrokerProbe::guarded(F f)
{
    return [this, step = m_step, f = std::move(f)](auto &&...args) {
        if (step == m_step)
            f(std::forward<decltype(args)>(args)...);
    };
}

BrokerProbe::BrokerProbe(ConnectionSettings settings, ProbeOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tag(QString::number(QRandomGenerator::global()->generate(), 16)
                .rightJustified(8, QLatin1Char('0')))
    // 16 characters: with a tag ("-main") within MQTT 3.1's 23.
    , m_clients(std::move(settings), QStringLiteral("mdprobe-") + m_tag)
{
    qRegisterMetaType<ProbeCheck>();
    qRegisterMetaType<ProbeCheckResult>();
    qRegisterMetaType<ProbeReport>();
    m_report.broker = ProbeEvidence::brokerAddress(m_clients.base().transport);
    m_report.topicPrefix = m_options.topicPrefix.isEmpty()
                               ? QStringLiteral("mqttdesk/probe/") + m_tag
                               : m_options.topicPrefix;
    m_report.maxPayloadLimit = m_options.maxPayloadBytes;
    m_connectionChecks = new ProbeConnectionChecks(m_clients, m_options, this);
    m_measurements = new ProbeMeasurements(m_options, this);
}

BrokerProbe::~BrokerProbe()
{
    ++m_step;
    for (ProbeConnection *c : findChildren<ProbeConnection *>(Qt::FindDirectChildrenOnly))
        c->forget();
}

void BrokerProbe::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_report.started = QDateTime::currentDateTimeUtc();
    m_pending = ProbeCheckResult::allChecks();
    // Signals only after start() has returned.
    QMetaObject::invokeMethod(this, &BrokerProbe::runNext, Qt::QueuedConnection);
}

void BrokerProbe::cancel()
{
    if (!m_running || m_cleaningUp)
        return;
    m_report.cancelled = true;
    ++m_step;
    if (m_main)
        m_main->forget();
    QList<ProbeCheck> skipped = std::exchange(m_pending, {});
    if (m_current)
        skipped.prepend(*std::exchange(m_current, std::nullopt));
    for (ProbeCheck check : std::as_const(skipped)) {
        ProbeCheckResult r;
        r.check = check;
        r.outcome = ProbeOutcome::Skipped;
        r.detail = tr("Cancelled.");
        m_report.setResult(r);
        emit checkFinished(r);
    }
    m_measurements->stop();
    cleanUp();
}

// ---- the sequence -------------------------------------------------------------------

void BrokerProbe::runNext()
{
    if (!m_running || m_cleaningUp || m_current)
        return;
    if (m_pending.isEmpty()) {
        cleanUp();
        return;
    }
    const ProbeCheck check = m_pending.takeFirst();
    m_current = check;
    ++m_step;
    m_clock.start();
    emit checkStarted(check);
    if (m_current == check && !m_cleaningUp) // not cancelled from checkStarted()
        run(check);
}

void BrokerProbe::run(ProbeCheck check)
{
    if (check == ProbeCheck::ConnectV31 || check == ProbeCheck::ConnectV311 ||
        check == ProbeCheck::ConnectV5) {
        if (!m_unreachable.isEmpty()) {
            skip(tr("Not tried: the server could not be reached (%1)").arg(m_unreachable));
            return;
        }
        if (check == ProbeCheck::ConnectV31)
            checkVersion(ProtocolVersion::V31, m_clients.clientId(QStringLiteral("v31")), false);
        else if (check == ProbeCheck::ConnectV311)
            checkVersion(ProtocolVersion::V311, m_clients.clientId(QStringLiteral("v311")), false);
        else // an empty client id: what the server assigns is part of its CONNACK
            checkVersion(ProtocolVersion::V5, QString(), false);
        return;
    }
    if (!m_report.version) {
        skip(tr("Not tried: no protocol version was accepted."));
        return;
    }
    if (!m_mainFailure.isEmpty()) {
        skip(tr("Not tried: the connection for the checks could not be opened: %1")
                 .arg(m_mainFailure));
        return;
    }
    if ((check == ProbeCheck::SubscriptionIdentifier || check == ProbeCheck::TopicAlias) &&
        !isV5()) {
        skip(tr("Not tried: MQTT 5.0 only, and the checks ran with MQTT %1.")
                 .arg(protocolVersionName(*m_report.version)));
        return;
    }
    if (check == ProbeCheck::Latency && m_options.pings <= 0) {
        skip(tr("Not tried: no pings were asked for."));
        return;
    }
    withMain(guarded([this, check] {
        Subscription s;
        s.options.qos = usableQoS(QoS::AtLeastOnce);
        switch (check) {
        case ProbeCheck::Qos0:
            return checkQos(QoS::AtMostOnce);
        case ProbeCheck::Qos1:
            return checkQos(QoS::AtLeastOnce);
        case ProbeCheck::Qos2:
            return checkQos(QoS::ExactlyOnce);
        case ProbeCheck::Retain:
            return checkRetain();
        case ProbeCheck::Wildcard:
            s.filter = topic(QStringLiteral("wild/+/#"));
            return checkDelivery(check, s, topic(QStringLiteral("wild/a/b")), std::nullopt);
        case ProbeCheck::SharedSubscription:
            s.filter = QStringLiteral("$share/") + kShareGroup + QLatin1Char('/') +
                       topic(QStringLiteral("shared"));
            return checkDelivery(check, s, topic(QStringLiteral("shared")), std::nullopt);
        case ProbeCheck::SubscriptionIdentifier:
            s.filter = topic(QStringLiteral("subid"));
            return checkDelivery(check, s, s.filter, kSubscriptionIdentifier);
        case ProbeCheck::TopicAlias:
        case ProbeCheck::Will:
        case ProbeCheck::SessionResume:
            return checkWithOwnConnections(check);
        case ProbeCheck::MaxPayload:
            return checkMaxPayload();
        case ProbeCheck::Latency:
            return checkLatency();
        case ProbeCheck::ConnectV31:
        case ProbeCheck::ConnectV311:
        case ProbeCheck::ConnectV5:
            break;
        }
    }));
}

void BrokerProbe::complete(ProbeCheckResult result)
{
    if (!m_current)
        return;
    result.check = *std::exchange(m_current, std::nullopt);
    result.elapsedMs = m_clock.elapsed();
    ++m_step; // whatever of this check is still on its way is dropped
    m_report.setResult(result);
    emit checkFinished(result);
    QMetaObject::invokeMethod(this, &BrokerProbe::runNext, Qt::QueuedConnection);
}

void BrokerProbe::skip(const QString &why)
{
    ProbeCheckResult r;
    r.outcome = ProbeOutcome::Skipped;
    r.detail = why;
    complete(r);
}

void BrokerProbe::withMain(std::function<void()> then, std::function<void(const QString &)> failed)
{
    if (m_main && m_main->isConnected()) {
        then();
        return;
    }
    if (m_main)
        m_main->discard(false);
    m_main = new ProbeConnection(
        m_clients.settings(*m_report.version, m_clients.clientId(QStringLiteral("main"))),
        m_options.stepTimeoutMs, this);
    m_main->open(
        guarded([this, then = std::move(then), failed = std::move(failed)](const Opened &opened) {
            if (!opened.accepted) {
                m_mainFailure = opened.error;
                if (failed)
                    failed(opened.error);
                else
                    skip(tr("Not tried: the connection for the checks could not be opened: %1")
                             .arg(opened.error));
                return;
            }
            m_mainConnack = opened.connack;
            then();
        }));
}

// ---- protocol versions --------------------------------------------------------------

void BrokerProbe::checkVersion(ProtocolVersion version, const QString &id, bool retried)
{
    auto *c = new ProbeConnection(m_clients.settings(version, id), m_options.stepTimeoutMs, this);
    m_versionConnection = c;
    c->open(guarded([this, c, version, id, retried](const Opened &opened) {
        ProbeCheckResult r;
        r.reasonPacket = PacketType::Connack;
        if (opened.accepted) {
            c->discard();
            r.outcome = ProbeOutcome::Supported;
            r.reasonCode = opened.connack.reasonCode;
            r.detail = tr("Accepted as \"%1\" (keep alive %2 s).")
                           .arg(opened.connack.clientId)
                           .arg(opened.connack.keepAliveSeconds);
            if (!m_report.version || *m_report.version < version)
                m_report.version = version;
            if (version == ProtocolVersion::V5) {
                m_report.announcements = ProbeAnnouncement::fromConnack(
                    opened.connack, id, m_clients.base().session.keepAliveSeconds);
                m_report.announcedMaximumPacketSize = opened.connack.maximumPacketSize;
                emit announcementsReceived(m_report.announcements);
            }
            complete(r);
            return;
        }
        c->discard(false);
        // A server that takes no empty client id (0x85) is asked again with one: the
        // version is not refused for that.
        if (version == ProtocolVersion::V5 && id.isEmpty() && !retried &&
            opened.reasonCode == ReasonCode::ClientIdentifierNotValid) {
            checkVersion(version, m_clients.clientId(QStringLiteral("v5")), true);
            return;
        }
        if (opened.unreachable && m_unreachable.isEmpty())
            m_unreachable = opened.error;
        r.outcome = ProbeOutcome::NotSupported;
        r.reasonCode = opened.reasonCode;
        r.detail = opened.reasonCode ? opened.error : tr("No CONNACK: %1").arg(opened.error);
        complete(r);
    }));
}

// ---- message checks -----------------------------------------------------------------

void BrokerProbe::checkQos(QoS qos)
{
    const int n = int(qos);
    const QString t = topic(QStringLiteral("qos%1").arg(n));
    const std::optional<bool> announced =
        isV5() ? std::optional<bool>(m_mainConnack.maximumQoS >= qos) : std::nullopt;
    Subscription s;
    s.filter = t;
    s.options.qos = qos;
    m_main->subscribe(
        s, std::nullopt, guarded([this, t, qos, n, announced](const SubscribeResult &sub) {
            ProbeCheckResult r;
            const std::optional<QoS> grantedQoS = ProbeEvidence::granted(sub);
            if (!grantedQoS) {
                r.outcome = ProbeCheckResult::judge(announced, false);
                const QString why = ProbeEvidence::subscribeFailure(r, sub);
                r.detail = tr("The subscription at QoS %1 was refused: %2").arg(n).arg(why);
                complete(r);
                return;
            }
            if (announced == false) {
                r.outcome = ProbeOutcome::NotSupported;
                r.reasonCode = ProbeEvidence::firstCode(sub);
                r.reasonPacket = PacketType::Suback;
                r.detail = tr("Maximum QoS %1 announced, so not published at QoS %2 "
                              "[MQTT-3.2.2-11]; the SUBACK granted QoS %3.")
                               .arg(int(m_mainConnack.maximumQoS))
                               .arg(n)
                               .arg(int(*grantedQoS));
                complete(r);
                return;
            }
            const QoS g = *grantedQoS;
            m_main->publish(
                ProbeClients::message(
                    t, QByteArrayLiteral("mqttdesk probe QoS ") + QByteArray::number(n), qos),
                guarded([this, t, qos, n, g, announced](const PublishOutcome &outcome) {
                    if (outcome.status == PublishStatus::Failed) {
                        ProbeCheckResult r;
                        r.outcome = ProbeCheckResult::judge(announced, false);
                        const QString why = ProbeEvidence::publishFailure(r, outcome, qos);
                        r.detail = tr("The QoS %1 PUBLISH failed: %2").arg(n).arg(why);
                        complete(r);
                        return;
                    }
                    m_main->expect(
                        onTopic(t), 1, guarded([this, qos, n, g, announced](const Messages &got) {
                            ProbeCheckResult r;
                            r.reasonCode = ReasonCode(quint8(g));
                            r.reasonPacket = PacketType::Suback;
                            if (got.isEmpty()) {
                                r.outcome = ProbeCheckResult::judge(announced, false);
                                r.detail =
                                    tr("Published at QoS %1, but it did not come back within %2 s.")
                                        .arg(n)
                                        .arg(double(m_options.stepTimeoutMs) / 1000.0);
                                complete(r);
                                return;
                            }
                            const QoS received = got.first().message.qos;
                            const bool worked = g == qos && received == qos;
                            r.outcome = ProbeCheckResult::judge(announced, worked);
                            r.detail =
                                worked
                                    ? tr("Granted QoS %1; published and received back at QoS %1.")
                                          .arg(n)
                                    : tr("Downgraded: the SUBACK granted QoS %1 and the message "
                                         "came back at QoS %2.")
                                          .arg(int(g))
                                          .arg(int(received));
                            complete(r);
                        }));
                }));
        }));
}

void BrokerProbe::checkRetain()
{
    const std::optional<bool> announced =
        isV5() ? std::optional<bool>(m_mainConnack.retainAvailable) : std::nullopt;
    if (announced == false) {
        ProbeCheckResult r;
        r.outcome = ProbeOutcome::NotSupported;
        r.detail = tr("Retain Available 0 announced, so nothing was published retained "
                      "[MQTT-3.2.2-14].");
        complete(r);
        return;
    }
    const QString t = topic(QStringLiteral("retain/value"));
    const QoS qos = usableQoS(QoS::AtLeastOnce);
    m_main->publish(
        ProbeClients::message(t, QByteArrayLiteral("mqttdesk probe retained"), qos, true),
        guarded([this, t, qos, announced](const PublishOutcome &outcome) {
            if (outcome.status == PublishStatus::Failed) {
                ProbeCheckResult r;
                r.outcome = ProbeCheckResult::judge(announced, false);
                const QString why = ProbeEvidence::publishFailure(r, outcome, qos);
                r.detail = tr("The retained PUBLISH failed: %1").arg(why);
                complete(r);
                return;
            }
            m_retained.insert(t);
            // A new subscription gets the retained message, flagged [MQTT-3.3.1-9].
            Subscription s;
            s.filter = topic(QStringLiteral("retain/+"));
            s.options.qos = qos;
            m_main->subscribe(
                s, std::nullopt, guarded([this, t, qos, announced](const SubscribeResult &sub) {
                    if (!ProbeEvidence::granted(sub)) {
                        ProbeCheckResult r;
                        const QString why = ProbeEvidence::subscribeFailure(r, sub);
                        r.outcome = ProbeOutcome::Skipped;
                        r.detail = tr("Not tried: the subscription to read it back was refused: %1")
                                       .arg(why);
                        complete(r);
                        return;
                    }
                    auto retainedCopy = [t](const ReceivedMessage &m) {
                        return m.message.topic == t && m.message.retain;
                    };
                    m_main->expect(
                        retainedCopy, 1, guarded([this, t, qos, announced](const Messages &got) {
                            if (got.isEmpty()) {
                                ProbeCheckResult r;
                                r.outcome = ProbeCheckResult::judge(announced, false);
                                r.detail = tr("Set, but a new subscription did not receive it "
                                              "within %1 s.")
                                               .arg(double(m_options.stepTimeoutMs) / 1000.0);
                                complete(r);
                                return;
                            }
                            // Cleared by an empty retained message [MQTT-3.3.1-6].
                            m_main->publish(
                                ProbeClients::message(t, {}, qos, true),
                                guarded([this, t, qos, announced](const PublishOutcome &cleared) {
                                    if (cleared.status == PublishStatus::Failed) {
                                        ProbeCheckResult r;
                                        r.outcome = ProbeCheckResult::judge(announced, false);
                                        const QString why =
                                            ProbeEvidence::publishFailure(r, cleared, qos);
                                        r.detail = tr("Set and received, but clearing it "
                                                      "failed: %1")
                                                       .arg(why);
                                        complete(r);
                                        return;
                                    }
                                    m_retained.remove(t);
                                    verifyRetainCleared(t, qos);
                                }));
                        }));
                }));
        }));
}

void BrokerProbe::verifyRetainCleared(const QString &t, QoS qos)
{
    const std::optional<bool> announced =
        isV5() ? std::optional<bool>(m_mainConnack.retainAvailable) : std::nullopt;
    const QString marker = topic(QStringLiteral("retain/marker"));
    // Subscribing again sends what is retained under the filter [MQTT-3.3.1-9], before a
    // message published after the SUBACK: whichever comes first tells.
    Subscription s;
    s.filter = topic(QStringLiteral("retain/+"));
    s.options.qos = qos;
    m_main->subscribe(
        s, std::nullopt, guarded([this, t, qos, marker, announced](const SubscribeResult &) {
            auto either = [t, marker](const ReceivedMessage &m) {
                return (m.message.topic == t && m.message.retain) || m.message.topic == marker;
            };
            m_main->expect(
                either, 1, guarded([this, marker, announced](const Messages &got) {
                    ProbeCheckResult r;
                    const bool cleared = !got.isEmpty() && got.first().message.topic == marker;
                    r.outcome = ProbeCheckResult::judge(announced, cleared);
                    r.detail =
                        cleared ? tr("Set, received by a new subscription with the retain flag, "
                                     "and cleared.")
                        : got.isEmpty()
                            ? tr("Set and received, but whether it was cleared could not be seen "
                                 "within %1 s.")
                                  .arg(double(m_options.stepTimeoutMs) / 1000.0)
                            : tr("Set and received, but an empty retained message did not clear "
                                 "it [MQTT-3.3.1-6].");
                    complete(r);
                }));
            m_main->publish(
                ProbeClients::message(marker, QByteArrayLiteral("mqttdesk probe marker"), qos),
                [](const PublishOutcome &) {});
        }));
}

void BrokerProbe::checkDelivery(ProbeCheck check, const Subscription &subscription,
                                const QString &t, std::optional<quint32> identifier)
{
    std::optional<bool> announced;
    if (isV5()) {
        if (check == ProbeCheck::Wildcard)
            announced = m_mainConnack.wildcardSubscriptionAvailable;
        else if (check == ProbeCheck::SharedSubscription)
            announced = m_mainConnack.sharedSubscriptionAvailable;
        else
            announced = m_mainConnack.subscriptionIdentifierAvailable;
    }
    m_main->subscribe(
        subscription, identifier,
        guarded([this, subscription, t, identifier, announced](const SubscribeResult &sub) {
            if (!ProbeEvidence::granted(sub)) {
                ProbeCheckResult r;
                r.outcome = ProbeCheckResult::judge(announced, false);
                const QString why = ProbeEvidence::subscribeFailure(r, sub);
                r.detail =
                    tr("The subscription to %1 was refused: %2").arg(subscription.filter, why);
                complete(r);
                return;
            }
            const QoS qos = subscription.options.qos;
            m_main->publish(
                ProbeClients::message(t, QByteArrayLiteral("mqttdesk probe"), qos),
                guarded([this, subscription, t, identifier, announced, sub,
                         qos](const PublishOutcome &outcome) {
                    if (outcome.status == PublishStatus::Failed) {
                        ProbeCheckResult r;
                        r.outcome = ProbeCheckResult::judge(announced, false);
                        const QString why = ProbeEvidence::publishFailure(r, outcome, qos);
                        r.detail = tr("Publishing to %1 failed: %2").arg(t, why);
                        complete(r);
                        return;
                    }
                    m_main->expect(
                        onTopic(t), 1,
                        guarded([this, subscription, t, identifier, announced,
                                 sub](const Messages &got) {
                            ProbeCheckResult r;
                            r.reasonCode = ProbeEvidence::firstCode(sub);
                            r.reasonPacket = PacketType::Suback;
                            const bool tagged =
                                !got.isEmpty() &&
                                (!identifier ||
                                 got.first().subscriptionIdentifiers.contains(*identifier));
                            r.outcome = ProbeCheckResult::judge(announced, tagged);
                            if (got.isEmpty())
                                r.detail =
                                    tr("Subscribed to %1, but %2 did not arrive within %3 s.")
                                        .arg(subscription.filter, t)
                                        .arg(double(m_options.stepTimeoutMs) / 1000.0);
                            else if (!tagged)
                                r.detail =
                                    tr("The message came without subscription identifier %1.")
                                        .arg(*identifier);
                            else if (identifier)
                                r.detail =
                                    tr("Subscribed to %1 with identifier %2; the message came "
                                       "with it.")
                                        .arg(subscription.filter)
                                        .arg(*identifier);
                            else
                                r.detail = tr("Subscribed to %1 and received %2.")
                                               .arg(subscription.filter, t);
                            complete(r);
                        }));
                }));
        }));
}

// ---- checks with connections of their own -------------------------------------------

void BrokerProbe::checkWithOwnConnections(ProbeCheck check)
{
    auto done = guarded([this](const ProbeCheckResult &r) { complete(r); });
    if (check == ProbeCheck::Will)
        m_connectionChecks->checkWill(m_main, *m_report.version, m_mainConnack,
                                      topic(QStringLiteral("will")), done);
    else if (check == ProbeCheck::SessionResume)
        m_connectionChecks->checkSessionResume(m_main, *m_report.version, m_mainConnack,
                                               topic(QStringLiteral("resume")), done);
    else
        m_connectionChecks->checkTopicAlias(m_main, m_mainConnack, topic(QStringLiteral("alias")),
                                            done);
}

// ---- measurements -------------------------------------------------------------------

void BrokerProbe::checkMaxPayload()
{
    auto main = [this](std::function<void(ProbeConnection *, const QString &)> use) {
        withMain(guarded([this, use] { use(m_main, QString()); }),
                 guarded([use](const QString &why) { use(nullptr, why); }));
    };
    m_measurements->measurePayload(main, m_mainConnack, *m_report.version,
                                   topic(QStringLiteral("size")),
                                   guarded([this](const ProbeCheckResult &r) {
                                       m_report.maxPayload = m_measurements->largestPayload();
                                       complete(r);
                                   }));
}

void BrokerProbe::checkLatency()
{
    m_measurements->measureLatency(m_main, guarded([this](const ProbeCheckResult &r) {
                                       m_report.latency = m_measurements->latency();
                                       complete(r);
                                   }));
}

// ---- helpers ------------------------------------------------------------------------

QString BrokerProbe::topic(const QString &name) const
{
    return m_report.topicPrefix + QLatin1Char('/') + name;
}

QoS BrokerProbe::usableQoS(QoS wanted) const
{
    if (!isV5())
        return wanted;
    return QoS(qMin(quint8(wanted), quint8(m_mainConnack.maximumQoS)));
}

// ---- the end ------------------------------------------------------------------------

void BrokerProbe::cleanUp()
{
    if (m_cleaningUp)
        return;
    m_cleaningUp = true;
    ++m_step;
    m_connectionChecks->stop();
    m_measurements->stop();
    if (m_versionConnection)
        m_versionConnection->discard();
    clearRetained(guarded([this] {
        ProbeConnection *main = m_main;
        m_main = nullptr;
        if (!main) {
            finish();
            return;
        }
        main->forget();
        main->close([this, main] {
            main->deleteLater();
            finish();
        });
    }));
}

void BrokerProbe::clearRetained(std::function<void()> then)
{
    if (m_retained.isEmpty() || !m_report.version) {
        then();
        return;
    }
    auto remember = [this] {
        QStringList left = m_retained.values();
        left.sort();
        m_report.retainedNotCleared = left;
    };
    withMain(guarded([this, then, remember] {
                 const QStringList topics = m_retained.values();
                 auto remaining = std::make_shared<qsizetype>(topics.size());
                 for (const QString &t : topics) {
                     m_main->publish(
                         ProbeClients::message(t, {}, usableQoS(QoS::AtLeastOnce), true),
                         guarded([this, t, remaining, then, remember](const PublishOutcome &o) {
                             if (o.status != PublishStatus::Failed)
                                 m_retained.remove(t);
                             if (--*remaining == 0) {
                                 remember();
                                 then();
                             }
                         }));
                 }
             }),
             guarded([then, remember](const QString &) {
                 remember();
                 then();
             }));
}

void BrokerProbe::finish()
{
    if (m_finished)
        return;
    m_report.finished = QDateTime::currentDateTimeUtc();
    m_running = false;
    m_finished = true;
    emit finished(m_report);
}

} // namespace mqttdesk
