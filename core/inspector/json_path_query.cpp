#include "core/inspector/json_path_query.h"

#include "core/inspector/json_path.h"

#include <QCoreApplication>

#include <limits>

namespace mqttdesk {

namespace {

constexpr quint64 bit(int n)
{
    return quint64(1) << n;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Four hex digits the scanner has checked.
char32_t hex4(const char *at)
{
    return char32_t(hexValue(at[0]) << 12 | hexValue(at[1]) << 8 | hexValue(at[2]) << 4 |
                    hexValue(at[3]));
}

int encodeUtf8(char32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = char(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = char(0xc0 | cp >> 6);
        out[1] = char(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = char(0xe0 | cp >> 12);
        out[1] = char(0x80 | (cp >> 6 & 0x3f));
        out[2] = char(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = char(0xf0 | cp >> 18);
    out[1] = char(0x80 | (cp >> 12 & 0x3f));
    out[2] = char(0x80 | (cp >> 6 & 0x3f));
    out[3] = char(0x80 | (cp & 0x3f));
    return 4;
}

// Whether a key token's inside, escapes and all (checked by the scanner), spells `key`
// (UTF-8). Lone surrogates read as U+FFFD, as JsonIndex::unescape() reads them.
bool escapedKeyEquals(QByteArrayView inner, QByteArrayView key)
{
    qsizetype k = 0;
    qsizetype i = 0;
    while (i < inner.size()) {
        if (inner[i] != '\\') {
            if (k >= key.size() || key[k] != inner[i])
                return false;
            ++k;
            ++i;
            continue;
        }
        const char e = inner[i + 1];
        i += 2;
        char32_t cp = 0;
        switch (e) {
        case 'b':
            cp = '\b';
            break;
        case 'f':
            cp = '\f';
            break;
        case 'n':
            cp = '\n';
            break;
        case 'r':
            cp = '\r';
            break;
        case 't':
            cp = '\t';
            break;
        case 'u':
            cp = hex4(inner.data() + i);
            i += 4;
            if (QChar::isHighSurrogate(cp) && i + 6 <= inner.size() && inner[i] == '\\' &&
                inner[i + 1] == 'u') {
                const char32_t low = hex4(inner.data() + i + 2);
                if (QChar::isLowSurrogate(low)) {
                    cp = QChar::surrogateToUcs4(char16_t(cp), char16_t(low));
                    i += 6;
                }
            }
            if (QChar::isSurrogate(cp))
                cp = QChar::ReplacementCharacter;
            break;
        default: // '"', '\\', '/'
            cp = char32_t(quint8(e));
            break;
        }
        char utf8[4];
        const int n = encodeUtf8(cp, utf8);
        if (key.size() - k < n || QByteArrayView(utf8, n) != key.sliced(k, n))
            return false;
        k += n;
    }
    return k == key.size();
}

// UTF-8 of a key with lone surrogates as U+FFFD (what a payload's key reads as).
QByteArray keyUtf8(QStringView key)
{
    QByteArray out;
    out.reserve(key.size());
    for (qsizetype i = 0; i < key.size(); ++i) {
        char32_t cp = key[i].unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < key.size() && key[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(key[i], key[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(cp)) {
            cp = QChar::ReplacementCharacter;
        }
        char utf8[4];
        out.append(utf8, encodeUtf8(cp, utf8));
    }
    return out;
}

bool isDotKeyChar(QChar c)
{
    switch (c.unicode()) {
    case '.':
    case '[':
    case ']':
    case '\'':
    case '"':
    case '\\':
    case '*':
        return false;
    default:
        return c.unicode() >= 0x20 && !c.isSpace();
    }
}

// The quoted key at `pos` (its opening quote) with JSON's escapes and `\'` read, `pos` then
// past its closing quote; or the error, and where.
const char *readQuotedKey(QStringView path, qsizetype &pos, QString *key, qsizetype *errorAt)
{
    const QChar quote = path[pos++];
    while (pos < path.size()) {
        const QChar c = path[pos];
        if (c == quote) {
            ++pos;
            return nullptr;
        }
        if (c != u'\\') {
            *key += c;
            ++pos;
            continue;
        }
        if (pos + 1 >= path.size())
            break;
        *errorAt = pos;
        const char16_t e = path[pos + 1].unicode();
        pos += 2;
        switch (e) {
        case u'\'':
        case u'"':
        case u'\\':
        case u'/':
            *key += QChar(e);
            break;
        case u'b':
            *key += u'\b';
            break;
        case u'f':
            *key += u'\f';
            break;
        case u'n':
            *key += u'\n';
            break;
        case u'r':
            *key += u'\r';
            break;
        case u't':
            *key += u'\t';
            break;
        case u'u': {
            uint unit = 0;
            for (int i = 0; i < 4; ++i) {
                const char16_t h = pos + i < path.size() ? path[pos + i].unicode() : u' ';
                const int digit = h < 0x80 ? hexValue(char(h)) : -1;
                if (digit < 0)
                    return QT_TRANSLATE_NOOP("JsonPathQuery", "a bad \\u escape in a key");
                unit = unit << 4 | uint(digit);
            }
            pos += 4;
            *key += QChar(char16_t(unit)); // pairs join; keyUtf8() reads lone halves as U+FFFD
            break;
        }
        default:
            return QT_TRANSLATE_NOOP("JsonPathQuery", "an unknown escape in a key");
        }
    }
    *errorAt = path.size();
    return QT_TRANSLATE_NOOP("JsonPathQuery", "the quoted key is not closed");
}

} // namespace

// ---- parsing ----------------------------------------------------------------------------

std::optional<JsonPathQuery> JsonPathQuery::parse(QStringView path, QString *why,
                                                  qsizetype *errorAt)
{
    qsizetype pos = 0;
    qsizetype end = path.size();
    while (pos < end && path[pos].isSpace())
        ++pos;
    while (end > pos && path[end - 1].isSpace())
        --end;
    auto fail = [&](qsizetype at, const char *what) -> std::optional<JsonPathQuery> {
        if (why)
            *why =
                QCoreApplication::translate("JsonPathQuery", "not a JSON path at character %1: %2")
                    .arg(at + 1)
                    .arg(QCoreApplication::translate("JsonPathQuery", what));
        if (errorAt)
            *errorAt = at;
        return std::nullopt;
    };
    auto skipSpace = [&] {
        while (pos < end && path[pos].isSpace())
            ++pos;
    };

    if (pos >= end || path[pos] != u'$')
        return fail(pos, QT_TRANSLATE_NOOP("JsonPathQuery", "expected '$' at the start"));
    ++pos;
    JsonPathQuery query;
    while (pos < end) {
        Step step;
        const QChar c = path[pos];
        if (c == u'.') {
            ++pos;
            const bool search = pos < end && path[pos] == u'.';
            if (search) {
                step.kind = StepKind::Search;
                ++pos;
            }
            if (search && pos < end && path[pos] == u'[') {
                // `..['a b']`: a search for a key that needs quotes; an index cannot follow.
                const qsizetype bracket = pos;
                ++pos;
                skipSpace();
                if (pos >= end || (path[pos] != u'\'' && path[pos] != u'"'))
                    return fail(bracket,
                                QT_TRANSLATE_NOOP("JsonPathQuery", "expected a key after '..'"));
            } else {
                const qsizetype from = pos;
                while (pos < end && isDotKeyChar(path[pos]))
                    ++pos;
                if (pos == from) {
                    if (pos < end && path[pos] == u'*')
                        return fail(
                            pos, QT_TRANSLATE_NOOP("JsonPathQuery", "wildcards are not supported"));
                    return fail(
                        pos, search
                                 ? QT_TRANSLATE_NOOP("JsonPathQuery", "expected a key after '..'")
                                 : QT_TRANSLATE_NOOP("JsonPathQuery", "expected a key after '.'"));
                }
                step.key = keyUtf8(path.sliced(from, pos - from));
                query.m_steps.append(step);
                continue;
            }
        } else if (c == u'[') {
            ++pos;
            skipSpace();
        } else {
            if (c == u'*')
                return fail(pos, QT_TRANSLATE_NOOP("JsonPathQuery", "wildcards are not supported"));
            return fail(pos, QT_TRANSLATE_NOOP("JsonPathQuery", "expected '.', '..' or '['"));
        }

        // Inside brackets, at their content.
        if (pos >= end)
            return fail(pos,
                        QT_TRANSLATE_NOOP("JsonPathQuery",
                                          "expected a quoted key or an array index after '['"));
        const QChar open = path[pos];
        if (open == u'\'' || open == u'"') {
            QString key;
            qsizetype errorAt = end;
            if (const char *error = readQuotedKey(path.first(end), pos, &key, &errorAt))
                return fail(errorAt, error);
            step.key = keyUtf8(key);
        } else if (open.isDigit() && open.unicode() < 0x80) {
            quint64 index = 0;
            while (pos < end && path[pos].unicode() >= '0' && path[pos].unicode() <= '9') {
                index = qMin<quint64>(index * 10 + (path[pos].unicode() - '0'),
                                      std::numeric_limits<quint32>::max());
                ++pos;
            }
            step.kind = StepKind::Index;
            step.index = quint32(index);
        } else if (open == u'*') {
            return fail(pos, QT_TRANSLATE_NOOP("JsonPathQuery", "wildcards are not supported"));
        } else if (open == u'-') {
            return fail(pos, QT_TRANSLATE_NOOP("JsonPathQuery",
                                               "an array index must be a whole number, 0 or more"));
        } else {
            return fail(pos,
                        QT_TRANSLATE_NOOP("JsonPathQuery",
                                          "expected a quoted key or an array index after '['"));
        }
        skipSpace();
        if (pos >= end || path[pos] != u']')
            return fail(pos, QT_TRANSLATE_NOOP("JsonPathQuery", "expected ']'"));
        ++pos;
        query.m_steps.append(step);
    }

    for (const Step &step : std::as_const(query.m_steps))
        query.m_search = query.m_search || step.kind == StepKind::Search;
    if (query.m_search) {
        if (query.m_steps.size() > kMaxSearchSteps)
            return fail(
                end, QT_TRANSLATE_NOOP("JsonPathQuery", "a path with '..' has at most 63 steps"));
        for (int s = 0; s < query.m_steps.size(); ++s) {
            const StepKind kind = query.m_steps[s].kind;
            if (kind == StepKind::Index)
                query.m_indexMask |= bit(s);
            else
                query.m_keyMask |= bit(s);
            if (kind == StepKind::Search)
                query.m_searchMask |= bit(s);
        }
    }
    return query;
}

QString JsonPathQuery::toString() const
{
    QString out = JsonPath::root();
    for (const Step &step : m_steps) {
        switch (step.kind) {
        case StepKind::Key:
            out = JsonPath::key(out, QString::fromUtf8(step.key));
            break;
        case StepKind::Search: {
            // ".key" or "['a b']" after a dot.
            const QString tail = JsonPath::key(QString(), QString::fromUtf8(step.key));
            out += tail.startsWith(u'.') ? QString(u'.' + tail) : QString(u".." + tail);
            break;
        }
        case StepKind::Index:
            out = JsonPath::index(out, step.index);
            break;
        }
    }
    return out;
}

// ---- evaluation -------------------------------------------------------------------------

// A strict scanner with an explicit stack of open containers. Each frame carries the steps
// still to match below it: without `..`, frame d is on the path or not (step d comes next);
// with `..`, a bit per step. `used` marks the key steps a member already took, so that a
// duplicate key is never taken again.
class JsonPathQuery::Evaluator
{
public:
    Evaluator(const JsonPathQuery &query, QByteArrayView json)
        : m_query(query)
        , m_data(json.data())
        , m_size(json.size())
        , m_last(int(query.m_steps.size()))
    {}

    bool run();
    std::optional<Match> match() const
    {
        if (!m_found)
            return std::nullopt;
        return Match{QByteArrayView(m_data + m_matchStart, m_matchEnd - m_matchStart), m_matchType};
    }

private:
    struct Frame
    {
        quint64 states;
        quint64 used;
        quint32 row;
        bool object;
    };
    // What a child value carries: the steps to match below it, or that it is the match.
    struct Next
    {
        quint64 states = 0;
        bool match = false;
    };

    void skipSpace()
    {
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }
    bool scanString(bool *escaped);
    bool scanUtf8();
    bool scanNumber();
    bool scanWord(const char *word, qsizetype length);
    bool value(Next next);
    Next member(Frame &frame, QByteArrayView key, bool escaped);
    Next element(Frame &frame);

    const JsonPathQuery &m_query;
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    const int m_last; // the state that is a match
    int m_depth = 0;
    bool m_justOpened = false;
    bool m_found = false;
    int m_matchFrame = -1; // the frame of a matched container until it closes
    qsizetype m_matchStart = 0;
    qsizetype m_matchEnd = 0;
    Type m_matchType = Type::Null;
    Frame m_frames[kMaxDepth];
};

// A multi-byte UTF-8 sequence inside a string, as strictly as QUtf8 validates: no overlong
// forms, no surrogates, nothing past U+10FFFF.
bool JsonPathQuery::Evaluator::scanUtf8()
{
    const auto lead = quint8(m_data[m_pos]);
    int more = 0;
    quint8 low = 0x80;
    quint8 high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        more = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        more = 2;
        if (lead == 0xe0)
            low = 0xa0;
        else if (lead == 0xed)
            high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        more = 3;
        if (lead == 0xf0)
            low = 0x90;
        else if (lead == 0xf4)
            high = 0x8f;
    } else {
        return false;
    }
    if (m_size - m_pos <= more)
        return false;
    for (int i = 1; i <= more; ++i) {
        const auto c = quint8(m_data[m_pos + i]);
        if (c < low || c > high)
            return false;
        low = 0x80;
        high = 0xbf;
    }
    m_pos += more + 1;
    return true;
}

bool JsonPathQuery::Evaluator::scanString(bool *escaped)
{
    // At the opening quote.
    ++m_pos;
    while (m_pos < m_size) {
        const auto c = quint8(m_data[m_pos]);
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c >= 0x80) {
            if (!scanUtf8())
                return false;
            continue;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            *escaped = true;
            if (++m_pos >= m_size)
                return false;
            switch (m_data[m_pos]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                break;
            case 'u':
                if (m_size - m_pos <= 4)
                    return false;
                for (int i = 1; i <= 4; ++i) {
                    if (hexValue(m_data[m_pos + i]) < 0)
                        return false;
                }
                m_pos += 4;
                break;
            default:
                return false;
            }
        }
        ++m_pos;
    }
    return false;
}

bool JsonPathQuery::Evaluator::scanNumber()
{
    auto digits = [this] {
        const qsizetype from = m_pos;
        while (m_pos < m_size && m_data[m_pos] >= '0' && m_data[m_pos] <= '9')
            ++m_pos;
        return m_pos > from;
    };
    if (m_data[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_size && m_data[m_pos] == '0')
        ++m_pos;
    else if (!digits())
        return false;
    if (m_pos < m_size && m_data[m_pos] == '.') {
        ++m_pos;
        if (!digits())
            return false;
    }
    if (m_pos < m_size && (m_data[m_pos] == 'e' || m_data[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_size && (m_data[m_pos] == '+' || m_data[m_pos] == '-'))
            ++m_pos;
        if (!digits())
            return false;
    }
    return true;
}

bool JsonPathQuery::Evaluator::scanWord(const char *word, qsizetype length)
{
    if (m_size - m_pos < length || QByteArrayView(m_data + m_pos, length) != word)
        return false;
    m_pos += length;
    return true;
}

JsonPathQuery::Evaluator::Next JsonPathQuery::Evaluator::member(Frame &frame, QByteArrayView key,
                                                                bool escaped)
{
    Next next;
    if (m_found || frame.states == 0)
        return next;
    auto equals = [&](const QByteArray &wanted) {
        return escaped ? escapedKeyEquals(key, wanted) : key == wanted;
    };
    if (!m_query.m_search) {
        const Step &step = m_query.m_steps[m_depth - 1];
        if (frame.used || step.kind != StepKind::Key || !equals(step.key))
            return next;
        frame.used = 1;
        next.match = m_depth == m_last;
        next.states = 1;
        return next;
    }
    for (quint64 open = frame.states & m_query.m_keyMask & ~frame.used; open != 0;
         open &= open - 1) {
        const int s = qCountTrailingZeroBits(open);
        if (equals(m_query.m_steps[s].key)) {
            frame.used |= bit(s);
            next.states |= bit(s + 1);
        }
    }
    next.states |= frame.states & m_query.m_searchMask;
    next.match = (next.states & bit(m_last)) != 0;
    return next;
}

JsonPathQuery::Evaluator::Next JsonPathQuery::Evaluator::element(Frame &frame)
{
    Next next;
    const quint32 row = frame.row;
    if (frame.row < std::numeric_limits<quint32>::max())
        ++frame.row;
    if (m_found || frame.states == 0)
        return next;
    if (!m_query.m_search) {
        const Step &step = m_query.m_steps[m_depth - 1];
        if (step.kind != StepKind::Index || step.index != row)
            return next;
        next.match = m_depth == m_last;
        next.states = 1;
        return next;
    }
    for (quint64 open = frame.states & m_query.m_indexMask; open != 0; open &= open - 1) {
        const int s = qCountTrailingZeroBits(open);
        if (m_query.m_steps[s].index == row)
            next.states |= bit(s + 1);
    }
    next.states |= frame.states & m_query.m_searchMask;
    next.match = (next.states & bit(m_last)) != 0;
    return next;
}

bool JsonPathQuery::Evaluator::value(Next next)
{
    skipSpace();
    if (m_pos >= m_size)
        return false;
    const qsizetype start = m_pos;
    Type type = Type::Null;
    switch (m_data[m_pos]) {
    case '{':
    case '[': {
        if (m_depth >= kMaxDepth)
            return false;
        const bool object = m_data[m_pos] == '{';
        if (next.match) {
            m_found = true;
            m_matchFrame = m_depth;
            m_matchStart = start;
            m_matchType = object ? Type::Object : Type::Array;
        }
        m_frames[m_depth] = Frame{next.match ? 0 : next.states, 0, 0, object};
        ++m_depth;
        ++m_pos;
        m_justOpened = true;
        return true;
    }
    case '"': {
        bool escaped = false;
        type = Type::String;
        if (!scanString(&escaped))
            return false;
        break;
    }
    case 't':
        type = Type::True;
        if (!scanWord("true", 4))
            return false;
        break;
    case 'f':
        type = Type::False;
        if (!scanWord("false", 5))
            return false;
        break;
    case 'n':
        type = Type::Null;
        if (!scanWord("null", 4))
            return false;
        break;
    default: {
        const char c = m_data[m_pos];
        if (c != '-' && (c < '0' || c > '9'))
            return false;
        type = Type::Number;
        if (!scanNumber())
            return false;
        break;
    }
    }
    if (next.match) {
        m_found = true;
        m_matchStart = start;
        m_matchEnd = m_pos;
        m_matchType = type;
    }
    return true;
}

bool JsonPathQuery::Evaluator::run()
{
    Next root;
    root.match = m_last == 0;
    root.states = 1; // step 0 comes next, in either representation
    if (!value(root))
        return false;
    while (m_depth > 0) {
        Frame &frame = m_frames[m_depth - 1];
        const bool first = m_justOpened;
        m_justOpened = false;
        skipSpace();
        if (m_pos >= m_size)
            return false;
        const char c = m_data[m_pos];
        // Closed when empty or after a member; after a comma a member must follow.
        if (c == (frame.object ? '}' : ']')) {
            ++m_pos;
            --m_depth;
            if (m_matchFrame == m_depth) {
                m_matchEnd = m_pos;
                m_matchFrame = -1;
            }
            continue;
        }
        if (!first) {
            if (c != ',')
                return false;
            ++m_pos;
            skipSpace();
        }
        if (!frame.object) {
            if (!value(element(frame)))
                return false;
            continue;
        }
        if (m_pos >= m_size || m_data[m_pos] != '"')
            return false;
        const qsizetype keyStart = m_pos + 1;
        bool escaped = false;
        if (!scanString(&escaped))
            return false;
        const QByteArrayView key(m_data + keyStart, m_pos - 1 - keyStart);
        skipSpace();
        if (m_pos >= m_size || m_data[m_pos] != ':')
            return false;
        ++m_pos;
        if (!value(member(frame, key, escaped)))
            return false;
    }
    skipSpace();
    return m_pos == m_size;
}

std::optional<JsonPathQuery::Match> JsonPathQuery::evaluate(QByteArrayView json, bool *isJson) const
{
    Evaluator evaluator(*this, json);
    const bool valid = evaluator.run();
    if (isJson)
        *isJson = valid;
    if (!valid)
        return std::nullopt;
    return evaluator.match();
}

} // namespace mqttdesk
