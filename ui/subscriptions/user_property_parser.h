#pragma once

#include "core/protocol/properties.h"

#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// User properties typed on one line: "name=value; other=value 2". A name may repeat.
class UserPropertyParser
{
public:
    // The pairs, or nothing with `error` set (a pair without '=' or with an empty name).
    static std::optional<QList<StringPair>> parse(const QString &text, QString *error);
};

} // namespace mqttdesk
