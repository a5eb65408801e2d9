#include "core/storage/data_directory_error.h"

#include <QCoreApplication>

#include <iterator>
#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by DataDirectoryError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {"None", "CreateFailed", "NotADirectory"};
static_assert(std::size(kKindNames) == std::size_t(DataDirectoryError::Kind::NotADirectory) + 1,
              "one name per DataDirectoryError::Kind");

} // namespace

QString DataDirectoryError::kindName(Kind kind)
{
    const auto index = std::size_t(kind);
    if (index >= std::size(kKindNames))
        return QStringLiteral("Unknown");
    return QString::fromLatin1(kKindNames[index].data(), qsizetype(kKindNames[index].size()));
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
