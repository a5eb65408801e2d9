#pragma once

#include "core/storage/stored_message.h"

namespace mqttdesk::test {

// A small incoming text message of `profileId` on `topic`, received at `receivedUs`.
inline StoredMessage makeMessage(qint64 profileId, const QString &topic, const QByteArray &payload,
                                 qint64 receivedUs = 1'700'000'000'000'000)
{
    StoredMessage message;
    message.profileId = profileId;
    message.topic = topic;
    message.payload = payload;
    message.receivedUs = receivedUs;
    return message;
}

} // namespace mqttdesk::test
