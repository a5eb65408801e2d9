#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// What a run of received messages did to one topic, folded on the connection's thread
// (TopicActivity) or read from the history (MessageQuery::topicUpdates), and applied to a
// TopicTree in one step. Holds no more than the last payload's first bytes.
struct TopicUpdate
{
    // The tree keeps this much of a topic's last payload (the Value column, the tooltip).
    static constexpr qsizetype kPreviewBytes = 256;
    // Seconds of per-second counts kept for the rate window.
    static constexpr int kRateSeconds = 10;

    QString topic;
    qint64 messages = 0;
    qint64 lastUs = 0;  // receive time of the last message, µs since the epoch
    QByteArray preview; // the last payload's first kPreviewBytes
    qint64 lastSize = 0;
    quint8 lastQos = 0;
    bool lastRetain = false;
    // The retained state the messages showed: true when the last one with the retain flag
    // had a payload, false when it was empty (the broker no longer keeps one); nullopt when
    // none carried the flag.
    std::optional<bool> retainedHeld;
    // Messages per second (epoch second, count), oldest first, at most kRateSeconds entries.
    struct Second
    {
        qint64 second = 0;
        qint64 count = 0;
        bool operator==(const Second &) const = default;
    };
    QList<Second> perSecond;

    // Adds one message received at `us` (the caller keeps them in time order).
    void add(qint64 us, const QByteArray &payload, quint8 qos, bool retain)
    {
        ++messages;
        lastUs = us;
        preview = payload; // shared, not copied: cut to kPreviewBytes by whoever keeps it
        lastSize = payload.size();
        lastQos = qos;
        lastRetain = retain;
        if (retain)
            retainedHeld = !payload.isEmpty();
        const qint64 second = us / 1000000;
        if (!perSecond.isEmpty() && perSecond.constLast().second == second) {
            ++perSecond.last().count;
        } else {
            if (perSecond.size() >= kRateSeconds)
                perSecond.removeFirst();
            perSecond.append({second, 1});
        }
    }
};

using TopicUpdates = QList<TopicUpdate>;

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::TopicUpdate)
