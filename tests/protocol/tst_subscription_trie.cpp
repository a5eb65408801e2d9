#include "core/protocol/subscription_trie.h"
#include "core/protocol/topic.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace mqttdesk;

class TstSubscriptionTrie : public QObject
{
    Q_OBJECT

private slots:
    void specExamples_data();
    void specExamples();
    void insertReplaces();
    void invalidFiltersRefused();
    void removePrunes();
    void sharedRoutedByInnerFilter();
    void visitGivesFilters();
    void againstBruteForce_data();
    void againstBruteForce();

private:
    static QStringList sorted(QStringList list)
    {
        std::sort(list.begin(), list.end());
        return list;
    }
};

// Filters from MQTT 5.0 section 4.7, each stored with itself as the value.
static const QStringList &specFilters()
{
    static const QStringList filters = {
        QStringLiteral("sport/tennis/player1/#"),
        QStringLiteral("sport/#"),
        QStringLiteral("#"),
        QStringLiteral("sport/tennis/+"),
        QStringLiteral("sport/+"),
        QStringLiteral("+"),
        QStringLiteral("+/+"),
        QStringLiteral("/+"),
        QStringLiteral("/finance"),
        QStringLiteral("+/tennis/#"),
        QStringLiteral("sport/+/player1"),
        QStringLiteral("$SYS/#"),
        QStringLiteral("+/monitor/Clients"),
        QStringLiteral("$SYS/monitor/+"),
    };
    return filters;
}

void TstSubscriptionTrie::specExamples_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("sport/tennis/player1") << QStringLiteral("sport/tennis/player1")
                                          << QStringList{QStringLiteral("sport/tennis/player1/#"),
                                                         QStringLiteral("sport/#"),
                                                         QStringLiteral("#"),
                                                         QStringLiteral("sport/tennis/+"),
                                                         QStringLiteral("+/tennis/#"),
                                                         QStringLiteral("sport/+/player1")};
    QTest::newRow("sport/tennis/player1/ranking")
        << QStringLiteral("sport/tennis/player1/ranking")
        << QStringList{QStringLiteral("sport/tennis/player1/#"), QStringLiteral("sport/#"),
                       QStringLiteral("#"), QStringLiteral("+/tennis/#")};
    QTest::newRow("sport") << QStringLiteral("sport")
                           << QStringList{QStringLiteral("sport/#"), QStringLiteral("#"),
                                          QStringLiteral("+")};
    QTest::newRow("sport/") << QStringLiteral("sport/")
                            << QStringList{QStringLiteral("sport/#"), QStringLiteral("#"),
                                           QStringLiteral("sport/+"), QStringLiteral("+/+")};
    QTest::newRow("/finance") << QStringLiteral("/finance")
                              << QStringList{QStringLiteral("#"), QStringLiteral("+/+"),
                                             QStringLiteral("/+"), QStringLiteral("/finance")};
    QTest::newRow("finance") << QStringLiteral("finance")
                             << QStringList{QStringLiteral("#"), QStringLiteral("+")};
    QTest::newRow("$SYS/monitor/Clients")
        << QStringLiteral("$SYS/monitor/Clients")
        << QStringList{QStringLiteral("$SYS/#"), QStringLiteral("$SYS/monitor/+")};
    QTest::newRow("$SYS") << QStringLiteral("$SYS") << QStringList{QStringLiteral("$SYS/#")};
    QTest::newRow("other/monitor/Clients")
        << QStringLiteral("other/monitor/Clients")
        << QStringList{QStringLiteral("#"), QStringLiteral("+/monitor/Clients")};
}

void TstSubscriptionTrie::specExamples()
{
    QFETCH(QString, topic);
    QFETCH(QStringList, expected);
    SubscriptionTrie<QString> trie;
    for (const QString &filter : specFilters())
        QVERIFY(trie.insert(filter, filter));
    QCOMPARE(trie.size(), specFilters().size());
    QCOMPARE(sorted(trie.match(topic)), sorted(expected));
}

void TstSubscriptionTrie::insertReplaces()
{
    SubscriptionTrie<int> trie;
    QVERIFY(trie.insert(u"a/+", 1));
    QVERIFY(trie.insert(u"a/+", 2));
    QCOMPARE(trie.size(), 1);
    QCOMPARE(trie.match(u"a/b"), QList<int>{2});
    QVERIFY(trie.value(u"a/+"));
    QCOMPARE(*trie.value(u"a/+"), 2);
    QVERIFY(!trie.value(u"a/#"));
    QVERIFY(!trie.contains(u"a"));
}

void TstSubscriptionTrie::invalidFiltersRefused()
{
    SubscriptionTrie<int> trie;
    QVERIFY(!trie.insert(u"a/#/b", 1));
    QVERIFY(!trie.insert(u"a+", 1));
    QVERIFY(!trie.insert(u"", 1));
    QVERIFY(!trie.insert(u"$share//a", 1));
    QVERIFY(trie.isEmpty());
    QVERIFY(!trie.remove(u"a+"));
    QVERIFY(trie.match(u"").isEmpty());
}

