#pragma once

#include "app/cli/cli_options.h"
#include "core/payload/decoding_rules.h"

#include <QCoreApplication>

#include <optional>

namespace mqttdesk {

// The decoding rules `sub` prints with, from its flags: --proto/--proto-type or --numeric
// make one rule per -t filter, then the rules of a --rules file (the app's export: a JSON
// array of rules, or an object with "decodingRules"). Checked before connecting: every
// decoder is known, and every Protobuf rule's files load and declare its type, so a typo
// is an error at once rather than on each message.
class CliDecodingRules
{
    Q_DECLARE_TR_FUNCTIONS(CliDecodingRules)

public:
    // Nothing, with `why` (translated, naming the flag or the rule), when a rule cannot be
    // used.
    static std::optional<DecodingRules> build(const CliOptions &options, QString *why);
};

} // namespace mqttdesk
