#include "app/cli/cli_error.h"

#include "core/enum_name.h"

#include "app/cli/cli_flag_table.h"

#include <cstdio>
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
    "HistoryProblem",
};

} // namespace

QString CliError::kindName(Kind kind)
{
    return enumName<Kind::UnknownCommand, Kind::HistoryProblem>(kKindNames, kind);
}

void CliError::print() const
{
    // Not a matter of the command line: no usage hint.
    if (kind == Kind::HistoryProblem)
        std::fprintf(stderr, "mqttdesk-cli: %s\n", qPrintable(message));
    else
        std::fprintf(stderr, "mqttdesk-cli: %s\n%s\n", qPrintable(message),
                     qPrintable(CliFlagTable::usageHint(command)));
}

} // namespace mqttdesk
