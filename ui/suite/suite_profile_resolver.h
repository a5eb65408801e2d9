#pragma once

#include "core/connection/connection_settings.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mqttdesk {

class ProfileCatalog;
class SecretsRunner;

// A test suite's "profile" connections in the app: each name (a saved connection's name, or
// "folder/name") becomes that connection's settings with its secrets from the keychain, as
// opening it would give, so a suite written for `mqttdesk-cli test` runs unchanged in
// Connection > Run test suite…. Reads the profiles through the catalog (its own thread) and
// the secrets through the SecretsRunner; calls back once, on this object's thread.
class SuiteProfileResolver : public QObject
{
    Q_OBJECT
public:
    struct Resolved
    {
        std::optional<ConnectionSettings> settings;
        QString error; // why there are no settings (translated)
    };
    using Results = QHash<QString, Resolved>; // by the name the suite gave
    using Done = std::function<void(const Results &results)>;

    // Neither is owned; both must outlive this object.
    SuiteProfileResolver(ProfileCatalog *catalog, SecretsRunner *secrets,
                         QObject *parent = nullptr);

    // Every name gets a result. `done` is not called once this object is gone.
    void resolve(const QStringList &names, Done done);

private:
    ProfileCatalog *m_catalog;
    SecretsRunner *m_secrets;
};

} // namespace mqttdesk
