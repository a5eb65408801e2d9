#pragma once

#include <QList>
#include <QStringList>
#include <QtGlobal>

namespace mqttdesk {

// One row of a side-by-side line diff: a line on both sides (Same or Changed), or on one.
struct LineDiffRow
{
    enum class Kind
    {
        Same,
        Added,   // only on the right
        Removed, // only on the left
        Changed, // a removed line paired with an added one
    };

    Kind kind = Kind::Same;
    int leftLine = -1; // 0-based; -1 when the left has no line in this row
    int rightLine = -1;
};

struct LineDiffResult
{
    QList<LineDiffRow> rows;
    // More edits than the bound: the middle between the common start and end is shown as
    // replaced wholesale, not as a shortest edit script.
    bool approximate = false;

    // Rows that are not Same.
    qsizetype differingRows() const;
};

// Myers' O(ND) difference in linear space (the middle-snake bisection), on lines hashed to
// numbers, after the common prefix and suffix are cut off, so that two 100,000-line texts
// that are mostly equal cost little. A run of removed lines next to a run of added ones is
// paired up row by row as Changed.
class LineDiff
{
public:
    // Past this many inserted plus deleted lines the search stops (it grows with their
    // square) and the cheap alignment is used.
    static constexpr int kDefaultMaxEdits = 20'000;

    static LineDiffResult compare(const QStringList &left, const QStringList &right,
                                  int maxEdits = kDefaultMaxEdits);
};

} // namespace mqttdesk
