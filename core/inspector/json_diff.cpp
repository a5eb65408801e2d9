#include "core/inspector/json_diff.h"

#include "core/inspector/json_path.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace mqttdesk {

namespace {

using Type = JsonIndex::Type;

// A row or node that one side does not have.
constexpr quint32 kNone = 0xffffffffu;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isContainer(Type type)
{
    return type == Type::Array || type == Type::Object;
}

// The exponent written in a number (its sign and digits) plus `shift`, as canonical decimal
// text. Exact at any length: an exponent of a thousand digits is rare, but must not wrap.
QByteArray exponentPlus(bool negative, QByteArrayView digits, qint64 shift)
{
    while (digits.size() > 1 && digits.front() == '0')
        digits = digits.sliced(1);
    if (digits.size() <= 18) { // below 10^18, and |shift| < 2^32: no overflow
        qint64 value = 0;
        for (const char c : digits)
            value = value * 10 + (c - '0');
        return QByteArray::number((negative ? -value : value) + shift);
    }
    // |exponent| >= 10^18 > |shift|: the sign stays, the magnitude moves by |shift|.
    QByteArray magnitude = digits.toByteArray();
    const bool shrinks = (shift < 0) != negative;
    quint64 amount = shift < 0 ? quint64(-shift) : quint64(shift);
    int carry = 0;
    for (qsizetype i = magnitude.size() - 1; i >= 0 && (amount > 0 || carry > 0); --i) {
        int digit = magnitude[i] - '0';
        const int step = int(amount % 10) + carry;
        amount /= 10;
        digit += shrinks ? -step : step;
        carry = digit < 0 || digit > 9 ? 1 : 0;
        magnitude[i] = char('0' + (digit + 10) % 10);
    }
    if (carry > 0) // only when growing: shrinking cannot pass zero
        magnitude.prepend('1');
    qsizetype zeros = 0;
    while (zeros + 1 < magnitude.size() && magnitude[zeros] == '0')
        ++zeros;
    magnitude.remove(0, zeros);
    return negative ? '-' + magnitude : magnitude;
}

// A number as 0.<digits> x 10^exponent, with no leading or trailing zeros in `digits`
// (empty for zero, whatever its sign and exponent): equal values read the same.
struct Decimal
{
    bool negative = false;
    QByteArray digits;
    QByteArray exponent;

    static Decimal read(QByteArrayView token) // a token JsonIndex accepted
    {
        Decimal out;
        qsizetype at = 0;
        out.negative = at < token.size() && token[at] == '-';
        if (out.negative)
            ++at;
        qsizetype shift = 0; // digits before the point
        for (; at < token.size() && token[at] >= '0' && token[at] <= '9'; ++at, ++shift)
            out.digits += token[at];
        if (at < token.size() && token[at] == '.')
            for (++at; at < token.size() && token[at] >= '0' && token[at] <= '9'; ++at)
                out.digits += token[at];
        bool exponentNegative = false;
        QByteArrayView exponentDigits("0");
        if (at < token.size() && (token[at] == 'e' || token[at] == 'E')) {
            ++at;
            if (at < token.size() && (token[at] == '+' || token[at] == '-'))
                exponentNegative = token[at++] == '-';
            exponentDigits = token.sliced(at);
        }
        qsizetype leading = 0;
        while (leading < out.digits.size() && out.digits[leading] == '0')
            ++leading;
        qsizetype end = out.digits.size();
        while (end > leading && out.digits[end - 1] == '0')
            --end;
        out.digits = out.digits.sliced(leading, end - leading);
        if (!out.digits.isEmpty())
            out.exponent = exponentPlus(exponentNegative, exponentDigits, shift - leading);
        return out;
    }

    bool operator==(const Decimal &other) const
    {
        if (digits.isEmpty() || other.digits.isEmpty())
            return digits.isEmpty() && other.digits.isEmpty(); // -0 == 0 == 0e7
        return negative == other.negative && digits == other.digits && exponent == other.exponent;
    }
};

// Strings by value: escapes are unescaped only when the texts differ and one has any.
bool sameString(QByteArrayView left, QByteArrayView right)
{
    if (left == right)
        return true;
    if (!left.contains('\\') && !right.contains('\\'))
        return false;
    return JsonIndex::unescape(left) == JsonIndex::unescape(right);
}

// A member's key token as sent, with its quotes.
QByteArrayView rawKey(const JsonIndex &index, quint32 node)
{
    const JsonIndex::Node &n = index.node(node);
    return QByteArrayView(index.text()).sliced(n.keyStart, n.keyEnd - n.keyStart);
}

// The place of `node` (a member or an element) inside the container at `parent`.
QString childPath(const QString &parent, const JsonIndex &index, quint32 node)
{
    return index.hasKey(node) ? JsonPath::key(parent, index.key(node))
                              : JsonPath::index(parent, index.node(node).row);
}

// Depth first over both documents with an explicit stack of container pairs, so that the
// entries come in document order and nesting up to JsonIndex::kMaxDepth costs no recursion.
class Walker
{
public:
    Walker(const JsonIndex &left, const JsonIndex &right, JsonDiffResult &result,
           qsizetype maxEntries)
        : m_left(left)
        , m_right(right)
        , m_result(result)
        , m_max(maxEntries)
    {}

