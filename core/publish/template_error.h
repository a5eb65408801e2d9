#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// Why a template text cannot be expanded: the text is refused before anything is sent, never
// sent with a literal "{{name}}" in it.
struct TemplateError
{
    Q_DECLARE_TR_FUNCTIONS(TemplateError)

public:
    enum class Kind : quint8
    {
        UnclosedTag,     // "{{" without its "}}"
        EmptyTag,        // "{{}}"
        UnknownVariable, // `name` is neither built in nor defined by the collection/connection
        UnexpectedArgs,  // `name` takes no arguments
        BadArgs,         // `name`'s arguments are wrong
        UnclosedQuote,   // a quoted argument without its closing '"'
        OutsideTemplate, // a field that cannot hold variables has "{{" (e.g. a number)
    };

    Kind kind = Kind::UnknownVariable;
    // The UTF-16 index of the tag's "{{" in the field's text and the tag's length, so that an
    // editor can select it.
    qsizetype position = 0;
    qsizetype length = 0;
    QString name; // the variable, when there is one

    // A translated sentence saying what is wrong and how to fix it.
    QString message() const;

    bool operator==(const TemplateError &) const = default;
};

} // namespace mqttdesk
