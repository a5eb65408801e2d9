#pragma once

#include "core/connection/connection_settings.h"

#include <QString>

namespace mqttdesk {

// A broker that can be asked what it retains now: the live side of a comparison. It names
// an open profile and carries that profile's settings, from which RetainedSnapshotTaker
// makes a connection of its own (the profile's connection is left alone).
struct RetainedLiveSource
{
    qint64 profileId = 0;
    QString name;
    ConnectionSettings settings;
};

} // namespace mqttdesk
