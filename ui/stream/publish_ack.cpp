#include "ui/stream/publish_ack.h"

#include <QCoreApplication>

namespace mqttdesk {

QString PublishAck::text() const
{
    switch (stage) {
    case Stage::Queued:
        return QCoreApplication::translate("PublishAck", "queued");
    case Stage::Sent:
        return QCoreApplication::translate("PublishAck", "sent");
    case Stage::Acked:
        return QCoreApplication::translate("PublishAck", "PUBACK");
    case Stage::Received:
        return QCoreApplication::translate("PublishAck", "PUBREC");
    case Stage::Completed:
        return QCoreApplication::translate("PublishAck", "PUBREC → PUBCOMP");
    case Stage::Failed:
        if (reasonCode)
            return QCoreApplication::translate("PublishAck", "failed: 0x%1 %2")
                .arg(static_cast<int>(*reasonCode), 2, 16, QLatin1Char('0'))
                .arg(errorText);
        return QCoreApplication::translate("PublishAck", "failed: %1").arg(errorText);
    }
    return {};
}

std::optional<PublishAck> PublishAck::of(const StoredMessage &message)
{
    if (!message.publishStage)
        return std::nullopt;
    PublishAck ack;
    switch (*message.publishStage) {
    case StoredMessage::PublishStage::Queued:
        ack.stage = Stage::Queued;
        break;
    case StoredMessage::PublishStage::Sent:
        ack.stage = Stage::Sent;
        break;
    case StoredMessage::PublishStage::Acknowledged:
        ack.stage = Stage::Acked;
        break;
    case StoredMessage::PublishStage::Received:
        ack.stage = Stage::Received;
        break;
    case StoredMessage::PublishStage::Completed:
        ack.stage = Stage::Completed;
        break;
    case StoredMessage::PublishStage::Failed: {
        ack.stage = Stage::Failed;
        const ReasonCode reason = ReasonCode(message.publishReason.value_or(0));
        if (quint8(reason) >= 0x80)
            ack.reasonCode = reason;
        ack.errorText = !message.publishError.isEmpty()
                            ? message.publishError
                            : reasonCodeText(reason, PacketType::Puback);
        break;
    }
    }
    return ack;
}

void PublishAck::apply(StoredMessage &message, const StoredMessage &state)
{
    message.publishStage = state.publishStage;
    message.publishReason = state.publishReason;
    message.publishError = state.publishError;
    if (state.packetId)
        message.packetId = state.packetId;
}

} // namespace mqttdesk
