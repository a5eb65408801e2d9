#include "core/suite/suite.h"

namespace mqttdesk {

const SuiteConnection *Suite::connection(const QString &name) const
{
    for (const SuiteConnection &c : connections) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

SuiteConnection *Suite::connection(const QString &name)
{
    for (SuiteConnection &c : connections) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

} // namespace mqttdesk
