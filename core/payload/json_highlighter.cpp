#include "core/payload/json_highlighter.h"

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

} // namespace

QList<JsonSpan> JsonHighlighter::spans(QStringView json)
{
    QList<JsonSpan> result;
    const qsizetype size = json.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = json[i];
        if (isSpace(c)) {
            ++i;
        } else if (isStructural(c)) {
            result.append({i, 1, JsonTokenKind::Punctuation});
            ++i;
        } else if (c == u'"') {
            const qsizetype end = stringEnd(json, i);
            qsizetype next = end;
            while (next < size && isSpace(json[next]))
                ++next;
            const bool key = next < size && json[next] == u':';
            result.append({i, end - i, key ? JsonTokenKind::Key : JsonTokenKind::String});
            i = end;
        } else {
            // A bare word: number, true, false, null, or something we leave uncoloured.
            qsizetype end = i;
            while (end < size && !isSpace(json[end]) && !isStructural(json[end]) &&
                   json[end] != u'"')
                ++end;
            const QStringView word = json.sliced(i, end - i);
            if (word == u"true" || word == u"false")
                result.append({i, end - i, JsonTokenKind::Bool});
            else if (word == u"null")
                result.append({i, end - i, JsonTokenKind::Null});
            else if (c == u'-' || c.isDigit())
                result.append({i, end - i, JsonTokenKind::Number});
            i = end;
        }
    }
    return result;
}

} // namespace mqttdesk
