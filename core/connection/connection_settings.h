#pragma once

#include "core/session/session_options.h"
#include "core/transport/transport_options.h"

#include <QString>

namespace mqttdesk {

// Everything a Connection needs: the MQTT session options, how to reach the server, and
// how received messages are batched for the receivers (GUI, CLI, storage).
// ProfileSettingsMapper builds one from a saved ConnectionProfile.
struct ConnectionSettings
{
    SessionOptions session;
    TransportOptions transport;

    // A name for log lines (e.g. the profile name); never a secret.
    QString name;

    // Received messages are handed out in batches: when a batch holds this many
    // messages, or at the latest this long after its first message, so a flood costs
    // the receiver one queued call per batch instead of one per message.
    int batchMaxMessages = 1024;
    int batchIntervalMs = 16;
};

} // namespace mqttdesk