    void run()
    {
        if (!walks(0, 0)) {
            if (!same(0, 0))
                add(JsonDiffEntry::Kind::Changed, 0, 0);
            return;
        }
        push(0, 0);
        while (!m_stack.empty()) {
            Frame &frame = m_stack.back();
            if (frame.next == frame.count) {
                m_pairs.resize(frame.pairsBegin);
                m_stack.pop_back();
                continue;
            }
            const Pair pair = pairAt(frame, frame.next++);
            const quint32 l = pair.left == kNone ? kNone : m_left.child(frame.left, pair.left);
            const quint32 r = pair.right == kNone ? kNone : m_right.child(frame.right, pair.right);
            bool more = true;
            if (l == kNone)
                more = add(JsonDiffEntry::Kind::Added, kNone, r);
            else if (r == kNone)
                more = add(JsonDiffEntry::Kind::Removed, l, kNone);
            else if (walks(l, r))
                push(l, r); // `frame` is not used after this
            else if (!same(l, r))
                more = add(JsonDiffEntry::Kind::Changed, l, r);
            if (!more)
                return;
        }
    }

private:
    // Children compared together: rows of the two containers, kNone for the side without.
    struct Pair
    {
        quint32 left;
        quint32 right;
    };
    struct Frame
    {
        quint32 left; // containers of one type
        quint32 right;
        quint32 count = 0; // pairs
        quint32 next = 0;
        // Pair i is row i on both sides (arrays, and objects whose keys line up), the extra
        // rows of the longer side after them; otherwise the pairs are in m_pairs.
        bool positional = true;
        size_t pairsBegin = 0;
        QString path; // made when an entry below first needs it
        bool hasPath = false;
    };

    // Two containers of one type: compared child by child.
    bool walks(quint32 l, quint32 r) const
    {
        const Type type = m_left.node(l).type;
        return isContainer(type) && type == m_right.node(r).type;
    }

    // Anything but two containers of one type, by type and value.
    bool same(quint32 l, quint32 r) const
    {
        const Type type = m_left.node(l).type;
        if (type != m_right.node(r).type)
            return false;
        switch (type) {
        case Type::Number:
            return JsonDiff::sameNumber(m_left.raw(l), m_right.raw(r));
        case Type::String:
            return sameString(m_left.raw(l), m_right.raw(r));
        case Type::Array:
        case Type::Object: // walked, never compared here
        case Type::Null:
        case Type::False:
        case Type::True:
            break;
        }
        return true;
    }

    void push(quint32 l, quint32 r)
    {
        Frame frame;
        frame.left = l;
        frame.right = r;
        frame.pairsBegin = m_pairs.size();
        const quint32 leftCount = m_left.node(l).childCount;
        const quint32 rightCount = m_right.node(r).childCount;
        if (m_left.node(l).type == Type::Array || keysLineUp(l, r)) {
            frame.count = qMax(leftCount, rightCount);
        } else {
            pairMembers(l, r);
            frame.positional = false;
            frame.count = quint32(m_pairs.size() - frame.pairsBegin);
        }
        if (m_stack.empty()) {
            frame.path = JsonPath::root();
            frame.hasPath = true;
        }
        m_stack.push_back(std::move(frame));
    }

    Pair pairAt(const Frame &frame, quint32 i) const
    {
        if (!frame.positional)
            return m_pairs[frame.pairsBegin + i];
        const quint32 leftCount = m_left.node(frame.left).childCount;
        const quint32 rightCount = m_right.node(frame.right).childCount;
        return {i < leftCount ? i : kNone, i < rightCount ? i : kNone};
    }

    // The objects' keys are the same, in the same order, as far as the shorter one goes: the
    // pairing by occurrence is then row by row, with no hashing (the usual case: two
    // readings of one device).
    bool keysLineUp(quint32 l, quint32 r) const
    {
        const quint32 common = qMin(m_left.node(l).childCount, m_right.node(r).childCount);
        for (quint32 row = 0; row < common; ++row)
            if (rawKey(m_left, m_left.child(l, row)) != rawKey(m_right, m_right.child(r, row)))
                return false;
        return true;
    }

