#pragma once

#include <QtGlobal>

namespace mqttdesk {

// The process's resident set size in bytes (the second field of /proc/self/statm times the
// page size), or 0 where /proc is not mounted. Cheap enough to call from a watchdog's tick:
// one small read, no allocation. Safe on any thread.
qint64 residentMemoryBytes();

} // namespace mqttdesk
