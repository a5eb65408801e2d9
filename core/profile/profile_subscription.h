#pragma once

#include "core/profile/connection_profile.h"

#include <QString>
#include <QUuid>

#include <optional>

namespace mqttdesk {

// A subscription that travels with a profile in an import or export file: everything the
// subscriptions panel keeps of it (filter, QoS, the 5.0 options, colour, alias, display format,
// enabled). Storage has its own row type; core/workspace's SubscriptionRecord maps between them.
struct ProfileSubscription
{
    QUuid profileId; // the ConnectionProfile::id it belongs to
    QString filter;
    quint8 qos = 0;
    QString alias;
    QString colour; // "#rrggbb" or empty (none chosen: the panel picks one)
    QString format; // a payload format key ("auto", "json", ...); empty: auto
    bool enabled = true;
    bool noLocal = false;
    bool retainAsPublished = false;
    quint8 retainHandling = 0;
    std::optional<quint32> subscriptionIdentifier;
    NameValueList userProperties;

    bool operator==(const ProfileSubscription &) const = default;
};

} // namespace mqttdesk
