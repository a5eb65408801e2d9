#pragma once

#include <QString>

namespace mqttdesk {

// The application version, as set in the top-level CMakeLists.txt.
QString versionString();

} // namespace mqttdesk
