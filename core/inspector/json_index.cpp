#include "core/inspector/json_index.h"

#include "core/inspector/json_path.h"

#include <QCoreApplication>

namespace mqttdesk {

// One pass over the text with an explicit stack of open containers. The ids of the
// children of every open container wait at the tail of `pending`; when a container closes,
// its segment moves to the index's child table, so each container's children end up
// contiguous without a second pass.
class JsonIndex::Parser
{
public:
    Parser(JsonIndex &index)
        : m_index(index)
        , m_data(index.m_text.constData())
        , m_size(index.m_text.size())
    {}

    bool run();

private:
    struct Open
    {
        quint32 node;
        size_t pendingMark; // where its children start in m_pending
    };

    bool fail(const char *what)
    {
        m_index.m_error = QCoreApplication::translate("JsonIndex", "Not JSON at byte %1: %2")
                              .arg(m_pos)
                              .arg(QCoreApplication::translate("JsonIndex", what));
        m_index.m_errorOffset = m_pos;
        return false;
    }
    void skipSpace()
    {
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }
    bool scanString();
    bool scanNumber();
    bool scanWord(const char *word, qsizetype length);
    bool value(quint32 keyStart, quint32 keyEnd);
    void close();

    JsonIndex &m_index;
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    std::vector<Open> m_open;
    std::vector<quint32> m_pending;
};

bool JsonIndex::Parser::scanString()
{
    // At the opening quote.
    ++m_pos;
    while (m_pos < m_size) {
        const auto c = quint8(m_data[m_pos]);
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c < 0x20)
            return fail(QT_TRANSLATE_NOOP("JsonIndex", "a control character inside a string."));
        if (c == '\\') {
            if (++m_pos >= m_size)
                break;
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
                for (int i = 1; i <= 4; ++i) {
                    if (m_pos + i >= m_size || !isxdigit(quint8(m_data[m_pos + i])))
                        return fail(QT_TRANSLATE_NOOP("JsonIndex", "a bad \\u escape."));
                }
                m_pos += 4;
                break;
            default:
                return fail(QT_TRANSLATE_NOOP("JsonIndex", "an unknown escape."));
            }
        }
        ++m_pos;
    }
    return fail(QT_TRANSLATE_NOOP("JsonIndex", "the text ends inside a string."));
}

bool JsonIndex::Parser::scanNumber()
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
        return fail(QT_TRANSLATE_NOOP("JsonIndex", "a bad number."));
    if (m_pos < m_size && m_data[m_pos] == '.') {
        ++m_pos;
        if (!digits())
            return fail(QT_TRANSLATE_NOOP("JsonIndex", "a bad number."));
    }
    if (m_pos < m_size && (m_data[m_pos] == 'e' || m_data[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_size && (m_data[m_pos] == '+' || m_data[m_pos] == '-'))
            ++m_pos;
        if (!digits())
            return fail(QT_TRANSLATE_NOOP("JsonIndex", "a bad number."));
    }
    return true;
}

bool JsonIndex::Parser::scanWord(const char *word, qsizetype length)
{
    if (m_size - m_pos < length || QByteArrayView(m_data + m_pos, length) != word)
        return fail(QT_TRANSLATE_NOOP("JsonIndex", "an unexpected character."));
    m_pos += length;
    return true;
}

bool JsonIndex::Parser::value(quint32 keyStart, quint32 keyEnd)
{
    skipSpace();
    if (m_pos >= m_size)
        return fail(QT_TRANSLATE_NOOP("JsonIndex", "the text ends where a value should be."));
    Node node;
    node.keyStart = keyStart;
    node.keyEnd = keyEnd;
    node.start = quint32(m_pos);
    if (!m_open.empty()) {
        node.parent = m_open.back().node;
        node.row = quint32(m_pending.size() - m_open.back().pendingMark);
    }
    const quint32 id = quint32(m_index.m_nodes.size());
    const char c = m_data[m_pos];
    switch (c) {
    case '{':
    case '[':
        if (int(m_open.size()) >= kMaxDepth)
            return fail(QT_TRANSLATE_NOOP("JsonIndex", "nested too deeply."));
        node.type = c == '{' ? Type::Object : Type::Array;
        ++m_pos;
        break;
    case '"':
        node.type = Type::String;
        if (!scanString())
            return false;
        break;
    case 't':
        node.type = Type::True;
        if (!scanWord("true", 4))
            return false;
        break;
    case 'f':
        node.type = Type::False;
        if (!scanWord("false", 5))
            return false;
        break;
    case 'n':
        node.type = Type::Null;
        if (!scanWord("null", 4))
            return false;
        break;
    default:
        if (c != '-' && (c < '0' || c > '9'))
            return fail(QT_TRANSLATE_NOOP("JsonIndex", "an unexpected character."));
        node.type = Type::Number;
        if (!scanNumber())
            return false;
        break;
    }
    node.end = quint32(m_pos);
    m_index.m_nodes.push_back(node);
    if (!m_open.empty())
        m_pending.push_back(id);
    if (node.type == Type::Object || node.type == Type::Array)
        m_open.push_back({id, m_pending.size()});
    return true;
}

void JsonIndex::Parser::close()
{
    const Open open = m_open.back();
    m_open.pop_back();
    Node &node = m_index.m_nodes[open.node];
    node.childBegin = quint32(m_index.m_children.size());
    node.childCount = quint32(m_pending.size() - open.pendingMark);
    m_index.m_children.insert(m_index.m_children.end(),
                              m_pending.begin() + qsizetype(open.pendingMark), m_pending.end());
    m_pending.resize(open.pendingMark);
    node.end = quint32(m_pos);
}

