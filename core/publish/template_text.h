#pragma once

#include "core/publish/template_context.h"
#include "core/publish/template_error.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace mqttdesk {

// A text with variables in it, compiled once and expanded per message.
//
//   {{uuid}} {{now}} {{now_ms}} {{counter}} {{client_id}}   the message's values
//   {{random 0 100}}            an integer, both ends included
//   {{random_float 0 1 2}}      a number from 0 to 1 with 2 decimals (2 when left out)
//   {{pick a b "c d"}}          one of the words, a quoted one may hold spaces
//   {{device}}                  a user variable of the collection or the connection
//   {{{{                        a literal "{{"
//
// Anything else in braces is an error found by compile(), with its place in the text: an
// unknown variable is refused before sending, never sent literally. User variables are
// replaced at compile time (their values are plain text), so expansion only does the work the
// message's own values need. Pure and reentrant: expand() may run on any thread.
class TemplateText
{
public:
    TemplateText() = default;

    // Parses `text`; `variables` are the user variables in scope (name → value). The errors
    // are in text order; a text with errors expands to nothing.
    static TemplateText compile(const QString &text, const QHash<QString, QString> &variables = {});

    bool isValid() const { return m_errors.isEmpty(); }
    const QList<TemplateError> &errors() const { return m_errors; }
    // False for a text with neither tags nor "{{{{": it expands to itself.
    bool hasVariables() const { return m_hasVariables; }
    // Whether expansion differs from message to message ({{counter}}, {{random}}, ...).
    bool isDynamic() const { return m_dynamic; }
    // The user and built-in variables the text names, in order of first use.
    const QStringList &names() const { return m_names; }

    // Appends the expansion to `out`.
    void expandInto(const TemplateContext &context, QString &out) const;
    QString expand(const TemplateContext &context) const;

    // The names {{...}} understands without a definition.
    static const QStringList &builtInNames();

private:
    struct Part
    {
        enum class Kind : quint8
        {
            Literal,
            Uuid,
            Now,
            NowMs,
            Counter,
            ClientId,
            Random,
            RandomFloat,
            Pick,
        };
        Kind kind = Kind::Literal;
        QString text; // Literal
        qint64 low = 0;
        qint64 high = 0;
        double lowF = 0;
        double highF = 0;
        int decimals = 2;
        QStringList choices;
    };

    void addLiteral(QStringView text);
    bool compileTag(QStringView tag, qsizetype position, qsizetype length,
                    const QHash<QString, QString> &variables);

    std::vector<Part> m_parts;
    QList<TemplateError> m_errors;
    QStringList m_names;
    qsizetype m_literalSize = 0;
    bool m_hasVariables = false;
    bool m_dynamic = false;
};

} // namespace mqttdesk
