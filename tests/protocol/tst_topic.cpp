#include "core/protocol/topic.h"

#include <QTest>

using namespace mqttdesk;

Q_DECLARE_METATYPE(mqttdesk::TopicErrorCode)

class TstTopic : public QObject
{
    Q_OBJECT

private slots:
    void validName_data();
    void validName();
    void invalidName_data();
    void invalidName();
    void validFilter_data();
    void validFilter();
    void invalidFilter_data();
    void invalidFilter();
    void lengthLimit();
    void everyErrorHasAMessage();
    void matching_data();
    void matching();
    void parseShared_data();
    void parseShared();
    void utf8Length();
};

void TstTopic::validName_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("one level") << QStringLiteral("finance");
    QTest::newRow("space") << QStringLiteral("topic name");
    QTest::newRow("leading slash") << QStringLiteral("/finance");
    QTest::newRow("only slash") << QStringLiteral("/");
    QTest::newRow("trailing slash") << QStringLiteral("multi/level/");
    QTest::newRow("empty levels") << QStringLiteral("a//b");
    QTest::newRow("$SYS") << QStringLiteral("$SYS/broker/uptime");
    QTest::newRow("non-ascii") << QStringLiteral("caf\u00e9/\u6e29\u5ea6");
    QTest::newRow("astral") << QString::fromUtf8("sensor/\xf0\x9f\x8c\xa1");
}

void TstTopic::validName()
{
    QFETCH(QString, name);
    const auto error = Topic::validateName(name);
    QVERIFY2(!error, qPrintable(error ? error->message() : QString()));
}

void TstTopic::invalidName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<TopicErrorCode>("code");
    QTest::addColumn<qsizetype>("position");
    QTest::newRow("empty") << QString() << TopicErrorCode::Empty << qsizetype(-1);
    QTest::newRow("plus") << QStringLiteral("sport/+/x") << TopicErrorCode::WildcardInName
                          << qsizetype(6);
    QTest::newRow("hash") << QStringLiteral("sport/#") << TopicErrorCode::WildcardInName
                          << qsizetype(6);
    QTest::newRow("plus inside level")
        << QStringLiteral("a+b") << TopicErrorCode::WildcardInName << qsizetype(1);
    QTest::newRow("null") << QStringView(u"ab\u0000c", 4).toString()
                          << TopicErrorCode::NullCharacter << qsizetype(2);
    QTest::newRow("lone high surrogate")
        << QStringView(u"a\xd800z", 3).toString() << TopicErrorCode::InvalidUtf16 << qsizetype(1);
    QTest::newRow("lone low surrogate")
        << QStringView(u"\xdc00", 1).toString() << TopicErrorCode::InvalidUtf16 << qsizetype(0);
}

void TstTopic::invalidName()
{
    QFETCH(QString, name);
    QFETCH(TopicErrorCode, code);
    QFETCH(qsizetype, position);
    const auto error = Topic::validateName(name);
    QVERIFY(error);
    QCOMPARE(error->code, code);
    QCOMPARE(error->position, position);
    QVERIFY(!error->message().isEmpty());
}

void TstTopic::validFilter_data()
{
    QTest::addColumn<QString>("filter");
    // The examples of MQTT 5.0 section 4.7.1.
    QTest::newRow("sport/tennis/player1/#") << QStringLiteral("sport/tennis/player1/#");
    QTest::newRow("sport/#") << QStringLiteral("sport/#");
    QTest::newRow("#") << QStringLiteral("#");
    QTest::newRow("+") << QStringLiteral("+");
    QTest::newRow("sport/tennis/+") << QStringLiteral("sport/tennis/+");
    QTest::newRow("+/tennis/#") << QStringLiteral("+/tennis/#");
    QTest::newRow("sport/+/player1") << QStringLiteral("sport/+/player1");
    QTest::newRow("+/+") << QStringLiteral("+/+");
    QTest::newRow("/+") << QStringLiteral("/+");
    QTest::newRow("/finance") << QStringLiteral("/finance");
    QTest::newRow("$SYS/#") << QStringLiteral("$SYS/#");
    QTest::newRow("$SYS/monitor/+") << QStringLiteral("$SYS/monitor/+");
    QTest::newRow("empty levels") << QStringLiteral("a//+//#");
    QTest::newRow("shared") << QStringLiteral("$share/consumer1/sport/tennis/+");
    QTest::newRow("shared #") << QStringLiteral("$share/g/#");
    QTest::newRow("shared with $ name") << QStringLiteral("$share/$g/a");
    QTest::newRow("shared empty inner level") << QStringLiteral("$share/g//");
    QTest::newRow("$share alone is a plain filter") << QStringLiteral("$share");
    QTest::newRow("$shared is not shared") << QStringLiteral("$shared/+");
}

