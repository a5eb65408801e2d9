#include "core/suite/suite_variables.h"

namespace mqttdesk {

namespace {

const QLatin1String kEnvPrefix("env:");

} // namespace

SuiteVariables::SuiteVariables(QHash<QString, QString> values, Environment environment)
    : m_values(std::move(values))
    , m_environment(std::move(environment))
{}

std::optional<QString> SuiteVariables::expand(const QString &text, QString *why) const
{
    return expand(text, why, {});
}

std::optional<QString> SuiteVariables::expand(const QString &text, QString *why,
                                              const QStringList &chain) const
{
    if (!text.contains(QLatin1Char('$')))
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype at = text.indexOf(QLatin1Char('$'), i);
        if (at < 0) {
            out += QStringView(text).sliced(i);
            break;
        }
        out += QStringView(text).sliced(i, at - i);
        if (QStringView(text).sliced(at).startsWith(QLatin1String("$${"))) {
            out += QLatin1String("${");
            i = at + 3;
            continue;
        }
        if (at + 1 >= text.size() || text.at(at + 1) != QLatin1Char('{')) {
            out += QLatin1Char('$'); // "$.temp", "5$": a dollar on its own
            i = at + 1;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), at + 2);
        if (close < 0) {
            *why = tr("\"${\" at character %1 has no closing \"}\" (write \"$${\" for a literal "
                      "\"${\")")
                       .arg(at + 1);
            return std::nullopt;
        }
        const QString name = text.mid(at + 2, close - at - 2).trimmed();
        if (name.startsWith(kEnvPrefix)) {
            const QString variable = name.mid(kEnvPrefix.size());
            const std::optional<QString> value =
                m_environment ? m_environment(variable) : std::nullopt;
            if (!value) {
                *why = tr("the environment variable %1 is not set").arg(variable);
                return std::nullopt;
            }
            out += *value;
        } else {
            const auto it = m_values.constFind(name);
            if (it == m_values.constEnd()) {
                *why = tr("there is no variable \"%1\": define it under \"variables\", or give "
                          "it with --var %1=value")
                           .arg(name);
                return std::nullopt;
            }
            // A value may use other variables ("root": "lab/${run}"), but not itself.
            if (chain.contains(name)) {
                *why = tr("the variables %1 refer to each other in a loop")
                           .arg((chain + QStringList{name}).join(QStringLiteral(" → ")));
                return std::nullopt;
            }
            const std::optional<QString> value = expand(*it, why, chain + QStringList{name});
            if (!value)
                return std::nullopt;
            out += *value;
        }
        i = close + 1;
    }
    return out;
}

bool SuiteVariables::isValidName(QStringView name)
{
    if (name.isEmpty())
        return false;
    const auto letter = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('_');
    };
    if (!letter(name.front()))
        return false;
    for (const QChar c : name) {
        if (!letter(c) && !(c >= QLatin1Char('0') && c <= QLatin1Char('9')) &&
            c != QLatin1Char('-') && c != QLatin1Char('.'))
            return false;
    }
    return true;
}

SuiteVariables::Environment SuiteVariables::systemEnvironment()
{
    return [](const QString &name) -> std::optional<QString> {
        if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
            return std::nullopt;
        return qEnvironmentVariable(name.toLocal8Bit().constData());
    };
}

} // namespace mqttdesk
