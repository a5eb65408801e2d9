#include "core/workspace/subscription_record.h"

#include <QJsonArray>

namespace mqttdesk {

bool SubscriptionRecord::validColourName(const QString &name)
{
    if (name.size() != 7 || name.at(0) != QLatin1Char('#'))
        return false;
    for (qsizetype i = 1; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (!c.isDigit() && !(c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            return false;
    }
    return true;
}

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
    s.colour = e.colour;
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
    // No colour (or one that is not "#rrggbb") gets the next automatic one when the model
    // adds the entry.
    e.colour = validColourName(s.colour) ? s.colour.toLower() : QString();
    e.alias = s.alias;
    e.format = payloadFormatFromKey(s.payloadFormat).value_or(PayloadFormat::Auto);
    e.enabled = s.enabled;
    e.state = s.enabled ? SubscriptionEntry::State::Inactive : SubscriptionEntry::State::Disabled;
    return e;
}

ProfileSubscription SubscriptionRecord::toProfile(const SubscriptionEntry &e,
                                                  const QUuid &profileId)
{
    ProfileSubscription s;
    s.profileId = profileId;
    s.filter = e.subscription.filter;
    s.qos = quint8(e.subscription.options.qos);
    s.noLocal = e.subscription.options.noLocal;
    s.retainAsPublished = e.subscription.options.retainAsPublished;
    s.retainHandling = quint8(e.subscription.options.retainHandling);
    s.subscriptionIdentifier = e.subscriptionIdentifier;
    for (const StringPair &p : e.userProperties)
        s.userProperties.append({p.name, p.value});
    s.colour = e.colour;
    s.alias = e.alias;
    s.format = payloadFormatKey(e.format);
    s.enabled = e.enabled;
    return s;
}

SubscriptionEntry SubscriptionRecord::fromProfile(const ProfileSubscription &s)
{
    // Through the stored row, so that a file's subscription is checked as a saved one is.
    StoredSubscription stored;
    stored.filter = s.filter;
    stored.qos = s.qos;
    SubscriptionEntry options;
    options.subscription.options.noLocal = s.noLocal;
    options.subscription.options.retainAsPublished = s.retainAsPublished;
    options.subscription.options.retainHandling =
        RetainHandling(qBound(0, int(s.retainHandling), 2));
    options.subscriptionIdentifier = s.subscriptionIdentifier;
    for (const NameValuePair &p : s.userProperties)
        options.userProperties.append({p.name, p.value});
    writeOptions(options, stored.options);
    stored.alias = s.alias;
    stored.colour = s.colour;
    stored.enabled = s.enabled;
    stored.payloadFormat = s.format;
    return fromStored(stored);
}

bool SubscriptionRecord::sameSavedFields(const StoredSubscription &a, const StoredSubscription &b)
{
    StoredSubscription x = a;
    x.id = b.id;
    x.profileId = b.profileId;
    return x == b;
}

} // namespace mqttdesk
