#pragma once

#include "core/protocol/packets.h"
#include "core/session/session_error.h"
#include "core/session/session_options.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <random>

namespace mqttdesk {

// Turns SessionOptions into the CONNECT packet for the version, checking what the
// user can get wrong before anything is sent.
class ConnectBuilder
{
public:
    // The client id to use: the given one, or a generated one when the version does not
    // allow an empty id here [MQTT-3.1.3-7; 3.1: 1..23 characters].
    static QString effectiveClientId(const SessionOptions &options, bool cleanStart,
                                     std::mt19937_64 &random);

    // The options a user can get wrong, or nothing when they are fine.
    static std::optional<SessionError> validate(const SessionOptions &options);

    // CONNECT for this attempt. `authenticationData` replaces the options' one (e.g. a
    // SCRAM client-first message); `sendPassword` false keeps the password off the wire.
    static ConnectPacket build(const SessionOptions &options, const QString &clientId,
                               bool cleanStart, const QByteArray &authenticationData,
                               bool sendPassword);

    // Printable, without '+', '#' or '/': "mqttdesk-" and random hex, 23 characters.
    static QString generateClientId(std::mt19937_64 &random);
};

} // namespace mqttdesk
