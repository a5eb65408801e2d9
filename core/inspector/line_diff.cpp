#include "core/inspector/line_diff.h"

#include <QHash>

#include <algorithm>
#include <climits>
#include <vector>

namespace mqttdesk {

namespace {

// Myers' bisection (the "middle snake", as in diff-match-patch's diff_bisect) over two
// sequences of line numbers, marking the lines that are not part of the common subsequence.
class Myers
{
public:
    Myers(const std::vector<int> &a, const std::vector<int> &b)
        : m_a(a)
        , m_b(b)
        , m_removed(a.size(), false)
        , m_added(b.size(), false)
    {}

    // False when the top level needs more edits than allowed: the middle left after the
    // common prefix and suffix is then marked as replaced wholesale.
    bool run(int maxEdits)
    {
        const int rounds = int(std::min<qint64>(INT_MAX / 4, (qint64(maxEdits) + 1) / 2 + 1));
        return diff(0, int(m_a.size()), 0, int(m_b.size()), rounds);
    }

    const std::vector<bool> &removed() const { return m_removed; }
    const std::vector<bool> &added() const { return m_added; }

private:
    enum class Outcome
    {
        Found,
        NoCommonLine,
        OverLimit,
    };

    bool diff(int aLo, int aHi, int bLo, int bHi, int maxRounds)
    {
        while (aLo < aHi && bLo < bHi && m_a[aLo] == m_b[bLo]) {
            ++aLo;
            ++bLo;
        }
        while (aLo < aHi && bLo < bHi && m_a[aHi - 1] == m_b[bHi - 1]) {
            --aHi;
            --bHi;
        }
        if (aLo == aHi || bLo == bHi) {
            replace(aLo, aHi, bLo, bHi);
            return true;
        }
        int x = 0;
        int y = 0;
        int d = 0;
        const Outcome outcome = bisect(aLo, aHi, bLo, bHi, maxRounds, &x, &y, &d);
        // A split on a corner would recurse on the same problem; never expected, but a
        // wholesale replacement is still a correct (if longer) script.
        if (outcome != Outcome::Found || (x == aLo && y == bLo) || (x == aHi && y == bHi)) {
            replace(aLo, aHi, bLo, bHi);
            return outcome != Outcome::OverLimit;
        }
        // Each half needs at most d edits: a bound that keeps their work (and the arrays
        // they reset) proportional to it.
        const int subRounds = (d + 1) / 2 + 2;
        diff(aLo, x, bLo, y, subRounds);
        diff(x, aHi, y, bHi, subRounds);
        return true;
    }

    void replace(int aLo, int aHi, int bLo, int bHi)
    {
        std::fill(m_removed.begin() + aLo, m_removed.begin() + aHi, true);
        std::fill(m_added.begin() + bLo, m_added.begin() + bHi, true);
    }

