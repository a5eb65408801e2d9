#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <optional>

namespace mqttdesk {

// The `${name}` variables of a suite file: the file's "variables", overridden by the
// caller's (mqttdesk-cli test --var name=value), and `${env:NAME}` for the environment (a
// CI secret need not be written into the file), and `${run}`, made anew at each reading of
// the file, for topics no earlier run shares. `$${` is a literal `${`. A variable's value may
// use other variables. Expanded once, when the file is read, in every string the file gives
// (numbers given as "${port}" too).
class SuiteVariables
{
    Q_DECLARE_TR_FUNCTIONS(SuiteVariables)

public:
    // The environment variable `name`, or nothing when it is not set.
    using Environment = std::function<std::optional<QString>(const QString &name)>;

    SuiteVariables() = default;
    explicit SuiteVariables(QHash<QString, QString> values, Environment environment = {});

    const QHash<QString, QString> &values() const { return m_values; }

    // The text with every variable replaced; nothing, with `why` set (translated), for an
    // unknown variable, an unset environment variable or a `${` without its `}`.
    std::optional<QString> expand(const QString &text, QString *why) const;

    // A letter or `_`, then letters, digits, `_`, `-` or `.`.
    static bool isValidName(QStringView name);
    // The process environment (qEnvironmentVariable).
    static Environment systemEnvironment();

private:
    // `chain`: the variables whose values are being expanded, to find a loop.
    std::optional<QString> expand(const QString &text, QString *why,
                                  const QStringList &chain) const;

    QHash<QString, QString> m_values;
    Environment m_environment;
};

} // namespace mqttdesk
