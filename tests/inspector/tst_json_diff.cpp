// JsonDiff: two documents compared key by key with JSONPath paths, in document order, with
// duplicate keys paired by occurrence, numbers by exact value, strings by their text, an entry
// limit, iterative walks of deep nesting, large documents, and a naive reference to agree with.
#include "core/inspector/diff_model.h"
#include "core/inspector/json_diff.h"
#include "core/inspector/json_index.h"
#include "core/inspector/json_path.h"
#include "core/inspector/payload_diff.h"
#include "tests/inspector/json_diff_test_support.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TstJsonDiff : public QObject
{
    Q_OBJECT
private slots:
    void jsonChangesAddsAndRemoves();
    void jsonScalarsByTypeAndValue();
    void jsonEntryLimit();
    void jsonKeepsDocumentOrder();
    void jsonDuplicateKeysPairedByOccurrence();
    void jsonNumbersByExactValue();
    void jsonStringsAndTexts();
    void jsonDeepNestingIsIterative();
    void jsonLargeDocuments();
    void jsonMatchesANaiveReference();
};

namespace {

using namespace test;

JsonIndex parse(const QByteArray &json)
{
    JsonIndex index = JsonIndex::parse(json);
    if (!index.isValid())
        qFatal("bad test JSON: %s", qPrintable(index.error()));
    return index;
}

JsonDiffResult jsonDiff(const QByteArray &left, const QByteArray &right,
                        qsizetype maxEntries = JsonDiff::kDefaultMaxEntries)
{
    return JsonDiff::compare(parse(left), parse(right), maxEntries);
}

// Two JSON values (any text that is one) equal under the diff's rules.
bool sameValue(const QByteArray &left, const QByteArray &right)
{
    return jsonDiff('[' + left + ']', '[' + right + ']').entries.isEmpty();
}

// A small random JSON value: few key names (so duplicates and reordering are common) and
// several spellings of a few numbers and strings.
QByteArray randomJson(QRandomGenerator &random, int depth)
{
    static const char *const kScalars[] = {"1",           "1.0",  "10e-1", "2",
                                           "-0",          "0",    "\"1\"", "\"a\"",
                                           "\"\\u0061\"", "true", "false", "null"};
    const quint32 pick = random.bounded(depth > 0 ? 14u : 12u);
    if (pick < 12)
        return kScalars[pick];
    const bool object = pick == 13;
    QByteArrayList items;
    const int count = int(random.bounded(5));
    for (int i = 0; i < count; ++i) {
        const QByteArray value = randomJson(random, depth - 1);
        items << (object ? "\"" + QByteArray(1, char('a' + random.bounded(3))) + "\": " + value
                         : value);
    }
    return (object ? "{" : "[") + items.join(", ") + (object ? "}" : "]");
}

// The diff's rules written the slow and obvious way, to check the fast one against.
void naiveDiff(const JsonIndex &l, quint32 a, const JsonIndex &r, quint32 b, const QString &path,
               QStringList &out)
{
    const JsonIndex::Type type = l.node(a).type;
    const bool containers = type == r.node(b).type &&
                            (type == JsonIndex::Type::Array || type == JsonIndex::Type::Object);
    if (!containers) {
        bool same = type == r.node(b).type;
        if (same && type == JsonIndex::Type::Number)
            same = JsonDiff::sameNumber(l.raw(a), r.raw(b));
        else if (same && type == JsonIndex::Type::String)
            same = l.valueText(a) == r.valueText(b);
        if (!same)
            out << u"Changed "_s + path;
        return;
    }
    const quint32 lc = l.node(a).childCount;
    const quint32 rc = r.node(b).childCount;
    auto name = [&path](const JsonIndex &index, quint32 node) -> QString {
        return index.hasKey(node) ? JsonPath::key(path, index.key(node))
                                  : JsonPath::index(path, index.node(node).row);
    };
    if (type == JsonIndex::Type::Array) {
        for (quint32 i = 0; i < qMax(lc, rc); ++i) {
            if (i >= rc)
                out << u"Removed "_s + name(l, l.child(a, i));
            else if (i >= lc)
                out << u"Added "_s + name(r, r.child(b, i));
            else
                naiveDiff(l, l.child(a, i), r, r.child(b, i), name(l, l.child(a, i)), out);
        }
        return;
    }
    // The n-th occurrence of a key on the left with the n-th on the right.
    auto occurrence = [](const JsonIndex &index, quint32 object, quint32 row) {
        int n = 0;
        for (quint32 i = 0; i < row; ++i)
            n += index.key(index.child(object, i)) == index.key(index.child(object, row));
        return n;
    };
    auto find = [](const JsonIndex &index, quint32 object, const QString &key, int n) {
        for (quint32 i = 0; i < index.node(object).childCount; ++i)
            if (index.key(index.child(object, i)) == key && n-- == 0)
                return index.child(object, i);
        return JsonIndex::kNoKey;
    };
    for (quint32 i = 0; i < lc; ++i) {
        const quint32 child = l.child(a, i);
        const quint32 other = find(r, b, l.key(child), occurrence(l, a, i));
        if (other == JsonIndex::kNoKey)
            out << u"Removed "_s + name(l, child);
        else
            naiveDiff(l, child, r, other, name(l, child), out);
    }
    for (quint32 i = 0; i < rc; ++i) {
        const quint32 child = r.child(b, i);
        if (find(l, a, r.key(child), occurrence(r, b, i)) == JsonIndex::kNoKey)
            out << u"Added "_s + name(r, child);
    }
}

} // namespace

