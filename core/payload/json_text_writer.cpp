#include "core/payload/json_text_writer.h"

#include <QLocale>

#include <charconv>
#include <cmath>

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

void JsonTextWriter::appendQuoted(QStringView value)
{
    if (needsEscape(value)) {
        append(quoted(value));
        return;
    }
    // The common case, without a temporary string.
    append(u"\"");
    append(value);
    append(u"\"");
}

void JsonTextWriter::newline()
{
    if (m_compact || m_full)
        return;
    // Without a temporary: the line feed, then four spaces per open container.
    qsizetype size = m_text.size() + 1 + m_counts.size() * 4;
    if (m_maxChars >= 0 && size > m_maxChars) {
        size = m_maxChars;
        m_full = true;
    }
    m_text.append(u'\n');
    if (size > m_text.size())
        m_text.resize(size, u' ');
    else
        m_text.truncate(size);
}

void JsonTextWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_counts.isEmpty())
        return;
    if (m_counts.last()++ > 0)
        append(u",");
    newline();
}

void JsonTextWriter::open(QChar bracket)
{
    beforeValue();
    append(QStringView(&bracket, 1));
    m_counts.append(0);
}

void JsonTextWriter::close(QChar bracket)
{
    if (m_counts.isEmpty())
        return;
    const bool empty = m_counts.takeLast() == 0;
    if (!empty)
        newline();
    append(QStringView(&bracket, 1));
}

void JsonTextWriter::beginObject()
{
    open(u'{');
}

void JsonTextWriter::endObject()
{
    close(u'}');
}

void JsonTextWriter::beginArray()
{
    open(u'[');
}

void JsonTextWriter::endArray()
{
    close(u']');
}

void JsonTextWriter::key(QStringView name)
{
    beforeValue();
    appendQuoted(name);
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
    beforeValue();
    append(u"\"");
    appendAscii(name.data(), name.size());
    append(m_compact ? QStringView(u"\":") : QStringView(u"\": "));
    m_afterKey = true;
}

void JsonTextWriter::string(QStringView value)
{
    beforeValue();
    appendQuoted(value);
}

void JsonTextWriter::integer(qint64 value)
{
    beforeValue();
    char text[24];
    const std::to_chars_result r = std::to_chars(text, text + sizeof text, value);
    appendAscii(text, r.ptr - text);
}

void JsonTextWriter::unsignedInteger(quint64 value)
{
    beforeValue();
    char text[24];
    const std::to_chars_result r = std::to_chars(text, text + sizeof text, value);
    appendAscii(text, r.ptr - text);
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
    beforeValue();
    // Whole numbers read as such ("100000.0", not "1e+05") but stay recognisable as floats.
    if (std::abs(value) < 1e15 && std::trunc(value) == value) {
        char text[32];
        std::to_chars_result r = std::to_chars(text, text + sizeof text - 2, qint64(value));
        *r.ptr++ = '.';
        *r.ptr++ = '0';
        appendAscii(text, r.ptr - text);
        return;
    }
    append(QString::number(value, 'g', QLocale::FloatingPointShortest));
}

void JsonTextWriter::number(float value)
{
    if (!std::isfinite(value) || (std::abs(value) < 1e15f && std::trunc(value) == value)) {
        number(double(value));
        return;
    }
    beforeValue();
    char text[32];
    const std::to_chars_result r = std::to_chars(text, text + sizeof text, value);
    appendAscii(text, r.ptr - text);
}

void JsonTextWriter::boolean(bool value)
{
    beforeValue();
    append(value ? QStringView(u"true") : QStringView(u"false"));
}

void JsonTextWriter::null()
{
    beforeValue();
    append(u"null");
}

void JsonTextWriter::rawValue(QStringView json)
{
    beforeValue();
    append(json);
}

} // namespace mqttdesk
