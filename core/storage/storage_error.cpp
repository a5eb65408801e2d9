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

// Indexed by StorageError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    "None",          "OpenFailed", "NotADatabase",   "SchemaTooNew", "MigrationFailed",
    "DiskFull",      "ReadOnly",   "IoError",        "Corrupt",      "Busy",
    "InvalidFilter", "NotFound",   "InvalidPattern", "QueryFailed",
};
} // namespace

QString StorageError::kindName(Kind kind)
{
    return enumName<Kind::None, Kind::QueryFailed>(kKindNames, kind);
}

bool StorageError::stopsWriting() const
{
    switch (kind) {
    case Kind::DiskFull:
    case Kind::ReadOnly:
    case Kind::IoError:
    case Kind::Corrupt:
    case Kind::OpenFailed:
    case Kind::NotADatabase:
        return true;
    default:
        return false;
    }
}

StorageError StorageError::make(Kind kind, const QString &path, const QString &detail)
{
    return StorageError{kind, describe(kind, path), detail};
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
    Kind kind = Kind::QueryFailed;
    switch (primary) {
    case kSqliteFull:
        kind = Kind::DiskFull;
        break;
    case kSqliteReadOnly:
    case kSqlitePerm:
        kind = Kind::ReadOnly;
        break;
    case kSqliteIoErr:
        kind = Kind::IoError;
        break;
    case kSqliteCorrupt:
        kind = Kind::Corrupt;
        break;
    case kSqliteCantOpen:
        kind = Kind::OpenFailed;
        break;
    case kSqliteNotADb:
        kind = Kind::NotADatabase;
        break;
    case kSqliteBusy:
    case kSqliteLocked:
        kind = Kind::Busy;
        break;
    default:
        break;
    }
    return make(kind, path, detail);
}

QString StorageError::describe(Kind kind, const QString &path)
{
    const char *text = nullptr;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::OpenFailed:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "Cannot open the database %1. Check that the folder exists and "
                                 "is writable, or choose another one with --data-dir.");
        break;
    case Kind::NotADatabase:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The file %1 is not an MQTT Desk database. Move it away or "
                                 "choose another data folder with --data-dir.");
        break;
    case Kind::SchemaTooNew:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The database %1 was written by a newer version of MQTT Desk. "
                                 "Update MQTT Desk or use another data folder.");
        break;
    case Kind::MigrationFailed:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "Upgrading the database %1 failed; it was left unchanged. "
                                 "Check free disk space and permissions, then start again.");
        break;
    case Kind::DiskFull:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The disk holding %1 is full. Messages are no longer stored; "
                                 "reception goes on. Free some space or lower the retention "
                                 "limits, then resume storing.");
        break;
    case Kind::ReadOnly:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The database %1 cannot be written (read-only file or missing "
                                 "permission). Messages are no longer stored; reception goes on.");
        break;
    case Kind::IoError:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "A disk error occurred while writing %1. Messages are no longer "
                                 "stored; reception goes on. Check the disk, then resume storing.");
        break;
    case Kind::Corrupt:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The database %1 is damaged. Messages are no longer stored. "
                                 "Back it up and start with a new data folder.");
        break;
    case Kind::Busy:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The database %1 is locked by another program. Close the other "
                                 "MQTT Desk instance or use another data folder.");
        break;
    case Kind::InvalidFilter:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The topic filter %1 is not valid: '#' may only be the last "
                                 "level and '+' must fill a whole level.");
        break;
    case Kind::NotFound:
        text = QT_TRANSLATE_NOOP("StorageError",
                                 "The message is no longer stored in %1: the history was cleared "
                                 "or old messages were removed.");
        break;
    case Kind::InvalidPattern:
        text = QT_TRANSLATE_NOOP("StorageError", "The regular expression %1 is not valid.");
        break;
    case Kind::QueryFailed:
        text = QT_TRANSLATE_NOOP("StorageError", "A database operation on %1 failed.");
        break;
    }
    return QCoreApplication::translate("StorageError", text).arg(path);
}

} // namespace mqttdesk
