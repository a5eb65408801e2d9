#pragma once

#include "core/protocol/qos.h"
#include "core/protocol/reason_code.h"

#include <QString>

#include <optional>

namespace mqttdesk {

// How far a message we published got: shown on its bubble. Storage keeps no ack state, so
// the view remembers it for the messages published in this session (keyed by time).
struct PublishAck
{
    enum class Stage : quint8
    {
        Queued,    // waiting for the connection or the in-flight window
        Sent,      // QoS 0 written
        Acked,     // QoS 1 PUBACK
        Received,  // QoS 2 PUBREC, PUBREL sent
        Completed, // QoS 2 PUBCOMP
        Failed,
    };
    Stage stage = Stage::Sent;
    std::optional<ReasonCode> reasonCode; // of the ack, or of the refusal
    QString errorText;                    // when Failed: what went wrong

    // "sent", "PUBACK", "PUBREC → PUBCOMP", "failed: …" (translated).
    QString text() const;
};

} // namespace mqttdesk
