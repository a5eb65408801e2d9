#pragma once

#include "core/storage/stored_message.h"

#include <QList>

#include <functional>

namespace mqttdesk::test {

// A deterministic history of profile 1: message i (0-based) gets id i + 1 when written
// first into an empty database.
struct HistoryFixture
{
    static constexpr int kCount = 1000;
    static constexpr qint64 kBaseUs = 1'700'000'000'000'000;

    static StoredMessage message(int i)
    {
        StoredMessage m;
        m.profileId = 1;
        if (i == kCount - 1)
            m.topic = QStringLiteral("$SYS/broker/load");
        else if (i % 3 == 0)
            m.topic = QStringLiteral("home/room%1/temp").arg(i % 10);
        else if (i % 3 == 1)
            m.topic = QStringLiteral("home/room%1/hum").arg(i % 10);
        else
            m.topic = QStringLiteral("dev/%1/value").arg(i % 90);
        if (i % 100 == 42)
            m.payload = "alarm: fire in room " + QByteArray::number(i % 10);
        else if (i % 11 == 0)
            m.payload = QByteArray("\x00\x01\xfe", 3) + QByteArray::number(i);
        else
            m.payload = "reading " + QByteArray::number(i) + " ok";
        m.qos = quint8(i % 3);
        m.retain = i % 5 == 0;
        m.direction =
            i % 7 == 0 ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming;
        m.receivedUs = kBaseUs + qint64(i) * 1000;
        return m;
    }

    // Ids (newest first) of the messages for which `keep` holds.
    static QList<qint64> expectedIds(const std::function<bool(const StoredMessage &)> &keep)
    {
        QList<qint64> ids;
        for (int i = kCount - 1; i >= 0; --i) {
            if (keep(message(i)))
                ids << i + 1;
        }
        return ids;
    }
};

} // namespace mqttdesk::test
