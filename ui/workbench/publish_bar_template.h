#pragma once

#include "core/publish/publish_template.h"

#include <QString>

namespace mqttdesk {

class PublishBar;

// "Save publish bar as template": the bar's form as a template (topic, QoS, retain, format,
// the payload text as typed, and the 5.0 properties the bar would send: only while its
// properties panel is open). Unnamed, no id: the caller names it.
class PublishBarTemplate
{
public:
    // User properties that do not parse are left out, with `userPropertiesError` saying why.
    static PublishTemplate fromBar(const PublishBar &bar, QString *userPropertiesError);
};

} // namespace mqttdesk
