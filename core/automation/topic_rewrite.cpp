#include "core/automation/topic_rewrite.h"

#include <QCoreApplication>

namespace mqttdesk {

bool TopicRewrite::parse(const QString &text, Rule *rule, QString *error)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0) {
        *error = tr("'%1' is not a rewrite: write OLD=NEW, e.g. prod/=test/.").arg(text);
        return false;
    }
    rule->from = text.left(eq);
    rule->to = text.mid(eq + 1);
    // A topic name never holds wildcards [MQTT-3.3.2-2].
    if (rule->to.contains(QLatin1Char('+')) || rule->to.contains(QLatin1Char('#'))) {
        *error = QCoreApplication::translate("TopicRewrite",
                                             "'%1': a topic cannot contain the wildcards + or #.")
                     .arg(text);
        return false;
    }
    return true;
}

QString TopicRewrite::apply(const QString &topic) const
{
    for (const Rule &rule : m_rules)
        if (topic.startsWith(rule.from))
            return rule.to + topic.mid(rule.from.size());
    return topic;
}

} // namespace mqttdesk
