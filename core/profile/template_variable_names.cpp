#include "core/profile/template_variable_names.h"

#include <QSet>

namespace mqttdesk {

const QStringList &TemplateVariableNames::builtIns()
{
    static const QStringList names = {
        QStringLiteral("uuid"),         QStringLiteral("now"),       QStringLiteral("now_ms"),
        QStringLiteral("counter"),      QStringLiteral("client_id"), QStringLiteral("random"),
        QStringLiteral("random_float"), QStringLiteral("pick"),
    };
    return names;
}

bool TemplateVariableNames::isWord(const QString &name)
{
    for (const QChar c : name) {
        if (c.isSpace() || c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char('"'))
            return false;
    }
    return !name.isEmpty();
}

QString TemplateVariableNames::problem(const QList<StringPair> &variables)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < variables.size(); ++i) {
        const QString &name = variables.at(i).name;
        if (name.isEmpty())
            return tr("Variable %1 has a value but no name.").arg(i + 1);
        if (!isWord(name))
            return tr("“%1” cannot be a variable name: use one word without spaces, braces or "
                      "quotes.")
                .arg(name);
        if (builtIns().contains(name))
            return tr("“%1” is a built-in variable: choose another name.").arg(name);
        if (seen.contains(name))
            return tr("The variable “%1” is defined twice.").arg(name);
        seen.insert(name);
    }
    return {};
}

} // namespace mqttdesk
