#include "core/publish/template_error.h"

namespace mqttdesk {

QString TemplateError::message() const
{
    switch (kind) {
    case Kind::UnclosedTag:
        return tr("“{{” has no closing “}}”. Close the variable, or write “{{{{” for a literal "
                  "“{{”.");
    case Kind::EmptyTag:
        return tr("“{{}}” names no variable. Write a name between the braces, or “{{{{” for a "
                  "literal “{{”.");
    case Kind::UnknownVariable:
        return tr("There is no variable “%1”. Define it in the collection or the connection, or "
                  "use a built-in one: uuid, now, now_ms, counter, client_id, random, "
                  "random_float, pick.")
            .arg(name);
    case Kind::UnexpectedArgs:
        return tr("“{{%1}}” takes no arguments.").arg(name);
    case Kind::BadArgs:
        if (name == QLatin1String("random"))
            return tr("Write {{random MIN MAX}} with two whole numbers, MIN not above MAX.");
        if (name == QLatin1String("random_float"))
            return tr("Write {{random_float MIN MAX DECIMALS}}: two numbers, MIN below MAX, and "
                      "0 to 15 decimals (2 when left out).");
        return tr("Write {{pick A B C}} with at least one word to pick from; quote a word with "
                  "spaces: \"a b\".");
    case Kind::UnclosedQuote:
        return tr("A quoted word in “{{%1 …}}” has no closing quote.").arg(name);
    case Kind::OutsideTemplate:
        return tr("This field takes no variables.");
    }
    return {};
}

} // namespace mqttdesk