void TstTopic::validFilter()
{
    QFETCH(QString, filter);
    const auto error = Topic::validateFilter(filter);
    QVERIFY2(!error, qPrintable(error ? error->message() : QString()));
}

void TstTopic::invalidFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<TopicErrorCode>("code");
    QTest::addColumn<qsizetype>("position");
    QTest::newRow("empty") << QString() << TopicErrorCode::Empty << qsizetype(-1);
    QTest::newRow("sport/tennis#")
        << QStringLiteral("sport/tennis#") << TopicErrorCode::MultiLevelNotAlone << qsizetype(12);
    QTest::newRow("sport/tennis/#/ranking") << QStringLiteral("sport/tennis/#/ranking")
                                            << TopicErrorCode::MultiLevelNotLast << qsizetype(13);
    QTest::newRow("#/") << QStringLiteral("#/") << TopicErrorCode::MultiLevelNotLast
                        << qsizetype(0);
    QTest::newRow("#a") << QStringLiteral("#a") << TopicErrorCode::MultiLevelNotAlone
                        << qsizetype(0);
    QTest::newRow("##") << QStringLiteral("##") << TopicErrorCode::MultiLevelNotAlone
                        << qsizetype(0);
    QTest::newRow("sport+") << QStringLiteral("sport+") << TopicErrorCode::SingleLevelNotAlone
                            << qsizetype(5);
    QTest::newRow("+sport") << QStringLiteral("+sport") << TopicErrorCode::SingleLevelNotAlone
                            << qsizetype(0);
    QTest::newRow("a/++/b") << QStringLiteral("a/++/b") << TopicErrorCode::SingleLevelNotAlone
                            << qsizetype(2);
    QTest::newRow("+#") << QStringLiteral("a/+#") << TopicErrorCode::SingleLevelNotAlone
                        << qsizetype(2);
    QTest::newRow("null") << QStringView(u"a/\u0000", 3).toString() << TopicErrorCode::NullCharacter
                          << qsizetype(2);
    QTest::newRow("lone surrogate")
        << QStringView(u"a/\xdbff", 3).toString() << TopicErrorCode::InvalidUtf16 << qsizetype(2);
    QTest::newRow("$share/") << QStringLiteral("$share/") << TopicErrorCode::EmptyShareName
                             << qsizetype(7);
    QTest::newRow("$share//a") << QStringLiteral("$share//a") << TopicErrorCode::EmptyShareName
                               << qsizetype(7);
    QTest::newRow("share name +") << QStringLiteral("$share/g+/a")
                                  << TopicErrorCode::InvalidShareName << qsizetype(8);
    QTest::newRow("share name #") << QStringLiteral("$share/#/a")
                                  << TopicErrorCode::InvalidShareName << qsizetype(7);
    QTest::newRow("share without filter")
        << QStringLiteral("$share/group") << TopicErrorCode::MissingSharedFilter << qsizetype(12);
    QTest::newRow("share with empty filter")
        << QStringLiteral("$share/group/") << TopicErrorCode::MissingSharedFilter << qsizetype(13);
    QTest::newRow("share bad inner filter")
        << QStringLiteral("$share/g/a/b#") << TopicErrorCode::MultiLevelNotAlone << qsizetype(12);
    QTest::newRow("share inner +x")
        << QStringLiteral("$share/g/+x") << TopicErrorCode::SingleLevelNotAlone << qsizetype(9);
}

void TstTopic::invalidFilter()
{
    QFETCH(QString, filter);
    QFETCH(TopicErrorCode, code);
    QFETCH(qsizetype, position);
    const auto error = Topic::validateFilter(filter);
    QVERIFY(error);
    QCOMPARE(error->code, code);
    QCOMPARE(error->position, position);
    QVERIFY(!error->message().isEmpty());
}

