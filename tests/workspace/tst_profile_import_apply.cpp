// An import written through ProfileRepository over real SQLite: an export and its import keep
// every subscription (colour, alias, format, 5.0 options) and the folder; importing the same
// file again with skip leaves the database exactly as it was; keep both adds "name (2)" then
// "name (3)"; replace overwrites in place, and from a file older than the subscriptions list it
// keeps the saved subscriptions.
#include "core/profile/import_plan.h"
#include "core/profile/profile_exporter.h"
#include "core/profile/profile_importer.h"
#include "core/profile/profile_json.h"
#include "core/storage/database.h"
#include "core/storage/decoding_rule_store.h"
#include "core/storage/subscription_store.h"
#include "core/workspace/profile_repository.h"
#include "core/workspace/subscription_record.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mqttdesk;

namespace {

// One database in a temporary directory, with the repository over it.
struct Store
{
    Store()
        : db(dir.filePath(QStringLiteral("p.sqlite")))
    {
        if (db.open().isError())
            qFatal("cannot open the test database");
        repo = std::make_unique<ProfileRepository>(db.connection());
    }

    // Everything an import could touch: the profile rows and their subscription rows.
    QList<QVariant> contents() const
    {
        QList<QVariant> all;
        for (const StoredProfile &p : repo->list()) {
            all << p.id << p.uuid << p.folder << p.position << p.name << p.data;
            for (const StoredSubscription &s : SubscriptionStore(db.connection()).list(p.id))
                all << s.id << s.filter << s.qos << s.options << s.alias << s.colour << s.enabled
                    << s.payloadFormat << s.position;
        }
        return all;
    }

    // Plans the file against what is saved, chooses `choice` for every clash, writes it.
    bool import(const QByteArray &file, ImportPlan::Choice choice)
    {
        const ProfileImport imported = ProfileImporter::fromJson(file);
        if (!imported.ok()) {
            qWarning("%s", qPrintable(imported.error.message()));
            return false;
        }
        ImportPlan plan(ProfileRepository::importTargets(repo->list()), imported);
        plan.chooseRemaining(choice);
        for (const ImportPlan::Action &action : plan.actions()) {
            StorageError error;
            if (repo->apply(action, &error) == 0) {
                qWarning("%s", qPrintable(error.message));
                return false;
            }
        }
        return true;
    }

    QByteArray exported() const
    {
        QList<ConnectionProfile> profiles;
        QList<ProfileSubscription> subscriptions;
        ProfileExporter::RulesByProfile rules;
        for (const StoredProfile &stored : repo->list()) {
            profiles << *ProfileRepository::fromStored(stored);
            subscriptions += repo->subscriptions(stored.id);
            rules.insert(profiles.last().id, repo->decodingRules(stored.id));
        }
        return ProfileExporter::toJson(profiles, false, subscriptions, rules);
    }

    qint64 idOf(const QString &name) const
    {
        for (const StoredProfile &p : repo->list())
            if (p.name == name)
                return p.id;
        return 0;
    }

    QList<SubscriptionEntry> entries(qint64 id) const
    {
        QList<SubscriptionEntry> result;
        for (const StoredSubscription &s : SubscriptionStore(db.connection()).list(id))
            result << SubscriptionRecord::fromStored(s);
        return result;
    }

