#pragma once

#include "core/protocol/qos.h"
#include "core/protocol/reason_code.h"
#include "core/storage/stored_message.h"

#include <QString>

#include <optional>

namespace mqttdesk {

// How far a message we published got, shown on its bubble and in the publish bar. It is
// stored with the message (StoredMessage::publishStage) and read back from there.
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

    // The state stored with an outgoing message (or a state update); nothing for a
    // received message.
    static std::optional<PublishAck> of(const StoredMessage &message);
    // Copies the publish state of `state` (a state update) onto `message`.
    static void apply(StoredMessage &message, const StoredMessage &state);
};

} // namespace mqttdesk
