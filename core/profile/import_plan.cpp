#include "core/profile/import_plan.h"

#include "core/profile/client_id_check.h"

#include <QRegularExpression>

namespace mqttdesk {

ImportPlan::ImportPlan(const QList<Existing> &existing, const ProfileImport &imported)
    : m_existing(existing)
{
    for (const ConnectionProfile &profile : imported.profiles) {
        Item item;
        item.profile = profile;
        for (const ProfileSubscription &s : imported.subscriptions) {
            if (s.profileId == profile.id)
                item.subscriptions << s;
        }
        item.subscriptionsListed = imported.subscriptionsListed.contains(profile.id);
        if (const auto rules = imported.decodingRules.constFind(profile.id);
            rules != imported.decodingRules.constEnd())
            item.decodingRules = *rules;
        // The id first: a renamed connection is still the same one.
        for (const Existing &saved : existing) {
            if (saved.profile.id == profile.id) {
                item.clash = Clash::SameId;
                item.existing = saved;
                break;
            }
        }
        for (qsizetype i = 0; item.clash == Clash::None && i < existing.size(); ++i) {
            if (existing.at(i).profile.name == profile.name) {
                item.clash = Clash::SameName;
                item.existing = existing.at(i);
            }
        }
        m_items << item;
    }
}

QList<int> ImportPlan::conflicts() const
{
    QList<int> found;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).clash != Clash::None)
            found << int(i);
    }
    return found;
}

void ImportPlan::choose(int item, Choice choice)
{
    if (item >= 0 && item < m_items.size() && m_items.at(item).clash != Clash::None)
        m_items[item].choice = choice;
}

void ImportPlan::chooseRemaining(Choice choice)
{
    for (Item &item : m_items) {
        if (item.clash != Clash::None && !item.choice)
            item.choice = choice;
    }
}

QList<ImportPlan::Action> ImportPlan::actions() const
{
    QSet<QString> names;
    QSet<QUuid> ids;
    for (const Existing &saved : m_existing) {
        names.insert(saved.profile.name);
        ids.insert(saved.profile.id);
    }
    QList<Action> result;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        Action action;
        action.item = int(i);
        action.profile = item.profile;
        if (item.clash == Clash::None) {
            // A file that names one id twice: the second copy becomes a connection of its own.
            if (ids.contains(action.profile.id))
                action.profile.id = QUuid::createUuid();
        } else {
            switch (item.choice.value_or(Choice::Skip)) {
            case Choice::Skip:
                continue;
            case Choice::Replace:
                action.kind = Action::Kind::Replace;
                action.key = item.existing.key;
                // The saved id stays: its keychain entries and history hang off it.
                action.profile.id = item.existing.profile.id;
                action.replaceSubscriptions = item.subscriptionsListed;
                break;
            case Choice::KeepBoth:
                action.profile.id = QUuid::createUuid();
                action.profile.name = numberedName(item.profile.name, names);
                if (ClientIdCheck::isFixed(action.profile))
                    action.profile.clientId = ClientIdCheck::generate();
                break;
            }
        }
        names.insert(action.profile.name);
        ids.insert(action.profile.id);
        for (ProfileSubscription s : item.subscriptions) {
            s.profileId = action.profile.id;
            action.subscriptions << s;
        }
        action.decodingRules = item.decodingRules;
        result << action;
    }
    return result;
}

QList<ImportPlan::ClientIdClash> ImportPlan::clientIdClashes(const QList<Action> &actions) const
{
    QSet<qint64> replaced;
    for (const Action &action : actions) {
        if (action.kind == Action::Kind::Replace)
            replaced.insert(action.key);
    }
    QList<ConnectionProfile> others;
    for (const Existing &saved : m_existing) {
        if (!replaced.contains(saved.key))
            others << saved.profile;
    }
    QList<ClientIdClash> found;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QList<ConnectionProfile> clashes =
            ClientIdCheck::clashes(actions.at(i).profile, others);
        if (!clashes.isEmpty())
            found << ClientIdClash{int(i), clashes.first()};
        others << actions.at(i).profile;
    }
    return found;
}

void ImportPlan::renewClientIds(QList<Action> &actions, const QList<ClientIdClash> &clashes)
{
    for (const ClientIdClash &clash : clashes) {
        if (clash.action >= 0 && clash.action < actions.size())
            actions[clash.action].profile.clientId = ClientIdCheck::generate();
    }
}

QString ImportPlan::numberedName(const QString &name, const QSet<QString> &taken)
{
    if (!taken.contains(name))
        return name;
    QString base = name;
    int n = 2;
    static const QRegularExpression numbered(QStringLiteral("^(.*) \\((\\d{1,6})\\)$"));
    if (const QRegularExpressionMatch match = numbered.match(name); match.hasMatch()) {
        base = match.captured(1);
        n = qMax(2, match.captured(2).toInt() + 1);
    }
    QString candidate;
    do {
        candidate = QStringLiteral("%1 (%2)").arg(base).arg(n++);
    } while (taken.contains(candidate));
    return candidate;
}

} // namespace mqttdesk
