#pragma once

#include "core/payload/decoding_rules.h"
#include "core/profile/connection_profile.h"
#include "core/profile/profile_subscription.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace mqttdesk {

// Writes profiles in our documented file format (docs/profile-format.md).
// Secrets stay out unless `includeSecrets` is true: the user asked for them. Each profile
// carries its subscriptions (those of `subscriptions` naming its id) in a "subscriptions" list
// and its decoding rules (`decodingRules`, by profile id) in a "decodingRules" list, in the
// form `mqttdesk-cli sub --rules` reads.
class ProfileExporter
{
public:
    using RulesByProfile = QHash<QUuid, DecodingRules>;
    static QByteArray toJson(const QList<ConnectionProfile> &profiles, bool includeSecrets = false,
                             const QList<ProfileSubscription> &subscriptions = {},
                             const RulesByProfile &decodingRules = {});
    // Writes atomically; on failure returns the reason for the user.
    static std::optional<QString> writeFile(const QString &path,
                                            const QList<ConnectionProfile> &profiles,
                                            bool includeSecrets = false,
                                            const QList<ProfileSubscription> &subscriptions = {},
                                            const RulesByProfile &decodingRules = {});
};

} // namespace mqttdesk
