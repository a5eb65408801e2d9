#pragma once

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
    // Whether the saved fields of `a` and `b` agree (ids aside).
    static bool sameSavedFields(const StoredSubscription &a, const StoredSubscription &b);
};

} // namespace mqttdesk
