#pragma once

#include "core/alerts/alert_rule.h"
#include "core/alerts/alert_rule_error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// The alert rule file: {"format": "mqttdesk-alert-rules", "version": 1, "rules": [...]},
// described in docs/alert-rules.md. mqttdesk-cli watch --rules reads it; the app reads and
// writes it (AlertRuleStore, the rules dialog's Import and Export). Reading is strict and
// all-or-nothing: the first problem (not JSON, an unknown field, a wrong type, a rule that cannot
// work, two rules of one name) is an AlertRuleError naming its line and field, and no rule is
// returned.
class AlertRuleSet
{
    Q_DECLARE_TR_FUNCTIONS(AlertRuleSet)

public:
    static constexpr QLatin1StringView kFormat{"mqttdesk-alert-rules"};
    static constexpr int kVersion = 1;

    // Indented JSON; each rule with the fields of its kind (defaults left out where the
    // document says so).
    static QByteArray toJson(const QList<AlertRule> &rules);
    static std::optional<QList<AlertRule>> fromJson(const QByteArray &json, AlertRuleError *error);

    static std::optional<QList<AlertRule>> load(const QString &path, AlertRuleError *error);
    // Writes atomically (a crash leaves the old file); false with `error` (translated).
    static bool save(const QList<AlertRule> &rules, const QString &path, QString *error);
};

} // namespace mqttdesk
