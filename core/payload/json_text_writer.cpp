#include "core/payload/json_text_writer.h"

#include <QLocale>

#include <charconv>
#include <cmath>
#include <cstring>

namespace mqttdesk {

namespace {

bool needsEscape(QStringView value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c == u'"' || c == u'\\')
            return true;
    }
    return false;
}

QString quoted(QStringView value)
{
    QString out;
    out.reserve(value.size() + 2);
    out.append(u'"');
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'"':
            out.append(u"\\\"");
            break;
        case u'\\':
            out.append(u"\\\\");
            break;
        case u'\n':
            out.append(u"\\n");
            break;
        case u'\r':
            out.append(u"\\r");
            break;
        case u'\t':
            out.append(u"\\t");
            break;
        case u'\b':
            out.append(u"\\b");
            break;
        case u'\f':
            out.append(u"\\f");
            break;
        default:
            if (c.unicode() < 0x20) {
                out.append(QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
            } else {
                out.append(c);
            }
        }
    }
    out.append(u'"');
    return out;
}

} // namespace

JsonTextWriter::JsonTextWriter(qsizetype maxChars, bool compact)
    : m_maxChars(maxChars)
    , m_compact(compact)
{
    m_text.reserve(maxChars >= 0 ? qMin<qsizetype>(maxChars + 1, 1024) : 1024);
}

void JsonTextWriter::append(QStringView text)
{
    if (m_full)
        return;
    if (m_maxChars >= 0 && m_text.size() + text.size() > m_maxChars) {
        m_text.append(text.first(m_maxChars - m_text.size()));
        m_full = true;
        return;
    }
    m_text.append(text);
}

void JsonTextWriter::appendAscii(const char *text, qsizetype size)
{
    if (m_full)
        return;
    if (m_maxChars >= 0 && m_text.size() + size > m_maxChars) {
        size = m_maxChars - m_text.size();
        m_full = true;
    }
    m_text.append(QLatin1StringView(text, size));
}

qsizetype JsonTextWriter::appendQuoted(QStringView value)
{
    if (needsEscape(value)) {
        const QString text = quoted(value);
        append(text);
        return text.size();
    }
    // The common case, without a temporary string.
    append(u"\"");
    append(value);
    append(u"\"");
    return value.size() + 2;
}

void JsonTextWriter::recordSpans()
{
    m_recording = true;
    m_spans.reserve(128);
}

std::optional<QList<JsonSpan>> JsonTextWriter::takeSpans()
{
    if (!m_recording || m_full)
        return std::nullopt;
    QList<JsonSpan> spans(m_spans.begin(), m_spans.end());
    m_spans.clear();
    return spans;
}

qsizetype JsonTextWriter::separatorSize() const
{
    if (m_afterKey || m_counts.isEmpty())
        return 0;
    return (m_counts.last() > 0 ? 1 : 0) + (m_compact ? 0 : 1 + m_counts.size() * 4);
}

char *JsonTextWriter::writeSeparator(char *out, qsizetype at)
{
    if (m_afterKey) {
        m_afterKey = false;
        return out;
    }
    if (m_counts.isEmpty())
        return out;
    if (m_counts.last()++ > 0) {
        span(at, 1, JsonTokenKind::Punctuation);
        *out++ = ',';
    }
    if (!m_compact) {
        *out++ = '\n';
        const qsizetype indent = m_counts.size() * 4;
        std::memset(out, ' ', size_t(indent));
        out += indent;
    }
    return out;
}

void JsonTextWriter::beforeValue()
{
    if (separatorSize() <= kTokenRoom) {
        char buffer[kTokenRoom];
        const char *end = writeSeparator(buffer, m_text.size());
        appendAscii(buffer, end - buffer);
        return;
    }
    // Deeper than a buffer: the separator in parts.
    const bool comma = m_counts.last()++ > 0;
    if (comma) {
        span(m_text.size(), 1, JsonTokenKind::Punctuation);
        appendAscii(",", 1);
    }
    appendAscii("\n", 1);
    for (qsizetype i = 0; i < m_counts.size() && !m_full; ++i)
        appendAscii("    ", 4);
}

void JsonTextWriter::token(const char *text, qsizetype size, JsonTokenKind kind)
{
    if (separatorSize() + size > kTokenRoom) {
        beforeValue();
        span(m_text.size(), size, kind);
        appendAscii(text, size);
        return;
    }
    char buffer[kTokenRoom];
    char *end = writeSeparator(buffer, m_text.size());
    span(m_text.size() + (end - buffer), size, kind);
    std::memcpy(end, text, size_t(size));
    appendAscii(buffer, end - buffer + size);
}

void JsonTextWriter::open(char bracket)
{
    token(&bracket, 1, JsonTokenKind::Punctuation);
    m_counts.append(0);
}

void JsonTextWriter::close(char bracket)
{
    if (m_counts.isEmpty())
        return;
    const bool empty = m_counts.last() == 0;
    m_counts.removeLast();
    if (empty || m_compact) {
        span(m_text.size(), 1, JsonTokenKind::Punctuation);
        appendAscii(&bracket, 1);
        return;
    }
    const qsizetype indent = m_counts.size() * 4;
    if (indent + 2 > kTokenRoom) {
        appendAscii("\n", 1);
        for (qsizetype i = 0; i < m_counts.size() && !m_full; ++i)
            appendAscii("    ", 4);
        span(m_text.size(), 1, JsonTokenKind::Punctuation);
        appendAscii(&bracket, 1);
        return;
    }
    span(m_text.size() + indent + 1, 1, JsonTokenKind::Punctuation);
    char buffer[kTokenRoom];
    buffer[0] = '\n';
    std::memset(buffer + 1, ' ', size_t(indent));
    buffer[indent + 1] = bracket;
    appendAscii(buffer, indent + 2);
}

