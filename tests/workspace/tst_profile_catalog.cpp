// ProfileCatalog: the saved connections on a worker thread. It opens (creates, migrates) the
// database there, serves ProfileRepository's edits in order, answers on the owner's thread
// and runs no SQL on it; an unopenable database answers its error; answers to a destroyed
// catalog are dropped; a removal takes the profile's history and queued messages with it.
#include "core/profile/connection_profile.h"
#include "core/storage/data_directory.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_writer.h"
#include "core/storage/sql_thread_audit.h"
#include "core/workspace/profile_catalog.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace mqttdesk;

namespace {

constexpr int kWait = 10000;

ConnectionProfile named(const QString &name, const QString &folder = {})
{
    ConnectionProfile p;
    p.name = name;
    p.folder = folder;
    p.host = QStringLiteral("broker.local");
    return p;
}

// The answer of one request, with the thread it arrived on.
template<typename... Args>
struct Answer
{
    std::optional<std::tuple<std::decay_t<Args>...>> values;
    QThread *thread = nullptr;

    auto callback()
    {
        return [this](Args... args) {
            thread = QThread::currentThread();
            values.emplace(args...);
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return values.has_value(); }, kWait);
    }
    template<std::size_t I>
    const auto &get() const
    {
        return std::get<I>(*values);
    }
};

using Done = Answer<const StorageError &>;
using Created = Answer<qint64, const StorageError &>;
using Listed = Answer<const QList<StoredProfile> &, const StorageError &>;
using Loaded = Answer<const std::optional<ConnectionProfile> &, const QString &>;
using Moved = Answer<const std::optional<QString> &, const QString &>;

qint64 messageCount(const QString &path, qint64 profileId)
{
    DatabaseConnection connection(path, QStringLiteral("test-count"));
    return connection
        .scalar(
            QStringLiteral("SELECT COUNT(*) FROM messages WHERE profile_id = %1").arg(profileId))
        .toLongLong();
}

} // namespace

class TstProfileCatalog : public QObject
{
    Q_OBJECT
private slots:
    // A file that is no database: open() names it; moveAside() renames it (content kept) and
    // the next open() creates a new, empty database in its place, on the same catalog.
    void aDamagedFileIsMovedAsideAndANewOneOpens()
    {
        const QByteArray garbage(8192, 'x');
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        ProfileCatalog catalog(m_path);
        Done opened;
        catalog.open(opened.callback());
        QVERIFY(opened.wait());
        QCOMPARE(opened.get<0>().kind, StorageError::Kind::NotADatabase);
        QVERIFY(opened.get<0>().message.contains(m_path));

        Moved moved;
        catalog.moveAside(moved.callback());
        QVERIFY(moved.wait());
        QVERIFY2(moved.get<0>().has_value(), qPrintable(moved.get<1>()));
        const QString aside = *moved.get<0>();
        QVERIFY(aside.startsWith(m_path + QStringLiteral(".damaged-")));
        QFile kept(aside);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);

