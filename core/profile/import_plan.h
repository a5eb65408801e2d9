#pragma once

#include "core/profile/profile_import.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace mqttdesk {

// What importing a file does to the saved connections, decided before anything is written.
// Each imported profile is new, or clashes with a saved one: the same id (the file was
// imported or exported here before), else the same name. For each clash the user chooses:
// replace the saved one, keep both (the import is renamed "name (2)" and a fixed client id is
// renewed, so the two never share one), or skip it (nothing changes). actions() lists the
// writes. Headless: the window asks, the catalog writes.
class ImportPlan
{
public:
    enum class Choice
    {
        Replace,
        KeepBoth,
        Skip,
    };
    enum class Clash
    {
        None,
        SameId,
        SameName,
    };

    // A saved connection as the plan sees it; `key` is the caller's (the storage row id).
    struct Existing
    {
        qint64 key = 0;
        ConnectionProfile profile;
    };

    struct Item
    {
        ConnectionProfile profile; // as read from the file
        QList<ProfileSubscription> subscriptions;
        bool subscriptionsListed = false;
        std::optional<DecodingRules> decodingRules; // none: the file lists none
        Clash clash = Clash::None;
        Existing existing;            // the saved connection it clashes with
        std::optional<Choice> choice; // not chosen yet: skipped
    };

    // One write, in file order.
    struct Action
    {
        enum class Kind
        {
            Add,
            Replace,
        };
        Kind kind = Kind::Add;
        int item = -1;
        qint64 key = 0;                           // Replace: the saved connection's key
        ConnectionProfile profile;                // what to save
        QList<ProfileSubscription> subscriptions; // each naming profile.id
        // Replace only: false when the file lists no subscriptions (an older file); the saved
        // connection then keeps its own.
        bool replaceSubscriptions = true;
        // What to write as the connection's decoding rules; none: leave them (a new
        // connection then has none).
        std::optional<DecodingRules> decodingRules;
    };

    // An action whose profile would share its fixed client id with `other` at the same broker:
    // a saved connection the import keeps, or one the import writes before it.
    struct ClientIdClash
    {
        int action = -1;
        ConnectionProfile other;
    };

    ImportPlan(const QList<Existing> &existing, const ProfileImport &imported);

    const QList<Item> &items() const { return m_items; }
    // The items that clash, in file order.
    QList<int> conflicts() const;
    void choose(int item, Choice choice);
    // `choice` for every clash not chosen yet ("apply to all remaining conflicts").
    void chooseRemaining(Choice choice);

    QList<Action> actions() const;
    // The client id clashes of `actions` (as actions() made them).
    QList<ClientIdClash> clientIdClashes(const QList<Action> &actions) const;
    // A fresh client id for the profile of each action in `clashes`.
    static void renewClientIds(QList<Action> &actions, const QList<ClientIdClash> &clashes);

    // `name` when free, else "name (2)", "name (3)"... the first not in `taken`. A name that
    // ends in " (n)" already counts on from n + 1.
    static QString numberedName(const QString &name, const QSet<QString> &taken);

private:
    QList<Existing> m_existing;
    QList<Item> m_items;
};

} // namespace mqttdesk
