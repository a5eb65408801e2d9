#pragma once

#include "core/payload/payload_format.h"

#include <QColor>
#include <QString>

namespace mqttdesk {

// What the stream takes from the subscription a received message matched: the bubble's
// tint, the alias shown beside the topic and the display format.
struct SubscriptionLook
{
    QColor colour; // invalid: no subscription matched (neutral bubble)
    QString alias; // may be empty
    PayloadFormat format = PayloadFormat::Auto;
};

} // namespace mqttdesk
