#include "ui/subscriptions/subscription_record.h"

#include <QJsonArray>

namespace mqttdesk {

StoredSubscription SubscriptionRecord::toStored(const SubscriptionEntry &e, qint64 profileId,
                                                int position)
{
    StoredSubscription s;
    s.id = e.storedId;
    s.profileId = profileId;
    s.filter = e.subscription.filter;
    s.qos = quint8(e.subscription.options.qos);
    QJsonObject o;
    writeOptions(e, o);
    s.options = o;
    s.alias = e.alias;
    s.colour = e.colour.isValid() ? e.colour.name() : QString();
    s.enabled = e.enabled;
    s.payloadFormat = payloadFormatKey(e.format);
    s.position = position;
    return s;
}

void SubscriptionRecord::writeOptions(const SubscriptionEntry &e, QJsonObject &o)
{
    o.insert(QStringLiteral("noLocal"), e.subscription.options.noLocal);
    o.insert(QStringLiteral("retainAsPublished"), e.subscription.options.retainAsPublished);
    o.insert(QStringLiteral("retainHandling"), int(e.subscription.options.retainHandling));
    if (e.subscriptionIdentifier)
        o.insert(QStringLiteral("subscriptionIdentifier"), qint64(*e.subscriptionIdentifier));
    QJsonArray props;
    for (const StringPair &p : e.userProperties)
        props.append(QJsonArray{p.name, p.value});
    o.insert(QStringLiteral("userProperties"), props);
}

void SubscriptionRecord::readOptions(const QJsonObject &o, SubscriptionEntry &e)
{
    e.subscription.options.noLocal = o.value(QStringLiteral("noLocal")).toBool();
    e.subscription.options.retainAsPublished =
        o.value(QStringLiteral("retainAsPublished")).toBool();
    e.subscription.options.retainHandling =
        RetainHandling(qBound(0, o.value(QStringLiteral("retainHandling")).toInt(), 2));
    if (o.contains(QStringLiteral("subscriptionIdentifier")))
        e.subscriptionIdentifier =
            quint32(o.value(QStringLiteral("subscriptionIdentifier")).toInteger());
    for (const QJsonValue &p : o.value(QStringLiteral("userProperties")).toArray()) {
        const QJsonArray pair = p.toArray();
        e.userProperties.append({pair.at(0).toString(), pair.at(1).toString()});
    }
}

SubscriptionEntry SubscriptionRecord::fromStored(const StoredSubscription &s)
{
    SubscriptionEntry e;
    e.storedId = s.id;
    e.subscription.filter = s.filter;
    e.subscription.options.qos = QoS(qMin<int>(s.qos, 2));
    readOptions(s.options, e);
    // An invalid colour gets the next automatic one when the model adds the entry.
    e.colour = QColor::fromString(s.colour);
    e.alias = s.alias;
    e.format = payloadFormatFromKey(s.payloadFormat).value_or(PayloadFormat::Auto);
    e.enabled = s.enabled;
    e.state = s.enabled ? SubscriptionEntry::State::Inactive : SubscriptionEntry::State::Disabled;
    return e;
}

bool SubscriptionRecord::sameSavedFields(const StoredSubscription &a, const StoredSubscription &b)
{
    StoredSubscription x = a;
    x.id = b.id;
    x.profileId = b.profileId;
    return x == b;
}

} // namespace mqttdesk
