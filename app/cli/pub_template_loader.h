#pragma once

#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "app/cli/settings_builder.h"
#include "core/publish/compiled_template.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace mqttdesk {

// pub --template and pub --expand: the message as a CompiledTemplate, made before connecting
// so that an unknown variable is an error before anything is sent. --template reads the app's
// templates.json (or --collection FILE), offered to the --profile connection; -t, -q and -r
// override the template's topic, QoS and retain, -D properties are added to its own. --expand
// turns -t and the message (-m, -f, -s) into a template. The --profile connection's template
// variables win over the collection's, and --var values over both.
class PubTemplateLoader
{
    Q_DECLARE_TR_FUNCTIONS(PubTemplateLoader)

public:
    static std::optional<CompiledTemplate> load(const CliOptions &options, const CliPlan &plan,
                                                const QByteArray &message, CliError *error);

    // The text form of properties given as packet properties (-D publish ...).
    static TemplateProperties templateProperties(const Properties &properties);
};

} // namespace mqttdesk
