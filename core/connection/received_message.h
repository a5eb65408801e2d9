#pragma once

#include "core/protocol/packets.h"

#include <QList>
#include <QMetaType>
#include <QtGlobal>

namespace mqttdesk {

// One application message received from the server, as the session delivered it: the
// topic is resolved from any Topic Alias (kept in topicAlias, no longer a property), payload
// and the other 5.0 properties are untouched.
struct ReceivedMessage
{
    PublishPacket message;
    QList<quint32> subscriptionIdentifiers; // 5.0, from the PUBLISH
    qint64 receivedUs = 0;                  // wall clock, microseconds since the epoch
    quint64 sequence = 0;   // the session's delivery number (DeliverMessage::sequence)
    quint16 topicAlias = 0; // 5.0, the PUBLISH's Topic Alias (0: none; see DeliverMessage)
};

// Messages in arrival order. A QList: handing a batch to another thread through a
// queued signal shares it instead of copying the messages.
using MessageBatch = QList<ReceivedMessage>;

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ReceivedMessage)
Q_DECLARE_METATYPE(mqttdesk::MessageBatch)
