#pragma once

#include "core/inspector/json_index.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// One place where two JSON documents differ: a leaf whose value or type changed, or a whole
// subtree only one side has. Each side is kept as the text to show, not as a value, so a
// result outlives the documents it was made from (and costs only what its rows show).
struct JsonDiffEntry
{
    enum class Kind
    {
        Added,   // only on the right
        Removed, // only on the left
        Changed, // on both, with another value or type
    };

    Kind kind = Kind::Changed;
    QString path; // JsonPath notation: $.sensors[1].value
    // The value on each side as it was sent, compact (the whitespace between tokens dropped;
    // keys, duplicates, escapes and number spellings kept), at most JsonDiff::kMaxTextChars
    // characters and then an ellipsis. Empty on the side without the value.
    QString leftText;
    QString rightText;
    bool hasLeft = false;  // false when Added
    bool hasRight = false; // false when Removed
};

struct JsonDiffResult
{
    QList<JsonDiffEntry> entries;
    // The comparison stopped at the entry limit: there are more differences than listed.
    bool truncated = false;

    qsizetype count(JsonDiffEntry::Kind kind) const;
};

// The structural difference of two JSON documents as JsonIndex reads them, that is as they
// were sent (QJsonDocument would sort keys, drop duplicates and round numbers):
// - Objects member by member: the left's members in its document order, then the members
//   only the right has, in the right's order. A key that occurs more than once is paired by
//   occurrence: the 1st "a" on the left with the 1st "a" on the right, the 2nd with the
//   2nd; the occurrences one side has more of are removed or added.
// - Arrays index by index; extra elements are removed or added.
// - Scalars by type and value: 1 and "1" differ, as do true and false; strings by their
//   unescaped text ("\u0041" and "A" are equal).
// - Numbers by the exact decimal value their text denotes, with no rounding at any length or
//   exponent. JSON has one number type, so 1, 1.0, 1e0 and 10e-1 are equal, as are 12.50 and
//   12.5, and -0 and 0; 18446744073709551615 and 18446744073709551614 differ, and so do 0.1
//   and 0.10000000000000001 (one double holds both, but the sender wrote two values).
// Linear in the documents (an object's keys are hashed only when they are not in the same
// order on both sides), iterative whatever the nesting, and it stops at maxEntries.
class JsonDiff
{
public:
    // Enough to show and page through; a pair of unrelated large documents would otherwise
    // list every leaf.
    static constexpr qsizetype kDefaultMaxEntries = 10'000;
    // A side's text in an entry: a table cell and its tool tip, not a subtree of megabytes.
    static constexpr qsizetype kMaxTextChars = 2000;

    // Both indexes must be valid (an invalid one compares as no difference).
    static JsonDiffResult compare(const JsonIndex &left, const JsonIndex &right,
                                  qsizetype maxEntries = kDefaultMaxEntries);
    // The rule for numbers above, on two JSON number tokens ("12.50", "-0", "1e0").
    static bool sameNumber(QByteArrayView left, QByteArrayView right);
    // A value's text as an entry carries it: compact and bounded.
    static QString displayText(const JsonIndex &index, quint32 node);
};

} // namespace mqttdesk
