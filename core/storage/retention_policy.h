#pragma once

#include "core/storage/storage_error.h"

#include <QHash>
#include <QtGlobal>

namespace mqttdesk {

class DatabaseConnection;

// A profile's history budget. Each limit of 0 is unlimited; the oldest messages go first
// when any limit is exceeded.
struct RetentionPolicy
{
    qint64 maxCount = 0;
    qint64 maxBytes = 0; // payload bytes
    qint64 maxAgeUs = 0;

    bool isUnlimited() const { return maxCount <= 0 && maxBytes <= 0 && maxAgeUs <= 0; }
    bool operator==(const RetentionPolicy &) const = default;

    static QHash<qint64, RetentionPolicy> loadAll(const DatabaseConnection &connection,
                                                  StorageError *error);
    static StorageError save(const DatabaseConnection &connection, qint64 profileId,
                             const RetentionPolicy &policy);
};

} // namespace mqttdesk
