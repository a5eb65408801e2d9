#pragma once

#include "core/storage/storage_error.h"

#include <QHash>
#include <QMetaType>
#include <QtGlobal>

namespace mqttdesk {

class DatabaseConnection;

// Per-profile history counters, kept in a table so nobody counts rows.
// received: handed to the writer; stored: currently in the history (retention lowers it);
// dropped: never stored (memory queue overflow while the disk was slow or failing);
// bytes: payload bytes currently in the history.
struct ProfileCounters
{
    qint64 received = 0;
    qint64 stored = 0;
    qint64 dropped = 0;
    qint64 bytes = 0;

    bool operator==(const ProfileCounters &) const = default;

    static QHash<qint64, ProfileCounters> loadAll(const DatabaseConnection &connection,
                                                  StorageError *error);
    static ProfileCounters load(const DatabaseConnection &connection, qint64 profileId,
                                StorageError *error);
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ProfileCounters)
