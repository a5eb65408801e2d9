#include "core/storage/data_directory_error.h"

#include "core/enum_name.h"

#include <QCoreApplication>

#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by DataDirectoryError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {"None", "CreateFailed", "NotADirectory", "InUse",
                                           "LockFailed"};

// The lock's application name, as a user knows the program.
QString holderName(const QString &applicationName)
{
    if (applicationName == QLatin1String("mqttdesk"))
        return QCoreApplication::translate("DataDirectory", "MQTT Desk");
    if (applicationName.isEmpty())
        return QCoreApplication::translate("DataDirectory", "another MQTT Desk program");
    return applicationName;
}

} // namespace

QString DataDirectoryError::kindName(Kind kind)
{
    return enumName<Kind::None, Kind::LockFailed>(kKindNames, kind);
}

QString DataDirectoryError::message() const
{
    // The context DataDirectory: these messages were DataDirectory's before they were typed.
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::CreateFailed:
        return QCoreApplication::translate("DataDirectory",
                                           "Cannot create the data folder %1. Choose another one "
                                           "with --data-dir or MQTTDESK_DATA_DIR.")
            .arg(path);
    case Kind::NotADirectory:
        return QCoreApplication::translate("DataDirectory",
                                           "%1 is a file, not a folder. Choose another data "
                                           "folder with --data-dir or MQTTDESK_DATA_DIR.")
            .arg(path);
    case Kind::InUse:
        if (holderPid > 0)
            return QCoreApplication::translate(
                       "DataDirectory",
                       "The data folder %1 is in use by %2 (process %3), which stores its "
                       "history. Close that program first, or choose another data folder with "
                       "--data-dir or MQTTDESK_DATA_DIR.")
                .arg(path, holderName(holder))
                .arg(holderPid);
        return QCoreApplication::translate(
                   "DataDirectory",
                   "The data folder %1 is in use by another MQTT Desk program, which stores its "
                   "history. Close it first, or choose another data folder with --data-dir or "
                   "MQTTDESK_DATA_DIR.")
            .arg(path);
    case Kind::LockFailed:
        return QCoreApplication::translate("DataDirectory",
                                           "Cannot create the lock file in the data folder %1. "
                                           "Check that you may write to it, or choose another "
                                           "one with --data-dir or MQTTDESK_DATA_DIR.")
            .arg(path);
    }
    return {};
}

} // namespace mqttdesk
