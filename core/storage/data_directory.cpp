#include "core/storage/data_directory.h"

#include <QDir>
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
    if (QDir().mkpath(path) && QFileInfo(path).isDir())
        return {};
    return {DataDirectoryError::Kind::CreateFailed, path};
}

QString DataDirectory::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("mqttdesk.sqlite"));
}

} // namespace mqttdesk
