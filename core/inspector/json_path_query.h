#pragma once

#include "core/inspector/json_index.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace mqttdesk {

// A JSONPath (a subset) evaluated straight on JSON bytes, for charts that read one value out
// of a million payloads: one pass over the text, skipping what the path does not need, with
// no document built and nothing allocated.
//
// Syntax: `$` is the whole payload; `.key` a key made of anything but `.[]'"\*`, spaces and
// controls; `['any key']` or `["any key"]` with JSON's backslash escapes; `[2]` an array
// element; `..key` (or `..['any key']`) the key at any depth below. Every path JsonPath
// formats (the tree's "Copy path") parses, and means the value it was copied from.
//
// Matching: when an object has a key twice, the first member is its value (the later ones
// are never looked at, at any step); with `..`, the result is the first value in document
// order that the whole path reaches, e.g. `$..a.b` on {"x":{"a":1},"y":{"a":{"b":2}}} is 2.
// The text must be JSON as strictly as JsonIndex reads it (RFC 8259, UTF-8, nesting up to
// kMaxDepth) from its first byte to its last, so that a truncated payload is "not JSON"
// rather than half a value; the scan is iterative and linear in the text.
class JsonPathQuery
{
public:
    using Type = JsonIndex::Type;
    struct Match
    {
        QByteArrayView raw; // the value's JSON text as sent, into the evaluated bytes
        Type type = Type::Null;
    };
    static constexpr int kMaxDepth = JsonIndex::kMaxDepth;
    // A path with `..` is matched with one bit per step.
    static constexpr int kMaxSearchSteps = 63;

    // Nothing, with `why` set (translated: "not a JSON path at character 4: expected a key
    // after '.'") and `errorAt` the offending character's index, when `path` is not one.
    // Whitespace around the path is ignored.
    static std::optional<JsonPathQuery> parse(QStringView path, QString *why = nullptr,
                                              qsizetype *errorAt = nullptr);

    // The value the path names in `json`; nothing when the path names nothing or the text is
    // not JSON, which `isJson` (when given) tells apart. Thread-safe; uses about 24 KB of stack.
    std::optional<Match> evaluate(QByteArrayView json, bool *isJson = nullptr) const;

    // The path in JsonPath's notation ($.a, $['a b'], $[2], $..t).
    QString toString() const;
    int stepCount() const { return int(m_steps.size()); }

private:
    enum class StepKind : quint8
    {
        Key,
        Index,
        Search, // `..key`
    };
    struct Step
    {
        StepKind kind = StepKind::Key;
        QByteArray key;    // UTF-8, unescaped
        quint32 index = 0; // Index steps; past any real array when written larger
    };
    class Evaluator;

    QList<Step> m_steps;
    // Set when a step searches: the evaluation then tracks a set of steps per open
    // container, one bit each; without `..` a container is on the path or not.
    bool m_search = false;
    quint64 m_keyMask = 0;    // Key and Search steps
    quint64 m_indexMask = 0;  // Index steps
    quint64 m_searchMask = 0; // Search steps
};

} // namespace mqttdesk
