#pragma once

#include "core/profile/connection_profile.h"

#include <QList>
#include <QString>

namespace mqttdesk {

// Two clients that send one broker the same client id take turns disconnecting each other
// (the broker drops the older session [MQTT-3.1.4-3]). This finds the saved profiles that
// would do that to a profile, so saving or importing it can warn.
class ClientIdCheck
{
public:
    // Sent as is on every connect. An empty one is not: the broker assigns one (5.0) or the
    // session makes up a random one.
    static bool isFixed(const ConnectionProfile &profile) { return !profile.clientId.isEmpty(); }
    // The same host (letter case and surrounding spaces aside) and port.
    static bool sameBroker(const ConnectionProfile &a, const ConnectionProfile &b);
    // The profiles of `others` that reach the broker of `profile` with its fixed client id, in
    // their order. `profile` itself (the same id, e.g. the saved copy being edited) is not one.
    static QList<ConnectionProfile> clashes(const ConnectionProfile &profile,
                                            const QList<ConnectionProfile> &others);
    // A fresh client id: "mqttdesk-" and 8 hex digits, 17 characters, so it also fits MQTT
    // 3.1's limit of 23.
    static QString generate();
};

} // namespace mqttdesk
