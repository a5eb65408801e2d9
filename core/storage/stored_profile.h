#pragma once

#include <QJsonObject>
#include <QString>

namespace mqttdesk {

// A connection profile as stored: placement columns plus the profile's JSON, which belongs
// to core/profile and is opaque here. Secrets are never part of it (they go to the
// keychain, handled by core/profile).
struct StoredProfile
{
    qint64 id = 0;
    QString uuid;
    QString folder; // "" is the top level
    int position = 0;
    QString name;
    QJsonObject data;

    bool operator==(const StoredProfile &) const = default;
};

} // namespace mqttdesk