void TstJsonDiff::jsonChangesAddsAndRemoves()
{
    const JsonDiffResult result = jsonDiff(kBefore, kAfter);
    QVERIFY(!result.truncated);
    // The left's keys in its document order, then the keys only the right has.
    const QList<Expected> expected = {
        {Kind::Changed, u"$.ts"_s},
        {Kind::Changed, u"$.sensors[1].value"_s},
        {Kind::Added, u"$.sensors[2]"_s},
        {Kind::Removed, u"$.battery"_s},
        {Kind::Changed, u"$['a b']"_s},
        {Kind::Changed, u"$.status"_s}, // object to array: one entry
        {Kind::Removed, u"$.tags[1]"_s},
        {Kind::Added, u"$.rssi"_s},
    };
    const QList<Expected> actual = summarize(result);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual.at(i).path, expected.at(i).path);
        QCOMPARE(actual.at(i).kind, expected.at(i).kind);
    }
    const JsonDiffEntry &value = result.entries.at(1);
    QVERIFY(value.hasLeft && value.hasRight);
    QCOMPARE(value.leftText, u"48"_s);
    QCOMPARE(value.rightText, u"51"_s);
    const JsonDiffEntry &added = result.entries.at(2);
    QVERIFY(!added.hasLeft);
    QVERIFY(added.leftText.isEmpty());
    QVERIFY(added.hasRight);
    QCOMPARE(added.rightText, u"{\"id\":\"co2\",\"value\":612,\"unit\":\"ppm\"}"_s);
    QVERIFY(!result.entries.at(3).hasRight);
    QCOMPARE(result.entries.at(3).leftText, u"3.71"_s);
    QVERIFY(result.entries.at(5).leftText.startsWith(u'{'));
    QCOMPARE(result.entries.at(5).rightText, u"[200,17]"_s);
    QCOMPARE(result.count(Kind::Changed), 4);
    QCOMPARE(result.count(Kind::Added), 2);
    QCOMPARE(result.count(Kind::Removed), 2);

    // Equal documents, and nested arrays element by element.
    QVERIFY(jsonDiff(kBefore, kBefore).entries.isEmpty());
    const JsonDiffResult nested = jsonDiff(R"({"grid": [[1, 2], [3, 4]], "it's": {"x y": 1}})",
                                           R"({"grid": [[1, 2], [3, 5, 6]], "it's": {"x y": 2}})");
    const QList<Expected> nestedExpected = {{Kind::Changed, u"$.grid[1][1]"_s},
                                            {Kind::Added, u"$.grid[1][2]"_s},
                                            {Kind::Changed, u"$['it\\'s']['x y']"_s}};
    QCOMPARE(nested.entries.size(), nestedExpected.size());
    for (qsizetype i = 0; i < nestedExpected.size(); ++i) {
        QCOMPARE(nested.entries.at(i).path, nestedExpected.at(i).path);
        QCOMPARE(nested.entries.at(i).kind, nestedExpected.at(i).kind);
    }
    // Roots of different types: one change at $.
    const JsonDiffResult roots = jsonDiff("[1]", "{}");
    QCOMPARE(roots.entries.size(), 1);
    QCOMPARE(roots.entries.first().path, u"$"_s);
    QCOMPARE(roots.entries.first().leftText, u"[1]"_s);
    QCOMPARE(roots.entries.first().rightText, u"{}"_s);
    // Containers inside arrays of objects, and an array turning into an empty one.
    QCOMPARE(describe(jsonDiff(R"([{"a": [1, {"b": null}]}, [], {}])",
                               R"([{"a": [1, {"b": false}]}, [[]], {"c": {}}])")),
             u"Changed $[0].a[1].b: null -> false; Added $[1][0]: -> []; "
             u"Added $[2].c: -> {}"_s);
}

