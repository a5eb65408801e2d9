#include "core/session/subscription_book.h"

#include <algorithm>

namespace mqttdesk {

void SubscriptionBook::addPending(quint16 packetId, PendingSubscribe pending)
{
    m_subscribes.insert(packetId, std::move(pending));
}

void SubscriptionBook::addPending(quint16 packetId, UnsubscribeRequested pending)
{
    m_unsubscribes.insert(packetId, std::move(pending));
}

std::optional<SubscriptionBook::PendingSubscribe>
SubscriptionBook::takePendingSubscribe(quint16 packetId)
{
    const auto it = m_subscribes.find(packetId);
    if (it == m_subscribes.end())
        return std::nullopt;
    PendingSubscribe pending = std::move(*it);
    m_subscribes.erase(it);
    return pending;
}

std::optional<UnsubscribeRequested> SubscriptionBook::takePendingUnsubscribe(quint16 packetId)
{
    const auto it = m_unsubscribes.find(packetId);
    if (it == m_unsubscribes.end())
        return std::nullopt;
    UnsubscribeRequested pending = std::move(*it);
    m_unsubscribes.erase(it);
    return pending;
}

QList<std::pair<quint16, SubscriptionBook::PendingSubscribe>>
SubscriptionBook::takeAllPendingSubscribes()
{
    QList<std::pair<quint16, PendingSubscribe>> all;
    for (auto it = m_subscribes.cbegin(); it != m_subscribes.cend(); ++it)
        all.append({it.key(), it.value()});
    m_subscribes.clear();
    // Report in request order, which packet ids follow (round-robin allocation).
    std::sort(all.begin(), all.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return all;
}

QList<std::pair<quint16, UnsubscribeRequested>> SubscriptionBook::takeAllPendingUnsubscribes()
{
    QList<std::pair<quint16, UnsubscribeRequested>> all;
    for (auto it = m_unsubscribes.cbegin(); it != m_unsubscribes.cend(); ++it)
        all.append({it.key(), it.value()});
    m_unsubscribes.clear();
    std::sort(all.begin(), all.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return all;
}

QList<SubscriptionBook::Waiting> SubscriptionBook::takeWaiting()
{
    QList<Waiting> all = std::move(m_waiting);
    m_waiting.clear();
    return all;
}

void SubscriptionBook::granted(const SubscribeRequested &request, const QList<ReasonCode> &codes)
{
    for (qsizetype i = 0; i < request.subscriptions.size() && i < codes.size(); ++i) {
        if (!isSuccess(codes.at(i)))
            continue;
        Active entry{request.subscriptions.at(i), request.subscriptionIdentifier,
                     request.userProperties};
        // The server grants a QoS that may be lower than asked; resubscribe with it.
        entry.subscription.options.qos = static_cast<QoS>(qMin<quint8>(quint8(codes.at(i)), 2));
        auto same = std::find_if(m_active.begin(), m_active.end(), [&](const Active &a) {
            return a.subscription.filter == entry.subscription.filter;
        });
        if (same != m_active.end())
            *same = entry; // a new SUBSCRIBE replaces the existing one
        else
            m_active.append(entry);
    }
}

void SubscriptionBook::removed(const QList<QString> &filters, const QList<ReasonCode> &codes)
{
    for (qsizetype i = 0; i < filters.size(); ++i) {
        if (i < codes.size() && !isSuccess(codes.at(i)))
            continue;
        const QString &filter = filters.at(i);
        m_active.erase(
            std::remove_if(m_active.begin(), m_active.end(),
                           [&](const Active &a) { return a.subscription.filter == filter; }),
            m_active.end());
    }
}

QList<Subscription> SubscriptionBook::active() const
{
    QList<Subscription> all;
    for (const Active &a : m_active)
        all.append(a.subscription);
    return all;
}

QList<SubscribeRequested> SubscriptionBook::resubscribeRequests() const
{
    QList<SubscribeRequested> requests;
    for (const Active &a : m_active) {
        auto group = std::find_if(requests.begin(), requests.end(), [&](const auto &r) {
            return r.subscriptionIdentifier == a.subscriptionIdentifier &&
                   r.userProperties == a.userProperties;
        });
        if (group == requests.end()) {
            SubscribeRequested request;
            request.subscriptionIdentifier = a.subscriptionIdentifier;
            request.userProperties = a.userProperties;
            requests.append(request);
            group = requests.end() - 1;
        }
        group->subscriptions.append(a.subscription);
    }
    return requests;
}

} // namespace mqttdesk
