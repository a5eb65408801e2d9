#pragma once

#include "core/payload/json_highlighter.h"

#include <QString>
#include <QStringView>
#include <QVarLengthArray>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace mqttdesk {

// Writes JSON text event by event, indented by four spaces (or compact), for the decoders
// that turn CBOR and MessagePack into JSON. Integers are written exactly (no trip through
// double). With a size limit it stops writing once the text reaches it, so a preview of a
// huge document costs only the preview.
class JsonTextWriter
{
public:
    explicit JsonTextWriter(qsizetype maxChars = -1, bool compact = false);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);
    // A Latin-1 key (an identifier, e.g. a Protobuf field name) without converting it.
    void key(QLatin1StringView name);
    void string(QStringView value);
    // A Latin-1 string (e.g. an enum value's name) without converting it.
    void string(QLatin1StringView value);
    void integer(qint64 value);
    void unsignedInteger(quint64 value);
    void number(double value); // NaN and infinities become the strings "NaN", "Infinity", ...
    // A 32-bit float in its own shortest form: 0.1f reads "0.1", not "0.10000000149011612".
    void number(float value);
    void boolean(bool value);
    void null();
    // A value whose JSON text the caller has already made (e.g. a huge negative integer).
    void rawValue(QStringView json);

    // Keeps the highlighting of what is written as it is written, so that the text need
    // not be scanned again for it (JsonHighlighter gives the same spans). Call first.
    void recordSpans();
    // The spans of the text, when recorded and the text is whole; a cut text is left to
    // JsonHighlighter, which colours a cut token as it reads.
    std::optional<QList<JsonSpan>> takeSpans();

    // The limit was reached: the text is cut and the caller can stop feeding events.
    bool isFull() const { return m_full; }
    QString text() const { return m_text; }

private:
    // A token and what precedes it are written with one append when they fit here; deeper
    // indentation or longer tokens are written in parts.
    static constexpr qsizetype kTokenRoom = 256;

    // The separator before a value or key: "," after a sibling, then a line break and the
    // indentation (unless compact). Size first, then written (which updates the state).
    qsizetype separatorSize() const;
    // `at` is where in the text `out` will land.
    char *writeSeparator(char *out, qsizetype at);
    // The separator and `text` (ASCII), a token of `kind`, in one append.
    void token(const char *text, qsizetype size, JsonTokenKind kind);
    void span(qsizetype start, qsizetype length, JsonTokenKind kind)
    {
        if (m_recording && !m_full)
            m_spans.push_back(JsonSpan{start, length, kind});
    }
    void beforeValue();
    void open(char bracket);
    void close(char bracket);
    void append(QStringView text);
    void appendAscii(const char *text, qsizetype size);
    // Returns the quoted text's full length (escapes included).
    qsizetype appendQuoted(QStringView value);

    QString m_text;
    QVarLengthArray<int, 32> m_counts; // items written so far in each open container
    qsizetype m_maxChars;
    bool m_compact;
    bool m_afterKey = false;
    bool m_full = false;
    bool m_recording = false;
    std::vector<JsonSpan> m_spans;
};

} // namespace mqttdesk
