#include "app/cli/profile_lookup.h"

#include "core/storage/data_directory.h"

#include <QCoreApplication>

namespace mqttdesk {

std::optional<ConnectionSettings> ProfileLookup::load(const QString &name, const QString &dataDir,
                                                      QString *error)
{
    // The saved-profile store of core/storage is not available yet: say so instead of
    // connecting somewhere the user did not ask for.
    const DataDirectory::Resolved dir = DataDirectory::resolve(dataDir);
    *error = QCoreApplication::translate("cli", "--profile: cannot read the saved connection "
                                                "'%1' from %2: this build has no profile store.")
                 .arg(name, dir.path);
    return std::nullopt;
}

} // namespace mqttdesk
