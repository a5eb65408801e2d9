#pragma once

#include "core/alerts/alert_rule.h"
#include "core/alerts/alert_rule_error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// Where the app keeps each connection profile's alert rules: one rule file per profile,
// <dataDir>/alerts/<profileId>.json, in the AlertRuleSet format, so that the same file works
// with `mqttdesk-cli watch --rules`. The folder and the files are the user's alone (0700 and
// 0600): rules may name topics and action payloads that are nobody else's business.
class AlertRuleStore
{
    Q_DECLARE_TR_FUNCTIONS(AlertRuleStore)

public:
    explicit AlertRuleStore(const QString &dataDir);

    QString directory() const;
    QString filePath(qint64 profileId) const;

    // The profile's rules; none (and no error) when it has no file yet. nullopt with `error`
    // (its code, line, field and translated detail, as AlertRuleSet reports them; the
    // message does not repeat filePath()) when the file cannot be read or is not a valid rule
    // file.
    std::optional<QList<AlertRule>> load(qint64 profileId, AlertRuleError *error) const;
    // Writes the profile's rules atomically (a crash leaves the old file); an empty list
    // removes the file. false with `error` (translated, naming the file).
    bool save(qint64 profileId, const QList<AlertRule> &rules, QString *error) const;
    // Deletes the profile's file (the profile was deleted); true when none is left.
    bool remove(qint64 profileId) const;

private:
    QString m_dataDir;
};

} // namespace mqttdesk