    QTemporaryDir dir;
    Database db;
    std::unique_ptr<ProfileRepository> repo;
};

// Saved as the subscriptions panel saves them (SubscriptionRecord::toStored).
void addSubscription(const Store &store, qint64 profileId, const SubscriptionEntry &entry)
{
    StorageError error;
    SubscriptionStore(store.db.connection())
        .add(SubscriptionRecord::toStored(entry, profileId, 0), &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
}

SubscriptionEntry entry(const QString &filter)
{
    SubscriptionEntry e;
    e.subscription.filter = filter;
    return e;
}

// What the user set on a subscription, without the ids storage gave it.
QStringList looks(const QList<SubscriptionEntry> &entries)
{
    QStringList result;
    for (const SubscriptionEntry &e : entries) {
        QStringList props;
        for (const StringPair &p : e.userProperties)
            props << p.name + QLatin1Char('=') + p.value;
        result << QStringList{e.subscription.filter,
                              QString::number(int(e.subscription.options.qos)),
                              QString::number(e.subscription.options.noLocal),
                              QString::number(e.subscription.options.retainAsPublished),
                              QString::number(int(e.subscription.options.retainHandling)),
                              QString::number(e.subscriptionIdentifier.value_or(0)),
                              props.join(QLatin1Char(',')),
                              e.colour,
                              e.alias,
                              payloadFormatKey(e.format),
                              QString::number(e.enabled)}
                      .join(QLatin1Char('|'));
    }
    return result;
}

} // namespace

class TstProfileImportApply : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_source = std::make_unique<Store>();
        ConnectionProfile plant;
        plant.name = QStringLiteral("Plant");
        plant.folder = QStringLiteral("Sites/Berlin");
        plant.host = QStringLiteral("broker.local");
        plant.clientId = QStringLiteral("desk-plant");
        m_plant = m_source->repo->create(plant);
        QVERIFY(m_plant != 0);
        SubscriptionEntry temps = entry(QStringLiteral("plant/+/temp"));
        temps.subscription.options.qos = QoS::ExactlyOnce;
        temps.subscription.options.noLocal = true;
        temps.subscription.options.retainHandling = RetainHandling::DoNotSend;
        temps.subscriptionIdentifier = 42;
        temps.userProperties = {{QStringLiteral("k"), QStringLiteral("v")}};
        temps.colour = QStringLiteral("#a1b2c3");
        temps.alias = QStringLiteral("Temperatures");
        temps.format = PayloadFormat::Json;
        addSubscription(*m_source, m_plant, temps);
        SubscriptionEntry alarms = entry(QStringLiteral("alarms/#"));
        alarms.colour = QStringLiteral("#00aaff");
        alarms.format = PayloadFormat::Hex;
        alarms.enabled = false;
        addSubscription(*m_source, m_plant, alarms);

