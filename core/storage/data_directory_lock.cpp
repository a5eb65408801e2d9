#include "core/storage/data_directory_lock.h"

#include <QDir>
#include <QFile>
#include <QLockFile>

namespace mqttdesk {

DataDirectoryLock::DataDirectoryLock(const QString &dataDir)
    : m_dataDir(dataDir)
    , m_file(std::make_unique<QLockFile>(lockPath(dataDir)))
{
    // Held for as long as the app runs: QLockFile's default (a lock older than 30 s is
    // stale) would let a second writer in. A dead holder is still detected by its pid.
    m_file->setStaleLockTime(0);
}

DataDirectoryLock::~DataDirectoryLock() = default;

QString DataDirectoryLock::lockPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("mqttdesk.lock"));
}

DataDirectoryError DataDirectoryLock::tryLock()
{
    if (m_file->isLocked())
        return {};
    if (m_file->tryLock(0)) {
        QFile::setPermissions(lockPath(m_dataDir), QFile::ReadOwner | QFile::WriteOwner);
        return {};
    }
    if (m_file->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString hostName;
        QString appName;
        if (!m_file->getLockInfo(&pid, &hostName, &appName))
            pid = 0;
        return {DataDirectoryError::Kind::InUse, m_dataDir, appName, pid};
    }
    return {DataDirectoryError::Kind::LockFailed, m_dataDir};
}

bool DataDirectoryLock::isLocked() const
{
    return m_file->isLocked();
}

void DataDirectoryLock::unlock()
{
    m_file->unlock();
}

} // namespace mqttdesk