void TstJsonDiff::jsonScalarsByTypeAndValue()
{
    QVERIFY(!sameValue("1", "\"1\""));
    QVERIFY(sameValue("1", "1.0"));
    QVERIFY(!sameValue("21.5", "21.25"));
    QVERIFY(!sameValue("false", "0"));
    QVERIFY(!sameValue("null", "false"));
    QVERIFY(!sameValue("true", "false"));
    QVERIFY(sameValue("null", "null"));
    QVERIFY(!sameValue("[]", "{}"));
    QVERIFY(!sameValue("[]", "null"));
    // 64-bit ids differ in their last digit, below a double's precision.
    QVERIFY(!sameValue("9007199254740993", "9007199254740992"));
    const JsonDiffResult typeChange = jsonDiff(R"({"seq": 1})", R"({"seq": "1"})");
    QCOMPARE(typeChange.entries.size(), 1);
    QCOMPARE(typeChange.entries.first().path, u"$.seq"_s);
    QCOMPARE(typeChange.entries.first().kind, Kind::Changed);
    QCOMPARE(typeChange.entries.first().leftText, u"1"_s);
    QCOMPARE(typeChange.entries.first().rightText, u"\"1\""_s);
}

void TstJsonDiff::jsonEntryLimit()
{
    QByteArrayList left;
    QByteArrayList right;
    for (int i = 0; i < 500; ++i) {
        left << QByteArray::number(i);
        right << QByteArray::number(i + 1);
    }
    const QByteArray leftJson = '[' + left.join(',') + ']';
    const QByteArray rightJson = '[' + right.join(',') + ']';
    const JsonDiffResult cut = jsonDiff(leftJson, rightJson, 10);
    QCOMPARE(cut.entries.size(), 10);
    QVERIFY(cut.truncated);
    QCOMPARE(cut.entries.last().path, u"$[9]"_s);
    const JsonDiffResult all = jsonDiff(leftJson, rightJson);
    QCOMPARE(all.entries.size(), 500);
    QVERIFY(!all.truncated);
    // Exactly at the limit is not truncated; the limit holds inside nested objects, and for
    // keys only one side has.
    QVERIFY(!jsonDiff(leftJson, rightJson, 500).truncated);
    const JsonDiffResult nested = jsonDiff(R"({"a": {"x": 1, "y": 2}, "b": 3})",
                                           R"({"a": {"x": 0, "y": 0}, "b": 0, "c": 1})", 3);
    QCOMPARE(describe(nested), u"Changed $.a.x: 1 -> 0; Changed $.a.y: 2 -> 0; "
                               u"Changed $.b: 3 -> 0"_s);
    QVERIFY(nested.truncated);
    const JsonDiffResult none = jsonDiff("[1]", "[2]", 0);
    QVERIFY(none.entries.isEmpty());
    QVERIFY(none.truncated);
}

void TstJsonDiff::jsonKeepsDocumentOrder()
{
    // Keys nowhere near sorted: the left's order, then the right's new keys in its order.
    const JsonDiffResult result = jsonDiff(R"({"z": 1, "a": 1, "m": {"y": 1, "b": 1}, "gone": 0})",
                                           R"({"m": {"b": 2, "y": 2, "new": 0}, "new2": 0, "a": 2,
                                           "z": 2, "new1": 0})");
    QCOMPARE(describe(result), u"Changed $.z: 1 -> 2; Changed $.a: 1 -> 2; "
                               u"Changed $.m.y: 1 -> 2; Changed $.m.b: 1 -> 2; "
                               u"Added $.m.new: -> 0; Removed $.gone: 0 ->; "
                               u"Added $.new2: -> 0; Added $.new1: -> 0"_s);
    // The same keys in the same order, one side longer: row by row.
    QCOMPARE(describe(jsonDiff(R"({"b": 1, "a": 1})", R"({"b": 1, "a": 2, "c": 3, "0": 4})")),
             u"Changed $.a: 1 -> 2; Added $.c: -> 3; Added $['0']: -> 4"_s);
    QCOMPARE(describe(jsonDiff(R"({"b": 1, "a": 1, "c": 3})", R"({"b": 1, "a": 1})")),
             u"Removed $.c: 3 ->"_s);
    // A key written with an escape is the same key.
    QVERIFY(jsonDiff(R"({"\u0061": 1, "b": 2})", R"({"b": 2, "a": 1})").entries.isEmpty());
}

