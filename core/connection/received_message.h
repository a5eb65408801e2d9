#pragma once

#include "core/protocol/packets.h"

#include <QList>
#include <QMetaType>
#include <QtGlobal>

namespace mqttdesk {

// One application message received from the server, as the session delivered it: the
// topic is resolved from any Topic Alias, payload and 5.0 properties are untouched.
struct ReceivedMessage
{
    PublishPacket message;
    QList<quint32> subscriptionIdentifiers; // 5.0, from the PUBLISH
    qint64 receivedUs = 0;                  // wall clock, microseconds since the epoch
    quint64 sequence = 0; // the session's delivery number (DeliverMessage::sequence)
};

// Messages in arrival order. A QList: handing a batch to another thread through a
// queued signal shares it instead of copying the messages.
using MessageBatch = QList<ReceivedMessage>;

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ReceivedMessage)
Q_DECLARE_METATYPE(mqttdesk::MessageBatch)