void JsonTextWriter::beginObject()
{
    open('{');
}

void JsonTextWriter::endObject()
{
    close('}');
}

void JsonTextWriter::beginArray()
{
    open('[');
}

void JsonTextWriter::endArray()
{
    close(']');
}

void JsonTextWriter::key(QStringView name)
{
    beforeValue();
    const qsizetype start = m_text.size();
    const qsizetype length = appendQuoted(name);
    span(start, length, JsonTokenKind::Key);
    span(start + length, 1, JsonTokenKind::Punctuation);
    append(m_compact ? QStringView(u":") : QStringView(u": "));
    m_afterKey = true;
}

void JsonTextWriter::key(QLatin1StringView name)
{
    for (const char c : name) {
        if (uchar(c) < 0x20 || c == '"' || c == '\\') {
            key(QString(name));
            return;
        }
    }
    const qsizetype size = name.size() + 4;
    if (separatorSize() + size > kTokenRoom) {
        beforeValue();
        span(m_text.size(), name.size() + 2, JsonTokenKind::Key);
        span(m_text.size() + name.size() + 2, 1, JsonTokenKind::Punctuation);
        append(u"\"");
        appendAscii(name.data(), name.size());
        append(m_compact ? QStringView(u"\":") : QStringView(u"\": "));
    } else {
        // The separator, the quoted key and the colon in one append.
        char buffer[kTokenRoom];
        char *out = writeSeparator(buffer, m_text.size());
        const qsizetype at = m_text.size() + (out - buffer);
        span(at, name.size() + 2, JsonTokenKind::Key);
        span(at + name.size() + 2, 1, JsonTokenKind::Punctuation);
        *out++ = '"';
        std::memcpy(out, name.data(), size_t(name.size()));
        out += name.size();
        *out++ = '"';
        *out++ = ':';
        if (!m_compact)
            *out++ = ' ';
        appendAscii(buffer, out - buffer);
    }
    m_afterKey = true;
}

void JsonTextWriter::string(QStringView value)
{
    beforeValue();
    const qsizetype start = m_text.size();
    const qsizetype length = appendQuoted(value);
    span(start, length, JsonTokenKind::String);
}

void JsonTextWriter::string(QLatin1StringView value)
{
    for (const char c : value) {
        if (uchar(c) < 0x20 || c == '"' || c == '\\') {
            string(QString(value));
            return;
        }
    }
    const qsizetype size = value.size() + 2;
    if (separatorSize() + size > kTokenRoom) {
        beforeValue();
        span(m_text.size(), size, JsonTokenKind::String);
        append(u"\"");
        appendAscii(value.data(), value.size());
        append(u"\"");
        return;
    }
    char buffer[kTokenRoom];
    char *out = writeSeparator(buffer, m_text.size());
    span(m_text.size() + (out - buffer), size, JsonTokenKind::String);
    *out++ = '"';
    std::memcpy(out, value.data(), size_t(value.size()));
    out += value.size();
    *out++ = '"';
    appendAscii(buffer, out - buffer);
}

void JsonTextWriter::integer(qint64 value)
{
    char text[24];
    const std::to_chars_result r = std::to_chars(text, text + sizeof text, value);
    token(text, r.ptr - text, JsonTokenKind::Number);
}

void JsonTextWriter::unsignedInteger(quint64 value)
{
    char text[24];
    const std::to_chars_result r = std::to_chars(text, text + sizeof text, value);
    token(text, r.ptr - text, JsonTokenKind::Number);
}

void JsonTextWriter::number(double value)
{
    if (std::isnan(value)) {
        string(u"NaN");
        return;
    }
    if (std::isinf(value)) {
        string(value > 0 ? QStringView(u"Infinity") : QStringView(u"-Infinity"));
        return;
    }
    // Whole numbers read as such ("100000.0", not "1e+05") but stay recognisable as floats.
    if (std::abs(value) < 1e15 && std::trunc(value) == value) {
        char text[32];
        std::to_chars_result r = std::to_chars(text, text + sizeof text - 2, qint64(value));
        *r.ptr++ = '.';
        *r.ptr++ = '0';
        token(text, r.ptr - text, JsonTokenKind::Number);
        return;
    }
    beforeValue();
    const QString text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    span(m_text.size(), text.size(), JsonTokenKind::Number);
    append(text);
}

void JsonTextWriter::number(float value)
{
    if (!std::isfinite(value) || (std::abs(value) < 1e15f && std::trunc(value) == value)) {
        number(double(value));
        return;
    }
    char text[32];
    const std::to_chars_result r = std::to_chars(text, text + sizeof text, value);
    token(text, r.ptr - text, JsonTokenKind::Number);
}

void JsonTextWriter::boolean(bool value)
{
    if (value)
        token("true", 4, JsonTokenKind::Bool);
    else
        token("false", 5, JsonTokenKind::Bool);
}

void JsonTextWriter::null()
{
    token("null", 4, JsonTokenKind::Null);
}

void JsonTextWriter::rawValue(QStringView json)
{
    beforeValue();
    if (m_recording && !m_full) {
        for (const JsonSpan &s : JsonHighlighter::spans(json))
            span(m_text.size() + s.start, s.length, s.kind);
    }
    append(json);
}

} // namespace mqttdesk
