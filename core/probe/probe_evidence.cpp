#include "core/probe/probe_evidence.h"

namespace mqttdesk {

std::optional<ReasonCode> ProbeEvidence::firstCode(const SubscribeResult &result)
{
    if (result.reasonCodes.isEmpty())
        return std::nullopt;
    return result.reasonCodes.first();
}

std::optional<QoS> ProbeEvidence::granted(const SubscribeResult &result)
{
    const std::optional<ReasonCode> code = firstCode(result);
    if (result.error || !code || !isSuccess(*code))
        return std::nullopt;
    return QoS(qMin<quint8>(quint8(*code), 2));
}

bool ProbeEvidence::refusedLocally(const SessionError &error)
{
    using K = SessionError::Kind;
    return error.kind == K::QoSNotSupported || error.kind == K::RetainNotSupported ||
           error.kind == K::PacketTooLarge || error.kind == K::FeatureNotSupported ||
           error.kind == K::InvalidRequest;
}

QString ProbeEvidence::failure(ProbeCheckResult &r, const SessionError &error, PacketType packet)
{
    if (refusedLocally(error))
        return tr("not sent: %1").arg(error.message);
    if (error.reasonCode) {
        r.reasonCode = error.reasonCode;
        r.reasonPacket =
            error.kind == SessionError::Kind::RejectedByServer ? packet : PacketType::Disconnect;
    }
    return error.message;
}

QString ProbeEvidence::subscribeFailure(ProbeCheckResult &r, const SubscribeResult &result)
{
    if (result.error)
        return failure(r, *result.error, PacketType::Suback);
    r.reasonCode = firstCode(result);
    r.reasonPacket = PacketType::Suback;
    return r.reasonText();
}

QString ProbeEvidence::publishFailure(ProbeCheckResult &r, const PublishOutcome &outcome, QoS qos)
{
    const PacketType ack = qos == QoS::ExactlyOnce ? PacketType::Pubrec : PacketType::Puback;
    if (outcome.error)
        return failure(r, *outcome.error, ack);
    r.reasonCode = outcome.reasonCode;
    r.reasonPacket = ack;
    return r.reasonText();
}

QString ProbeEvidence::brokerAddress(const TransportOptions &t)
{
    static const char *const kSchemes[] = {"mqtt", "mqtts", "ws", "wss"};
    const QString host =
        t.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + t.host + QLatin1Char(']') : t.host;
    QString out =
        QStringLiteral("%1://%2:%3").arg(QLatin1String(kSchemes[int(t.kind)]), host).arg(t.port);
    if (t.isWebSocket())
        out += t.webSocketPath;
    return out;
}

} // namespace mqttdesk
