#include "core/storage/database.h"
#include "core/storage/profile_store.h"
#include "core/storage/publish_history_store.h"
#include "core/storage/subscription_store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;

// PublishHistoryStore and SubscriptionStore.
class TestPublishHistoryStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void distinctValuesWithLastUse();
    void capKeepsMostRecent();
    void subscriptionsRoundTripAndOrder();

private:
    PublishHistoryEntry entry(const QString &topic, const QByteArray &payload, qint64 us)
    {
        PublishHistoryEntry e;
        e.profileId = m_profile;
        e.topic = topic;
        e.payload = payload;
        e.lastUsedUs = us;
        return e;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_profile = 0;
};

void TestPublishHistoryStore::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("ph.sqlite")));
    QVERIFY(!m_db->open().isError());
    StoredProfile profile;
    profile.name = QStringLiteral("P");
    m_profile = ProfileStore(m_db->connection()).create(profile);
    QVERIFY(m_profile > 0);
}

void TestPublishHistoryStore::distinctValuesWithLastUse()
{
    PublishHistoryStore store(m_db->connection());
    const qint64 first = store.record(entry(QStringLiteral("a"), "1", 10));
    QVERIFY(first > 0);
    QCOMPARE(store.record(entry(QStringLiteral("a"), "1", 30)), first); // same values
    PublishHistoryEntry retained = entry(QStringLiteral("a"), "1", 20);
    retained.retain = true; // a different value
    QVERIFY(store.record(retained) != first);
    PublishHistoryEntry withProps = entry(QStringLiteral("a"), "1", 25);
    withProps.properties = QByteArray::fromHex("0101");
    withProps.qos = 2;
    QVERIFY(store.record(withProps) > 0);
    QVERIFY(store.record(entry(QStringLiteral("b"), QByteArray(), 5)) > 0);
    QCOMPARE(store.record(entry(QStringLiteral("b"), QByteArray(""), 6)),
             store.list(m_profile).last().id); // empty payload: one entry

    const QList<PublishHistoryEntry> list = store.list(m_profile);
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.at(0).id, first); // most recently used first
    QCOMPARE(list.at(0).lastUsedUs, 30);
    QCOMPARE(list.at(0).useCount, 2);
    QCOMPARE(list.at(1).properties, withProps.properties);
    QCOMPARE(list.at(1).qos, 2);
    QVERIFY(list.at(2).retain);
    QCOMPARE(store.list(m_profile, 2).size(), 2);
    QVERIFY(!store.remove(first).isError());
    QCOMPARE(store.list(m_profile).size(), 3);
    QVERIFY(!store.clear(m_profile).isError());
    QCOMPARE(store.list(m_profile).size(), 0);
}

void TestPublishHistoryStore::capKeepsMostRecent()
{
    PublishHistoryStore store(m_db->connection(), 5);
    for (int i = 0; i < 12; ++i)
        QVERIFY(store.record(entry(QStringLiteral("t"), QByteArray::number(i), 100 + i)) > 0);
    // Using an old one again makes it recent.
    QVERIFY(store.record(entry(QStringLiteral("t"), "8", 500)) > 0);
    const QList<PublishHistoryEntry> list = store.list(m_profile);
    QCOMPARE(list.size(), 5);
    QStringList payloads;
    for (const auto &e : list)
        payloads << QString::fromUtf8(e.payload);
    QCOMPARE(payloads, (QStringList{QStringLiteral("8"), QStringLiteral("11"), QStringLiteral("10"),
                                    QStringLiteral("9"), QStringLiteral("7")}));
}

void TestPublishHistoryStore::subscriptionsRoundTripAndOrder()
{
    SubscriptionStore store(m_db->connection());
    StoredSubscription s;
    s.profileId = m_profile;
    s.filter = QStringLiteral("sensors/+/temp");
    s.qos = 2;
    s.options = QJsonObject{{QStringLiteral("retainHandling"), 1}};
    s.alias = QStringLiteral("Temps");
    s.colour = QStringLiteral("#00aaff");
    s.payloadFormat = QStringLiteral("json");
    const qint64 first = store.add(s);
    s.filter = QStringLiteral("b/#");
    const qint64 second = store.add(s);
    QList<StoredSubscription> list = store.list(m_profile);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, first);
    QCOMPARE(list.at(0).filter, QStringLiteral("sensors/+/temp"));
    QCOMPARE(list.at(0).options, s.options);
    QCOMPARE(list.at(0).payloadFormat, QStringLiteral("json"));
    QCOMPARE(list.at(1).position, 1);
    QVERIFY(!store.reorder(m_profile, {second, first}).isError());
    QCOMPARE(store.list(m_profile).first().id, second);
    QVERIFY(!store.setEnabled(first, false).isError());
    StoredSubscription changed = store.list(m_profile).last();
    QVERIFY(!changed.enabled);
    changed.alias = QStringLiteral("Renamed");
    QVERIFY(!store.update(changed).isError());
    QCOMPARE(store.list(m_profile).last(), changed);
    QVERIFY(!store.remove(second).isError());
    QCOMPARE(store.list(m_profile).size(), 1);
}

QTEST_GUILESS_MAIN(TestPublishHistoryStore)
#include "tst_publish_history_store.moc"
