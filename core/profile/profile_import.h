#pragma once

#include "core/payload/decoding_rules.h"
#include "core/profile/connection_profile.h"
#include "core/profile/profile_format_error.h"
#include "core/profile/profile_subscription.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace mqttdesk {

// A stored message that came with an imported connection.
struct ImportedMessage
{
    QUuid profileId;
    bool outgoing = false;
    QString topic;
    QByteArray payload; // MQTTX keeps payloads as text: these are its UTF-8 bytes
    quint8 qos = 0;
    bool retain = false;
    QDateTime time; // invalid when the file has none

    bool operator==(const ImportedMessage &) const = default;
};

// Everything one import file yields, or the error that made it yield nothing.
struct ProfileImport
{
    enum class Source
    {
        MqttDesk,
        Mqttx,
        MqttExplorer,
    };

    Source source = Source::MqttDesk;
    QList<ConnectionProfile> profiles;
    // The profiles' subscriptions (MQTTX's and ours), each naming its profile by id.
    QList<ProfileSubscription> subscriptions;
    // The profiles whose entry in the file lists subscriptions (even none). An older file of
    // ours has no list: replacing a saved connection from it keeps that one's subscriptions.
    QSet<QUuid> subscriptionsListed;
    // The decoding rules of the profiles whose entry lists them (even none), by profile id.
    // An older file has none: replacing a saved connection from it keeps that one's rules.
    QHash<QUuid, DecodingRules> decodingRules;
    QList<ImportedMessage> messages;
    ProfileFormatError error;

    bool ok() const { return !error.isError(); }
};

} // namespace mqttdesk
