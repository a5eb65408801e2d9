#pragma once

#include "core/suite/suite_parse_error.h"
#include "core/suite/suite_variables.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace mqttdesk {

// Reads the fields of one object of a suite file: typed, with `${variables}` expanded in
// every string, each field's path kept for the error, and the fields it never asked for
// reported by finish() (a misspelt "timeout" would otherwise be ignored in silence). The
// first error is kept in the shared slot; after it every read returns nothing.
class SuiteFieldReader
{
    Q_DECLARE_TR_FUNCTIONS(SuiteFieldReader)

public:
    // `where`: the file, test and step every error of this object names; `prefix`: the path
    // of the object within them ("", "tls", "json[1]").
    SuiteFieldReader(QJsonObject object, QString prefix, const SuiteVariables *variables,
                     SuiteParseError where, std::optional<SuiteParseError> *error);

    bool ok() const { return !m_error->has_value(); }
    // The key is there and not null.
    bool has(const QString &key) const;
    QString path(const QString &key) const;
    const QJsonObject &object() const { return m_object; }
    const SuiteVariables &variables() const { return *m_variables; }

    // Each read marks the key as known. A key that is absent (or null) reads as nothing,
    // without an error; a value of the wrong type is an error.
    std::optional<QJsonValue> value(const QString &key);
    std::optional<QString> string(const QString &key);
    // MissingField when absent; `allowEmpty` false: an empty string is OutOfRange too.
    QString requiredString(const QString &key, bool allowEmpty = false);
    // A whole number, or a string that is one once its variables are expanded ("${port}").
    std::optional<qint64> integer(const QString &key, qint64 min, qint64 max);
    // true or false, or the string "true" / "false" (after expansion).
    std::optional<bool> boolean(const QString &key);
    std::optional<QJsonObject> objectField(const QString &key);
    std::optional<QJsonArray> array(const QString &key);
    // One of `names`: the value for the key's (expanded) word.
    template<typename E, std::size_t N>
    std::optional<E> choice(const QString &key, const std::pair<const char *, E> (&names)[N])
    {
        const std::optional<QString> word = string(key);
        if (!word)
            return std::nullopt;
        QStringList allowed;
        for (const auto &[name, item] : names) {
            if (*word == QLatin1String(name))
                return item;
            allowed.append(QLatin1String(name));
        }
        fail(SuiteParseError::Kind::UnknownValue, key,
             tr("\"%1\" is not one of: %2").arg(*word, allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }

    // A reader for an object inside this one (`subPath` relative to this object: "tls",
    // "json[1]").
    SuiteFieldReader nested(const QJsonObject &object, const QString &subPath) const;
    // `value` with `${variables}` expanded in every string in it, keys included; `key` names
    // it in an error.
    std::optional<QJsonValue> expandJson(const QJsonValue &value, const QString &key);
    // Expands one string that belongs to `key` (an element of an array, ...).
    std::optional<QString> expand(const QString &text, const QString &key);

    // Records an error at `key` of this object (the first error wins).
    void fail(SuiteParseError::Kind kind, const QString &key, const QString &detail);
    // UnknownField for the first key no read asked for.
    void finish();

    // "a string", "a number", ... (translated), for "must be X, not Y".
    static QString typeName(const QJsonValue &value);

private:
    void wrongType(const QString &key, const QString &expected, const QJsonValue &value);

    QJsonObject m_object;
    QString m_prefix;
    const SuiteVariables *m_variables;
    SuiteParseError m_where;
    std::optional<SuiteParseError> *m_error;
    QSet<QString> m_read;
};

} // namespace mqttdesk
