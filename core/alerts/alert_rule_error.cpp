#include "core/alerts/alert_rule_error.h"

namespace mqttdesk {

QString AlertRuleError::message() const
{
    if (line > 0 && !field.isEmpty())
        return tr("Line %1, %2: %3").arg(line).arg(field, detail);
    if (line > 0)
        return tr("Line %1: %2").arg(line).arg(detail);
    if (!field.isEmpty())
        return tr("%1: %2").arg(field, detail);
    return detail;
}

AlertRuleError AlertRuleError::under(const QString &parent) const
{
    AlertRuleError copy = *this;
    if (field.isEmpty())
        copy.field = parent;
    else if (field.startsWith(QLatin1Char('[')))
        copy.field = parent + field;
    else
        copy.field = parent + QLatin1Char('.') + field;
    return copy;
}

} // namespace mqttdesk
