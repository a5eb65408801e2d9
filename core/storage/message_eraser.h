#pragma once

#include "core/storage/storage_error.h"

namespace mqttdesk {

class DatabaseConnection;

// Deletes history rows together with their full-text and topic index entries (maintained
// by code, not triggers; see SchemaMigrations versions 3 and 4) and, through the blob trigger,
// their side-table payloads. Run inside the caller's transaction.
class MessageEraser
{
public:
    // Every row of the profile with id <= upToId.
    static StorageError eraseUpTo(const DatabaseConnection &connection, qint64 profileId,
                                  qint64 upToId);
    // The whole history of a profile: rows, topics, counters and retention budget.
    static StorageError eraseProfile(const DatabaseConnection &connection, qint64 profileId);
};

} // namespace mqttdesk
