#pragma once

#include <QList>
#include <QStringView>
#include <QtGlobal>

namespace mqttdesk {

enum class JsonTokenKind : quint8
{
    Key,
    String,
    Number,
    Bool,
    Null,
    Punctuation, // { } [ ] : ,
};

// A range of JSON text to colour: [start, start + length) in UTF-16 units.
struct JsonSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    JsonTokenKind kind = JsonTokenKind::Punctuation;

    friend bool operator==(const JsonSpan &, const JsonSpan &) = default;
};

// Splits JSON text into coloured spans without building a document, so the UI can colour
// rendered JSON without parsing it again. Tolerant: text cut in the middle of a string (a
// preview) or not JSON at all gives spans for what it recognises and never fails. Strings in
// rendered JSON never span lines, so a block-by-block highlighter can call it per line.
class JsonHighlighter
{
public:
    static QList<JsonSpan> spans(QStringView json);
};

} // namespace mqttdesk
