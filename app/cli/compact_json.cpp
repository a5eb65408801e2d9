#include "app/cli/compact_json.h"

#include <cfloat>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <locale.h>

namespace mqttdesk {

namespace {

// cJSON's limit on nested arrays and objects (CJSON_NESTING_LIMIT).
constexpr int kMaxDepth = 1000;
// cJSON reads a number from at most this many characters.
constexpr int kMaxNumberLength = 63;

// strtod reads "1.5" whatever LC_NUMERIC the process has.
locale_t cLocale()
{
    static const locale_t c = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    return c;
}

// One byte of a string as cJSON writes it.
void appendEscaped(QByteArray &out, unsigned char b)
{
    switch (b) {
    case '"':
        out.append("\\\"", 2);
        return;
    case '\\':
        out.append("\\\\", 2);
        return;
    case '\b':
        out.append("\\b", 2);
        return;
    case '\f':
        out.append("\\f", 2);
        return;
    case '\n':
        out.append("\\n", 2);
        return;
    case '\r':
        out.append("\\r", 2);
        return;
    case '\t':
        out.append("\\t", 2);
        return;
    default:
        break;
    }
    if (b >= 32) {
        out.append(char(b));
        return;
    }
    const char hex[] = "0123456789abcdef";
    const char u[6] = {'\\', 'u', '0', '0', hex[b >> 4], hex[b & 15]};
    out.append(u, 6);
}

// Four hex digits; 0 when one is not a hex digit (cJSON's parse_hex4).
unsigned hex4(const char *p)
{
    unsigned h = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        unsigned digit;
        if (c >= '0' && c <= '9')
            digit = unsigned(c - '0');
        else if (c >= 'A' && c <= 'F')
            digit = unsigned(c - 'A' + 10);
        else if (c >= 'a' && c <= 'f')
            digit = unsigned(c - 'a' + 10);
        else
            return 0;
        h = (h << 4) | digit;
    }
    return h;
}

// Reads a JSON text the way cJSON_ParseWithOpts(..., require_null_terminated) does and
// writes what cJSON_PrintUnformatted would make of the result.
class Compactor
{
public:
    Compactor(QByteArrayView in, QByteArray &out)
        : m_in(in.data())
        , m_size(in.size())
        , m_out(out)
    {}

    bool run()
    {
        if (m_size >= 4 && QByteArrayView(m_in, 3) == QByteArrayView("\xEF\xBB\xBF"))
            m_pos = 3;
        skipSpace();
        if (!value(0))
            return false;
        skipSpace();
        return m_pos == m_size;
    }

private:
    // cJSON skips every byte up to the space as white space.
    void skipSpace()
    {
        while (m_pos < m_size && static_cast<unsigned char>(m_in[m_pos]) <= 32)
            ++m_pos;
    }
    bool at(char c) const { return m_pos < m_size && m_in[m_pos] == c; }
    bool literal(QByteArrayView word)
    {
        if (QByteArrayView(m_in + m_pos, m_size - m_pos).startsWith(word)) {
            m_out.append(word);
            m_pos += word.size();
            return true;
        }
        return false;
    }

    bool value(int depth)
    {
        if (m_pos >= m_size)
            return false;
        if (literal("null") || literal("false") || literal("true"))
            return true;
        const char c = m_in[m_pos];
        if (c == '"')
            return string();
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        if (c == '[')
            return container(depth, ']');
        if (c == '{')
            return container(depth, '}');
        return false;
    }

    // An array (close ']') or an object (close '}'), the cursor on its opening bracket.
    bool container(int depth, char close)
    {
        if (depth >= kMaxDepth)
            return false;
        m_out.append(m_in[m_pos]);
        ++m_pos;
        skipSpace();
        if (at(close)) {
            m_out.append(close);
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (close == '}') {
                if (!string())
                    return false;
                skipSpace();
                if (!at(':'))
                    return false;
                m_out.append(':');
                ++m_pos;
                skipSpace();
            }
            if (!value(depth + 1))
                return false;
            skipSpace();
            if (!at(','))
                break;
            m_out.append(',');
            ++m_pos;
        }
        if (!at(close))
            return false;
        m_out.append(close);
        ++m_pos;
        return true;
    }

