#include "app/cli/cli_error.h"

#include "app/cli/cli_flag_table.h"

#include <cstdio>
#include <iterator>
#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by CliError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    // The words of the command line.
    "UnknownCommand",
    "UnknownOption",
    "UnexpectedArgument",
    "MissingValue",
    "InvalidValue",
    "ConflictingOptions",
    "MissingOption",
    "InvalidTopic",
    "InvalidProperty",

    // What the command line points at.
    "FileProblem",
    "TlsProblem",
    "ProfileProblem",
};
static_assert(std::size(kKindNames) == std::size_t(CliError::Kind::ProfileProblem) + 1,
              "one name per CliError::Kind");

} // namespace

QString CliError::kindName(Kind kind)
{
    const auto index = std::size_t(kind);
    if (index >= std::size(kKindNames))
        return QStringLiteral("Unknown");
    return QString::fromLatin1(kKindNames[index].data(), qsizetype(kKindNames[index].size()));
}

void CliError::print() const
{
    std::fprintf(stderr, "mqttdesk-cli: %s\n%s\n", qPrintable(message),
                 qPrintable(CliFlagTable::usageHint(command)));
}

} // namespace mqttdesk
