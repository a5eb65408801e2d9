#pragma once

namespace mqttdesk {

struct ConnectionProfile;

// A profile with every field the mapper reads set to a non-default value. Built in a
// translation unit of its own: connection_profile.h cannot be included together with the
// session and transport headers (see core/connection/profile_snapshot.h).
class SampleProfile
{
public:
    static const ConnectionProfile &everyField();
    static const ConnectionProfile &defaults();
};

} // namespace mqttdesk
