// TopicTree: own and subtree counts, rates over a sliding window with an injected clock,
// wildcard and text matching, empty levels and a leading '/', $ roots, retained state held
// and cleared, the nodes a batch changed, rows that never move, and the memory per topic
// over 100,000 topics.
#include "core/topictree/topic_tree.h"

#include <QTest>

#include <malloc.h>

using namespace mqttdesk;

namespace {

constexpr qint64 kSecond = 1000000;
constexpr qint64 kT0 = 1'800'000'000 * kSecond;

TopicUpdate update(const QString &topic, qint64 messages, qint64 us,
                   const QByteArray &payload = "x", std::optional<bool> retained = {})
{
    TopicUpdate u;
    u.topic = topic;
    for (qint64 i = 0; i < messages; ++i)
        u.add(us, payload, 1, false);
    u.retainedHeld = retained;
    return u;
}

TopicTree built(const TopicUpdates &updates)
{
    TopicTree tree;
    tree.attachAll(tree.apply(updates).created);
    return tree;
}

} // namespace

class TestTopicTree : public QObject
{
    Q_OBJECT
private slots:
    void countsOwnAndSubtree();
    void ratesSlideOutOfTheWindow();
    void matchesWildcardsAndText_data();
    void matchesWildcardsAndText();
    void emptyLevelsAndDollarRoots();
    void retainedHeldThenCleared();
    void changesNameTheTopicsAndTheirAncestors();
    void rowsKeepTheirOrderAndNewOnesArePending();
    void lastValueKeepsTheNewest();
    void memoryPerTopic();
};

void TestTopicTree::countsOwnAndSubtree()
{
    const TopicTree tree =
        built({update(QStringLiteral("a/b/c"), 3, kT0), update(QStringLiteral("a/b"), 2, kT0),
               update(QStringLiteral("a/d"), 5, kT0)});
    const int a = tree.find(QStringLiteral("a"));
    const int ab = tree.find(QStringLiteral("a/b"));
    QVERIFY(a > 0 && ab > 0);
    QCOMPARE(tree.node(a).messages, 10);
    QCOMPARE(tree.node(a).ownMessages, 0);
    QVERIFY(!tree.node(a).isTopic);
    QCOMPARE(tree.node(ab).messages, 5);
    QCOMPARE(tree.node(ab).ownMessages, 2);
    QVERIFY(tree.node(ab).isTopic);
    QCOMPARE(tree.topicCount(), 3);
    QCOMPARE(tree.topicOf(tree.find(QStringLiteral("a/b/c"))), QStringLiteral("a/b/c"));
    QCOMPARE(tree.find(QStringLiteral("a/x")), -1);
}

void TestTopicTree::ratesSlideOutOfTheWindow()
{
    TopicTree tree;
    // 50 messages in one second, then 10 a second for 4 more seconds.
    TopicUpdates burst{update(QStringLiteral("s/t"), 50, kT0)};
    for (int s = 1; s <= 4; ++s)
        burst << update(QStringLiteral("s/t"), 10, kT0 + s * kSecond);
    tree.attachAll(tree.apply(burst).created);
    const int t = tree.find(QStringLiteral("s/t"));
    const int s = tree.find(QStringLiteral("s"));
    // 90 messages in the 10 s window.
    QCOMPARE(tree.rate(t, kT0 + 4 * kSecond), 9.0);
    QCOMPARE(tree.rate(s, kT0 + 4 * kSecond), 9.0);
    QCOMPARE(tree.rate(s, kT0 + 4 * kSecond, true), 0.0); // nothing on "s" itself
    QCOMPARE(tree.rate(t, kT0 + 4 * kSecond, true), 9.0);
    // The burst's second leaves the window at +10 s: 40 left.
    QCOMPARE(tree.rate(t, kT0 + 10 * kSecond), 4.0);
    // All gone after +14 s, without any new message.
    QCOMPARE(tree.rate(t, kT0 + 14 * kSecond), 0.0);
    // A message much later starts again from zero (old buckets are not reused).
    tree.apply({update(QStringLiteral("s/t"), 3, kT0 + 100 * kSecond)});
    QCOMPARE(tree.rate(t, kT0 + 100 * kSecond), 0.3);
    // Too old for the window: counted, but not in the rate.
    tree.apply({update(QStringLiteral("s/t"), 7, kT0 + 50 * kSecond)});
    QCOMPARE(tree.node(t).messages, 50 + 40 + 3 + 7);
    QCOMPARE(tree.rate(t, kT0 + 100 * kSecond), 0.3);
}

