// ImportPlan, the decisions of an import before anything is written: which imported profile
// clashes with a saved one (by id, else by name), what each choice makes of it ("name (2)"
// and a fresh client id for keep both, the saved id for replace, nothing for skip), and which
// writes would leave two profiles sharing a client id at one broker.
#include "core/profile/client_id_check.h"
#include "core/profile/import_plan.h"

#include <QTest>

using namespace mqttdesk;

namespace {

using Choice = ImportPlan::Choice;
using Clash = ImportPlan::Clash;
using Kind = ImportPlan::Action::Kind;

ProfileSubscription subscription(const QUuid &profileId, const QString &filter, quint8 qos)
{
    ProfileSubscription s;
    s.profileId = profileId;
    s.filter = filter;
    s.qos = qos;
    return s;
}

ConnectionProfile profile(const QString &name, const QString &clientId = {}, quint16 port = 1883)
{
    ConnectionProfile p;
    p.name = name;
    p.host = QStringLiteral("broker.local");
    p.port = port;
    p.clientId = clientId;
    return p;
}

ProfileImport fileWith(const QList<ConnectionProfile> &profiles)
{
    ProfileImport imported;
    imported.profiles = profiles;
    for (const ConnectionProfile &p : profiles) {
        imported.subscriptions << subscription(p.id, QStringLiteral("plant/#"), 1);
        imported.subscriptionsListed.insert(p.id);
    }
    return imported;
}

} // namespace

