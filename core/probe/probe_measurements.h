#pragma once

#include "core/probe/latency_summary.h"
#include "core/probe/payload_size_search.h"
#include "core/probe/probe_check.h"
#include "core/probe/probe_connection.h"
#include "core/probe/probe_options.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace mqttdesk {

// The two measuring lines of a broker capability test: the largest payload that makes the
// round trip (a PayloadSizeSearch over real PUBLISHes) and PINGREQ round-trip times.
class ProbeMeasurements : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ProbeCheckResult &)>;
    // Hands over the connection the checks run on, opened again when it was lost (a broker
    // may close it for a packet too large); nullptr and why when it cannot be.
    using MainConnection =
        std::function<void(std::function<void(ProbeConnection *, const QString &)>)>;

    explicit ProbeMeasurements(ProbeOptions options, QObject *parent = nullptr);

    // The largest payload that comes back, up to options.maxPayloadBytes and, in 5.0, what
    // the Maximum Packet Size of `connack` allows; one topic per step under `topicBase`.
    void measurePayload(MainConnection main, const ConnackInfo &connack, ProtocolVersion version,
                        const QString &topicBase, Done done);
    // options.pings PINGREQs, one after the other.
    void measureLatency(ProbeConnection *main, Done done);
    // Stops what runs; its `done` is not called.
    void stop();

    std::optional<qint64> largestPayload() const { return m_largest; }
    std::optional<LatencySummary> latency() const { return m_latency; }

private:
    void payloadStep();
    void finishPayload();
    void nextPing();
    void finishLatency();
    QString stepTopic(int step) const;
    // Wraps a callback so that it does nothing after stop() or a new measurement.
    template<typename F>
    auto guarded(F f);

    ProbeOptions m_options;
    quint64 m_run = 0;
    Done m_done;

    MainConnection m_main;
    QPointer<ProbeConnection> m_pinged;
    bool m_v5 = false;
    QoS m_qos = QoS::AtLeastOnce;
    QString m_topicBase;
    std::optional<quint32> m_announcedSize;
    std::optional<PayloadSizeSearch> m_search;
    qint64 m_ceiling = 0;
    QString m_failure; // why the smallest size that failed failed
    ProbeCheckResult m_failureEvidence;
    std::optional<qint64> m_largest;

    QList<qint64> m_roundTrips;
    QString m_pingFailure;
    std::optional<LatencySummary> m_latency;
};

} // namespace mqttdesk
