#pragma once

#include "core/profile/connection_profile.h"

#include <QByteArray>
#include <QList>

namespace mqttdesk {

// Writes profiles in our documented file format (docs/profile-format.md).
// Secrets stay out unless `includeSecrets` is true: the user asked for them.
class ProfileExporter
{
public:
    static QByteArray toJson(const QList<ConnectionProfile> &profiles, bool includeSecrets = false);
    // Writes atomically; on failure returns the reason for the user.
    static std::optional<QString> writeFile(const QString &path,
                                            const QList<ConnectionProfile> &profiles,
                                            bool includeSecrets = false);
};

} // namespace mqttdesk
