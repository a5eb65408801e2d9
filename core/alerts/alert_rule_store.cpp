#include "core/alerts/alert_rule_store.h"

#include "core/alerts/alert_rule_set.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mqttdesk {

namespace {

constexpr QFileDevice::Permissions kPrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kPrivateDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

} // namespace

AlertRuleStore::AlertRuleStore(const QString &dataDir)
    : m_dataDir(dataDir)
{}

QString AlertRuleStore::directory() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("alerts"));
}

QString AlertRuleStore::filePath(qint64 profileId) const
{
    return QDir(directory()).filePath(QStringLiteral("%1.json").arg(profileId));
}

std::optional<QList<AlertRule>> AlertRuleStore::load(qint64 profileId, AlertRuleError *error) const
{
    const QString path = filePath(profileId);
    if (!QFileInfo::exists(path))
        return QList<AlertRule>();
    return AlertRuleSet::load(path, error);
}

bool AlertRuleStore::save(qint64 profileId, const QList<AlertRule> &rules, QString *error) const
{
    const QString path = filePath(profileId);
    if (rules.isEmpty()) {
        if (!QFileInfo::exists(path) || QFile::remove(path))
            return true;
        if (error)
            *error =
                tr("Cannot remove the alert rules file %1. Check the permissions of %2.")
                    .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(directory()));
        return false;
    }
    const QDir dir(directory());
    if (!dir.exists() && !QDir().mkdir(dir.path(), kPrivateDir) && !dir.exists()) {
        if (error)
            *error = tr("Cannot create the folder %1 for the alert rules. Check that the data "
                        "folder can be written.")
                         .arg(QDir::toNativeSeparators(dir.path()));
        return false;
    }
    // QSaveFile keeps the mode of the file it replaces: a new one is created private first,
    // so the rules are never readable by others, not even for a moment.
    bool created = false;
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        created = file.open(QIODevice::WriteOnly, kPrivateFile);
    } else {
        QFile::setPermissions(path, kPrivateFile); // an older or copied file is tightened
    }
    if (!AlertRuleSet::save(rules, path, error)) {
        if (created)
            QFile::remove(path); // no empty file left behind to fail the next load
        return false;
    }
    return true;
}

bool AlertRuleStore::remove(qint64 profileId) const
{
    const QString path = filePath(profileId);
    return !QFileInfo::exists(path) || QFile::remove(path);
}

} // namespace mqttdesk
