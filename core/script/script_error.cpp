#include "core/script/script_error.h"

namespace mqttdesk {

QString ScriptError::text() const
{
    if (line > 0)
        return tr("Line %1: %2").arg(line).arg(message);
    return message;
}

} // namespace mqttdesk
