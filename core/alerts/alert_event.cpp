#include "core/alerts/alert_event.h"

#include <QDateTime>

namespace mqttdesk {

QString AlertEvent::typeName(Type type)
{
    return type == Type::Fired ? QStringLiteral("fired") : QStringLiteral("cleared");
}

QJsonObject AlertEvent::toJson() const
{
    QJsonObject json{
        {QStringLiteral("event"), typeName(type)},
        {QStringLiteral("time"),
         QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("timeMs"), double(timeMs)},
        {QStringLiteral("rule"), ruleName},
        {QStringLiteral("ruleIndex"), ruleIndex},
        {QStringLiteral("kind"), alertKindName(kind)},
        {QStringLiteral("value"), value},
    };
    if (!filter.isEmpty())
        json.insert(QStringLiteral("filter"), filter);
    if (!topic.isEmpty())
        json.insert(QStringLiteral("topic"), topic);
    if (sequence != 0)
        json.insert(QStringLiteral("sequence"), double(sequence));
    if (publish) {
        json.insert(QStringLiteral("action"),
                    QJsonObject{
                        {QStringLiteral("topic"), publish->topic},
                        {QStringLiteral("payload"), QString::fromUtf8(publish->payload)},
                        {QStringLiteral("qos"), int(publish->qos)},
                        {QStringLiteral("retain"), publish->retain},
                    });
    }
    if (!actionError.isEmpty())
        json.insert(QStringLiteral("actionError"), actionError);
    return json;
}

} // namespace mqttdesk
