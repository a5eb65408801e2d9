// TemplateText, headless: every built-in variable, user variables, "{{{{" for a literal "{{",
// and the errors (with their place in the text) that keep a template from being sent.
#include "core/publish/template_text.h"

#include <QRegularExpression>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

TemplateContext context(quint64 counter = 7, qint64 nowMs = 1765028400123LL)
{
    static QRandomGenerator random(42);
    return TemplateContext(counter, nowMs, QStringLiteral("desk-1"), &random);
}

QString expand(const QString &text, const QHash<QString, QString> &variables = {})
{
    const TemplateText t = TemplateText::compile(text, variables);
    if (!t.isValid())
        return QStringLiteral("<error: %1>").arg(t.errors().first().message());
    return t.expand(context());
}

} // namespace

class TstTemplateText : public QObject
{
    Q_OBJECT
private slots:
    void plainTextIsItself()
    {
        const TemplateText t = TemplateText::compile(QStringLiteral("a/b {\"x\": 1} }} {"));
        QVERIFY(t.isValid());
        QVERIFY(!t.hasVariables());
        QVERIFY(!t.isDynamic());
        QCOMPARE(t.expand(context()), QStringLiteral("a/b {\"x\": 1} }} {"));
        QCOMPARE(TemplateText::compile(QString()).expand(context()), QString());
    }

