// The JSON tree: JsonIndex (strict parsing, document order, duplicate keys, exact numbers,
// escapes, named errors, hostile nesting) and JsonTreeModel over it (types, values, paths
// in JSONPath notation, copy text, search), under QAbstractItemModelTester.
#include "core/inspector/json_index.h"
#include "core/inspector/json_path.h"
#include "core/inspector/json_tree_model.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void paths();
    void parsesValid_data();
    void parsesValid();
    void refusesInvalid_data();
    void refusesInvalid();
    void escapes();
    void hostileNesting();
    void rowsTypesAndValues();
    void copyText();
    void search();
    void scalarRoot();
    void bigArray();
};

namespace {

const QByteArray kReading = R"({
  "device": "pump-7",
  "online": true,
  "sensors": [
    {"name": "temp", "value": 21.5, "unit": "°C"},
    {"name": "pressure", "value": 1013, "unit": null}
  ],
  "a b": {"it's": 1},
  "seq": 18446744073709551615,
  "seq": 12.50
})";

} // namespace

void TestJsonTreeModel::paths()
{
    QCOMPARE(JsonPath::key(JsonPath::root(), u"a"), u"$.a"_s);
    QCOMPARE(JsonPath::key(u"$.a"_s, u"b_2$"), u"$.a.b_2$"_s);
    QCOMPARE(JsonPath::key(u"$"_s, u"2x"), u"$['2x']"_s);
    QCOMPARE(JsonPath::key(u"$"_s, u"a b"), u"$['a b']"_s);
    QCOMPARE(JsonPath::key(u"$"_s, u"it's\\"), u"$['it\\'s\\\\']"_s);
    QCOMPARE(JsonPath::key(u"$"_s, u""), u"$['']"_s);
    QCOMPARE(JsonPath::key(u"$"_s, u"温度"), u"$['温度']"_s);
    QCOMPARE(JsonPath::index(u"$.a"_s, 2), u"$.a[2]"_s);
}

void TestJsonTreeModel::parsesValid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("nodes");
    QTest::newRow("object") << QByteArray(R"({"a":1,"b":[true,false,null]})") << 6;
    QTest::newRow("empty object") << QByteArray("{}") << 1;
    QTest::newRow("empty array in space") << QByteArray(" \n\t[ ]\r\n") << 1;
    QTest::newRow("scalar") << QByteArray("-0.5e+10") << 1;
    QTest::newRow("string") << QByteArray(R"("\u00e9\n")") << 1;
    QTest::newRow("nested empties") << QByteArray(R"([[],{},[{}]])") << 5;
    QTest::newRow("numbers") << QByteArray("[0,-0,1.0,1e5,1E-5,-12.34e+2]") << 7;
}

void TestJsonTreeModel::parsesValid()
{
    QFETCH(QByteArray, json);
    QFETCH(int, nodes);
    const JsonIndex index = JsonIndex::parse(json);
    QVERIFY2(index.isValid(), qPrintable(index.error()));
    QCOMPARE(int(index.nodeCount()), nodes);
    // Whatever Qt's parser accepts, this one does too (and the other way round, below).
    QJsonParseError error;
    QJsonDocument::fromJson("[" + json + "]", &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestJsonTreeModel::refusesInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << 0 << u"ends where a value"_s;
    QTest::newRow("cut") << QByteArray(R"({"device":"pump-7","value":)") << 27
                         << u"ends where a value"_s;
    QTest::newRow("no colon") << QByteArray(R"({"a" 1})") << 5 << u"expected ':'"_s;
    QTest::newRow("trailing comma") << QByteArray("[1,2,]") << 5 << u"unexpected character"_s;
    QTest::newRow("object trailing comma") << QByteArray(R"({"a":1,})") << 7 << u"key in quotes"_s;
    QTest::newRow("missing comma") << QByteArray("[1 2]") << 3 << u"expected ',' or ']'"_s;
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << 1 << u"key in quotes"_s;
    QTest::newRow("leading zero") << QByteArray("[01]") << 2 << u"expected ',' or ']'"_s;
    QTest::newRow("bare dot") << QByteArray("[1.]") << 3 << u"bad number"_s;
    QTest::newRow("word") << QByteArray("[tru]") << 1 << u"unexpected character"_s;
    QTest::newRow("raw newline in string")
        << QByteArray("[\"a\nb\"]") << 3 << u"control character"_s;
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << 3 << u"unknown escape"_s;
    QTest::newRow("bad unicode escape") << QByteArray(R"(["\u12G4"])") << 3 << u"\\u escape"_s;
    QTest::newRow("two values") << QByteArray("{} {}") << 3 << u"more text"_s;
    QTest::newRow("not utf-8") << QByteArray("[\"\xff\"]") << 0 << u"not UTF-8"_s;
    QTest::newRow("unclosed") << QByteArray("[[1]") << 4 << u"ends inside"_s;
}

void TestJsonTreeModel::refusesInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    QFETCH(QString, reason);
    const JsonIndex index = JsonIndex::parse(json);
    QVERIFY(!index.isValid());
    QCOMPARE(index.errorOffset(), qsizetype(offset));
    QVERIFY2(index.error().startsWith(u"Not JSON at byte %1: "_s.arg(offset)),
             qPrintable(index.error()));
    QVERIFY2(index.error().contains(reason), qPrintable(index.error()));
    QCOMPARE(index.nodeCount(), 0u);
}