void TestTopicTree::matchesWildcardsAndText_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("match");
    QTest::newRow("plus") << "a/b/c"
                          << "a/+/c" << true;
    QTest::newRow("plus wrong level") << "a/b/x/c"
                                      << "a/+/c" << false;
    QTest::newRow("hash") << "a/b/c"
                          << "a/#" << true;
    QTest::newRow("hash parent") << "a"
                                 << "a/#" << true;
    QTest::newRow("hash not $") << "$SYS/broker/uptime"
                                << "#" << false;
    QTest::newRow("plus not $") << "$SYS/x"
                                << "+/x" << false;
    QTest::newRow("$ explicit") << "$SYS/broker/uptime"
                                << "$SYS/#" << true;
    QTest::newRow("empty level") << "a//b"
                                 << "a/+/b" << true;
    QTest::newRow("text any case") << "plant/Temperature"
                                   << "TEMP" << true;
    QTest::newRow("text miss") << "plant/humidity"
                               << "temp" << false;
    QTest::newRow("empty filter") << "x"
                                  << "" << true;
}

void TestTopicTree::matchesWildcardsAndText()
{
    QFETCH(QString, topic);
    QFETCH(QString, filter);
    QFETCH(bool, match);
    QCOMPARE(TopicTree::matches(topic, filter), match);
}

void TestTopicTree::emptyLevelsAndDollarRoots()
{
    const TopicTree tree =
        built({update(QStringLiteral("a//b"), 1, kT0), update(QStringLiteral("/lead"), 1, kT0),
               update(QStringLiteral("trail/"), 1, kT0),
               update(QStringLiteral("$SYS/broker/uptime"), 1, kT0)});
    const int mid = tree.find(QStringLiteral("a/"));
    QVERIFY(mid > 0);
    QCOMPARE(tree.node(mid).segment, QString());
    QCOMPARE(tree.node(tree.find(QStringLiteral("a//b"))).ownMessages, 1);
    const int lead = tree.find(QString());
    QVERIFY(lead > 0); // the root named "" of "/lead"
    QCOMPARE(tree.parent(lead), TopicTree::kRoot);
    QCOMPARE(tree.topicOf(tree.find(QStringLiteral("/lead"))), QStringLiteral("/lead"));
    QVERIFY(tree.node(tree.find(QStringLiteral("trail/"))).isTopic);
    QVERIFY(!tree.node(tree.find(QStringLiteral("trail"))).isTopic);
    const int sys = tree.find(QStringLiteral("$SYS"));
    QCOMPARE(tree.parent(sys), TopicTree::kRoot);
    QCOMPARE(tree.childCount(TopicTree::kRoot), 4); // a, "", trail, $SYS
    QCOMPARE(tree.topicCount(), 4);
}

void TestTopicTree::retainedHeldThenCleared()
{
    TopicTree tree;
    tree.attachAll(tree.apply({update(QStringLiteral("dev/1/state"), 1, kT0, "on", true),
                               update(QStringLiteral("dev/2/state"), 1, kT0, "on", true),
                               update(QStringLiteral("dev/3/state"), 1, kT0, "live")})
                       .created);
    QCOMPARE(tree.retainedTopics(TopicTree::kRoot),
             (QStringList{QStringLiteral("dev/1/state"), QStringLiteral("dev/2/state")}));
    // An empty retained message: the broker keeps none any more.
    TopicUpdate cleared;
    cleared.topic = QStringLiteral("dev/1/state");
    cleared.add(kT0 + kSecond, QByteArray(), 1, true);
    QCOMPARE(cleared.retainedHeld, std::optional<bool>(false));
    tree.apply({cleared});
    QCOMPARE(tree.retainedTopics(tree.find(QStringLiteral("dev"))),
             QStringList{QStringLiteral("dev/2/state")});
    // A live message (no retain flag) does not change it.
    tree.apply({update(QStringLiteral("dev/2/state"), 1, kT0 + 2 * kSecond, "off")});
    QVERIFY(tree.node(tree.find(QStringLiteral("dev/2/state"))).retained);
    // Cleared by the user through the app.
    QCOMPARE(tree.markRetainedCleared({QStringLiteral("dev/2/state"), QStringLiteral("nope")}),
             QList<int>{tree.find(QStringLiteral("dev/2/state"))});
    QVERIFY(tree.retainedTopics(TopicTree::kRoot).isEmpty());
}

