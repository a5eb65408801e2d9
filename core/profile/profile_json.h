#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/profile_format_error.h"
#include "core/profile/profile_subscription.h"

#include <QJsonObject>

#include <optional>

namespace mqttdesk {

class JsonFieldReader;

// Our JSON format for one ConnectionProfile (docs/profile-format.md).
class ProfileJson
{
public:
    static constexpr int kFormatVersion = 1;

    enum class Secrets
    {
        AsStored, // values only when the profile stores them in plain (consented)
        Include,  // values always (an export the user asked to include secrets)
        Exclude,  // never values, only the "set" flags
    };

    static QJsonObject toJson(const ConnectionProfile &profile,
                              Secrets secrets = Secrets::AsStored);
    // The profile, or nothing with `error` naming the first wrong field.
    static std::optional<ConnectionProfile> fromJson(const QJsonObject &json,
                                                     ProfileFormatError *error);

    // One entry of a profile's "subscriptions" list in an export file, and back (the
    // first wrong field goes to `reader`'s error).
    static QJsonObject subscriptionToJson(const ProfileSubscription &subscription);
    static ProfileSubscription subscriptionFromJson(JsonFieldReader &reader,
                                                    const QUuid &profileId);

    static QString schemeName(TransportScheme scheme);
    static std::optional<TransportScheme> schemeFromName(const QString &name);
};

} // namespace mqttdesk
