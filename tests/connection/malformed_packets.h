#pragma once

#include "core/protocol/decode_error.h"
#include "core/protocol/protocol_version.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// One invalid packet a server might send after CONNACK, for each way the client must
// detect it. `bytes3` is what 3.1 / 3.1.1 get, `bytes5` what 5.0 gets; an empty array
// means the case does not apply to that version.
struct MalformedPacket
{
    QString name;
    QByteArray bytes3;
    QByteArray bytes5;
    // The rule the error must name (decoder cases), e.g. "MQTT-3.3.2-2".
    QString rule3;
    QString rule5;
    // The decoder's verdict, when the codec finds it (session-level cases: nothing).
    std::optional<DecodeError::Kind> kind;

    QByteArray bytes(ProtocolVersion v) const { return v == ProtocolVersion::V5 ? bytes5 : bytes3; }
    QString rule(ProtocolVersion v) const { return v == ProtocolVersion::V5 ? rule5 : rule3; }
};

// The catalogue of server-to-client malformed packets used by the fake-broker tests.
class MalformedPackets
{
public:
    static QList<MalformedPacket> all();

    // Bytes from a listing: hex pairs ("30 05"), quoted ASCII ('a/+'); spaces and '|'
    // separate fields.
    static QByteArray hex(const char *listing);
};

} // namespace mqttdesk
