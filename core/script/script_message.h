#pragma once

#include <QByteArray>
#include <QString>

namespace mqttdesk {

// A received message as an incoming script sees it: `payload` (its text, UTF-8 decoded),
// `topic`, and `message` = {topic, qos, retain, contentType, bytes (a Uint8Array)}. QoS is
// -1 and retain false where the caller does not know them (a payload rendered alone).
struct ScriptMessage
{
    QByteArray payload;
    QString topic;
    int qos = -1;
    bool retain = false;
    QString contentType;
};

} // namespace mqttdesk