void TstJsonDiff::jsonDuplicateKeysPairedByOccurrence()
{
    // 1st "a" with 1st "a", 2nd with 2nd; the left's 3rd has no partner.
    QCOMPARE(describe(jsonDiff(R"({"a": 1, "b": 0, "a": 2, "a": 3})", R"({"a": 1, "a": 5})")),
             u"Removed $.b: 0 ->; Changed $.a: 2 -> 5; Removed $.a: 3 ->"_s);
    // More occurrences on the right: added after the left's keys, in the right's order.
    QCOMPARE(describe(jsonDiff(R"({"a": 1})", R"({"b": 1, "a": 1, "a": 2})")),
             u"Added $.b: -> 1; Added $.a: -> 2"_s);
    // Lined up (no hashing) and not (hashing): the same pairing.
    QCOMPARE(describe(jsonDiff(R"({"a": 1, "a": 2})", R"({"a": 1, "a": 3})")),
             u"Changed $.a: 2 -> 3"_s);
    QCOMPARE(describe(jsonDiff(R"({"x": 0, "a": 1, "a": 2})", R"({"a": 1, "x": 0, "a": 3})")),
             u"Changed $.a: 2 -> 3"_s);
    // Duplicates that are containers are walked pairwise too.
    QCOMPARE(describe(jsonDiff(R"({"r": {"v": 1}, "q": 0, "r": {"v": 2}})",
                               R"({"q": 0, "r": {"v": 1}, "r": {"v": 3}})")),
             u"Changed $.r.v: 2 -> 3"_s);
    // Equal except for the duplicate that QJsonDocument would drop.
    QCOMPARE(describe(jsonDiff(R"({"id": 7, "id": 8})", R"({"id": 7, "id": 9})")),
             u"Changed $.id: 8 -> 9"_s);
}

void TstJsonDiff::jsonNumbersByExactValue()
{
    // Integers by their digits, at any length.
    QVERIFY(!sameValue("18446744073709551615", "18446744073709551614"));
    QVERIFY(!sameValue("18446744073709551616", "18446744073709551617"));
    QVERIFY(!sameValue("123456789012345678901234567890", "123456789012345678901234567891"));
    QVERIFY(sameValue("123456789012345678901234567890", "1.2345678901234567890123456789e29"));
    QVERIFY(!sameValue("-18446744073709551615", "18446744073709551615"));
    QVERIFY(!sameValue("1", "-1"));
    QVERIFY(sameValue("-0", "0"));
    QVERIFY(sameValue("0", "0.000"));
    QVERIFY(sameValue("-0.0e5", "0e-7"));
    QVERIFY(!sameValue("0", "1e-400"));
    // One number type: the spellings of one value are equal.
    for (const char *one : {"1.0", "1e0", "1E+0", "10e-1", "0.1e1", "1.000e000", "100e-2"})
        QVERIFY2(sameValue("1", one), one);
    QVERIFY(sameValue("12.50", "12.5"));
    QVERIFY(sameValue("100", "1e2"));
    QVERIFY(sameValue("0.01", "1e-2"));
    QVERIFY(sameValue("-2.5", "-25e-1"));
    QVERIFY(!sameValue("-2.5", "2.5"));
    QVERIFY(!sameValue("12.5", "12.05"));
    QVERIFY(!sameValue("100", "10"));
    QVERIFY(!sameValue("1e2", "1e3"));
    // Exact, not rounded to a double: both of these are one double.
    QVERIFY(!sameValue("0.1", "0.10000000000000001"));
    QVERIFY(!sameValue("9007199254740993.0", "9007199254740992"));
    // Beyond a double's range, and exponents beyond 64 bits.
    QVERIFY(sameValue("1e400", "10e399"));
    QVERIFY(!sameValue("1e400", "1e401"));
    QVERIFY(sameValue("1e1000000000000000000000", "10e999999999999999999999"));
    QVERIFY(!sameValue("1e1000000000000000000000", "1e999999999999999999999"));
    QVERIFY(sameValue("1e-1000000000000000000000", "0.1e-999999999999999999999"));
    QVERIFY(sameValue("1e-999999999999999999999", "1000e-1000000000000000000002"));
    QVERIFY(sameValue("1e0000000000000000000000007", "1e7"));
    QVERIFY(!sameValue("1e99999999999999999999", "1e-99999999999999999999"));
    // The rule on tokens, and "1" is a string.
    QVERIFY(JsonDiff::sameNumber("1", "1.0"));
    QVERIFY(!JsonDiff::sameNumber("1", "2"));
    QVERIFY(!sameValue("1", "\"1\""));
    // An entry shows each number as it was written.
    const JsonDiffResult spelled =
        jsonDiff("[12.50, 1e400, 18446744073709551615]", "[12.5, 2e400, 18446744073709551614]");
    QCOMPARE(describe(spelled), u"Changed $[1]: 1e400 -> 2e400; "
                                u"Changed $[2]: 18446744073709551615 -> 18446744073709551614"_s);
}

