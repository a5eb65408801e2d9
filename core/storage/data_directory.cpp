#include "core/storage/data_directory.h"

#include <QCoreApplication>
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

bool DataDirectory::ensureExists(const QString &path, QString *errorMessage)
{
    if (QDir().mkpath(path) && QFileInfo(path).isDir())
        return true;
    if (errorMessage) {
        *errorMessage =
            QCoreApplication::translate("DataDirectory",
                                        "Cannot create the data folder %1. Choose another one with "
                                        "--data-dir or MQTTDESK_DATA_DIR.")
                .arg(path);
    }
    return false;
}

QString DataDirectory::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("mqttdesk.sqlite"));
}

} // namespace mqttdesk
