#pragma once

#include "core/storage/data_directory_error.h"

#include <QString>

#include <memory>

class QLockFile;

namespace mqttdesk {

// Only one process at a time writes a data directory's history: the message writer hands
// out row ids from its own max(id) + 1 and keeps per-profile counters and the index in
// memory, so a second writer (a second app, or `mqttdesk-cli sub --store` beside the app)
// would collide with it. Whoever writes holds this lock (a QLockFile beside the database);
// readers need none. A lock left by a process that died is taken over.
class DataDirectoryLock
{
public:
    explicit DataDirectoryLock(const QString &dataDir);
    ~DataDirectoryLock();

    DataDirectoryLock(const DataDirectoryLock &) = delete;
    DataDirectoryLock &operator=(const DataDirectoryLock &) = delete;

    // Takes the lock, or says who holds it (Kind::InUse) or why it cannot be made
    // (Kind::LockFailed). Never waits.
    DataDirectoryError tryLock();
    bool isLocked() const;
    void unlock();

    // The lock file of a data directory.
    static QString lockPath(const QString &dataDir);

private:
    QString m_dataDir;
    std::unique_ptr<QLockFile> m_file;
};

} // namespace mqttdesk