    Outcome bisect(int aLo, int aHi, int bLo, int bHi, int maxRounds, int *splitX, int *splitY,
                   int *round)
    {
        const int n = aHi - aLo;
        const int m = bHi - bLo;
        const int maxD = int((qint64(n) + m + 1) / 2);
        const int rounds = std::min(maxD, maxRounds);
        const int offset = rounds + 1;
        const int length = 2 * rounds + 3;
        if (int(m_v1.size()) < length) {
            m_v1.resize(length);
            m_v2.resize(length);
        }
        std::fill_n(m_v1.begin(), length, -1);
        std::fill_n(m_v2.begin(), length, -1);
        m_v1[offset + 1] = 0;
        m_v2[offset + 1] = 0;
        const int delta = n - m;
        // With an odd delta the paths meet on a forward step, else on a backward one.
        const bool front = delta % 2 != 0;
        int k1start = 0;
        int k1end = 0;
        int k2start = 0;
        int k2end = 0;
        for (int d = 0; d < rounds; ++d) {
            for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const int k1o = offset + k1;
                int x1 = (k1 == -d || (k1 != d && m_v1[k1o - 1] < m_v1[k1o + 1]))
                             ? m_v1[k1o + 1]
                             : m_v1[k1o - 1] + 1;
                int y1 = x1 - k1;
                while (x1 < n && y1 < m && m_a[aLo + x1] == m_b[bLo + y1]) {
                    ++x1;
                    ++y1;
                }
                m_v1[k1o] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    const int k2o = offset + delta - k1;
                    if (k2o >= 0 && k2o < length && m_v2[k2o] != -1 && x1 >= n - m_v2[k2o]) {
                        *splitX = aLo + x1;
                        *splitY = bLo + y1;
                        *round = d;
                        return Outcome::Found;
                    }
                }
            }
            for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const int k2o = offset + k2;
                int x2 = (k2 == -d || (k2 != d && m_v2[k2o - 1] < m_v2[k2o + 1]))
                             ? m_v2[k2o + 1]
                             : m_v2[k2o - 1] + 1;
                int y2 = x2 - k2;
                while (x2 < n && y2 < m && m_a[aHi - 1 - x2] == m_b[bHi - 1 - y2]) {
                    ++x2;
                    ++y2;
                }
                m_v2[k2o] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    const int k1o = offset + delta - k2;
                    if (k1o >= 0 && k1o < length && m_v1[k1o] != -1) {
                        const int x1 = m_v1[k1o];
                        if (x1 >= n - x2) {
                            *splitX = aLo + x1;
                            *splitY = bLo + x1 - (k1o - offset);
                            *round = d;
                            return Outcome::Found;
                        }
                    }
                }
            }
        }
        return rounds < maxD ? Outcome::OverLimit : Outcome::NoCommonLine;
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::vector<bool> m_removed;
    std::vector<bool> m_added;
    // Furthest x per diagonal, forward and backward; shared by every bisection (they run
    // one after another), each resetting only the part it uses.
    std::vector<int> m_v1;
    std::vector<int> m_v2;
};

// Adjacent removed and added runs become Changed rows, pairwise; the longer run's rest
// stays Removed or Added.
QList<LineDiffRow> align(const std::vector<bool> &removed, const std::vector<bool> &added)
{
    const int n = int(removed.size());
    const int m = int(added.size());
    QList<LineDiffRow> rows;
    rows.reserve(std::max(n, m));
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && !removed[i] && !added[j]) {
            rows.append({LineDiffRow::Kind::Same, i++, j++});
            continue;
        }
        int removedEnd = i;
        while (removedEnd < n && removed[removedEnd])
            ++removedEnd;
        int addedEnd = j;
        while (addedEnd < m && added[addedEnd])
            ++addedEnd;
        if (removedEnd == i && addedEnd == j) {
            // Unmatched unchanged lines cannot happen with a consistent marking; show the
            // line as one-sided rather than loop.
            if (i < n)
                rows.append({LineDiffRow::Kind::Removed, i++, -1});
            else
                rows.append({LineDiffRow::Kind::Added, -1, j++});
            continue;
        }
        while (i < removedEnd && j < addedEnd)
            rows.append({LineDiffRow::Kind::Changed, i++, j++});
        while (i < removedEnd)
            rows.append({LineDiffRow::Kind::Removed, i++, -1});
        while (j < addedEnd)
            rows.append({LineDiffRow::Kind::Added, -1, j++});
    }
    return rows;
}

} // namespace

qsizetype LineDiffResult::differingRows() const
{
    return std::count_if(rows.cbegin(), rows.cend(),
                         [](const LineDiffRow &r) { return r.kind != LineDiffRow::Kind::Same; });
}

LineDiffResult LineDiff::compare(const QStringList &left, const QStringList &right, int maxEdits)
{
    // Equal lines get equal numbers, so the search compares ints, not strings.
    QHash<QString, int> ids;
    ids.reserve(left.size() + right.size());
    auto number = [&ids](const QStringList &lines) {
        std::vector<int> out;
        out.reserve(lines.size());
        for (const QString &line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()));
            out.push_back(*it);
        }
        return out;
    };
    const std::vector<int> a = number(left);
    const std::vector<int> b = number(right);
    Myers myers(a, b);
    LineDiffResult result;
    result.approximate = !myers.run(maxEdits);
    result.rows = align(myers.removed(), myers.added());
    return result;
}

} // namespace mqttdesk
