#include "core/storage/data_directory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace mqttdesk {

namespace {
QString cleanAbsolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

DataDirectory::Resolved DataDirectory::resolve(const QString &cliValue)
{
    if (!cliValue.isEmpty())
        return {cleanAbsolute(cliValue), Source::CommandLine};
    const QString env = qEnvironmentVariable(environmentVariable());
    if (!env.isEmpty())
        return {cleanAbsolute(env), Source::Environment};
    return {cleanAbsolute(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)),
            Source::Platform};
}

DataDirectoryError DataDirectory::ensureExists(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return {DataDirectoryError::Kind::NotADirectory, path};
    const bool created = !info.exists();
    if (QDir().mkpath(path) && QFileInfo(path).isDir()) {
        // Only what we create: a folder the user chose keeps its mode.
        if (created)
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return {};
    }
    return {DataDirectoryError::Kind::CreateFailed, path};
}

bool DataDirectory::makePrivateFile(const QString &file)
{
    if (!QFileInfo::exists(file)) {
        QFile created(file);
        // NewOnly: another connection creating it at the same moment is no error.
        if (!created.open(QIODevice::WriteOnly | QIODevice::NewOnly) && !QFileInfo::exists(file))
            return false;
    }
    return QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
}

QString DataDirectory::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("mqttdesk.sqlite"));
}

} // namespace mqttdesk
