// UserPropertyParser: "name=value; other=value 2" into pairs, in order, names repeatable;
// a part without '=' or with an empty name is refused with a reason naming it.
#include "ui/subscriptions/user_property_parser.h"

#include <QTest>

using namespace mqttdesk;

using Pairs = QList<StringPair>;
Q_DECLARE_METATYPE(Pairs)

namespace {

StringPair pair(const char *name, const char *value)
{
    return StringPair{QString::fromUtf8(name), QString::fromUtf8(value)};
}

} // namespace

class TestUserPropertyParser : public QObject
{
    Q_OBJECT
private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void errorPointerMayBeNull();
    void errorUntouchedOnSuccess();
};

void TestUserPropertyParser::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Pairs>("expected");
    QTest::newRow("empty") << QString() << Pairs{};
    QTest::newRow("only blanks") << QStringLiteral("   \t ") << Pairs{};
    QTest::newRow("only separators") << QStringLiteral(";; ; ;") << Pairs{};
    QTest::newRow("one") << QStringLiteral("a=1") << Pairs{pair("a", "1")};
    QTest::newRow("two, in order") << QStringLiteral("site=plant-3; line=7")
                                   << Pairs{pair("site", "plant-3"), pair("line", "7")};
    QTest::newRow("spaces trimmed around name and value")
        << QStringLiteral("  name  =  some value  ") << Pairs{pair("name", "some value")};
    QTest::newRow("inner spaces kept")
        << QStringLiteral("my key=value 2") << Pairs{pair("my key", "value 2")};
    QTest::newRow("repeated name")
        << QStringLiteral("k=1;k=2") << Pairs{pair("k", "1"), pair("k", "2")};
    QTest::newRow("empty value") << QStringLiteral("flag=") << Pairs{pair("flag", "")};
    QTest::newRow("value holds '='") << QStringLiteral("expr=a=b") << Pairs{pair("expr", "a=b")};
    QTest::newRow("trailing separator") << QStringLiteral("a=1;") << Pairs{pair("a", "1")};
    QTest::newRow("leading separator") << QStringLiteral(";a=1") << Pairs{pair("a", "1")};
    QTest::newRow("unicode") << QStringLiteral("温度=21.5 °C") << Pairs{pair("温度", "21.5 °C")};
}

void TestUserPropertyParser::valid()
{
    QFETCH(QString, text);
    QFETCH(Pairs, expected);
    QString error;
    const std::optional<Pairs> parsed = UserPropertyParser::parse(text, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(parsed->at(i).name, expected.at(i).name);
        QCOMPARE(parsed->at(i).value, expected.at(i).value);
    }
    QVERIFY(error.isEmpty());
}

void TestUserPropertyParser::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named"); // the part the reason quotes
    QTest::newRow("no '='") << QStringLiteral("novalue") << QStringLiteral("novalue");
    QTest::newRow("empty name") << QStringLiteral("=1") << QStringLiteral("=1");
    QTest::newRow("blank name") << QStringLiteral("   = 1") << QStringLiteral("= 1");
    QTest::newRow("only '='") << QStringLiteral("=") << QStringLiteral("=");
    QTest::newRow("bad after good") << QStringLiteral("a=1; oops; b=2") << QStringLiteral("oops");
    QTest::newRow("comma is not a separator") << QStringLiteral("a, b") << QStringLiteral("a, b");
}

void TestUserPropertyParser::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, named);
    QString error;
    QVERIFY(!UserPropertyParser::parse(text, &error).has_value());
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QLatin1Char('"') + named + QLatin1Char('"')), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("name=value")), qPrintable(error));
}

void TestUserPropertyParser::errorPointerMayBeNull()
{
    QVERIFY(!UserPropertyParser::parse(QStringLiteral("broken"), nullptr).has_value());
    QCOMPARE(UserPropertyParser::parse(QStringLiteral("a=b"), nullptr)->size(), 1);
}

void TestUserPropertyParser::errorUntouchedOnSuccess()
{
    // A caller may reuse its error string: success does not write to it.
    QString error = QStringLiteral("earlier");
    QVERIFY(UserPropertyParser::parse(QStringLiteral("a=b"), &error).has_value());
    QCOMPARE(error, QStringLiteral("earlier"));
}

QTEST_MAIN(TestUserPropertyParser)
#include "tst_user_property_parser.moc"
