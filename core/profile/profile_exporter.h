#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/profile_subscription.h"

#include <QByteArray>
#include <QList>

namespace mqttdesk {

// Writes profiles in our documented file format (docs/profile-format.md).
// Secrets stay out unless `includeSecrets` is true: the user asked for them. Each profile
// carries its subscriptions (those of `subscriptions` naming its id) in a "subscriptions" list.
class ProfileExporter
{
public:
    static QByteArray toJson(const QList<ConnectionProfile> &profiles, bool includeSecrets = false,
                             const QList<ProfileSubscription> &subscriptions = {});
    // Writes atomically; on failure returns the reason for the user.
    static std::optional<QString> writeFile(const QString &path,
                                            const QList<ConnectionProfile> &profiles,
                                            bool includeSecrets = false,
                                            const QList<ProfileSubscription> &subscriptions = {});
};

} // namespace mqttdesk
