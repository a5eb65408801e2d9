#pragma once

#include "core/storage/message_writer.h"
#include "core/storage/stored_message.h"

#include <QList>

#include <algorithm>
#include <functional>
#include <limits>

namespace mqttdesk::test {

// A history whose newest rows the topic and full-text indexes have not reached yet, as
// right after a burst (MessageIndexer runs behind the writes). Message i (0-based) gets id
// i + 1 in an empty database; the first `indexed` are written and indexed, the rest are
// written with indexing held back. Profiles 1 and 2 interleave (every tenth is profile 2).
// Payload words: "quasar" is rare and spread over the whole history, "pulsar" only occurs
// before message 1500 and "nebula" only from message 3000 on. Every 13th payload is not
// UTF-8: words are not searched in it (it is not in the full-text index), a regular
// expression is. Every 500th (from 250 on) is a large text payload (72 KB, over
// StoredMessage::kLargePayloadThreshold) that ends in "magnetar".
struct BacklogFixture
{
    static constexpr qint64 kBaseUs = 1'700'000'000'000'000;

    static StoredMessage message(int i)
    {
        StoredMessage m;
        m.profileId = i % 10 == 9 ? 2 : 1;
        const int line = i % 5;
        switch (i % 4) {
        case 0:
            m.topic = QStringLiteral("plant/line%1/valve").arg(line);
            break;
        case 1:
            m.topic = QStringLiteral("plant/line%1/temp").arg(line);
            break;
        case 2:
            m.topic = QStringLiteral("plant/line%1/pressure").arg(line);
            break;
        default:
            m.topic = QStringLiteral("office/%1/door").arg(line);
            break;
        }
        const QByteArray n = QByteArray::number(i);
        if (i % 500 == 250) {
            // Large (kept in message_blobs), its word far past any preview.
            m.payload = QByteArray("lorem ipsum dolor ").repeated(4000) + "magnetar " + n;
        } else if (i % 211 == 17)
            m.payload = "alert: quasar " + n + " seen";
        else if (i % 97 == 3 && i < 1500)
            m.payload = "pulsar " + n;
        else if (i % 97 == 3 && i >= 3000)
            m.payload = "nebula " + n;
        else if (i % 13 == 0)
            m.payload = QByteArray("\xff\xfe quasar ", 10) + n;
        else
            m.payload = "reading " + n + " ok";
        m.qos = quint8(i % 3);
        m.direction =
            i % 7 == 0 ? StoredMessage::Direction::Outgoing : StoredMessage::Direction::Incoming;
        m.receivedUs = kBaseUs + qint64(i) * 1000;
        return m;
    }

    // A writer that never indexes (up to any backlog).
    static MessageWriter::Options heldBack()
    {
        MessageWriter::Options options;
        options.indexWhenIdle = false;
        options.indexBacklogLimit = std::numeric_limits<qint64>::max();
        return options;
    }

    // Ids (oldest first) of messages [0, count) for which `keep` holds.
    static QList<qint64> ids(int count, const std::function<bool(const StoredMessage &)> &keep)
    {
        QList<qint64> out;
        for (int i = 0; i < count; ++i) {
            if (keep(message(i)))
                out << i + 1;
        }
        return out;
    }
};

} // namespace mqttdesk::test