        ConnectionProfile bare;
        bare.name = QStringLiteral("Bare");
        QVERIFY(m_source->repo->create(bare) != 0);
        m_rules = DecodingRules();
        QVERIFY(m_rules.append({QStringLiteral("plant/+/raw"), QStringLiteral("numeric"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("int16")}}}));
        QVERIFY(!DecodingRuleStore(m_source->db.connection()).save(m_plant, m_rules).isError());
    }
    void cleanup() { m_source.reset(); }

    void roundTripKeepsSubscriptionsAndFolder()
    {
        Store target;
        QVERIFY(target.import(m_source->exported(), ImportPlan::Choice::Skip));
        const qint64 plant = target.idOf(QStringLiteral("Plant"));
        QVERIFY(plant != 0);
        QCOMPARE(target.repo->profile(plant)->folder, QStringLiteral("Sites/Berlin"));
        QCOMPARE(target.repo->profile(plant)->id, m_source->repo->profile(m_plant)->id);
        QCOMPARE(looks(target.entries(plant)), looks(m_source->entries(m_plant)));
        QCOMPARE(target.entries(plant).size(), 2);
        QVERIFY(target.entries(target.idOf(QStringLiteral("Bare"))).isEmpty());
        // The decoding rules came along; the connection without any has none.
        QCOMPARE(target.repo->decodingRules(plant).toJson(), m_rules.toJson());
        QVERIFY(target.repo->decodingRules(target.idOf(QStringLiteral("Bare"))).isEmpty());
    }

    void skipTwiceChangesNothing()
    {
        Store target;
        const QByteArray file = m_source->exported();
        QVERIFY(target.import(file, ImportPlan::Choice::Skip));
        const QList<QVariant> once = target.contents();
        QVERIFY(!once.isEmpty());
        QVERIFY(target.import(file, ImportPlan::Choice::Skip));
        QCOMPARE(target.contents(), once);
        // Importing a file into the data it came from, too.
        const QList<QVariant> source = m_source->contents();
        QVERIFY(m_source->import(file, ImportPlan::Choice::Skip));
        QCOMPARE(m_source->contents(), source);
    }

    void keepBothTwiceNumbersOn()
    {
        const QByteArray file = m_source->exported();
        QVERIFY(m_source->import(file, ImportPlan::Choice::KeepBoth));
        QVERIFY(m_source->import(file, ImportPlan::Choice::KeepBoth));
        const qint64 second = m_source->idOf(QStringLiteral("Plant (2)"));
        const qint64 third = m_source->idOf(QStringLiteral("Plant (3)"));
        QVERIFY(second != 0);
        QVERIFY(third != 0);
        QVERIFY(m_source->idOf(QStringLiteral("Bare (3)")) != 0);
        QCOMPARE(m_source->repo->list().size(), 6);
        // Their own ids and client ids; the subscriptions came along.
        QSet<QUuid> ids;
        QSet<QString> clientIds;
        for (qint64 id : {m_plant, second, third}) {
            ids.insert(m_source->repo->profile(id)->id);
            clientIds.insert(m_source->repo->profile(id)->clientId);
            QCOMPARE(looks(m_source->entries(id)), looks(m_source->entries(m_plant)));
        }
        QCOMPARE(ids.size(), 3);
        QCOMPARE(clientIds.size(), 3);
    }

    void replaceOverwritesInPlace()
    {
        ConnectionProfile edited = *m_source->repo->profile(m_plant);
        const QByteArray before = m_source->exported();
        edited.port = 1999;
        edited.folder = QStringLiteral("Moved");
        QVERIFY(!m_source->repo->save(m_plant, edited).isError());
        QVERIFY(!m_source->repo->replaceSubscriptions(m_plant, {}).isError());
        QVERIFY(!DecodingRuleStore(m_source->db.connection()).save(m_plant, {}).isError());

        QVERIFY(m_source->import(before, ImportPlan::Choice::Replace));
        QCOMPARE(m_source->repo->decodingRules(m_plant).toJson(), m_rules.toJson());
        QCOMPARE(m_source->repo->list().size(), 2);
        const ConnectionProfile back = *m_source->repo->profile(m_plant);
        QCOMPARE(back.port, quint16(1883));
        QCOMPARE(back.folder, QStringLiteral("Sites/Berlin"));
        QCOMPARE(back.id, edited.id);
        QCOMPARE(m_source->entries(m_plant).size(), 2);
    }

    void replaceFromAnOlderFileKeepsTheSubscriptions()
    {
        const ConnectionProfile plant = *m_source->repo->profile(m_plant);
        // An export from before subscriptions travelled: no "subscriptions" key.
        QJsonObject json = ProfileJson::toJson(plant);
        json.insert(QStringLiteral("name"), plant.name);
        const QByteArray old =
            QJsonDocument(
                QJsonObject{{QStringLiteral("format"), QStringLiteral("mqttdesk-profiles")},
                            {QStringLiteral("version"), 1},
                            {QStringLiteral("profiles"), QJsonArray{json}}})
                .toJson();
        const QStringList saved = looks(m_source->entries(m_plant));
        QVERIFY(m_source->import(old, ImportPlan::Choice::Replace));
        QCOMPARE(looks(m_source->entries(m_plant)), saved);
        // Its rules stay too.
        QCOMPARE(m_source->repo->decodingRules(m_plant).toJson(), m_rules.toJson());

        // Into an empty store, it adds the profile with no subscriptions.
        Store target;
        QVERIFY(target.import(old, ImportPlan::Choice::Skip));
        QVERIFY(target.idOf(QStringLiteral("Plant")) != 0);
        QVERIFY(target.entries(target.idOf(QStringLiteral("Plant"))).isEmpty());
    }

    void replacingADeletedProfileFails()
    {
        ImportPlan::Action action;
        action.kind = ImportPlan::Action::Kind::Replace;
        action.key = 9999;
        StorageError error;
        QCOMPARE(m_source->repo->apply(action, &error), 0);
        QVERIFY(error.isError());
    }

private:
    std::unique_ptr<Store> m_source;
    DecodingRules m_rules;
    qint64 m_plant = 0;
};

QTEST_GUILESS_MAIN(TstProfileImportApply)
#include "tst_profile_import_apply.moc"