void TstTopic::lengthLimit()
{
    const QString limit(Topic::kMaximumUtf8Length, u'a');
    QVERIFY(!Topic::validateName(limit));
    QVERIFY(!Topic::validateFilter(limit));
    const QString over(Topic::kMaximumUtf8Length + 1, u'a');
    QCOMPARE(Topic::validateName(over)->code, TopicErrorCode::TooLong);
    QCOMPARE(Topic::validateFilter(over)->code, TopicErrorCode::TooLong);

    // The limit is in UTF-8 bytes, not characters: 32,768 'é' take 65,536 bytes.
    const QString wide(32768, QChar(0xe9));
    QCOMPARE(Topic::validateName(wide)->code, TopicErrorCode::TooLong);
    QVERIFY(!Topic::validateName(QString(32767, QChar(0xe9))));
}

void TstTopic::everyErrorHasAMessage()
{
    const TopicErrorCode codes[] = {
        TopicErrorCode::Empty,
        TopicErrorCode::TooLong,
        TopicErrorCode::NullCharacter,
        TopicErrorCode::InvalidUtf16,
        TopicErrorCode::WildcardInName,
        TopicErrorCode::MultiLevelNotLast,
        TopicErrorCode::MultiLevelNotAlone,
        TopicErrorCode::SingleLevelNotAlone,
        TopicErrorCode::EmptyShareName,
        TopicErrorCode::InvalidShareName,
        TopicErrorCode::MissingSharedFilter,
    };
    QStringList messages;
    for (const TopicErrorCode code : codes) {
        const QString message = TopicError{code, -1}.message();
        QVERIFY(!message.isEmpty());
        QVERIFY2(!messages.contains(message), qPrintable(message));
        messages.append(message);
    }
}

void TstTopic::matching_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("expected");

    // MQTT 5.0 section 4.7.1.2: the multi-level wildcard.
    const QString player1 = QStringLiteral("sport/tennis/player1/#");
    QTest::newRow("player1/# parent") << player1 << QStringLiteral("sport/tennis/player1") << true;
    QTest::newRow("player1/# child")
        << player1 << QStringLiteral("sport/tennis/player1/ranking") << true;
    QTest::newRow("player1/# grandchild")
        << player1 << QStringLiteral("sport/tennis/player1/score/wimbledon") << true;
    QTest::newRow("player1/# other player")
        << player1 << QStringLiteral("sport/tennis/player2") << false;
    QTest::newRow("sport/# matches sport")
        << QStringLiteral("sport/#") << QStringLiteral("sport") << true;
    QTest::newRow("sport/# matches sport/")
        << QStringLiteral("sport/#") << QStringLiteral("sport/") << true;
    QTest::newRow("sport/# not sports")
        << QStringLiteral("sport/#") << QStringLiteral("sports") << false;
    QTest::newRow("# matches all") << QStringLiteral("#") << QStringLiteral("a/b/c") << true;
    QTest::newRow("# matches /") << QStringLiteral("#") << QStringLiteral("/") << true;

    // 4.7.1.3: the single-level wildcard.
    const QString tennis = QStringLiteral("sport/tennis/+");
    QTest::newRow("tennis/+ player1") << tennis << QStringLiteral("sport/tennis/player1") << true;
    QTest::newRow("tennis/+ player2") << tennis << QStringLiteral("sport/tennis/player2") << true;
    QTest::newRow("tennis/+ ranking")
        << tennis << QStringLiteral("sport/tennis/player1/ranking") << false;
    QTest::newRow("sport/+ not sport")
        << QStringLiteral("sport/+") << QStringLiteral("sport") << false;
    QTest::newRow("sport/+ sport/")
        << QStringLiteral("sport/+") << QStringLiteral("sport/") << true;
    QTest::newRow("+ finance") << QStringLiteral("+") << QStringLiteral("finance") << true;
    QTest::newRow("+ not /finance") << QStringLiteral("+") << QStringLiteral("/finance") << false;
    QTest::newRow("+/+ /finance") << QStringLiteral("+/+") << QStringLiteral("/finance") << true;
    QTest::newRow("/+ /finance") << QStringLiteral("/+") << QStringLiteral("/finance") << true;
    QTest::newRow("/finance exact")
        << QStringLiteral("/finance") << QStringLiteral("/finance") << true;
    QTest::newRow("/finance not finance")
        << QStringLiteral("/finance") << QStringLiteral("finance") << false;
    QTest::newRow("+/+ not a") << QStringLiteral("+/+") << QStringLiteral("a") << false;
    QTest::newRow("+/tennis/# ") << QStringLiteral("+/tennis/#")
                                 << QStringLiteral("sport/tennis/x/y") << true;
    QTest::newRow("sport/+/player1")
        << QStringLiteral("sport/+/player1") << QStringLiteral("sport/tennis/player1") << true;
    QTest::newRow("+/# matches one level") << QStringLiteral("+/#") << QStringLiteral("a") << true;
    QTest::newRow("a//b") << QStringLiteral("a/+/b") << QStringLiteral("a//b") << true;
    QTest::newRow("case sensitive") << QStringLiteral("Sport") << QStringLiteral("sport") << false;
    QTest::newRow("prefix is not a match")
        << QStringLiteral("sport/ten") << QStringLiteral("sport/tennis") << false;
    QTest::newRow("longer filter") << QStringLiteral("a/b/c") << QStringLiteral("a/b") << false;

    // 4.7.2: topics beginning with '$'.
    QTest::newRow("# not $SYS") << QStringLiteral("#") << QStringLiteral("$SYS/uptime") << false;
    QTest::newRow("+/monitor/Clients not $SYS")
        << QStringLiteral("+/monitor/Clients") << QStringLiteral("$SYS/monitor/Clients") << false;
    QTest::newRow("$SYS/# matches")
        << QStringLiteral("$SYS/#") << QStringLiteral("$SYS/monitor/Clients") << true;
    QTest::newRow("$SYS/monitor/+ matches")
        << QStringLiteral("$SYS/monitor/+") << QStringLiteral("$SYS/monitor/Clients") << true;
    QTest::newRow("a/# matches a/$b") << QStringLiteral("a/#") << QStringLiteral("a/$b") << true;
    QTest::newRow("+/x matches a$/x") << QStringLiteral("+/x") << QStringLiteral("a$/x") << true;

    // 4.8.2: a shared subscription matches what its inner filter matches.
    QTest::newRow("shared") << QStringLiteral("$share/g/sport/+") << QStringLiteral("sport/x")
                            << true;
    QTest::newRow("shared no match")
        << QStringLiteral("$share/g/sport/+") << QStringLiteral("other/x") << false;
    QTest::newRow("shared # not $SYS")
        << QStringLiteral("$share/g/#") << QStringLiteral("$SYS/x") << false;
    QTest::newRow("shared is not matched literally")
        << QStringLiteral("$share/g/a") << QStringLiteral("$share/g/a") << false;
}

