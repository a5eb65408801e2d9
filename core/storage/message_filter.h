#pragma once

#include "core/storage/stored_message.h"

#include <QString>

#include <optional>

namespace mqttdesk {

// What a history view shows. Every part is optional except the profile; parts compose
// (AND). `text` is a full-text query: each whitespace-separated word must occur.
struct MessageFilter
{
    qint64 profileId = 0;
    std::optional<StoredMessage::Direction> direction;
    // MQTT filter with + and #; empty: every topic. As in MQTT, "#" and "+/..." do not
    // match topics starting with '$' [MQTT-4.7.2-1].
    QString topicFilter;
    quint8 qosMask = 0; // bit n set: QoS n shown; 0: any QoS
    std::optional<bool> retain;
    std::optional<qint64> fromUs; // inclusive
    std::optional<qint64> toUs;   // inclusive
    QString text;
    // A regular expression (QRegularExpression syntax, "(?i)" for any case) the payload, read
    // as UTF-8 text, must match somewhere; empty: none. Checked on every candidate row.
    QString payloadRegex;

    // Only the profile: the row count is the profile's `stored` counter.
    bool isProfileOnly() const
    {
        return !direction && topicFilter.isEmpty() && (qosMask == 0 || qosMask == 7) && !retain &&
               !fromUs && !toUs && text.trimmed().isEmpty() && payloadRegex.isEmpty();
    }
    bool operator==(const MessageFilter &) const = default;
};

// Where a page starts. Pages are keyset-paged on the row id, never with OFFSET.
struct PageRequest
{
    enum class Anchor
    {
        Newest,     // the newest `limit` rows
        OlderThan,  // rows with id < anchorId
        NewerThan,  // rows with id > anchorId
        AroundTime, // about limit/2 rows each side of timeUs
    };
    Anchor anchor = Anchor::Newest;
    qint64 anchorId = 0;
    qint64 timeUs = 0;
    int limit = 200;

    static PageRequest newest(int limit) { return {Anchor::Newest, 0, 0, limit}; }
    static PageRequest olderThan(qint64 id, int limit) { return {Anchor::OlderThan, id, 0, limit}; }
    static PageRequest newerThan(qint64 id, int limit) { return {Anchor::NewerThan, id, 0, limit}; }
    static PageRequest aroundTime(qint64 us, int limit)
    {
        return {Anchor::AroundTime, 0, us, limit};
    }
};

// Rows newest first. hasOlder / hasNewer: more rows exist past the page in that direction
// (known exactly in the direction(s) the request travelled; the other side is reported
// true when the anchor itself lies there).
struct MessagePage
{
    StoredMessageList messages;
    bool hasOlder = false;
    bool hasNewer = false;
};

} // namespace mqttdesk
