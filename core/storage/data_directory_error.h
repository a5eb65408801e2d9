#pragma once

#include <QString>
#include <QtGlobal>

#include <utility>

namespace mqttdesk {

// Why the data directory cannot be used: a kind the code can branch on, and a translated
// message that names the folder and says what to do.
struct DataDirectoryError
{
    enum class Kind : quint8
    {
        None,
        CreateFailed,  // the folder (or one of its parents) cannot be created
        NotADirectory, // the path names a file
        InUse,         // another process writes its history (DataDirectoryLock)
        LockFailed,    // the lock file cannot be created (permissions, read-only disk)
    };

    DataDirectoryError() = default;
    DataDirectoryError(Kind kind_, QString path_, QString holder_ = {}, qint64 holderPid_ = 0)
        : kind(kind_)
        , path(std::move(path_))
        , holder(std::move(holder_))
        , holderPid(holderPid_)
    {}

    Kind kind = Kind::None;
    QString path;
    // InUse: the program that holds the lock ("mqttdesk", "mqttdesk-cli") and its process
    // id, when the lock file says.
    QString holder;
    qint64 holderPid = 0;

    bool isError() const { return kind != Kind::None; }
    // "CreateFailed" ... (not translated)
    static QString kindName(Kind kind);
    // Empty for None.
    QString message() const;

    bool operator==(const DataDirectoryError &) const = default;
};

} // namespace mqttdesk