void TstTopic::matching()
{
    QFETCH(QString, filter);
    QFETCH(QString, name);
    QFETCH(bool, expected);
    QVERIFY(!Topic::validateFilter(filter));
    QCOMPARE(Topic::matches(filter, name), expected);
}

void TstTopic::parseShared_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("shareName");
    QTest::addColumn<QString>("inner");
    QTest::newRow("simple") << QStringLiteral("$share/consumer1/sport/tennis/+") << true
                            << QStringLiteral("consumer1") << QStringLiteral("sport/tennis/+");
    QTest::newRow("inner starts with slash")
        << QStringLiteral("$share/g//a") << true << QStringLiteral("g") << QStringLiteral("/a");
    QTest::newRow("not shared") << QStringLiteral("sport/#") << false << QString() << QString();
    QTest::newRow("invalid") << QStringLiteral("$share/g") << false << QString() << QString();
}

void TstTopic::parseShared()
{
    QFETCH(QString, filter);
    QFETCH(bool, valid);
    QFETCH(QString, shareName);
    QFETCH(QString, inner);
    const auto shared = Topic::parseShared(filter);
    QCOMPARE(shared.has_value(), valid);
    if (shared) {
        QCOMPARE(shared->shareName, shareName);
        QCOMPARE(shared->filter, inner);
        QCOMPARE(Topic::matchingFilter(filter), QStringView(inner));
        QVERIFY(Topic::isShared(filter));
    }
}

void TstTopic::utf8Length()
{
    QCOMPARE(Topic::utf8Length(u"abc"), qsizetype(3));
    QCOMPARE(Topic::utf8Length(u"\u00e9"), qsizetype(2));
    QCOMPARE(Topic::utf8Length(u"\u6e29"), qsizetype(3));
    QCOMPARE(Topic::utf8Length(QString::fromUtf8("\xf0\x9f\x8c\xa1")), qsizetype(4));
    for (const QString &s : {QStringLiteral("a/b"), QStringLiteral("caf\u00e9/\u6e29"),
                             QString::fromUtf8("x\xf0\x9f\x8c\xa1y")})
        QCOMPARE(Topic::utf8Length(s), s.toUtf8().size());
}

QTEST_APPLESS_MAIN(TstTopic)
#include "tst_topic.moc"