        Done reopened;
        catalog.open(reopened.callback());
        QVERIFY(reopened.wait());
        QVERIFY2(!reopened.get<0>().isError(), qPrintable(reopened.get<0>().message));
        Created created;
        catalog.create(named(QStringLiteral("after")), created.callback());
        QVERIFY(created.wait());
        QVERIFY(created.get<0>() > 0);
        Listed listed;
        catalog.list(listed.callback());
        QVERIFY(listed.wait());
        QCOMPARE(listed.get<0>().size(), 1);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = DataDirectory::databasePath(m_dir->path());
    }
    void cleanup() { m_dir.reset(); }

    void opensTheDatabaseOnItsThread()
    {
#ifdef MQTTDESK_SQL_AUDIT
        SqlThreadAudit::watch(QThread::currentThread());
#endif
        ProfileCatalog catalog(m_path);
        Done opened;
        catalog.open(opened.callback());
        QVERIFY(opened.wait());
        QVERIFY2(!opened.get<0>().isError(), qPrintable(opened.get<0>().message));
        QCOMPARE(opened.thread, QThread::currentThread());
        QVERIFY(QFile::exists(m_path));

        Listed listed;
        catalog.list(listed.callback());
        QVERIFY(listed.wait());
        QVERIFY(!listed.get<1>().isError());
        QVERIFY(listed.get<0>().isEmpty());
        QCOMPARE(catalog.pendingRequests(), 0);
#ifdef MQTTDESK_SQL_AUDIT
        QCOMPARE(SqlThreadAudit::statementCount(), 0);
        SqlThreadAudit::watch(nullptr);
#endif
    }

    // An import's write and an export's read go through the worker like every request.
    void applyAnImportAndReadItForExport()
    {
        ProfileCatalog catalog(m_path);
        ImportPlan::Action action;
        action.profile = named(QStringLiteral("Imported"), QStringLiteral("site"));
        ProfileSubscription subscription;
        subscription.profileId = action.profile.id;
        subscription.filter = QStringLiteral("plant/#");
        subscription.colour = QStringLiteral("#a1b2c3");
        subscription.alias = QStringLiteral("Plant");
        subscription.format = QStringLiteral("json");
        action.subscriptions = {subscription};
        Created applied;
        catalog.apply(action, applied.callback());
        QVERIFY(applied.wait());
        QVERIFY2(applied.get<0>() > 0, qPrintable(applied.get<1>().message));
        QCOMPARE(applied.thread, QThread::currentThread());

        Answer<const QList<ConnectionProfile> &, const QList<ProfileSubscription> &,
               const ProfileExporter::RulesByProfile &, const StorageError &>
            exported;
        catalog.exportable(exported.callback());
        QVERIFY(exported.wait());
        QVERIFY(!exported.get<3>().isError());
        QCOMPARE(exported.get<0>().size(), 1);
        QCOMPARE(exported.get<0>().first().folder, QStringLiteral("site"));
        // Read back as the panel would save it: an untouched 5.0 option reads as its default.
        QCOMPARE(exported.get<1>(), QList<ProfileSubscription>{subscription});
    }

    // Requests answer in the order they were sent; a request sent before open() opens the
    // database itself.
    void createEditAndListInOrder()
    {
        ProfileCatalog catalog(m_path);
        Created one;
        Created two;
        catalog.create(named(QStringLiteral("One"), QStringLiteral("site")), one.callback());
        catalog.create(named(QStringLiteral("Two"), QStringLiteral("site")), two.callback());
        QList<int> order;
        catalog.rename(0, QStringLiteral("nobody"),
                       [&order](const StorageError &) { order << 1; }); // a missing id
        catalog.list([&order](const QList<StoredProfile> &, const StorageError &) { order << 2; });
        QVERIFY(two.wait());
        QTRY_COMPARE(order, (QList<int>{1, 2}));
        QVERIFY(one.values && one.get<0>() > 0);
        const qint64 idOne = one.get<0>();
        const qint64 idTwo = two.get<0>();
        QVERIFY(idTwo > 0 && idTwo != idOne);

        Loaded loaded;
        catalog.profile(idOne, loaded.callback());
        QVERIFY(loaded.wait());
        QVERIFY(loaded.get<0>());
        ConnectionProfile edited = *loaded.get<0>();
        QCOMPARE(edited.name, QStringLiteral("One"));
        edited.host = QStringLiteral("other.local");
        Done saved;
        catalog.save(idOne, edited, saved.callback());
        Done renamed;
        catalog.rename(idTwo, QStringLiteral("Zwei"), renamed.callback());
        Done moved;
        catalog.moveToFolder(idOne, QStringLiteral("lab"), moved.callback());
        QVERIFY(moved.wait());
        QVERIFY(!saved.get<0>().isError() && !renamed.get<0>().isError() &&
                !moved.get<0>().isError());

        Loaded again;
        catalog.profile(idOne, again.callback());
        QVERIFY(again.wait());
        QCOMPARE(again.get<0>()->host, QStringLiteral("other.local"));
        QCOMPARE(again.get<0>()->folder, QStringLiteral("lab"));

        Done folder;
        catalog.renameFolder(QStringLiteral("site"), QStringLiteral("plant"), folder.callback());
        Listed listed;
        catalog.list(listed.callback());
        QVERIFY(listed.wait());
        QVERIFY(!folder.get<0>().isError());
        QStringList placed;
        for (const StoredProfile &p : listed.get<0>())
            placed << p.folder + QLatin1Char('/') + p.name;
        placed.sort();
        QCOMPARE(placed, (QStringList{QStringLiteral("lab/One"), QStringLiteral("plant/Zwei")}));

        using All = Answer<const QList<ConnectionProfile> &, const StorageError &>;
        All all;
        catalog.profiles(all.callback());
        QVERIFY(all.wait());
        QCOMPARE(all.get<0>().size(), 2);
    }

    void duplicateAnswersBothProfiles()
    {
        ProfileCatalog catalog(m_path);
        Created created;
        catalog.create(named(QStringLiteral("Original")), created.callback());
        QVERIFY(created.wait());
        using Duplicated = Answer<const ProfileCatalog::Duplicate &, const StorageError &>;
        Duplicated copy;
        catalog.duplicate(created.get<0>(), QStringLiteral("Original (copy)"), copy.callback());
        QVERIFY(copy.wait());
        const ProfileCatalog::Duplicate &d = copy.get<0>();
        QVERIFY2(!copy.get<1>().isError(), qPrintable(copy.get<1>().message));
        QVERIFY(d.id > 0 && d.id != created.get<0>());
        QVERIFY(d.source && d.copy);
        QCOMPARE(d.source->name, QStringLiteral("Original"));
        QCOMPARE(d.copy->name, QStringLiteral("Original (copy)"));
        QVERIFY(d.copy->id != d.source->id); // its own identity (and keychain entries)

        // A missing original: no copy, and why.
        Duplicated missing;
        catalog.duplicate(4242, QStringLiteral("x"), missing.callback());
        QVERIFY(missing.wait());
        QCOMPARE(missing.get<0>().id, qint64(0));
    }

    // The profile goes with its history, and the writer drops what it still queues for it.
    void removeTakesTheHistory()
    {
        MessageWriter writer(m_path);
        ProfileCatalog catalog(m_path, &writer);
        Created created;
        catalog.create(named(QStringLiteral("Doomed")), created.callback());
        Created kept;
        catalog.create(named(QStringLiteral("Kept")), kept.callback());
        QVERIFY(kept.wait());
        writer.start(); // after the catalog made the schema
        const qint64 doomed = created.get<0>();
        for (qint64 profile : {doomed, kept.get<0>()}) {
            for (int i = 0; i < 50; ++i) {
                StoredMessage m;
                m.profileId = profile;
                m.topic = QStringLiteral("t/%1").arg(i);
                m.payload = QByteArray::number(i);
                m.receivedUs = 1000 + i;
                QVERIFY(writer.enqueue(m));
            }
        }
        QVERIFY(writer.waitUntilIdle(kWait));
        QCOMPARE(messageCount(m_path, doomed), qint64(50));

        using Removed = Answer<const std::optional<ConnectionProfile> &, const StorageError &>;
        Removed removed;
        catalog.remove(doomed, removed.callback());
        QVERIFY(removed.wait());
        QVERIFY2(!removed.get<1>().isError(), qPrintable(removed.get<1>().message));
        QVERIFY(removed.get<0>()); // as it was, for forgetting its secrets
        QCOMPARE(removed.get<0>()->name, QStringLiteral("Doomed"));
        StoredMessage late;
        late.profileId = doomed;
        late.topic = QStringLiteral("late");
        QVERIFY(!writer.enqueue(late)); // refused from now on
        QVERIFY(writer.waitUntilIdle(kWait));
        QCOMPARE(messageCount(m_path, doomed), qint64(0));
        QCOMPARE(messageCount(m_path, kept.get<0>()), qint64(50));

        Loaded gone;
        catalog.profile(doomed, gone.callback());
        QVERIFY(gone.wait());
        QVERIFY(!gone.get<0>());
        QVERIFY(!gone.get<1>().isEmpty());
        writer.stop();
    }

    // The path is a directory: open says why, and so does every later request.
    void unopenableDatabaseAnswersItsError()
    {
        QVERIFY(QDir().mkpath(m_path));
        ProfileCatalog catalog(m_path);
        Done opened;
        catalog.open(opened.callback());
        QVERIFY(opened.wait());
        QVERIFY(opened.get<0>().isError());
        QVERIFY(!opened.get<0>().message.isEmpty());

        Listed listed;
        catalog.list(listed.callback());
        Created created;
        catalog.create(named(QStringLiteral("x")), created.callback());
        Loaded loaded;
        catalog.profile(1, loaded.callback());
        QVERIFY(loaded.wait());
        QCOMPARE(listed.get<1>().message, opened.get<0>().message);
        QCOMPARE(created.get<0>(), qint64(0));
        QVERIFY(created.get<1>().isError());
        QVERIFY(!loaded.get<0>());
        QCOMPARE(loaded.get<1>(), opened.get<0>().message);
    }

    // Destroyed with requests in flight: they still run (joined), their answers never come.
    void answersToADestroyedCatalogAreDropped()
    {
        int answered = 0;
        {
            ProfileCatalog catalog(m_path);
            for (int i = 0; i < 20; ++i)
                catalog.create(named(QStringLiteral("p%1").arg(i)),
                               [&answered](qint64, const StorageError &) { ++answered; });
        }
        // Queued answers would be posted events by now; the catalog took them with it.
        QCoreApplication::processEvents();
        QCOMPARE(answered, 0);
        // Every request ran before the thread ended.
        ProfileCatalog catalog(m_path);
        Listed listed;
        catalog.list(listed.callback());
        QVERIFY(listed.wait());
        QCOMPARE(listed.get<0>().size(), 20);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TstProfileCatalog)
#include "tst_profile_catalog.moc"