    void messageValues()
    {
        QCOMPARE(expand(QStringLiteral("n={{counter}}")), QStringLiteral("n=7"));
        QCOMPARE(expand(QStringLiteral("{{ now_ms }}")), QStringLiteral("1765028400123"));
        QCOMPARE(expand(QStringLiteral("{{now}}")), QStringLiteral("2025-12-06T13:40:00.123Z"));
        QCOMPARE(expand(QStringLiteral("{{client_id}}")), QStringLiteral("desk-1"));
        const QString uuid = expand(QStringLiteral("{{uuid}}"));
        QVERIFY2(
            QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]"
                                              "{3}-[0-9a-f]{12}$"))
                .match(uuid)
                .hasMatch(),
            qPrintable(uuid));
    }

    void uuidIsOnePerMessage()
    {
        const TemplateText t = TemplateText::compile(QStringLiteral("{{uuid}} {{uuid}}"));
        const TemplateContext one = context();
        const QStringList parts = t.expand(one).split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0), parts.at(1));
        QVERIFY(t.expand(context()).split(QLatin1Char(' ')).at(0) != parts.at(0));
    }

    void randomStaysInItsRange()
    {
        const TemplateText t = TemplateText::compile(QStringLiteral("{{random -3 3}}"));
        QVERIFY(t.isValid());
        QVERIFY(t.isDynamic());
        QSet<int> seen;
        for (int i = 0; i < 2000; ++i) {
            bool ok = false;
            const int v = t.expand(context()).toInt(&ok);
            QVERIFY(ok);
            QVERIFY2(v >= -3 && v <= 3, qPrintable(QString::number(v)));
            seen.insert(v);
        }
        QCOMPARE(seen.size(), 7); // both ends included
        QCOMPARE(expand(QStringLiteral("{{random 5 5}}")), QStringLiteral("5"));
        // The whole of qint64 does not overflow.
        QVERIFY(TemplateText::compile(QStringLiteral("{{random -9223372036854775808 "
                                                     "9223372036854775807}}"))
                    .isValid());
    }

    void randomFloatHasItsDecimals()
    {
        const TemplateText t = TemplateText::compile(QStringLiteral("{{random_float 0 1 3}}"));
        QVERIFY(t.isValid());
        for (int i = 0; i < 500; ++i) {
            const QString v = t.expand(context());
            QVERIFY2(QRegularExpression(QStringLiteral("^[01]\\.\\d{3}$")).match(v).hasMatch(),
                     qPrintable(v));
            QVERIFY(v.toDouble() >= 0 && v.toDouble() <= 1);
        }
        const QString two = expand(QStringLiteral("{{random_float 10 20}}"));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d\\.\\d\\d$")).match(two).hasMatch(),
                 qPrintable(two));
        QCOMPARE(expand(QStringLiteral("{{random_float 1 2 0}}")).size(), 1);
    }

    void pickTakesWordsAndQuotes()
    {
        const TemplateText t = TemplateText::compile(QStringLiteral("{{pick a \"b c\" d}}"));
        QVERIFY(t.isValid());
        QSet<QString> seen;
        for (int i = 0; i < 300; ++i)
            seen.insert(t.expand(context()));
        QCOMPARE(seen,
                 (QSet<QString>{QStringLiteral("a"), QStringLiteral("b c"), QStringLiteral("d")}));
        QCOMPARE(expand(QStringLiteral("{{pick only}}")), QStringLiteral("only"));
    }

    void userVariables()
    {
        const QHash<QString, QString> vars = {{QStringLiteral("device"), QStringLiteral("pump-7")},
                                              {QStringLiteral("site"), QStringLiteral("厂房 2")}};
        const TemplateText t = TemplateText::compile(QStringLiteral("{{site}}/{{device}}/t"), vars);
        QVERIFY(t.isValid());
        QVERIFY(!t.isDynamic()); // replaced at compile time
        QCOMPARE(t.expand(context()), QStringLiteral("厂房 2/pump-7/t"));
        QCOMPARE(t.names(), (QStringList{QStringLiteral("site"), QStringLiteral("device")}));
        // A value is plain text: braces in it are not expanded again.
        QCOMPARE(expand(QStringLiteral("{{v}}"), {{QStringLiteral("v"), QStringLiteral("{{x}}")}}),
                 QStringLiteral("{{x}}"));
        // A built-in name wins over a user variable of the same name.
        QCOMPARE(expand(QStringLiteral("{{counter}}"),
                        {{QStringLiteral("counter"), QStringLiteral("no")}}),
                 QStringLiteral("7"));
    }

    void escapes()
    {
        QCOMPARE(expand(QStringLiteral("{{{{counter}}")), QStringLiteral("{{counter}}"));
        QCOMPARE(expand(QStringLiteral("a{{{{b{{{{")), QStringLiteral("a{{b{{"));
        QCOMPARE(expand(QStringLiteral("{{{{{{counter}}")), QStringLiteral("{{7"));
        QCOMPARE(expand(QStringLiteral("{\"n\":{{counter}}}")), QStringLiteral("{\"n\":7}"));
        const TemplateText t = TemplateText::compile(QStringLiteral("x{{{{"));
        QVERIFY(t.hasVariables());
        QVERIFY(!t.isDynamic());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("length");
        using K = TemplateError::Kind;
        QTest::newRow("unknown") << u"a/{{devcie}}/b"_s << int(K::UnknownVariable) << u"devcie"_s
                                 << 2 << 10;
        QTest::newRow("unclosed") << u"x {{counter"_s << int(K::UnclosedTag) << QString() << 2 << 9;
        QTest::newRow("empty") << u"{{ }}"_s << int(K::EmptyTag) << QString() << 0 << 5;
        QTest::newRow("args to counter")
            << u"{{counter 2}}"_s << int(K::UnexpectedArgs) << u"counter"_s << 0 << 13;
        QTest::newRow("random one arg")
            << u"{{random 1}}"_s << int(K::BadArgs) << u"random"_s << 0 << 12;
        QTest::newRow("random reversed")
            << u"{{random 9 1}}"_s << int(K::BadArgs) << u"random"_s << 0 << 14;
        QTest::newRow("random not a number")
            << u"{{random a 1}}"_s << int(K::BadArgs) << u"random"_s << 0 << 14;
        QTest::newRow("float decimals")
            << u"{{random_float 0 1 99}}"_s << int(K::BadArgs) << u"random_float"_s << 0 << 23;
        QTest::newRow("float empty range")
            << u"{{random_float 1 1}}"_s << int(K::BadArgs) << u"random_float"_s << 0 << 20;
        QTest::newRow("pick nothing") << u"{{pick}}"_s << int(K::BadArgs) << u"pick"_s << 0 << 8;
        QTest::newRow("unclosed quote")
            << u"{{pick \"a b}}"_s << int(K::UnclosedQuote) << u"pick"_s << 0 << 13;
        QTest::newRow("user var with args")
            << u"{{device 1}}"_s << int(K::UnexpectedArgs) << u"device"_s << 0 << 12;
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, name);
        QFETCH(int, position);
        QFETCH(int, length);
        const TemplateText t =
            TemplateText::compile(text, {{QStringLiteral("device"), QStringLiteral("d")}});
        QVERIFY(!t.isValid());
        QCOMPARE(t.errors().size(), 1);
        const TemplateError &e = t.errors().first();
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.name, name);
        QCOMPARE(e.position, position);
        QCOMPARE(e.length, length);
        QVERIFY(!e.message().isEmpty());
        if (!name.isEmpty())
            QVERIFY2(e.message().contains(name), qPrintable(e.message()));
        // Never sent literally: an invalid text expands to nothing.
        QCOMPARE(t.expand(context()), QString());
    }

    void everyErrorIsFound()
    {
        const TemplateText t = TemplateText::compile(QStringLiteral("{{a}}/{{counter}}/{{b}}"));
        QCOMPARE(t.errors().size(), 2);
        QCOMPARE(t.errors().at(0).name, QStringLiteral("a"));
        QCOMPARE(t.errors().at(1).name, QStringLiteral("b"));
        QCOMPARE(t.errors().at(1).position, 18);
    }

    void builtInNames()
    {
        for (const QString &name : TemplateText::builtInNames()) {
            const TemplateText t = TemplateText::compile(QStringLiteral("{{%1}}").arg(name));
            // Those with arguments complain about missing ones, never that the name is unknown.
            for (const TemplateError &e : t.errors())
                QVERIFY(e.kind != TemplateError::Kind::UnknownVariable);
        }
    }
};

QTEST_GUILESS_MAIN(TstTemplateText)
#include "tst_template_text.moc"