    bool number()
    {
        // cJSON takes the longest run of these characters (up to 63) and lets strtod
        // read what it can of it.
        char text[kMaxNumberLength + 1];
        int n = 0;
        while (n < kMaxNumberLength && m_pos + n < m_size) {
            const char c = m_in[m_pos + n];
            if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == 'e' || c == 'E' ||
                  c == '.'))
                break;
            text[n++] = c;
        }
        text[n] = '\0';
        char *end = nullptr;
        const double d = strtod_l(text, &end, cLocale());
        if (end == text)
            return false;
        m_pos += end - text;
        CompactJson::appendNumber(m_out, d);
        return true;
    }

    bool string()
    {
        if (!at('"'))
            return false;
        qsizetype end = m_pos + 1;
        while (end < m_size && m_in[end] != '"') {
            if (m_in[end] == '\\') {
                if (end + 1 >= m_size)
                    return false;
                ++end;
            }
            ++end;
        }
        if (end >= m_size)
            return false;
        m_out.append('"');
        m_cut = false;
        for (qsizetype i = m_pos + 1; i < end;) {
            if (m_in[i] != '\\') {
                put(static_cast<unsigned char>(m_in[i++]));
                continue;
            }
            const char e = m_in[i + 1];
            const char *const from = "bfnrt\"\\/";
            const char *const to = "\b\f\n\r\t\"\\/";
            if (const char *k = std::strchr(from, e); k && e != '\0') {
                put(static_cast<unsigned char>(to[k - from]));
                i += 2;
            } else if (e == 'u') {
                const qsizetype used = unicode(i, end);
                if (used == 0)
                    return false;
                i += used;
            } else {
                return false;
            }
        }
        m_out.append('"');
        m_pos = end + 1;
        return true;
    }

    // \uXXXX (or a surrogate pair \uXXXX\uXXXX) at `i` as UTF-8; how many bytes it took,
    // 0 when cJSON refuses it.
    qsizetype unicode(qsizetype i, qsizetype end)
    {
        if (end - i < 6)
            return 0;
        const unsigned first = hex4(m_in + i + 2);
        if (first >= 0xDC00 && first <= 0xDFFF)
            return 0;
        unsigned code = first;
        qsizetype used = 6;
        if (first >= 0xD800 && first <= 0xDBFF) {
            const qsizetype second = i + 6;
            if (end - second < 6 || m_in[second] != '\\' || m_in[second + 1] != 'u')
                return 0;
            const unsigned low = hex4(m_in + second + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                return 0;
            code = 0x10000 + (((first & 0x3FF) << 10) | (low & 0x3FF));
            used = 12;
        }
        if (code < 0x80) {
            put(code);
        } else if (code < 0x800) {
            put(0xC0 | (code >> 6));
            put(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            put(0xE0 | (code >> 12));
            put(0x80 | ((code >> 6) & 0x3F));
            put(0x80 | (code & 0x3F));
        } else {
            put(0xF0 | (code >> 18));
            put(0x80 | ((code >> 12) & 0x3F));
            put(0x80 | ((code >> 6) & 0x3F));
            put(0x80 | (code & 0x3F));
        }
        return used;
    }

    // A decoded byte of a string. cJSON keeps strings as C strings: a NUL (from \u0000)
    // ends what it writes of the string.
    void put(unsigned b)
    {
        if (m_cut)
            return;
        if (b == 0) {
            m_cut = true;
            return;
        }
        appendEscaped(m_out, static_cast<unsigned char>(b));
    }

    const char *m_in;
    qsizetype m_size;
    qsizetype m_pos = 0;
    QByteArray &m_out;
    bool m_cut = false;
};

} // namespace

void CompactJson::appendString(QByteArray &out, QByteArrayView text)
{
    out.append('"');
    for (const char c : text) {
        if (c == '\0')
            break;
        appendEscaped(out, static_cast<unsigned char>(c));
    }
    out.append('"');
}

void CompactJson::appendNumber(QByteArray &out, double value)
{
    if (std::isnan(value) || std::isinf(value)) {
        out.append("null", 4);
        return;
    }
    char text[32];
    // Whole numbers below 10^15 (qos, lengths, ids): %.15g writes their digits, exactly.
    if (value == std::trunc(value) && std::fabs(value) < 1e15 &&
        !(value == 0 && std::signbit(value))) { // -0 is written -0
        const std::to_chars_result r = std::to_chars(text, text + sizeof text, qint64(value));
        out.append(text, r.ptr - text);
        return;
    }
    std::to_chars_result r =
        std::to_chars(text, text + sizeof text, value, std::chars_format::general, 15);
    // Read back as cJSON does (sscanf): a value beyond the largest double becomes
    // infinity, which counts as equal.
    *r.ptr = '\0';
    const double back = strtod_l(text, nullptr, cLocale());
    const double largest = std::fmax(std::fabs(back), std::fabs(value));
    if (!(std::fabs(back - value) <= largest * DBL_EPSILON))
        r = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 17);
    out.append(text, r.ptr - text);
}

bool CompactJson::appendCompacted(QByteArray &out, QByteArrayView json)
{
    // cJSON reads the payload as a C string: a NUL ends it before its end.
    if (json.contains('\0'))
        return false;
    const qsizetype before = out.size();
    if (Compactor(json, out).run())
        return true;
    out.truncate(before);
    return false;
}

} // namespace mqttdesk