void TestTopicTree::changesNameTheTopicsAndTheirAncestors()
{
    TopicTree tree;
    tree.attachAll(
        tree.apply({update(QStringLiteral("a/b/c"), 1, kT0), update(QStringLiteral("x/y"), 1, kT0)})
            .created);
    const TopicTree::Changes changes = tree.apply({update(QStringLiteral("a/b/c"), 2, kT0)});
    QVERIFY(changes.created.isEmpty());
    QList<int> expected{tree.find(QStringLiteral("a")), tree.find(QStringLiteral("a/b")),
                        tree.find(QStringLiteral("a/b/c"))};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(changes.changed, expected);
}

void TestTopicTree::rowsKeepTheirOrderAndNewOnesArePending()
{
    TopicTree tree;
    tree.attachAll(
        tree.apply({update(QStringLiteral("z"), 1, kT0), update(QStringLiteral("a"), 1, kT0)})
            .created);
    QCOMPARE(tree.node(tree.child(TopicTree::kRoot, 0)).segment, QStringLiteral("z"));
    const TopicTree::Changes changes =
        tree.apply({update(QStringLiteral("m/n"), 1, kT0), update(QStringLiteral("a/b"), 1, kT0)});
    // Pending until attached: not found, not counted as a row.
    QCOMPARE(tree.find(QStringLiteral("m")), -1);
    QCOMPARE(tree.childCount(TopicTree::kRoot), 2);
    // Announced per parent, parents first, each parent once.
    QList<std::tuple<int, int, int>> announced;
    tree.attach(
        changes.created,
        [&](int parent, int first, int count) {
            announced.append({parent, first, count});
        },
        [](int) {});
    QCOMPARE(announced.size(), 3); // root (m), a (b), m (n)
    QCOMPARE(std::get<0>(announced[0]), TopicTree::kRoot);
    QCOMPARE(std::get<1>(announced[0]), 2);
    QCOMPARE(tree.row(tree.find(QStringLiteral("m"))), 2);
    QCOMPARE(tree.node(tree.child(TopicTree::kRoot, 1)).segment, QStringLiteral("a"));
}

void TestTopicTree::lastValueKeepsTheNewest()
{
    TopicTree tree;
    tree.attachAll(tree.apply({update(QStringLiteral("t"), 1, kT0 + 5, "new")}).created);
    // History read late (older messages): counts add up, the value stays the newest.
    tree.apply({update(QStringLiteral("t"), 4, kT0, "old")});
    const TopicTree::Node &t = tree.node(tree.find(QStringLiteral("t")));
    QCOMPARE(t.ownMessages, 5);
    QCOMPARE(t.preview, QByteArray("new"));
    // The preview is cut to its size.
    tree.apply({update(QStringLiteral("t"), 1, kT0 + 9, QByteArray(1000, 'p'))});
    QCOMPARE(tree.node(tree.find(QStringLiteral("t"))).preview.size(), TopicUpdate::kPreviewBytes);
}

void TestTopicTree::memoryPerTopic()
{
    // bench/<a>/<b>/<c>: 100,000 topics, the spread of scripts/bench-gui TOPICS=100000.
    TopicUpdates updates;
    updates.reserve(100000);
    for (int t = 0; t < 100000; ++t)
        updates << update(
            QStringLiteral("bench/%1/%2/%3").arg(t / 1000 % 100).arg(t / 10 % 100).arg(t % 10), 1,
            kT0 + t, "bench payload 000000001 abcdefghijklmnopqrstuvwxyz");
    // What the heap really grew by (glibc), beside the tree's own estimate.
    // Small blocks (uordblks) and the large ones glibc maps on their own (hblkhd).
    const auto heap = [] {
        const struct mallinfo2 info = mallinfo2();
        return info.uordblks + info.hblkhd;
    };
    const size_t before = heap();
    auto tree = std::make_unique<TopicTree>();
    tree->attachAll(tree->apply(updates).created);
    const size_t after = heap();
    QCOMPARE(tree->topicCount(), 100000);
    const double previews = double(tree->previewBytes()) / tree->topicCount();
    const double estimated = double(tree->memoryBytes()) / tree->topicCount();
    const double measured = double(after - before) / tree->topicCount() - previews;
    qInfo("topic tree: %d nodes; per topic %.0f bytes (heap growth %.0f) plus %.0f of preview",
          tree->nodeCount(), estimated, measured, previews);
    QVERIFY2(estimated < 200, qPrintable(QString::number(estimated)));
    QVERIFY2(measured < 200, qPrintable(QString::number(measured)));
}

QTEST_GUILESS_MAIN(TestTopicTree)
#include "tst_topic_tree.moc"
