#pragma once

#include "core/profile/profile_subscription.h"
#include "core/storage/subscription_store.h"
#include "core/workspace/subscription_entry.h"

#include <QJsonObject>

namespace mqttdesk {

// Maps a panel entry to the row SubscriptionStore keeps and back: filter, QoS, the 5.0
// options (in the JSON `options` column), colour, alias, display format and enabled.
class SubscriptionRecord
{
public:
    static StoredSubscription toStored(const SubscriptionEntry &entry, qint64 profileId,
                                       int position);
    // The entry in its initial state (not subscribed, or disabled), storedId set.
    static SubscriptionEntry fromStored(const StoredSubscription &stored);
    // The 5.0 options (No Local, Retain As Published, Retain Handling, subscription
    // identifier, user properties) as JSON keys of `o`, and back. Shared by the store's
    // `options` column and the model's JSON form.
    static void writeOptions(const SubscriptionEntry &entry, QJsonObject &o);
    static void readOptions(const QJsonObject &o, SubscriptionEntry &entry);
    // "#rrggbb" (either case): the colour names entries keep.
    static bool validColourName(const QString &name);
    // The form a subscription has in an export file, and back. The way back reads it as a
    // stored row is read: a colour that is not "#rrggbb" and an unknown format are dropped.
    static ProfileSubscription toProfile(const SubscriptionEntry &entry, const QUuid &profileId);
    static SubscriptionEntry fromProfile(const ProfileSubscription &subscription);
    // Whether the saved fields of `a` and `b` agree (ids aside).
    static bool sameSavedFields(const StoredSubscription &a, const StoredSubscription &b);
};

} // namespace mqttdesk
