#include "core/process/resident_memory.h"

#include <cstdio>
#include <unistd.h>

namespace mqttdesk {

qint64 residentMemoryBytes()
{
    // statm: size resident shared text lib data dt, in pages.
    FILE *file = std::fopen("/proc/self/statm", "r");
    if (!file)
        return 0;
    long long size = 0;
    long long resident = 0;
    const int read = std::fscanf(file, "%lld %lld", &size, &resident);
    std::fclose(file);
    if (read != 2 || resident < 0)
        return 0;
    return qint64(resident) * qint64(sysconf(_SC_PAGESIZE));
}

} // namespace mqttdesk