bool JsonIndex::Parser::run()
{
    if (m_size >= qsizetype(kNoKey))
        return fail(QT_TRANSLATE_NOOP("JsonIndex", "the text is too large."));
    if (!QByteArrayView(m_data, m_size).isValidUtf8())
        return fail(QT_TRANSLATE_NOOP("JsonIndex", "the text is not UTF-8."));
    if (!value(kNoKey, 0))
        return false;
    while (!m_open.empty()) {
        const Open &open = m_open.back();
        const bool isObject = m_index.m_nodes[open.node].type == Type::Object;
        const bool first = m_pending.size() == open.pendingMark;
        skipSpace();
        if (m_pos >= m_size)
            return fail(QT_TRANSLATE_NOOP("JsonIndex", "the text ends inside an object or array."));
        const char c = m_data[m_pos];
        // Closed when empty or after a member; after a comma a member must follow.
        if (c == (isObject ? '}' : ']')) {
            ++m_pos;
            close();
            continue;
        }
        if (!first) {
            if (c != ',')
                return fail(isObject ? QT_TRANSLATE_NOOP("JsonIndex", "expected ',' or '}'.")
                                     : QT_TRANSLATE_NOOP("JsonIndex", "expected ',' or ']'."));
            ++m_pos;
            skipSpace();
        }
        if (!isObject) {
            if (!value(kNoKey, 0))
                return false;
            continue;
        }
        if (m_pos >= m_size || m_data[m_pos] != '"')
            return fail(QT_TRANSLATE_NOOP("JsonIndex", "expected a key in quotes."));
        const auto keyStart = quint32(m_pos);
        if (!scanString())
            return false;
        const auto keyEnd = quint32(m_pos);
        skipSpace();
        if (m_pos >= m_size || m_data[m_pos] != ':')
            return fail(QT_TRANSLATE_NOOP("JsonIndex", "expected ':' after a key."));
        ++m_pos;
        if (!value(keyStart, keyEnd))
            return false;
    }
    skipSpace();
    if (m_pos != m_size)
        return fail(QT_TRANSLATE_NOOP("JsonIndex", "more text after the value."));
    return true;
}

JsonIndex JsonIndex::parse(const QByteArray &json)
{
    JsonIndex index;
    index.m_text = json;
    Parser parser(index);
    if (!parser.run()) {
        index.m_nodes.clear();
        index.m_children.clear();
    }
    return index;
}

QString JsonIndex::unescape(QByteArrayView token)
{
    if (token.size() < 2)
        return {};
    const QByteArrayView inner = token.sliced(1, token.size() - 2);
    if (!inner.contains('\\'))
        return QString::fromUtf8(inner);
    QString out;
    out.reserve(inner.size());
    qsizetype from = 0;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner[i] != '\\')
            continue;
        out += QString::fromUtf8(inner.sliced(from, i - from));
        const char e = i + 1 < inner.size() ? inner[i + 1] : '\\';
        i += 1;
        switch (e) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            if (i + 4 >= inner.size()) {
                out += QChar(QChar::ReplacementCharacter);
                i = inner.size() - 1;
                break;
            }
            bool ok = false;
            const uint unit = inner.sliced(i + 1, 4).toUInt(&ok, 16);
            i += 4;
            if (!ok) {
                out += QChar(QChar::ReplacementCharacter);
                break;
            }
            // A pair of escapes for a character outside the BMP: "\ud83d\ude00".
            if (QChar::isHighSurrogate(unit) && i + 6 < inner.size() && inner[i + 1] == '\\' &&
                inner[i + 2] == 'u') {
                bool lowOk = false;
                const uint low = inner.sliced(i + 3, 4).toUInt(&lowOk, 16);
                if (lowOk && QChar::isLowSurrogate(low)) {
                    out += QChar(char16_t(unit));
                    out += QChar(char16_t(low));
                    i += 6;
                    break;
                }
            }
            out += QChar::isSurrogate(unit) ? QChar(QChar::ReplacementCharacter)
                                            : QChar(char16_t(unit));
            break;
        }
        default: // '"', '\\', '/'
            out += QLatin1Char(e);
            break;
        }
        from = i + 1;
    }
    out += QString::fromUtf8(inner.sliced(from));
    return out;
}

QString JsonIndex::key(quint32 id) const
{
    const Node &n = m_nodes[id];
    if (n.keyStart == kNoKey)
        return {};
    return unescape(QByteArrayView(m_text).sliced(n.keyStart, n.keyEnd - n.keyStart));
}

std::optional<quint32> JsonIndex::member(quint32 object, QStringView key) const
{
    if (m_nodes[object].type != Type::Object)
        return std::nullopt;
    for (quint32 row = 0; row < m_nodes[object].childCount; ++row) {
        const quint32 id = child(object, row);
        if (this->key(id) == key)
            return id;
    }
    return std::nullopt;
}

QByteArrayView JsonIndex::raw(quint32 id) const
{
    const Node &n = m_nodes[id];
    return QByteArrayView(m_text).sliced(n.start, n.end - n.start);
}

QString JsonIndex::valueText(quint32 id) const
{
    if (m_nodes[id].type == Type::String)
        return unescape(raw(id));
    return QString::fromUtf8(raw(id));
}

QString JsonIndex::path(quint32 id) const
{
    std::vector<quint32> steps;
    for (quint32 at = id; at != 0; at = m_nodes[at].parent)
        steps.push_back(at);
    QString out = JsonPath::root();
    for (auto it = steps.rbegin(); it != steps.rend(); ++it)
        out = hasKey(*it) ? JsonPath::key(out, key(*it)) : JsonPath::index(out, m_nodes[*it].row);
    return out;
}

} // namespace mqttdesk
