#include "core/payload/json_highlighter.h"

#include <vector>

namespace mqttdesk {

namespace {

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\n' || c == u'\r' || c == u'\t';
}

bool isStructural(QChar c)
{
    return c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',';
}

// One past the closing quote of the string starting at `start`, or the size if unclosed.
qsizetype stringEnd(QStringView json, qsizetype start)
{
    for (qsizetype i = start + 1; i < json.size(); ++i) {
        if (json[i] == u'\\')
            ++i;
        else if (json[i] == u'"')
            return i + 1;
    }
    return json.size();
}

template<typename Add>
void scan(QStringView json, Add add)
{
    const qsizetype size = json.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = json[i];
        if (isSpace(c)) {
            ++i;
        } else if (isStructural(c)) {
            add(JsonSpan{i, 1, JsonTokenKind::Punctuation});
            ++i;
        } else if (c == u'"') {
            const qsizetype end = stringEnd(json, i);
            qsizetype next = end;
            while (next < size && isSpace(json[next]))
                ++next;
            const bool key = next < size && json[next] == u':';
            add(JsonSpan{i, end - i, key ? JsonTokenKind::Key : JsonTokenKind::String});
            i = end;
        } else {
            // A bare word: number, true, false, null, or something we leave uncoloured.
            qsizetype end = i;
            while (end < size && !isSpace(json[end]) && !isStructural(json[end]) &&
                   json[end] != u'"')
                ++end;
            const QStringView word = json.sliced(i, end - i);
            if (word == u"true" || word == u"false")
                add(JsonSpan{i, end - i, JsonTokenKind::Bool});
            else if (word == u"null")
                add(JsonSpan{i, end - i, JsonTokenKind::Null});
            else if (c == u'-' || c.isDigit())
                add(JsonSpan{i, end - i, JsonTokenKind::Number});
            i = end;
        }
    }
}

// Texts up to this size (a preview) are scanned into a reused per-thread buffer.
constexpr qsizetype kReusedChars = 16 * 1024;

} // namespace

QList<JsonSpan> JsonHighlighter::spans(QStringView json)
{
    if (json.size() > kReusedChars) {
        std::vector<JsonSpan> result;
        result.reserve(size_t(json.size() / 8));
        scan(json, [&result](const JsonSpan &span) { result.push_back(span); });
        return QList<JsonSpan>(result.begin(), result.end());
    }
    // Written into a buffer that every span fits in (each covers at least one character)
    // and copied once at the exact count: growing a list while appending cost as much as
    // the scan, and a preview's spans are kept with it, so they carry no spare capacity.
    thread_local std::vector<JsonSpan> buffer(static_cast<size_t>(kReusedChars));
    JsonSpan *const out = buffer.data();
    qsizetype count = 0;
    scan(json, [out, &count](const JsonSpan &span) { out[count++] = span; });
    return QList<JsonSpan>(out, out + count);
}

} // namespace mqttdesk
