#include "core/suite/suite_parse_error.h"

#include "core/enum_name.h"

#include <QStringList>

#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by SuiteParseError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    "Unreadable",        "Syntax",       "NotASuite",        "UnsupportedVersion",
    "MissingField",      "WrongType",    "OutOfRange",       "UnknownValue",
    "UnknownField",      "Empty",        "Duplicate",        "UnknownVariable",
    "UnknownConnection", "NotConnected", "AlreadyConnected", "InvalidTopic",
    "InvalidJsonPath",   "InvalidRegex", "InvalidTemplate",  "BadEncoding",
};

} // namespace

QString SuiteParseError::message() const
{
    QStringList where;
    if (line > 0)
        where.append(tr("line %1, column %2").arg(line).arg(column));
    if (!test.isEmpty())
        where.append(tr("test \"%1\"").arg(test));
    if (step >= 0)
        where.append(type.isEmpty() ? tr("step %1").arg(step + 1)
                                    : tr("step %1 (%2)").arg(step + 1).arg(type));
    if (!field.isEmpty())
        where.append(QLatin1Char('"') + field + QLatin1Char('"'));
    QString out = file.isEmpty() ? QString() : file + QStringLiteral(": ");
    if (!where.isEmpty())
        out += where.join(QStringLiteral(", ")) + QStringLiteral(": ");
    return out + detail;
}

QString SuiteParseError::kindName(Kind kind)
{
    return enumName<Kind::Unreadable, Kind::BadEncoding>(kKindNames, kind);
}

} // namespace mqttdesk
