#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// One place where two JSON documents differ: a leaf whose value or type changed, or a whole
// subtree only one side has.
struct JsonDiffEntry
{
    enum class Kind
    {
        Added,   // only on the right
        Removed, // only on the left
        Changed, // on both, with another value or type
    };

    Kind kind = Kind::Changed;
    QString path;                            // JsonPath notation: $.sensors[1].value
    QJsonValue left{QJsonValue::Undefined};  // Undefined when Added
    QJsonValue right{QJsonValue::Undefined}; // Undefined when Removed
};

struct JsonDiffResult
{
    QList<JsonDiffEntry> entries;
    // The comparison stopped at the entry limit: there are more differences than listed.
    bool truncated = false;

    qsizetype count(JsonDiffEntry::Kind kind) const;
};

// The structural difference of two JSON values: objects key by key (the left's keys in
// its order, then the keys only the right has), arrays index by index (extra elements are
// added or removed), scalars by type and value. 1 and "1" differ; 1 and 1.0 do not, since
// JSON has one number type.
class JsonDiff
{
public:
    // Enough to show and page through; a pair of unrelated large documents would otherwise
    // list every leaf.
    static constexpr qsizetype kDefaultMaxEntries = 10'000;

    static JsonDiffResult compare(const QJsonValue &left, const QJsonValue &right,
                                  qsizetype maxEntries = kDefaultMaxEntries);
    // Same type and value, recursively (numbers by value, integral ones exactly).
    static bool equal(const QJsonValue &left, const QJsonValue &right);
};

} // namespace mqttdesk