void TstJsonDiff::jsonStringsAndTexts()
{
    QVERIFY(sameValue(R"("\u0041\n")", R"("A\u000a")"));
    QVERIFY(sameValue(R"("\ud83d\ude00")", "\"\xf0\x9f\x98\x80\""));
    QVERIFY(!sameValue(R"("a")", R"("b")"));
    QVERIFY(!sameValue(R"("a\"")", R"("a")"));
    // Texts as sent: escapes kept, whitespace between tokens dropped, inside strings kept.
    const JsonDiffResult texts =
        jsonDiff(R"({"s": "caf\u00e9", "o": {"k" : "a  b",  "n" : [ 1 , 2 ]}})",
                 R"({"s": "café", "o": { "k": "a \"b\"", "n": [1,2] }})");
    QCOMPARE(texts.entries.size(), 1);
    QCOMPARE(texts.entries.first().path, u"$.o.k"_s);
    QCOMPARE(texts.entries.first().leftText, u"\"a  b\""_s);
    QCOMPARE(texts.entries.first().rightText, u"\"a \\\"b\\\"\""_s);
    QCOMPARE(jsonDiff(R"({"o": {"k" : "a  b",  "n" : [ 1 , 2 ]}})", R"({"o": 1})")
                 .entries.first()
                 .leftText,
             u"{\"k\":\"a  b\",\"n\":[1,2]}"_s);
    // A large subtree is cut for the cell, never split inside a character.
    const QByteArray big = "[\"" + QByteArray(3000, 'x') + "\xc3\xa9\"]";
    const JsonDiffResult large = jsonDiff("{\"v\": " + big + '}', R"({"v": 0})");
    const QString text = large.entries.first().leftText;
    QCOMPARE(text.size(), JsonDiff::kMaxTextChars + 1);
    QVERIFY(text.startsWith(u"[\"xxx"_s));
    QVERIFY(text.endsWith(u'…'));
    const QByteArray accents = "\"" + QByteArray("\xc3\xa9").repeated(3000) + "\"";
    const QString cut = jsonDiff('[' + accents + ']', "[0]").entries.first().leftText;
    QCOMPARE(cut, u"\""_s + QString(JsonDiff::kMaxTextChars - 1, QChar(0xe9)) + u'…');
    DiffModel model;
    PayloadDiffResult result;
    result.mode = PayloadDiffMode::Structural;
    result.json = large;
    model.setResult(result);
    QCOMPARE(model.index(0, 1).data().toString().size(), DiffModel::kMaxCellChars + 1);
    QCOMPARE(model.index(0, 2).data().toString(), u"0"_s);
}

void TstJsonDiff::jsonDeepNestingIsIterative()
{
    // As deep as JsonIndex goes, with a change at the bottom and one on the way back up.
    const int depth = JsonIndex::kMaxDepth;
    const QByteArray left = QByteArray(depth - 1, '[') + "[1]" + QByteArray(depth - 1, ']');
    QByteArray right = QByteArray(depth - 1, '[') + "[2]" + QByteArray(depth - 2, ']') + ",3]";
    const JsonDiffResult result = jsonDiff(left, right);
    QCOMPARE(result.entries.size(), 2);
    QString path = u"$"_s;
    for (int i = 0; i < depth; ++i)
        path += u"[0]"_s;
    QCOMPARE(result.entries.at(0).path, path);
    QCOMPARE(result.entries.at(0).rightText, u"2"_s);
    QCOMPARE(result.entries.at(1).path, u"$[1]"_s);
    QCOMPARE(result.entries.at(1).kind, Kind::Added);
    // Deep objects too, equal.
    QByteArray objects;
    for (int i = 0; i < depth - 1; ++i)
        objects += "{\"k\":";
    objects += "{}" + QByteArray(depth - 1, '}');
    QVERIFY(jsonDiff(objects, objects).entries.isEmpty());
}