    // Pairs the members of two objects by key and occurrence into m_pairs: the left's rows
    // in order, then the right's unpaired rows in order. Linear: a hash from each key to the
    // right's next unpaired occurrence, and a chain from each occurrence to the next.
    void pairMembers(quint32 l, quint32 r)
    {
        const quint32 leftCount = m_left.node(l).childCount;
        const quint32 rightCount = m_right.node(r).childCount;
        QHash<QString, quint32> next;
        next.reserve(rightCount);
        std::vector<quint32> following(rightCount, kNone);
        for (quint32 row = rightCount; row-- > 0;) {
            const QString key = m_right.key(m_right.child(r, row));
            const auto it = next.find(key);
            if (it == next.end()) {
                next.insert(key, row);
            } else {
                following[row] = *it;
                *it = row;
            }
        }
        std::vector<bool> paired(rightCount, false);
        m_pairs.reserve(m_pairs.size() + qMax(leftCount, rightCount));
        for (quint32 row = 0; row < leftCount; ++row) {
            const auto it = next.find(m_left.key(m_left.child(l, row)));
            if (it == next.end() || *it == kNone) {
                m_pairs.push_back({row, kNone});
                continue;
            }
            const quint32 match = *it;
            *it = following[match];
            paired[match] = true;
            m_pairs.push_back({row, match});
        }
        for (quint32 row = 0; row < rightCount; ++row)
            if (!paired[row])
                m_pairs.push_back({kNone, row});
    }

    // The path of the container pair at `depth`; the ones below it are made first.
    const QString &framePath(size_t depth)
    {
        size_t from = depth;
        while (!m_stack[from].hasPath) // the root frame has one
            --from;
        for (size_t i = from + 1; i <= depth; ++i) {
            m_stack[i].path = childPath(m_stack[i - 1].path, m_left, m_stack[i].left);
            m_stack[i].hasPath = true;
        }
        return m_stack[depth].path;
    }

    // False once the limit is reached: the walk stops.
    bool add(JsonDiffEntry::Kind kind, quint32 l, quint32 r)
    {
        if (m_result.entries.size() >= m_max) {
            m_result.truncated = true;
            return false;
        }
        JsonDiffEntry entry;
        entry.kind = kind;
        if (m_stack.empty())
            entry.path = JsonPath::root();
        else if (l != kNone)
            entry.path = childPath(framePath(m_stack.size() - 1), m_left, l);
        else
            entry.path = childPath(framePath(m_stack.size() - 1), m_right, r);
        entry.hasLeft = l != kNone;
        entry.hasRight = r != kNone;
        if (entry.hasLeft)
            entry.leftText = JsonDiff::displayText(m_left, l);
        if (entry.hasRight)
            entry.rightText = JsonDiff::displayText(m_right, r);
        m_result.entries.append(std::move(entry));
        return true;
    }

    const JsonIndex &m_left;
    const JsonIndex &m_right;
    JsonDiffResult &m_result;
    const qsizetype m_max;
    std::vector<Frame> m_stack;
    std::vector<Pair> m_pairs; // the explicit pairs of every open frame, in stack order
};

} // namespace

qsizetype JsonDiffResult::count(JsonDiffEntry::Kind kind) const
{
    return std::count_if(entries.cbegin(), entries.cend(),
                         [kind](const JsonDiffEntry &e) { return e.kind == kind; });
}

JsonDiffResult JsonDiff::compare(const JsonIndex &left, const JsonIndex &right,
                                 qsizetype maxEntries)
{
    JsonDiffResult result;
    if (left.isValid() && right.isValid())
        Walker(left, right, result, qMax<qsizetype>(0, maxEntries)).run();
    return result;
}

bool JsonDiff::sameNumber(QByteArrayView left, QByteArrayView right)
{
    return left == right || Decimal::read(left) == Decimal::read(right);
}

QString JsonDiff::displayText(const JsonIndex &index, quint32 node)
{
    const QByteArrayView raw = index.raw(node);
    QByteArray out;
    out.reserve(qMin(raw.size(), kMaxTextChars * 4));
    qsizetype chars = 0;
    bool inString = false;
    bool escaped = false;
    bool cut = false;
    for (const char c : raw) {
        if (!inString && isSpace(c))
            continue;
        if ((quint8(c) & 0xc0) != 0x80) { // the first byte of a character
            if (chars == kMaxTextChars) {
                cut = true;
                break;
            }
            ++chars;
        }
        out += c;
        if (escaped)
            escaped = false;
        else if (inString && c == '\\')
            escaped = true;
        else if (c == '"')
            inString = !inString;
    }
    QString text = QString::fromUtf8(out);
    if (cut)
        text += u'…';
    return text;
}

} // namespace mqttdesk