void TestJsonTreeModel::escapes()
{
    const JsonIndex index =
        JsonIndex::parse(R"({"k\"ey\\":"tab\there\u00e9\ud83d\ude00\ud800x\/","raw":"温度"})");
    QVERIFY2(index.isValid(), qPrintable(index.error()));
    QCOMPARE(index.key(1), u"k\"ey\\"_s);
    // A surrogate pair makes one character; a lone surrogate shows as U+FFFD.
    QCOMPARE(index.valueText(1), u"tab\there\u00e9\U0001F600\uFFFDx/"_s);
    QCOMPARE(index.valueText(2), u"温度"_s);
    QCOMPARE(index.path(1), u"$['k\"ey\\\\']"_s);
    QCOMPARE(JsonIndex::unescape("\"\\u12\""), u"\uFFFD"_s); // cut short, not read past
    QCOMPARE(JsonIndex::unescape("\""), QString());
}

void TestJsonTreeModel::hostileNesting()
{
    // Deeper than kMaxDepth: refused with a reason, no stack overflow (the parser does not
    // recurse); exactly kMaxDepth is fine.
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    const JsonIndex tooDeep = JsonIndex::parse(deep);
    QVERIFY(!tooDeep.isValid());
    QVERIFY(tooDeep.error().contains(u"nested too deeply"_s));
    const QByteArray limit =
        QByteArray(JsonIndex::kMaxDepth, '[') + QByteArray(JsonIndex::kMaxDepth, ']');
    const JsonIndex ok = JsonIndex::parse(limit);
    QVERIFY2(ok.isValid(), qPrintable(ok.error()));
    QCOMPARE(int(ok.nodeCount()), JsonIndex::kMaxDepth);
    JsonTreeModel model;
    model.setJson(limit);
    QModelIndex at;
    for (int depth = 1; depth < JsonIndex::kMaxDepth; ++depth)
        at = model.index(0, 0, at);
    QVERIFY(at.isValid());
    QCOMPARE(model.path(at).size(), 1 + 3 * (JsonIndex::kMaxDepth - 1));
}

void TestJsonTreeModel::rowsTypesAndValues()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJson(kReading);
    // The document's order, duplicate "seq" included.
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), u"device"_s);
    QCOMPARE(model.index(0, 1).data().toString(), u"string"_s);
    QCOMPARE(model.index(0, 2).data().toString(), u"pump-7"_s);
    QCOMPARE(model.index(1, 1).data().toString(), u"boolean"_s);
    QCOMPARE(model.index(1, 2).data().toString(), u"true"_s);

    const QModelIndex sensors = model.index(2, 0);
    QCOMPARE(model.index(2, 1).data().toString(), u"array"_s);
    QCOMPARE(model.index(2, 2).data().toString(), u"[2]"_s);
    QCOMPARE(model.rowCount(sensors), 2);
    const QModelIndex second = model.index(1, 0, sensors);
    QCOMPARE(second.data().toString(), u"[1]"_s);
    QCOMPARE(model.index(1, 2, sensors).data().toString(), u"{3}"_s);
    QCOMPARE(model.parent(second), sensors);
    const QModelIndex value = model.index(1, 0, second);
    QCOMPARE(value.data().toString(), u"value"_s);
    QCOMPARE(model.index(1, 2, second).data().toString(), u"1013"_s);
    QCOMPARE(model.index(2, 1, second).data().toString(), u"null"_s);
    QCOMPARE(model.path(value), u"$.sensors[1].value"_s);
    QCOMPARE(value.data(JsonTreeModel::PathRole).toString(), u"$.sensors[1].value"_s);
    QCOMPARE(model.path(model.index(0, 0, model.index(3, 0))), u"$['a b']['it\\'s']"_s);
    QCOMPARE(model.path({}), u"$"_s);
    // Numbers as sent: 2^64-1 and a trailing zero.
    QCOMPARE(model.index(4, 0).data().toString(), u"seq"_s);
    QCOMPARE(model.index(4, 2).data().toString(), u"18446744073709551615"_s);
    QCOMPARE(model.index(5, 0).data().toString(), u"seq"_s);
    QCOMPARE(model.index(5, 2).data().toString(), u"12.50"_s);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Key"_s);
    // Not JSON: no rows.
    model.setJson("{");
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