void TstJsonDiff::jsonLargeDocuments()
{
    // A 5 MB batch of readings against itself with one reading changed in the middle.
    QByteArray left = "{\"gateway\": \"gw-2\", \"readings\": [";
    const int count = 50'000;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            left += ",\n";
        left += "{\"id\": " + QByteArray::number(i) + ", \"sensor\": \"s" +
                QByteArray::number(i % 97) + "\", \"value\": " + QByteArray::number(i * 0.25) +
                ", \"tags\": [\"north\", \"row-" + QByteArray::number(i % 7) +
                "\"], \"ok\": true, \"raw\": 18446744073709551615}";
    }
    left += "]}";
    QVERIFY(left.size() > 5'000'000);
    QByteArray right = left;
    const QByteArray needle = "{\"id\": 31000, \"sensor\": \"s57\", \"value\": 7750";
    const qsizetype at = right.indexOf(needle);
    QVERIFY(at > 0);
    right.replace(at + needle.size() - 4, 4, "7751");
    QElapsedTimer timer;
    timer.start();
    const JsonIndex leftIndex = JsonIndex::parse(left);
    const JsonIndex rightIndex = JsonIndex::parse(right);
    const qint64 parsed = timer.elapsed();
    const JsonDiffResult result = JsonDiff::compare(leftIndex, rightIndex);
    qInfo("5 MB: parsed both in %lld ms, compared in %lld ms", parsed, timer.elapsed() - parsed);
    QCOMPARE(describe(result), u"Changed $.readings[31000].value: 7750 -> 7751"_s);
    QVERIFY(JsonDiff::compare(leftIndex, leftIndex).entries.isEmpty());

    // 100,000 keys in the opposite order on the right, one value changed: hashed, linear.
    QByteArrayList forward;
    QByteArrayList backward;
    for (int i = 0; i < 100'000; ++i)
        forward << "\"k" + QByteArray::number(i) + "\": " + QByteArray::number(i);
    for (qsizetype i = forward.size() - 1; i >= 0; --i)
        backward << (i == 500 ? QByteArray("\"k500\": -1") : forward.at(i));
    backward << "\"extra\": 0";
    timer.restart();
    const JsonDiffResult reversed =
        jsonDiff('{' + forward.join(',') + '}', '{' + backward.join(',') + '}');
    qInfo("100,000 reordered keys: %lld ms", timer.elapsed());
    QCOMPARE(describe(reversed), u"Changed $.k500: 500 -> -1; Added $.extra: -> 0"_s);
}

void TstJsonDiff::jsonMatchesANaiveReference()
{
    QRandomGenerator random(20240611);
    for (int round = 0; round < 2000; ++round) {
        // Object roots with a duplicate key, or array roots; a quarter compared with
        // themselves.
        const bool object = random.bounded(2) == 0;
        auto document = [&random, object]() -> QByteArray {
            return (object ? "{\"a\": " : "[") + randomJson(random, 3) +
                   (object ? ", \"b\": 1, \"a\": 1}" : "]");
        };
        const QByteArray left = document();
        const QByteArray right = random.bounded(4) == 0 ? left : document();
        const JsonIndex l = parse(left);
        const JsonIndex r = parse(right);
        QStringList expected;
        naiveDiff(l, 0, r, 0, JsonPath::root(), expected);
        QStringList actual;
        for (const JsonDiffEntry &e : JsonDiff::compare(l, r).entries)
            actual << kindText(e.kind) + u' ' + e.path;
        QVERIFY2(actual == expected, qPrintable(QString::fromUtf8(left + " | " + right)));
        QVERIFY(JsonDiff::compare(l, l).entries.isEmpty());
    }
}

} // namespace mqttdesk

QTEST_MAIN(mqttdesk::TstJsonDiff)
#include "tst_json_diff.moc"