void TstSubscriptionTrie::removePrunes()
{
    SubscriptionTrie<int> trie;
    QVERIFY(trie.insert(u"a/b/c", 1));
    QVERIFY(trie.insert(u"a/+/c", 2));
    QVERIFY(trie.insert(u"a/#", 3));
    QVERIFY(!trie.remove(u"a/b"));
    QVERIFY(!trie.remove(u"x/y"));
    QCOMPARE(trie.size(), 3);
    QVERIFY(trie.remove(u"a/b/c"));
    QVERIFY(!trie.remove(u"a/b/c"));
    QCOMPARE(trie.size(), 2);
    auto values = trie.match(u"a/b/c");
    std::sort(values.begin(), values.end());
    QCOMPARE(values, (QList<int>{2, 3}));
    QVERIFY(trie.remove(u"a/#"));
    QVERIFY(trie.remove(u"a/+/c"));
    QVERIFY(trie.isEmpty());
    QVERIFY(trie.match(u"a/b/c").isEmpty());
    // Re-inserting after pruning works.
    QVERIFY(trie.insert(u"a/b/c", 4));
    QCOMPARE(trie.match(u"a/b/c"), QList<int>{4});
    trie.clear();
    QVERIFY(trie.isEmpty());
    QVERIFY(trie.match(u"a/b/c").isEmpty());
}

void TstSubscriptionTrie::sharedRoutedByInnerFilter()
{
    SubscriptionTrie<QString> trie;
    QVERIFY(trie.insert(u"$share/g1/sensors/+", QStringLiteral("g1")));
    QVERIFY(trie.insert(u"$share/g2/sensors/+", QStringLiteral("g2")));
    QVERIFY(trie.insert(u"sensors/+", QStringLiteral("plain")));
    QVERIFY(trie.insert(u"$share/g3/#", QStringLiteral("g3")));
    QCOMPARE(trie.size(), 4);
    QCOMPARE(sorted(trie.match(u"sensors/t1")),
             (QStringList{QStringLiteral("g1"), QStringLiteral("g2"), QStringLiteral("g3"),
                          QStringLiteral("plain")}));
    // [MQTT-4.7.2-1] applies to the inner filter.
    QVERIFY(trie.match(u"$SYS/x").isEmpty());
    // The "$share/..." text is not a literal topic path.
    QCOMPARE(trie.match(u"$share/g1/sensors/t1"), QStringList{});
    QVERIFY(trie.remove(u"$share/g1/sensors/+"));
    QCOMPARE(sorted(trie.match(u"sensors/t1")),
             (QStringList{QStringLiteral("g2"), QStringLiteral("g3"), QStringLiteral("plain")}));
    QCOMPARE(*trie.value(u"$share/g2/sensors/+"), QStringLiteral("g2"));
}

void TstSubscriptionTrie::visitGivesFilters()
{
    SubscriptionTrie<int> trie;
    QVERIFY(trie.insert(u"a/+", 1));
    QVERIFY(trie.insert(u"$share/g/a/#", 2));
    QStringList filters;
    trie.forEachMatch(u"a/b", [&filters](const QString &filter, int) { filters.append(filter); });
    QCOMPARE(sorted(filters), (QStringList{QStringLiteral("$share/g/a/#"), QStringLiteral("a/+")}));
}

void TstSubscriptionTrie::againstBruteForce_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 42u, 1234u})
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

// A generated set of filters and topics over a small alphabet, so that many of them overlap;
// the trie must agree with Topic::matches() on every pair, also after removing some filters.
void TstSubscriptionTrie::againstBruteForce()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const QStringList words = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral(""),
                               QStringLiteral("$SYS"), QStringLiteral("c$")};

    auto makeTopic = [&]() {
        QStringList levels;
        const int count = 1 + int(random.bounded(4));
        for (int i = 0; i < count; ++i)
            levels.append(words[random.bounded(int(words.size()))]);
        QString topic = levels.join(u'/');
        return topic.isEmpty() ? QStringLiteral("a") : topic;
    };
    auto makeFilter = [&]() {
        QStringList levels;
        const int count = 1 + int(random.bounded(4));
        for (int i = 0; i < count; ++i) {
            const quint32 kind = random.bounded(5u);
            if (kind == 0)
                levels.append(QStringLiteral("+"));
            else
                levels.append(words[random.bounded(int(words.size()))]);
        }
        if (random.bounded(4u) == 0)
            levels.append(QStringLiteral("#"));
        QString filter = levels.join(u'/');
        if (filter.isEmpty())
            filter = QStringLiteral("#");
        if (random.bounded(8u) == 0)
            filter.prepend(QStringLiteral("$share/g%1/").arg(random.bounded(2u)));
        return filter;
    };

    SubscriptionTrie<QString> trie;
    QStringList filters;
    for (int i = 0; i < 300; ++i) {
        const QString filter = makeFilter();
        QVERIFY2(!Topic::validateFilter(filter), qPrintable(filter));
        QVERIFY(trie.insert(filter, filter));
        if (!filters.contains(filter))
            filters.append(filter);
    }
    QCOMPARE(trie.size(), filters.size());
    QStringList topics;
    for (int i = 0; i < 300; ++i)
        topics.append(makeTopic());

    auto check = [&]() {
        for (const QString &topic : std::as_const(topics)) {
            QVERIFY2(!Topic::validateName(topic), qPrintable(topic));
            QStringList expected;
            for (const QString &filter : std::as_const(filters)) {
                if (Topic::matches(filter, topic))
                    expected.append(filter);
            }
            QCOMPARE(sorted(trie.match(topic)), sorted(expected));
        }
    };
    check();
    if (QTest::currentTestFailed())
        return;

    // Remove every other filter and check again.
    for (qsizetype i = filters.size() - 1; i >= 0; i -= 2) {
        QVERIFY(trie.remove(filters[i]));
        filters.removeAt(i);
    }
    QCOMPARE(trie.size(), filters.size());
    check();
}

QTEST_APPLESS_MAIN(TstSubscriptionTrie)
#include "tst_subscription_trie.moc"
