#pragma once

#include <QString>
#include <QtGlobal>

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
    };

    Kind kind = Kind::None;
    QString path;

    bool isError() const { return kind != Kind::None; }
    // "CreateFailed" ... (not translated)
    static QString kindName(Kind kind);
    // Empty for None.
    QString message() const;

    bool operator==(const DataDirectoryError &) const = default;
};

} // namespace mqttdesk
