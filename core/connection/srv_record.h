#pragma once

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// One DNS SRV answer record (RFC 2782): where the service runs and how to choose among
// several.
struct SrvRecord
{
    QString target; // a host name; "." means the service is not offered there
    quint16 port = 0;
    quint16 priority = 0; // lower first
    quint16 weight = 0;   // within a priority, share of the random choice

    bool operator==(const SrvRecord &) const = default;
};

} // namespace mqttdesk
