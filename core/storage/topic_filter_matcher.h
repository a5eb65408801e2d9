#pragma once

#include <QString>
#include <QStringView>

namespace mqttdesk {

// Private MQTT topic-filter matching for history queries. core/protocol will get the
// canonical matcher (and the subscription trie); storage keeps this small copy so it does
// not depend on protocol, which is written in parallel. Rules: [MQTT-4.7.1-2] `#` only as
// the last whole level, [MQTT-4.7.1-3] `+` only as a whole level, [MQTT-4.7.2-1] filters
// starting with a wildcard do not match topics starting with `$`.
class TopicFilterMatcher
{
public:
    static bool isValidFilter(QStringView filter);
    static bool matches(QStringView filter, QStringView topic);
    // The part of the filter before its first wildcard (the whole filter without one):
    // every matching topic starts with it, so it narrows an index range scan.
    static QString literalPrefix(QStringView filter);
    static bool hasWildcard(QStringView filter);
};

} // namespace mqttdesk
