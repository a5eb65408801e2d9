#pragma once

#include <QMetaType>
#include <QString>

class QSqlError;

namespace mqttdesk {

// One typed error for everything storage can meet. `message` is for the user: it says
// what happened and what to do; `detail` carries the SQLite text for logs.
struct StorageError
{
    enum class Kind
    {
        None,
        OpenFailed,      // the file or its directory cannot be opened or created
        NotADatabase,    // the file exists but is not an SQLite database
        SchemaTooNew,    // written by a newer MQTT Desk
        MigrationFailed, // a schema upgrade step failed; the database is unchanged
        DiskFull,        // SQLITE_FULL: no space left (or the size limit was reached)
        ReadOnly,        // SQLITE_READONLY / permission denied
        IoError,         // SQLITE_IOERR
        Corrupt,         // SQLITE_CORRUPT
        Busy,            // another process holds the lock for too long
        InvalidFilter,   // a topic filter that breaks the MQTT filter rules
        NotFound,        // the row asked for is gone (history cleared or trimmed)
        InvalidPattern,  // a payload regular expression QRegularExpression cannot compile
        QueryFailed,     // anything else
    };

    Kind kind = Kind::None;
    QString message;
    QString detail;

    bool isError() const { return kind != Kind::None; }
    // Disk full, read-only and I/O errors stop the writer; the rest are per-query.
    bool stopsWriting() const;

    // "DiskFull" ... (not translated)
    static QString kindName(Kind kind);
    static StorageError make(Kind kind, const QString &path, const QString &detail = {});
    // Classifies a QtSql error by its SQLite result code.
    static StorageError fromSql(const QSqlError &error, const QString &path);
    // Classifies an SQLite result code (primary or extended).
    static StorageError fromSqliteCode(int resultCode, const QString &path, const QString &detail);
    // A human-readable message for `kind` about the database at `path`.
    static QString describe(Kind kind, const QString &path);
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::StorageError)
