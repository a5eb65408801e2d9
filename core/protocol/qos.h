#pragma once

#include <QtGlobal>

namespace mqttdesk {

// Quality of Service level. The wire value 3 is never valid [MQTT-3.3.1-4].
enum class QoS : quint8
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
};

} // namespace mqttdesk
