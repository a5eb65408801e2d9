#include "core/storage/database_quarantine.h"

#include <QFile>
#include <QFileInfo>

namespace mqttdesk {

namespace {

// SQLite's own side files of a WAL database; they belong to the database they sit beside.
constexpr const char *kSideFiles[] = {"-wal", "-shm", "-journal"};

bool taken(const QString &path)
{
    if (QFileInfo::exists(path))
        return true;
    for (const char *side : kSideFiles) {
        if (QFileInfo::exists(path + QLatin1String(side)))
            return true;
    }
    return false;
}

} // namespace

bool DatabaseQuarantine::isDamage(const StorageError &error)
{
    return error.kind == StorageError::Kind::NotADatabase ||
           error.kind == StorageError::Kind::Corrupt;
}

QString DatabaseQuarantine::asidePath(const QString &path, const QDateTime &when)
{
    const QString base = path + QStringLiteral(".damaged-") +
                         when.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    for (int n = 2; taken(candidate); ++n)
        candidate = base + QLatin1Char('-') + QString::number(n);
    return candidate;
}

std::optional<QString> DatabaseQuarantine::moveAside(const QString &path, QString *why)
{
    const QString target = asidePath(path, QDateTime::currentDateTimeUtc());
    QFile database(path);
    if (!database.rename(target)) {
        if (why)
            *why = tr("%1 cannot be renamed to %2: %3").arg(path, target, database.errorString());
        return std::nullopt;
    }
    // A side file left behind would be taken for the new database's own (SQLite replays a
    // -wal into the file it sits beside): it goes with its database, or is removed when it
    // cannot be renamed.
    for (const char *side : kSideFiles) {
        const QString from = path + QLatin1String(side);
        if (QFileInfo::exists(from) && !QFile::rename(from, target + QLatin1String(side)))
            QFile::remove(from);
    }
    return target;
}

} // namespace mqttdesk
