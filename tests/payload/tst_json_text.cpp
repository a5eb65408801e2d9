#include "core/payload/json_highlighter.h"
#include "core/payload/json_pretty_printer.h"
#include "core/payload/json_text_writer.h"

#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(mqttdesk::JsonTokenKind)

// JsonHighlighter, JsonPrettyPrinter and JsonTextWriter: the JSON text the stream shows.
class TstJsonText : public QObject
{
    Q_OBJECT

private slots:
    void highlighterKinds_data();
    void highlighterKinds();
    void highlighterTolerant();
    void prettyPrinterPrefix();
    void prettyPrinterDeepNesting();
    void writerIndents();
    void writerCompactAndLimit();
    void writerDeepAndLong();
};

void TstJsonText::highlighterKinds_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<QList<JsonTokenKind>>("kinds");
    using K = JsonTokenKind;
    QTest::newRow("object") << QStringLiteral("{\"k\" : \"v\", \"n\": -1.5e3}")
                            << QStringList{QStringLiteral("{"), QStringLiteral("\"k\""),
                                           QStringLiteral(":"), QStringLiteral("\"v\""),
                                           QStringLiteral(","), QStringLiteral("\"n\""),
                                           QStringLiteral(":"), QStringLiteral("-1.5e3"),
                                           QStringLiteral("}")}
                            << QList<K>{K::Punctuation, K::Key,         K::Punctuation,
                                        K::String,      K::Punctuation, K::Key,
                                        K::Punctuation, K::Number,      K::Punctuation};
    QTest::newRow("literals") << QStringLiteral("[true,false,null]")
                              << QStringList{QStringLiteral("["), QStringLiteral("true"),
                                             QStringLiteral(","), QStringLiteral("false"),
                                             QStringLiteral(","), QStringLiteral("null"),
                                             QStringLiteral("]")}
                              << QList<K>{K::Punctuation, K::Bool, K::Punctuation, K::Bool,
                                          K::Punctuation, K::Null, K::Punctuation};
    QTest::newRow("escaped quote")
        << QStringLiteral("[\"a\\\"b\"]")
        << QStringList{QStringLiteral("["), QStringLiteral("\"a\\\"b\""), QStringLiteral("]")}
        << QList<K>{K::Punctuation, K::String, K::Punctuation};
}

void TstJsonText::highlighterKinds()
{
    QFETCH(QString, json);
    QFETCH(QStringList, tokens);
    QFETCH(QList<JsonTokenKind>, kinds);
    const QList<JsonSpan> spans = JsonHighlighter::spans(json);
    QCOMPARE(spans.size(), tokens.size());
    for (qsizetype i = 0; i < spans.size(); ++i) {
        QCOMPARE(json.mid(spans[i].start, spans[i].length), tokens[i]);
        QCOMPARE(spans[i].kind, kinds[i]);
    }
}

void TstJsonText::highlighterTolerant()
{
    // A cut preview: the open string runs to the end, nothing past the text.
    const QString cut = QStringLiteral("{\"key\": \"unterminated");
    const QList<JsonSpan> spans = JsonHighlighter::spans(cut);
    QCOMPARE(spans.size(), 4);
    QCOMPARE(spans.last().kind, JsonTokenKind::String);
    QCOMPARE(spans.last().start + spans.last().length, cut.size());
    // Not JSON at all, and a trailing backslash.
    QVERIFY(JsonHighlighter::spans(u"hello world").isEmpty());
    const QList<JsonSpan> slash = JsonHighlighter::spans(u"\"abc\\");
    QCOMPARE(slash.size(), 1);
    QCOMPARE(slash.first().length, 5);
    QVERIFY(JsonHighlighter::spans(u"").isEmpty());
}

void TstJsonText::prettyPrinterPrefix()
{
    const QByteArray json = R"({"a":[1,2,3],"b":"x , y"})";
    bool truncated = true;
    const QString full = JsonPrettyPrinter::indent(json, -1, &truncated);
    QVERIFY(!truncated);
    QCOMPARE(full, QStringLiteral("{\n    \"a\": [\n        1,\n        2,\n        3\n    ],\n"
                                  "    \"b\": \"x , y\"\n}"));
    const QString part = JsonPrettyPrinter::indent(json, 20, &truncated);
    QVERIFY(truncated);
    QVERIFY(part.size() <= 20);
    QVERIFY(full.startsWith(part));
    // A document cut mid-string (a prefix) still prints.
    QCOMPARE(JsonPrettyPrinter::indent(QByteArray("{\"a\":\"abc")),
             QStringLiteral("{\n    \"a\": \"abc"));
}

