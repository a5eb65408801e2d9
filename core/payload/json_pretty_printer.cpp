#include "core/payload/json_pretty_printer.h"

#include "core/payload/utf8_scan.h"

#include <QByteArray>

namespace mqttdesk {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isStructural(char c)
{
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' || c == '"';
}

void newline(QByteArray &out, int depth)
{
    out.append('\n');
    out.append(qsizetype(qMin(depth, JsonPrettyPrinter::kMaximumIndentDepth)) * 4, ' ');
}

} // namespace

QString JsonPrettyPrinter::indent(QByteArrayView json, qsizetype maxChars, bool *truncated)
{
    QByteArray out;
    const qsizetype size = json.size();
    out.reserve(maxChars >= 0 ? qMin(maxChars + 64, size * 2) : size + size / 2);
    int depth = 0;
    qsizetype i = 0;
    while (i < size && (maxChars < 0 || out.size() < maxChars)) {
        const char c = json[i];
        if (isSpace(c)) {
            ++i;
        } else if (c == '"') {
            qsizetype end = i + 1;
            while (end < size && json[end] != '"')
                end += json[end] == '\\' ? 2 : 1;
            end = qMin(end + 1, size);
            out.append(json.sliced(i, end - i));
            i = end;
        } else if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            qsizetype next = i + 1;
            while (next < size && isSpace(json[next]))
                ++next;
            if (next < size && json[next] == close) { // keep "{}" and "[]" on one line
                out.append(c);
                out.append(close);
                i = next + 1;
                continue;
            }
            out.append(c);
            newline(out, ++depth);
            ++i;
        } else if (c == '}' || c == ']') {
            depth = qMax(0, depth - 1);
            newline(out, depth);
            out.append(c);
            ++i;
        } else if (c == ',') {
            out.append(',');
            newline(out, depth);
            ++i;
        } else if (c == ':') {
            out.append(": ");
            ++i;
        } else {
            qsizetype end = i;
            while (end < size && !isSpace(json[end]) && !isStructural(json[end]))
                ++end;
            out.append(json.sliced(i, end - i));
            i = end;
        }
    }
    bool cut = i < size;
    if (maxChars >= 0 && out.size() > maxChars) {
        out.truncate(Utf8Scan::boundaryBefore(out, maxChars));
        cut = true;
    }
    if (truncated)
        *truncated = cut;
    return QString::fromUtf8(out);
}

} // namespace mqttdesk
