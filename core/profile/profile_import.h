#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/profile_format_error.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace mqttdesk {

// A subscription that came with an imported connection (MQTTX exports them).
struct ImportedSubscription
{
    QUuid profileId;
    QString filter;
    quint8 qos = 0;
    QString alias;
    QString color; // "#RRGGBB" or empty
    bool enabled = true;
    bool noLocal = false;
    bool retainAsPublished = false;
    quint8 retainHandling = 0;
    std::optional<quint32> subscriptionIdentifier;

    bool operator==(const ImportedSubscription &) const = default;
};

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
    };

    Source source = Source::MqttDesk;
    QList<ConnectionProfile> profiles;
    QList<ImportedSubscription> subscriptions;
    QList<ImportedMessage> messages;
    ProfileFormatError error;

    bool ok() const { return !error.isError(); }
};

} // namespace mqttdesk
