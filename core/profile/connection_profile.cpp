#include "core/profile/connection_profile.h"

#include "core/profile/profile_json.h"

namespace mqttdesk {

quint16 ConnectionProfile::defaultPort(TransportScheme scheme)
{
    switch (scheme) {
    case TransportScheme::Mqtt:
        return 1883;
    case TransportScheme::Mqtts:
        return 8883;
    case TransportScheme::Ws:
        return 8083;
    case TransportScheme::Wss:
        return 8084;
    }
    return 1883;
}

QJsonObject ConnectionProfile::toJson(bool includeSecrets) const
{
    return ProfileJson::toJson(*this, includeSecrets ? ProfileJson::Secrets::Include
                                                     : ProfileJson::Secrets::AsStored);
}

std::optional<ConnectionProfile> ConnectionProfile::fromJson(const QJsonObject &json,
                                                             ProfileFormatError *error)
{
    return ProfileJson::fromJson(json, error);
}

} // namespace mqttdesk
