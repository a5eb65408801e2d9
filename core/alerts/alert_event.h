#pragma once

#include "core/alerts/alert_rule.h"
#include "core/protocol/packets.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace mqttdesk {

// A rule fired or cleared: what AlertEngine reports.
struct AlertEvent
{
    enum class Type : quint8
    {
        Fired,
        Cleared,
    };

    Type type = Type::Fired;
    qint64 timeMs = 0;  // the engine's clock (by default milliseconds since the Unix epoch)
    int ruleIndex = -1; // in the engine's rule list
    QString ruleName;
    AlertKind kind = AlertKind::Payload;
    QString filter; // the rule's topic filter (empty for ConnectionLost)
    // The message's topic; empty when no message is behind the event (a silence or a rate
    // seen by the clock, the connection).
    QString topic;
    // The value that fired or cleared it, as text: the payload's value (numbers in their
    // shortest exact form), the retained payload, the rate in messages per second, the seconds
    // of silence, the reason the connection was lost. At most kMaxValueChars.
    QString value;
    // ReceivedMessage::sequence of the message behind the event (1, 2, ...), for a link to it
    // in the stream; 0 when there is none.
    quint64 sequence = 0;
    // ReceivedMessage::receivedUs of that message (microseconds since the epoch), so that a
    // view can find it in the stored history by its time; 0 when there is none.
    qint64 messageTimeUs = 0;
    // Fired, when the rule has an action: the message to publish (placeholders filled in).
    std::optional<PublishPacket> publish;
    // Why the action's message could not be made (its topic expanded to no topic name).
    QString actionError;

    static constexpr qsizetype kMaxValueChars = 256;

    // "fired", "cleared".
    static QString typeName(Type type);
    // One JSON object, as mqttdesk-cli watch prints it (docs/alert-rules.md):
    // {"event":"fired","time":"...Z","rule":"...","ruleIndex":0,"kind":"payload",
    //  "filter":"...","topic":"...","value":"...","sequence":17,"action":{...}}
    QJsonObject toJson() const;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::AlertEvent)
