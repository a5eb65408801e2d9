#include "core/storage/storage_error.h"

#include "core/enum_name.h"

#include <QCoreApplication>
#include <QSqlError>

#include <string_view>

namespace mqttdesk {

namespace {
// Primary SQLite result codes (sqlite3.h); QSQLITE reports them as the native code.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqlitePerm = 3;
constexpr int kSqliteNotADb = 26;

// Indexed by StorageError::Code, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    "None",     "OpenFailed", "NotADatabase", "SchemaTooNew", "MigrationFailed", "DiskFull",
    "ReadOnly", "IoError",    "Corrupt",      "Busy",         "InvalidFilter",   "QueryFailed",
};
} // namespace

QString StorageError::kindName(Code code)
{
    return enumName<Code::None, Code::QueryFailed>(kKindNames, code);
}

bool StorageError::stopsWriting() const
{
    switch (code) {
    case Code::DiskFull:
    case Code::ReadOnly:
    case Code::IoError:
    case Code::Corrupt:
    case Code::OpenFailed:
    case Code::NotADatabase:
        return true;
    default:
        return false;
    }
}

StorageError StorageError::make(Code code, const QString &path, const QString &detail)
{
    return StorageError{code, describe(code, path), detail};
}

StorageError StorageError::fromSql(const QSqlError &error, const QString &path)
{
    bool ok = false;
    const int native = error.nativeErrorCode().toInt(&ok);
    return fromSqliteCode(ok ? native : -1, path, error.text());
}

StorageError StorageError::fromSqliteCode(int resultCode, const QString &path,
                                          const QString &detail)
{
    const int primary = resultCode < 0 ? -1 : (resultCode & 0xff);
    Code code = Code::QueryFailed;
    switch (primary) {
    case kSqliteFull:
        code = Code::DiskFull;
        break;
    case kSqliteReadOnly:
    case kSqlitePerm:
        code = Code::ReadOnly;
        break;
    case kSqliteIoErr:
        code = Code::IoError;
        break;
    case kSqliteCorrupt:
        code = Code::Corrupt;
        break;
    case kSqliteCantOpen:
        code = Code::OpenFailed;
        break;
    case kSqliteNotADb:
        code = Code::NotADatabase;
        break;
    case kSqliteBusy:
    case kSqliteLocked:
        code = Code::Busy;
        break;
    default:
        break;
    }
    return make(code, path, detail);
}

QString StorageError::describe(Code code, const QString &path)
{
    const char *text = nullptr;
    switch (code) {
    case Code::None:
        return {};
    case Code::OpenFailed:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "Cannot open the database %1. Check that the folder exists and "
                                 "is writable, or choose another one with --data-dir.");
        break;
    case Code::NotADatabase:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The file %1 is not an MQTT Desk database. Move it away or "
                                 "choose another data folder with --data-dir.");
        break;
    case Code::SchemaTooNew:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The database %1 was written by a newer version of MQTT Desk. "
                                 "Update MQTT Desk or use another data folder.");
        break;
    case Code::MigrationFailed:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "Upgrading the database %1 failed; it was left unchanged. "
                                 "Check free disk space and permissions, then start again.");
        break;
    case Code::DiskFull:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The disk holding %1 is full. Messages are no longer stored; "
                                 "reception goes on. Free some space or lower the retention "
                                 "limits, then resume storing.");
        break;
    case Code::ReadOnly:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The database %1 cannot be written (read-only file or missing "
                                 "permission). Messages are no longer stored; reception goes on.");
        break;
    case Code::IoError:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "A disk error occurred while writing %1. Messages are no longer "
                                 "stored; reception goes on. Check the disk, then resume storing.");
        break;
    case Code::Corrupt:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The database %1 is damaged. Messages are no longer stored. "
                                 "Back it up and start with a new data folder.");
        break;
    case Code::Busy:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The database %1 is locked by another program. Close the other "
                                 "MQTT Desk instance or use another data folder.");
        break;
    case Code::InvalidFilter:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The topic filter %1 is not valid: '#' may only be the last "
                                 "level and '+' must fill a whole level.");
        break;
    case Code::QueryFailed:
        text = QT_TRANSLATE_NOOP("StorageError", "A database operation on %1 failed.");
        break;
    }
    return QCoreApplication::translate("StorageError", text).arg(path);
}

} // namespace mqttdesk
