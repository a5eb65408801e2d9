#pragma once

#include "core/payload/decoding_rules.h"
#include "core/series/value_extractor.h"
#include "core/storage/storage_error.h"

#include <QList>
#include <QString>

#include <array>
#include <limits>
#include <vector>

namespace mqttdesk {

// What a chart asks for: the values of a topic filter's messages in a time range.
struct SeriesRequest
{
    qint64 profileId = 0;
    QString topicFilter; // MQTT wildcards allowed
    ExtractorSpec extractor;
    bool perTopic = false; // one series per matching topic, or one merged series
    // The connection's decoding rules, for an extractor that decodes by them
    // (ExtractorSpec::kRulesDecoder); part of the request, so a changed rule reads again.
    DecodingRules rules;
    qint64 fromUs = std::numeric_limits<qint64>::min();
    qint64 toUs = std::numeric_limits<qint64>::max(); // both bounds inclusive

    friend bool operator==(const SeriesRequest &, const SeriesRequest &) = default;
};

// One line of a chart: the values in time order (by time, then row id) and the messages
// that gave none: counted per SkipReason, and each with its time and reason, so that the
// chart breaks its line there and counts what falls in view.
struct Series
{
    QString topic; // empty when merged
    std::vector<qint64> timesUs;
    std::vector<double> values;
    std::array<qint64, 5> skipped{}; // indexed by SkipReason
    std::vector<qint64> skippedTimesUs;
    std::vector<quint8> skippedReasons; // a SkipReason each, parallel to skippedTimesUs

    qint64 skippedCount(SkipReason reason) const { return skipped[size_t(reason)]; }
    // Appends `later`'s values and skips (they are in order after this one's, or merged
    // into order when some are older).
    void append(const Series &later);
    // Forgets what is older than `fromUs`, but for the newest value before it (a line
    // reaches the left edge from there); the counts of skips keep only those kept.
    void dropBefore(qint64 fromUs);
    qint64 bytes() const;
};

struct SeriesData
{
    // Merged: exactly one series. Per topic: one per matching topic that has messages in
    // the range, by topic name.
    QList<Series> series;
    qint64 rowsRead = 0; // messages read from the history for this answer
    StorageError error;
    // Every message with an id up to this one was read; later ones are not in the answer
    // (they come through the live hand-off).
    qint64 throughId = 0;

    // Adds a later read of the same request (SeriesLoader::loadAfter()): values onto the
    // series of the same topic, new topics as new series in topic order.
    void append(const SeriesData &later);
    qint64 bytes() const;
};

} // namespace mqttdesk
