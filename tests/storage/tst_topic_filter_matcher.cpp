#include "core/storage/topic_filter_matcher.h"

#include <QTest>

using namespace mqttdesk;

// The storage-private matcher; the rules follow MQTT 5 section 4.7.
class TestTopicFilterMatcher : public QObject
{
    Q_OBJECT
private slots:
    void matches_data();
    void matches();
    void validity_data();
    void validity();
    void literalPrefix();
};

void TestTopicFilterMatcher::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("expected");
    const auto row = [](const char *f, const char *t, bool e) {
        QTest::addRow("%s | %s", f, t) << QString::fromUtf8(f) << QString::fromUtf8(t) << e;
    };
    row("sport/tennis/player1/#", "sport/tennis/player1", true); // [MQTT-4.7.1-2] parent level
    row("sport/tennis/player1/#", "sport/tennis/player1/ranking", true);
    row("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true);
    row("sport/#", "sport", true);
    row("#", "anything/at/all", true);
    row("#", "/", true);
    row("sport/tennis/+", "sport/tennis/player1", true);
    row("sport/tennis/+", "sport/tennis/player1/ranking", false);
    row("sport/+", "sport", false);
    row("sport/+", "sport/", true);
    row("+", "sport", true);
    row("+/+", "/finance", true);
    row("/+", "/finance", true);
    row("+", "/finance", false);
    row("a/b", "a/b", true);
    row("a/b", "a/bc", false);
    row("a/b", "a", false);
    row("a", "a/b", false);
    row("a/+/c", "a//c", true);
    row("#", "$SYS/broker", false); // [MQTT-4.7.2-1]
    row("+/monitor/Clients", "$SYS/monitor/Clients", false);
    row("$SYS/#", "$SYS/monitor/Clients", true);
    row("$SYS/monitor/+", "$SYS/monitor/Clients", true);
    row("ü/+", "ü/温度", true);
}

void TestTopicFilterMatcher::matches()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, expected);
    QCOMPARE(TopicFilterMatcher::matches(filter, topic), expected);
}

void TestTopicFilterMatcher::validity_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("valid");
    QTest::addRow("hash alone") << QStringLiteral("#") << true;
    QTest::addRow("hash last") << QStringLiteral("a/#") << true;
    QTest::addRow("hash middle") << QStringLiteral("a/#/b") << false;
    QTest::addRow("hash in level") << QStringLiteral("a/b#") << false;
    QTest::addRow("plus level") << QStringLiteral("+/a/+") << true;
    QTest::addRow("plus in level") << QStringLiteral("a/b+") << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("empty levels") << QStringLiteral("//") << true;
}

void TestTopicFilterMatcher::validity()
{
    QFETCH(QString, filter);
    QFETCH(bool, valid);
    QCOMPARE(TopicFilterMatcher::isValidFilter(filter), valid);
}

void TestTopicFilterMatcher::literalPrefix()
{
    QCOMPARE(TopicFilterMatcher::literalPrefix(u"home/+/temp"), QStringLiteral("home/"));
    QCOMPARE(TopicFilterMatcher::literalPrefix(u"#"), QString());
    QCOMPARE(TopicFilterMatcher::literalPrefix(u"a/b"), QStringLiteral("a/b"));
    QVERIFY(!TopicFilterMatcher::hasWildcard(u"a/b"));
    QVERIFY(TopicFilterMatcher::hasWildcard(u"a/#"));
}

QTEST_GUILESS_MAIN(TestTopicFilterMatcher)
#include "tst_topic_filter_matcher.moc"
