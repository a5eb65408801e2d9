#pragma once

#include "core/storage/storage_error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace mqttdesk {

// A history file that cannot be used as one (not an SQLite database, or corrupt) is moved
// out of the way, with its -wal and -shm files, so that the app can start with a new, empty
// one. Nothing is deleted: the user (or a recovery tool such as sqlite3's .recover) can
// still read what is left in the moved file.
class DatabaseQuarantine
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseQuarantine)

public:
    // Whether opening failed because the file itself is damaged. A newer schema, a lock, a
    // full disk or missing permissions are not damage: moving the file would not help, and
    // would hide the user's data from the app that can read it.
    static bool isDamage(const StorageError &error);

    // "<path>.damaged-<UTC yyyyMMdd-HHmmss>", with "-2", "-3", ... when that exists.
    static QString asidePath(const QString &path, const QDateTime &when);
    // Renames `path` (and `path`-wal, `path`-shm when present) to asidePath(path, now): the
    // database's new path, or nullopt with `why` (translated) when the database could not be
    // renamed (the side files then stay where they are too).
    static std::optional<QString> moveAside(const QString &path, QString *why);
};

} // namespace mqttdesk
