#include "core/probe/probe_measurements.h"

#include "core/probe/probe_evidence.h"
#include "core/probe/probe_report.h"

#include <utility>

namespace mqttdesk {

template<typename F>
auto ProbeMeasurements::guarded(F f)
{
    return [this, run = m_run, f = std::move(f)](auto &&...args) {
        if (run == m_run)
            f(std::forward<decltype(args)>(args)...);
    };
}

ProbeMeasurements::ProbeMeasurements(ProbeOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

void ProbeMeasurements::stop()
{
    ++m_run;
    m_done = nullptr;
}

QString ProbeMeasurements::stepTopic(int step) const
{
    // Two digits, so that every step's topic has the same length (the search takes ~22).
    return m_topicBase + QLatin1Char('/') + QStringLiteral("%1").arg(step, 2, 10, QLatin1Char('0'));
}

// ---- the largest payload ------------------------------------------------------------

void ProbeMeasurements::measurePayload(MainConnection main, const ConnackInfo &connack,
                                       ProtocolVersion version, const QString &topicBase, Done done)
{
    ++m_run;
    m_done = std::move(done);
    m_main = std::move(main);
    m_v5 = version == ProtocolVersion::V5;
    // QoS 1 where it may be: a PUBACK says at once when the server refuses a size.
    m_qos = m_v5 ? QoS(qMin<quint8>(1, quint8(connack.maximumQoS))) : QoS::AtLeastOnce;
    m_topicBase = topicBase;
    m_announcedSize = m_v5 ? connack.maximumPacketSize : std::nullopt;
    m_ceiling = qMax<qint64>(0, m_options.maxPayloadBytes);
    if (m_announcedSize) {
        // Above it the session would not even send the PUBLISH [MQTT-3.2.2-15].
        const qint64 allowed = PayloadSizeSearch::largestPayloadFor(
            *m_announcedSize, stepTopic(0).toUtf8().size(), true, m_qos != QoS::AtMostOnce);
        m_ceiling = qMin(m_ceiling, qMax<qint64>(0, allowed));
    }
    m_search.emplace(m_ceiling);
    m_failure.clear();
    m_failureEvidence = {};
    m_largest.reset();
    payloadStep();
}

void ProbeMeasurements::payloadStep()
{
    if (m_search->isDone()) {
        finishPayload();
        return;
    }
    const qint64 size = m_search->next();
    const QString topic = stepTopic(m_search->steps());
    m_main(guarded([this, size, topic](ProbeConnection *c, const QString &error) {
        if (!c) {
            m_failure = tr("the connection could not be opened again: %1").arg(error);
            finishPayload();
            return;
        }
        Subscription s;
        s.filter = topic;
        s.options.qos = m_qos;
        c->subscribe(
            s, std::nullopt, guarded([this, c, size, topic](const SubscribeResult &sub) {
                if (!ProbeEvidence::granted(sub)) {
                    ProbeCheckResult evidence;
                    m_failure = tr("the subscription to %1 was refused: %2")
                                    .arg(topic, ProbeEvidence::subscribeFailure(evidence, sub));
                    m_failureEvidence = evidence;
                    finishPayload();
                    return;
                }
                PublishPacket p;
                p.topic = topic;
                p.payload = QByteArray(qsizetype(size), 'Z');
                p.qos = m_qos;
                c->publish(
                    p, guarded([this, c, size, topic](const PublishOutcome &outcome) {
                        if (outcome.status == PublishStatus::Failed) {
                            ProbeCheckResult evidence;
                            const QString why =
                                ProbeEvidence::publishFailure(evidence, outcome, m_qos);
                            m_failure = tr("%1 bytes failed: %2").arg(size).arg(why);
                            m_failureEvidence = evidence;
                            m_search->record(size, false);
                            payloadStep();
                            return;
                        }
                        auto sameSize = [topic, size](const ReceivedMessage &m) {
                            return m.message.topic == topic && m.message.payload.size() == size;
                        };
                        c->expect(
                            sameSize, 1,
                            guarded([this, size](const ProbeConnection::Messages &got) {
                                const bool passed = !got.isEmpty();
                                if (!passed) {
                                    m_failure =
                                        tr("%1 bytes were published but did not come back within "
                                           "%2 s")
                                            .arg(size)
                                            .arg(double(m_options.stepTimeoutMs) / 1000.0);
                                    m_failureEvidence = {};
                                }
                                m_search->record(size, passed);
                                payloadStep();
                            }));
                    }));
            }));
    }));
}

void ProbeMeasurements::finishPayload()
{
    const qint64 largest = m_search ? m_search->largestPassed() : -1;
    if (largest >= 0)
        m_largest = largest;
    ProbeCheckResult r = m_failureEvidence;
    const bool limitedByAnnouncement = m_ceiling < m_options.maxPayloadBytes;
    if (largest < 0) {
        r.outcome = ProbeOutcome::NotSupported;
        r.detail = tr("No payload made the round trip: %1.").arg(m_failure);
    } else if (largest >= m_ceiling) {
        r.outcome = ProbeOutcome::Supported;
        r.detail = limitedByAnnouncement
                       ? tr("%1 bytes passed: the most the announced Maximum Packet Size of %2 "
                            "bytes allows on the probe topic.")
                             .arg(largest)
                             .arg(*m_announcedSize)
                       : tr("%1 bytes passed, the search's upper limit.").arg(largest);
    } else {
        // 5.0: what the CONNACK says (or its absence: no limit, 5.0 §3.2.2.3.6) is broken.
        r.outcome = m_v5 ? ProbeOutcome::AnnouncedButBroken : ProbeOutcome::Supported;
        r.detail = tr("%1 bytes passed; %2.").arg(largest).arg(m_failure);
        if (m_v5)
            r.detail +=
                QLatin1Char(' ') +
                (m_announcedSize ? tr("The CONNACK announced a Maximum Packet Size of %1 bytes.")
                                       .arg(*m_announcedSize)
                                 : tr("The CONNACK announced no Maximum Packet Size: no limit "
                                      "(5.0 §3.2.2.3.6)."));
    }
    m_search.reset();
    if (Done done = std::exchange(m_done, nullptr))
        done(r);
}

// ---- round trips --------------------------------------------------------------------

void ProbeMeasurements::measureLatency(ProbeConnection *main, Done done)
{
    ++m_run;
    m_done = std::move(done);
    m_pinged = main;
    m_roundTrips.clear();
    m_pingFailure.clear();
    m_latency.reset();
    nextPing();
}

void ProbeMeasurements::nextPing()
{
    if (m_roundTrips.size() >= m_options.pings || !m_pingFailure.isEmpty() || !m_pinged) {
        finishLatency();
        return;
    }
    m_pinged->ping(guarded([this](const PingOutcome &outcome) {
        if (outcome.error)
            m_pingFailure = outcome.error->message;
        else if (outcome.roundTripUs < 0)
            m_pingFailure = tr("no round-trip time was measured");
        else
            m_roundTrips.append(outcome.roundTripUs);
        nextPing();
    }));
}

void ProbeMeasurements::finishLatency()
{
    ProbeCheckResult r;
    if (m_roundTrips.isEmpty()) {
        r.outcome = ProbeOutcome::NotSupported;
        r.detail = tr("No PINGRESP: %1").arg(m_pingFailure);
    } else {
        m_latency = LatencySummary::of(m_roundTrips);
        r.outcome = ProbeOutcome::Supported;
        r.detail = tr("p50 %1, p99 %2 over %3 PINGREQ/PINGRESP round trips (min %4, max %5).")
                       .arg(ProbeReport::millisecondsText(m_latency->p50Us),
                            ProbeReport::millisecondsText(m_latency->p99Us))
                       .arg(m_latency->samples)
                       .arg(ProbeReport::millisecondsText(m_latency->minUs),
                            ProbeReport::millisecondsText(m_latency->maxUs));
        if (!m_pingFailure.isEmpty())
            r.detail += QLatin1Char(' ') + tr("Stopped after %1 of %2: %3")
                                               .arg(m_latency->samples)
                                               .arg(m_options.pings)
                                               .arg(m_pingFailure);
    }
    if (Done done = std::exchange(m_done, nullptr))
        done(r);
}

} // namespace mqttdesk
