#include "core/storage/data_directory_error.h"

#include "core/enum_name.h"

#include <QCoreApplication>

#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by DataDirectoryError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {"None", "CreateFailed", "NotADirectory"};

} // namespace

QString DataDirectoryError::kindName(Kind kind)
{
    return enumName<Kind::None, Kind::NotADirectory>(kKindNames, kind);
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
    }
    return {};
}

} // namespace mqttdesk
