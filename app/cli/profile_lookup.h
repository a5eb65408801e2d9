#pragma once

#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"
#include "core/connection/connection_settings.h"
#include "core/protocol/properties.h"
#include "core/storage/stored_profile.h"

#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

struct ConnectionProfile;

// --profile NAME: the connection the app saved under that name, as settings, read from
// the app's database in the data directory (--data-dir, MQTTDESK_DATA_DIR, the
// platform's). Its secrets come from the system keychain, or from the profile itself when
// the user agreed to plain storage; a secret the command line gives (-P, --keypass,
// --proxy with a password) is not looked up.
class ProfileLookup
{
public:
    struct Found
    {
        ConnectionSettings settings;
        qint64 profileId = 0;
        QString dataDirectory;               // where its database (and history) is
        QList<StringPair> templateVariables; // for pub --template and --expand
    };

    static std::optional<Found> load(const CliOptions &options, CliError *error);

    // The one profile called `name`, or "folder/name"; nullopt with a message otherwise.
    static std::optional<StoredProfile> find(const QList<StoredProfile> &profiles,
                                             const QString &name, CliError *error);

private:
    // Fills in the keychain secrets the profile has and the command line does not give.
    static bool loadSecrets(const CliOptions &options, ConnectionProfile &profile, CliError *error);
};

} // namespace mqttdesk