class TestImportPlan : public QObject
{
    Q_OBJECT
private slots:
    void noClashAddsAsIs()
    {
        const ConnectionProfile saved = profile(QStringLiteral("Saved"), QStringLiteral("a"));
        const ConnectionProfile incoming = profile(QStringLiteral("New"), QStringLiteral("b"));
        const ImportPlan plan({{1, saved}}, fileWith({incoming}));
        QVERIFY(plan.conflicts().isEmpty());
        QCOMPARE(plan.items().first().clash, Clash::None);
        const QList<ImportPlan::Action> actions = plan.actions();
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.first().kind, Kind::Add);
        QCOMPARE(actions.first().profile, incoming); // id, name, client id kept
        QCOMPARE(actions.first().subscriptions.size(), 1);
        QCOMPARE(actions.first().subscriptions.first().profileId, incoming.id);
    }

    void idClashWinsOverName()
    {
        const ConnectionProfile byName = profile(QStringLiteral("Plant"));
        ConnectionProfile byId = profile(QStringLiteral("Renamed here"));
        ConnectionProfile incoming = profile(QStringLiteral("Plant"));
        incoming.id = byId.id;
        const ImportPlan plan({{1, byName}, {2, byId}}, fileWith({incoming}));
        QCOMPARE(plan.conflicts(), QList<int>{0});
        QCOMPARE(plan.items().first().clash, Clash::SameId);
        QCOMPARE(plan.items().first().existing.key, 2);
    }

    void nameClash()
    {
        const ConnectionProfile saved = profile(QStringLiteral("Plant"));
        const ConnectionProfile incoming = profile(QStringLiteral("Plant"));
        const ImportPlan plan({{7, saved}}, fileWith({incoming}));
        QCOMPARE(plan.conflicts(), QList<int>{0});
        QCOMPARE(plan.items().first().clash, Clash::SameName);
        QCOMPARE(plan.items().first().existing.key, 7);
        QCOMPARE(plan.items().first().existing.profile.name, QStringLiteral("Plant"));
    }

    void undecidedAndSkippedClashesWriteNothing()
    {
        const ConnectionProfile saved = profile(QStringLiteral("Plant"));
        ConnectionProfile incoming = saved;
        incoming.host = QStringLiteral("elsewhere");
        ImportPlan plan({{1, saved}}, fileWith({incoming}));
        QVERIFY(plan.actions().isEmpty()); // not chosen yet: skipped
        plan.choose(0, Choice::Skip);
        QVERIFY(plan.actions().isEmpty());
    }

    void replaceKeepsTheSavedId()
    {
        const ConnectionProfile saved = profile(QStringLiteral("Plant"), QStringLiteral("x"));
        ConnectionProfile incoming = profile(QStringLiteral("Plant"), QStringLiteral("x"), 1884);
        ImportPlan plan({{4, saved}}, fileWith({incoming}));
        plan.choose(0, Choice::Replace);
        const QList<ImportPlan::Action> actions = plan.actions();
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.first().kind, Kind::Replace);
        QCOMPARE(actions.first().key, 4);
        QCOMPARE(actions.first().profile.id, saved.id); // its keychain entries hang off it
        QCOMPARE(actions.first().profile.port, quint16(1884));
        QCOMPARE(actions.first().profile.clientId, QStringLiteral("x"));
        QCOMPARE(actions.first().subscriptions.first().profileId, saved.id);
        QVERIFY(actions.first().replaceSubscriptions);
        // Nothing clashes with the profile it replaces.
        QVERIFY(plan.clientIdClashes(actions).isEmpty());
    }

    void replaceFromAnOldFileKeepsTheSubscriptions()
    {
        const ConnectionProfile saved = profile(QStringLiteral("Plant"));
        ProfileImport old;
        old.profiles = {profile(QStringLiteral("Plant"))};
        ImportPlan plan({{4, saved}}, old);
        plan.choose(0, Choice::Replace);
        QVERIFY(!plan.actions().first().replaceSubscriptions);
    }

    void keepBothRenamesWithAFreshClientId()
    {
        const ConnectionProfile saved = profile(QStringLiteral("Plant"), QStringLiteral("desk-1"));
        ImportPlan plan({{1, saved}}, fileWith({saved})); // the same file again: id clash
        QCOMPARE(plan.items().first().clash, Clash::SameId);
        plan.choose(0, Choice::KeepBoth);
        const ImportPlan::Action action = plan.actions().first();
        QCOMPARE(action.kind, Kind::Add);
        QCOMPARE(action.profile.name, QStringLiteral("Plant (2)"));
        QVERIFY(action.profile.id != saved.id);
        QVERIFY(!action.profile.clientId.isEmpty());
        QVERIFY(action.profile.clientId != saved.clientId);
        QCOMPARE(action.subscriptions.first().profileId, action.profile.id);
        QVERIFY(plan.clientIdClashes({action}).isEmpty());
    }

    void keepBothCountsOnPastTakenNames()
    {
        const ConnectionProfile one = profile(QStringLiteral("Plant"));
        const ConnectionProfile two = profile(QStringLiteral("Plant (2)"));
        ImportPlan plan({{1, one}, {2, two}}, fileWith({profile(QStringLiteral("Plant"))}));
        plan.choose(0, Choice::KeepBoth);
        QCOMPARE(plan.actions().first().profile.name, QStringLiteral("Plant (3)"));
        // No fixed client id: none is invented.
        QVERIFY(plan.actions().first().profile.clientId.isEmpty());
    }

    void numberedName()
    {
        const QSet<QString> taken{QStringLiteral("A"), QStringLiteral("A (2)"),
                                  QStringLiteral("B (4)")};
        QCOMPARE(ImportPlan::numberedName(QStringLiteral("Free"), taken), QStringLiteral("Free"));
        QCOMPARE(ImportPlan::numberedName(QStringLiteral("A"), taken), QStringLiteral("A (3)"));
        QCOMPARE(ImportPlan::numberedName(QStringLiteral("A (2)"), taken), QStringLiteral("A (3)"));
        QCOMPARE(ImportPlan::numberedName(QStringLiteral("B (4)"), taken), QStringLiteral("B (5)"));
    }

    void applyToAllRemaining()
    {
        const ConnectionProfile a = profile(QStringLiteral("A"));
        const ConnectionProfile b = profile(QStringLiteral("B"));
        const ConnectionProfile c = profile(QStringLiteral("C"));
        const ConnectionProfile fresh = profile(QStringLiteral("Fresh"));
        ImportPlan plan({{1, a}, {2, b}, {3, c}}, fileWith({a, fresh, b, c}));
        QCOMPARE(plan.conflicts(), (QList<int>{0, 2, 3}));
        plan.choose(0, Choice::Replace);
        plan.chooseRemaining(Choice::KeepBoth);
        QCOMPARE(plan.items().at(0).choice, Choice::Replace); // chosen before: kept
        QCOMPARE(plan.items().at(2).choice, Choice::KeepBoth);
        QCOMPARE(plan.items().at(3).choice, Choice::KeepBoth);
        QVERIFY(!plan.items().at(1).choice); // no clash: nothing to choose
        QStringList names;
        for (const ImportPlan::Action &action : plan.actions())
            names << action.profile.name;
        QCOMPARE(names, (QStringList{QStringLiteral("A"), QStringLiteral("Fresh"),
                                     QStringLiteral("B (2)"), QStringLiteral("C (2)")}));
    }

    void aFileNamingOneIdTwiceAddsTwoProfiles()
    {
        const ConnectionProfile a = profile(QStringLiteral("A"));
        ConnectionProfile again = profile(QStringLiteral("A again"));
        again.id = a.id;
        const ImportPlan plan({}, fileWith({a, again}));
        const QList<ImportPlan::Action> actions = plan.actions();
        QCOMPARE(actions.size(), 2);
        QVERIFY(actions.at(0).profile.id != actions.at(1).profile.id);
    }

    void clientIdClashesOfAnImport()
    {
        const ConnectionProfile saved = profile(QStringLiteral("Saved"), QStringLiteral("desk-1"));
        const ConnectionProfile same = profile(QStringLiteral("Same"), QStringLiteral("desk-1"));
        const ConnectionProfile otherPort =
            profile(QStringLiteral("Other port"), QStringLiteral("desk-1"), 1884);
        const ConnectionProfile twin =
            profile(QStringLiteral("Twin"), QStringLiteral("desk-1"), 1884);
        const ImportPlan plan({{1, saved}}, fileWith({same, otherPort, twin}));
        QList<ImportPlan::Action> actions = plan.actions();
        const QList<ImportPlan::ClientIdClash> clashes = plan.clientIdClashes(actions);
        QCOMPARE(clashes.size(), 2);
        QCOMPARE(clashes.at(0).action, 0);
        QCOMPARE(clashes.at(0).other.name, QStringLiteral("Saved"));
        QCOMPARE(clashes.at(1).action, 2); // with an earlier profile of the same file
        QCOMPARE(clashes.at(1).other.name, QStringLiteral("Other port"));

        ImportPlan::renewClientIds(actions, clashes);
        QVERIFY(actions.at(0).profile.clientId != QStringLiteral("desk-1"));
        QCOMPARE(actions.at(1).profile.clientId, QStringLiteral("desk-1"));
        QVERIFY(actions.at(2).profile.clientId != QStringLiteral("desk-1"));
        QVERIFY(plan.clientIdClashes(actions).isEmpty());
    }

    void clientIdCheck()
    {
        ConnectionProfile me = profile(QStringLiteral("Me"), QStringLiteral("desk-1"));
        ConnectionProfile sameBroker = profile(QStringLiteral("Same"), QStringLiteral("desk-1"));
        sameBroker.host = QStringLiteral(" BROKER.local ");
        const ConnectionProfile otherPort =
            profile(QStringLiteral("Port"), QStringLiteral("desk-1"), 8883);
        ConnectionProfile otherHost = profile(QStringLiteral("Host"), QStringLiteral("desk-1"));
        otherHost.host = QStringLiteral("other.local");
        const ConnectionProfile otherId = profile(QStringLiteral("Id"), QStringLiteral("desk-2"));
        ConnectionProfile savedCopy = me; // the saved version of the profile being edited
        savedCopy.name = QStringLiteral("Me before");
        const QList<ConnectionProfile> others{sameBroker, otherPort, otherHost, otherId, savedCopy};

        const QList<ConnectionProfile> found = ClientIdCheck::clashes(me, others);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().name, QStringLiteral("Same"));

        // An empty client id is not fixed: the broker or the session picks one each time.
        ConnectionProfile empty = profile(QStringLiteral("Empty"));
        ConnectionProfile emptyToo = profile(QStringLiteral("Empty too"));
        QVERIFY(!ClientIdCheck::isFixed(empty));
        QVERIFY(ClientIdCheck::clashes(empty, {emptyToo}).isEmpty());

        const QString generated = ClientIdCheck::generate();
        QVERIFY(generated.startsWith(QStringLiteral("mqttdesk-")));
        QCOMPARE(generated.size(), 17);
        QVERIFY(generated != ClientIdCheck::generate());
    }
};

QTEST_GUILESS_MAIN(TestImportPlan)
#include "tst_import_plan.moc"
