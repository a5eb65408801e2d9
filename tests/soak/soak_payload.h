#pragma once

#include "core/protocol/packets.h"

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The soak's numbered messages: message `n` is one of three kinds in turn (a JSON object,
// a line of text, binary bytes that are not UTF-8), 16 B to 2 KiB (mostly small, as a
// device's telemetry; a fifth up to 2 KiB), on one of twelve topics under soak/, at QoS 1
// for even and QoS 2 for odd numbers. Each payload carries its number, so what a history
// holds can be checked against what was published.
class SoakPayload
{
public:
    static PublishPacket message(qint64 number);
    static QoS qosOf(qint64 number)
    {
        return number % 2 == 0 ? QoS::AtLeastOnce : QoS::ExactlyOnce;
    }
    // The number a payload of message() carries; nothing for any other payload.
    static std::optional<qint64> numberOf(QByteArrayView payload);
    static constexpr qsizetype kMinimumSize = 16;
    static constexpr qsizetype kMaximumSize = 2048;

private:
    static qsizetype sizeOf(qint64 number);
};

} // namespace mqttdesk