void TstJsonText::prettyPrinterDeepNesting()
{
    // Indentation stops growing, so 100,000 levels give linear, not quadratic, output.
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    const QString out = JsonPrettyPrinter::indent(deep);
    QVERIFY(out.size() < deep.size() * (JsonPrettyPrinter::kMaximumIndentDepth * 4 + 2));
    QVERIFY(out.startsWith(u"[\n    ["));
}

void TstJsonText::writerIndents()
{
    JsonTextWriter writer;
    writer.recordSpans();
    writer.beginObject();
    writer.key(u"s");
    writer.string(u"a\"b\\c\n\u0001");
    writer.key(u"list");
    writer.beginArray();
    writer.integer(-5);
    writer.unsignedInteger(18446744073709551615ull);
    writer.number(0.25);
    writer.number(3.0);
    writer.boolean(true);
    writer.null();
    writer.beginArray();
    writer.endArray();
    writer.endArray();
    writer.key(u"empty");
    writer.beginObject();
    writer.endObject();
    writer.endObject();
    QCOMPARE(writer.text(), QStringLiteral("{\n"
                                           "    \"s\": \"a\\\"b\\\\c\\n\\u0001\",\n"
                                           "    \"list\": [\n"
                                           "        -5,\n"
                                           "        18446744073709551615,\n"
                                           "        0.25,\n"
                                           "        3.0,\n"
                                           "        true,\n"
                                           "        null,\n"
                                           "        []\n"
                                           "    ],\n"
                                           "    \"empty\": {}\n"
                                           "}"));
    QVERIFY(!writer.isFull());
    // What it recorded while writing is what the highlighter reads from the text.
    const std::optional<QList<JsonSpan>> spans = writer.takeSpans();
    QVERIFY(spans);
    QCOMPARE(*spans, JsonHighlighter::spans(writer.text()));
}

void TstJsonText::writerCompactAndLimit()
{
    JsonTextWriter compact(-1, true);
    compact.beginArray();
    compact.integer(1);
    compact.beginObject();
    compact.key(u"a");
    compact.null();
    compact.endObject();
    compact.endArray();
    QCOMPARE(compact.text(), QStringLiteral("[1,{\"a\":null}]"));
    QVERIFY(!compact.takeSpans()); // not asked to record

    JsonTextWriter limited(5, true);
    limited.beginArray();
    for (int i = 0; i < 100; ++i)
        limited.integer(12345);
    QVERIFY(limited.isFull());
    QCOMPARE(limited.text(), QStringLiteral("[1234"));
}

void TstJsonText::writerDeepAndLong()
{
    // Tokens are written with their separator in one go while they fit a small buffer;
    // deeper indentation and long keys and strings are written in parts, to the same text.
    const int depth = 80; // 320 spaces of indentation: past the buffer
    const QString longKey = QString(300, u'k');
    for (const qsizetype limit : {qsizetype(-1), qsizetype(1000), qsizetype(7777)}) {
        JsonTextWriter writer(limit);
        writer.recordSpans();
        QString expected;
        auto indent = [](int level) { return QString(level * 4, u' '); };
        for (int level = 0; level < depth; ++level) {
            writer.beginObject();
            writer.key(QLatin1StringView("k"));
            expected += u"{\n"_s + indent(level + 1) + u"\"k\": "_s;
        }
        writer.beginArray();
        writer.integer(1);
        writer.key(QLatin1StringView(longKey.toLatin1())); // a key in an array: still written
        writer.string(QLatin1StringView(QByteArray(300, 'v')));
        writer.boolean(false);
        writer.endArray();
        expected += u"[\n"_s + indent(depth + 1) + u"1,\n"_s + indent(depth + 1) + u'"' + longKey +
                    u"\": \""_s + QString(300, u'v') + u"\",\n"_s + indent(depth + 1) +
                    u"false\n"_s + indent(depth) + u']';
        for (int level = depth - 1; level >= 0; --level) {
            writer.endObject();
            expected += u'\n' + indent(level) + u'}';
        }
        if (limit >= 0 && expected.size() > limit) {
            QVERIFY(writer.isFull());
            expected.truncate(limit);
        }
        QCOMPARE(writer.text(), expected);
        // A cut text's spans are left to the highlighter.
        const std::optional<QList<JsonSpan>> spans = writer.takeSpans();
        QCOMPARE(bool(spans), !writer.isFull());
        if (spans)
            QCOMPARE(*spans, JsonHighlighter::spans(writer.text()));
    }
}

QTEST_APPLESS_MAIN(TstJsonText)
#include "tst_json_text.moc"