void TestJsonTreeModel::copyText()
{
    JsonTreeModel model;
    model.setJson(kReading);
    // A string copies as its text, without quotes; anything else as it was sent.
    QCOMPARE(model.copyText(model.index(0, 0)), u"pump-7"_s);
    QCOMPARE(model.copyText(model.index(1, 0, model.index(2, 0))),
             uR"({"name": "pressure", "value": 1013, "unit": null})"_s);
    QCOMPARE(model.index(1, 0).data(JsonTreeModel::CopyTextRole).toString(), u"true"_s);
}

void TestJsonTreeModel::search()
{
    JsonTreeModel model;
    model.setJson(kReading);
    const JsonIndex &document = *model.document();
    // Keys and values, case-insensitive, in document order.
    const QList<quint32> hits = JsonTreeModel::findNodes(document, u"PRESS"_s, 10);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(model.path(model.indexOfNode(hits.first())), u"$.sensors[1].name"_s);
    QCOMPARE(JsonTreeModel::findNodes(document, u"name"_s, 10).size(), 2);
    QCOMPARE(JsonTreeModel::findNodes(document, u"name"_s, 1).size(), 1);
    // Numbers, booleans and null by their text; containers only by their key.
    const QList<quint32> number = JsonTreeModel::findNodes(document, u"1013"_s, 10);
    QCOMPARE(number.size(), 1);
    QCOMPARE(model.path(model.indexOfNode(number.first())), u"$.sensors[1].value"_s);
    QCOMPARE(JsonTreeModel::findNodes(document, u"null"_s, 10).size(), 1);
    QCOMPARE(JsonTreeModel::findNodes(document, u"sensors"_s, 10).size(), 1);
    QCOMPARE(JsonTreeModel::findNodes(document, u"seq"_s, 10).size(), 2);
    QVERIFY(JsonTreeModel::findNodes(document, u"absent"_s, 10).isEmpty());
    QVERIFY(JsonTreeModel::findNodes(document, QString(), 10).isEmpty());
    QVERIFY(!model.indexOfNode(0).isValid());
    QVERIFY(!model.indexOfNode(100000).isValid());
}

void TestJsonTreeModel::scalarRoot()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJson("42");
    QCOMPARE(model.rowCount(), 0);
    model.setJson("[]");
    QCOMPARE(model.rowCount(), 0);
    model.setJson(R"([1,[2,[3]]])");
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex inner = model.index(0, 0, model.index(1, 0, model.index(1, 0)));
    QCOMPARE(model.path(inner), u"$[1][1][0]"_s);
    QCOMPARE(model.index(0, 2, inner.parent()).data().toString(), u"3"_s);
    model.setDocument({});
    QCOMPARE(model.rowCount(), 0);
}

void TestJsonTreeModel::bigArray()
{
    // 200,000 elements: the last is reached directly, and search finds it.
    QByteArray json = "[";
    for (int i = 0; i < 200000; ++i)
        json += (i ? ",{\"i\":" : "{\"i\":") + QByteArray::number(i) + '}';
    json += ']';
    JsonTreeModel model;
    model.setJson(json);
    QCOMPARE(model.rowCount(), 200000);
    const QModelIndex last = model.index(199999, 0);
    QCOMPARE(model.path(model.index(0, 0, last)), u"$[199999].i"_s);
    QCOMPARE(model.index(0, 2, last).data().toString(), u"199999"_s);
    const auto hits = JsonTreeModel::findNodes(*model.document(), u"199998"_s, 5);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(model.path(model.indexOfNode(hits.first())), u"$[199998].i"_s);
}

} // namespace mqttdesk

QTEST_GUILESS_MAIN(mqttdesk::TestJsonTreeModel)
#include "tst_json_tree_model.moc"
