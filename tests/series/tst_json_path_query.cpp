#include "core/inspector/json_index.h"
#include "core/inspector/json_path.h"
#include "core/inspector/json_path_query.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <functional>
#include <memory>
#include <vector>

using namespace mqttdesk;

Q_DECLARE_METATYPE(JsonIndex::Type)

class TstJsonPathQuery : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void evaluate_data();
    void evaluate();
    void notJson_data();
    void notJson();
    void neverReadsPastTheView();
    void utf8AsStrictAsJsonIndex();
    void deepNesting();
    void copiedPathsRoundTrip_data();
    void copiedPathsRoundTrip();
    void randomDocumentsMatchTheReference();
};

namespace {

// A path as steps, for the reference evaluation over a JsonIndex.
struct RefStep
{
    enum Kind
    {
        Key,
        Index,
        Search,
    } kind;
    QString key;
    quint32 index = 0;
};

QString format(const std::vector<RefStep> &steps)
{
    QString out = JsonPath::root();
    for (const RefStep &step : steps) {
        if (step.kind == RefStep::Index)
            out = JsonPath::index(out, step.index);
        else if (step.kind == RefStep::Key)
            out = JsonPath::key(out, step.key);
        else if (JsonPath::isIdentifier(step.key))
            out += u".." + step.key;
        else
            out = JsonPath::key(QString(out + u".."), step.key);
    }
    return out;
}

struct Edge
{
    bool keyed;
    QString key;
    quint32 row;
    bool firstWithKey; // the first member of its object with this key
};

// Whether the edges from the root to a node spell the steps, by dynamic programming: a
// key step takes an edge that is the first with its key; a search skips any number of
// edges, then takes one such edge.
bool matches(const std::vector<Edge> &edges, const std::vector<RefStep> &steps)
{
    const size_t n = steps.size();
    std::vector<char> at(n + 1, 0); // which step counts are reachable after the edges so far
    at[0] = 1;
    for (const Edge &edge : edges) {
        std::vector<char> next(n + 1, 0);
        for (size_t s = 0; s < n; ++s) {
            if (!at[s])
                continue;
            const RefStep &step = steps[s];
            const bool keyHit = edge.keyed && edge.firstWithKey && edge.key == step.key;
            if (step.kind == RefStep::Index && !edge.keyed && edge.row == step.index)
                next[s + 1] = 1;
            if (step.kind != RefStep::Index && keyHit)
                next[s + 1] = 1;
            if (step.kind == RefStep::Search)
                next[s] = 1;
        }
        at.swap(next);
    }
    return at[n];
}

// The first node in document order (JsonIndex ids are in document order) the path reaches.
std::optional<quint32> reference(const JsonIndex &index, const std::vector<RefStep> &steps)
{
    for (quint32 id = 0; id < index.nodeCount(); ++id) {
        std::vector<Edge> edges;
        for (quint32 at = id; at != 0; at = index.node(at).parent) {
            const JsonIndex::Node &node = index.node(at);
            Edge edge{index.hasKey(at), index.key(at), node.row, true};
            if (edge.keyed) {
                for (quint32 r = 0; r < node.row; ++r)
                    edge.firstWithKey =
                        edge.firstWithKey && index.key(index.child(node.parent, r)) != edge.key;
            }
            edges.insert(edges.begin(), edge);
        }
        if (matches(edges, steps))
            return id;
    }
    return std::nullopt;
}

QByteArray bytes(std::initializer_list<char> chars)
{
    return QByteArray(chars.begin(), qsizetype(chars.size()));
}

QByteArray nested(int depth, const QByteArray &open, const QByteArray &inner,
                  const QByteArray &close)
{
    return open.repeated(depth) + inner + close.repeated(depth);
}

} // namespace

void TstJsonPathQuery::parse_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("root") << "$"
                          << "$";
    QTest::newRow("spaces around") << "  $.v \n"
                                   << "$.v";
    QTest::newRow("key") << "$.value"
                         << "$.value";
    QTest::newRow("nested") << "$.sensors[0].temp"
                            << "$.sensors[0].temp";
    QTest::newRow("search") << "$..t"
                            << "$..t";
    QTest::newRow("quoted") << "$['a b']"
                            << "$['a b']";
    QTest::newRow("double quoted") << "$[\"a b\"]"
                                   << "$['a b']";
    QTest::newRow("quoted identifier") << "$['v']"
                                       << "$.v";
    QTest::newRow("spaces in brackets") << "$[ 'v' ][ 2 ]"
                                        << "$.v[2]";
    QTest::newRow("escapes") << R"($['it\'s \\ "x"'])"
                             << R"($['it\'s \\ "x"'])";
    QTest::newRow("json escapes") << R"($["tab\there\u00e9\n"])"
                                  << "$['tab\there\u00e9\n']";
    QTest::newRow("surrogate pair") << R"($['\ud83d\ude00'])" << QString::fromUtf8("$['😀']");
    QTest::newRow("unicode dot key")
        << QString::fromUtf8("$.température") << QString::fromUtf8("$['température']");
    QTest::newRow("dash dot key") << "$.sensor-1.v"
                                  << "$['sensor-1'].v";
    QTest::newRow("dollar key") << "$.$id"
                                << "$.$id";
    QTest::newRow("quoted search") << "$..['a b']"
                                   << "$..['a b']";
    QTest::newRow("leading zeros") << "$[007]"
                                   << "$[7]";
    QTest::newRow("huge index") << "$[99999999999999999999]"
                                << "$[4294967295]";
}

void TstJsonPathQuery::parse()
{
    QFETCH(QString, path);
    QFETCH(QString, canonical);
    QString why;
    const std::optional<JsonPathQuery> query = JsonPathQuery::parse(path, &why);
    QVERIFY2(query, qPrintable(why));
    QCOMPARE(query->toString(), canonical);
    // The canonical form means the same.
    const std::optional<JsonPathQuery> again = JsonPathQuery::parse(canonical);
    QVERIFY(again);
    QCOMPARE(again->toString(), canonical);
}

void TstJsonPathQuery::parseErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("at");
    QTest::addColumn<QString>("why");

    const QString prefix = QStringLiteral("not a JSON path at character ");
    QTest::newRow("empty") << "" << 0 << prefix + u"1: expected '$' at the start";
    QTest::newRow("no dollar") << "v" << 0 << prefix + u"1: expected '$' at the start";
    QTest::newRow("dot at end") << "$.a." << 4 << prefix + u"5: expected a key after '.'";
    QTest::newRow("dot bracket") << "$.[0]" << 2 << prefix + u"3: expected a key after '.'";
    QTest::newRow("search at end") << "$.." << 3 << prefix + u"4: expected a key after '..'";
    QTest::newRow("search index") << "$..[0]" << 3 << prefix + u"4: expected a key after '..'";
    QTest::newRow("three dots") << "$...a" << 3 << prefix + u"4: expected a key after '..'";
    QTest::newRow("garbage") << "$a" << 1 << prefix + u"2: expected '.', '..' or '['";
    QTest::newRow("wildcard") << "$.*" << 2 << prefix + u"3: wildcards are not supported";
    QTest::newRow("wildcard index") << "$[*]" << 2 << prefix + u"3: wildcards are not supported";
    QTest::newRow("negative") << "$[-1]" << 2
                              << prefix + u"3: an array index must be a whole number, 0 or more";
    QTest::newRow("empty brackets")
        << "$[]" << 2 << prefix + u"3: expected a quoted key or an array index after '['";
    QTest::newRow("open bracket") << "$[" << 2
                                  << prefix +
                                         u"3: expected a quoted key or an array index after '['";
    QTest::newRow("filter") << "$[?(@.a)]" << 2
                            << prefix + u"3: expected a quoted key or an array index after '['";
    QTest::newRow("unclosed index") << "$[2" << 3 << prefix + u"4: expected ']'";
    QTest::newRow("slice") << "$[1:2]" << 3 << prefix + u"4: expected ']'";
    QTest::newRow("unclosed quote") << "$['a" << 4 << prefix + u"5: the quoted key is not closed";
    QTest::newRow("backslash at end")
        << "$['a\\" << 5 << prefix + u"6: the quoted key is not closed";
    QTest::newRow("quote no bracket") << "$['a'" << 5 << prefix + u"6: expected ']'";
    QTest::newRow("bad escape") << "$['a\\q']" << 4 << prefix + u"5: an unknown escape in a key";
    QTest::newRow("bad unicode escape")
        << "$['\\u12g4']" << 3 << prefix + u"4: a bad \\u escape in a key";
    QTest::newRow("too many search steps")
        << QString(u"$..a" + QStringLiteral(".b").repeated(63)) << 130
        << prefix + u"131: a path with '..' has at most 63 steps";
}

void TstJsonPathQuery::parseErrors()
{
    QFETCH(QString, path);
    QFETCH(int, at);
    QFETCH(QString, why);
    QString error;
    qsizetype errorAt = -1;
    QVERIFY(!JsonPathQuery::parse(path, &error, &errorAt));
    QCOMPARE(error, why);
    QCOMPARE(errorAt, qsizetype(at));
}

void TstJsonPathQuery::evaluate_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<JsonIndex::Type>("type");

    using T = JsonIndex::Type;
    auto row = [](const char *name, const QByteArray &json, const char *path, const char *raw,
                  T type) {
        QTest::newRow(name) << json << QString::fromUtf8(path) << true << QByteArray(raw) << type;
    };
    auto none = [](const char *name, const QByteArray &json, const char *path) {
        QTest::newRow(name) << json << QString::fromUtf8(path) << false << QByteArray() << T::Null;
    };
    const QByteArray reading = R"({"t":1733400000123,"v":21.5})";
    row("v", reading, "$.v", "21.5", T::Number);
    row("t", reading, "$.t", "1733400000123", T::Number);
    row("root object", reading, "$", R"({"t":1733400000123,"v":21.5})", T::Object);
    row("root scalar", " 42 ", "$", "42", T::Number);
    row("root string", R"("hi")", "$", R"("hi")", T::String);
    none("missing key", reading, "$.x");
    none("key of a number", reading, "$.v.w");
    none("index of an object", reading, "$[0]");
    none("key of an array", "[1,2]", "$.a");

    const QByteArray sensors =
        R"({"site":"A","sensors":[{"id":1,"temp":20.5},{"id":2,"temp":-3e2}],"ok":true})";
    row("nested", sensors, "$.sensors[0].temp", "20.5", T::Number);
    row("second element", sensors, "$.sensors[1].temp", "-3e2", T::Number);
    row("an element", sensors, "$.sensors[1]", R"({"id":2,"temp":-3e2})", T::Object);
    row("an array", sensors, "$.sensors", R"([{"id":1,"temp":20.5},{"id":2,"temp":-3e2}])",
        T::Array);
    row("true", sensors, "$.ok", "true", T::True);
    row("string", sensors, "$.site", R"("A")", T::String);
    none("index past the end", sensors, "$.sensors[2].temp");
    row("search", sensors, "$..temp", "20.5", T::Number);
    row("search then key", sensors, "$..sensors[1].id", "2", T::Number);
    row("search below an index", sensors, "$.sensors[1]..temp", "-3e2", T::Number);
    none("search misses", sensors, "$..humidity");

    row("values", R"([null,false,"x",{},[]])", "$[1]", "false", T::False);
    row("null", R"([null,false,"x",{},[]])", "$[0]", "null", T::Null);
    row("empty object", R"([null,false,"x",{},[]])", "$[3]", "{}", T::Object);
    row("empty array", R"([null,false,"x",{},[]])", "$[4]", "[]", T::Array);
    row("whitespace everywhere", " {\n\t\"a\" :\r [ 1 , { \"b\" : 2 } ] } ", "$.a[1].b", "2",
        T::Number);

    // First wins: the first member is the key's value, at every step.
    row("duplicate keys", R"({"a":1,"a":2})", "$.a", "1", T::Number);
    none("duplicate: no second chance", R"({"a":1,"a":{"b":2}})", "$.a.b");
    row("duplicate: first is an object", R"({"a":{"b":1},"a":{"b":2}})", "$.a.b", "1", T::Number);
    none("duplicate under search", R"({"x":{"a":1,"a":{"b":2}}})", "$..a.b");
    // The first in document order that the whole path reaches.
    row("search goes on", R"({"x":{"a":1},"y":{"a":{"b":2}}})", "$..a.b", "2", T::Number);
    row("search outer first", R"({"a":{"a":1}})", "$..a", R"({"a":1})", T::Object);
    row("search nested", R"({"a":{"a":{"b":3}}})", "$..a..b", "3", T::Number);
    row("search in arrays", R"([[1,{"t":5}],{"t":6}])", "$..t", "5", T::Number);
    row("search after a key", R"({"t":0,"x":{"t":1}})", "$.x..t", "1", T::Number);

    // Keys: escapes on either side, Unicode, odd characters.
    row("escaped key in payload", R"({"a\u0020b":1})", "$['a b']", "1", T::Number);
    row("escaped quote", R"({"a\"b":2})", R"($["a\"b"])", "2", T::Number);
    row("escaped quote single", R"({"a\"b":2})", R"($['a"b'])", "2", T::Number);
    row("apostrophe", R"({"it's":3})", R"($['it\'s'])", "3", T::Number);
    row("backslash", R"({"a\\b":4})", R"($['a\\b'])", "4", T::Number);
    row("solidus", R"({"a\/b":5})", "$['a/b']", "5", T::Number);
    row("newline", R"({"a\nb":6})", R"($['a\nb'])", "6", T::Number);
    row("unicode raw", "{\"temp\xc3\xa9rature\":7}", "$.température", "7", T::Number);
    row("unicode escaped payload", R"({"temp\u00e9rature":8})", "$['température']", "8", T::Number);
    row("unicode escaped path", "{\"\xc3\xa9\":9}", R"($['\u00e9'])", "9", T::Number);
    row("emoji escaped", R"({"\ud83d\ude00":10})", "$['😀']", "10", T::Number);
    row("emoji raw", "{\"\xf0\x9f\x98\x80\":11}", R"($['\ud83d\ude00'])", "11", T::Number);
    row("lone surrogate", R"({"\ud800":12})", "$['\uFFFD']", "12", T::Number);
    none("escape is not a prefix", R"({"ab\u0063":1})", "$.ab");
    none("key is not a prefix", R"({"abc":1})", "$.ab");
    none("key is longer", R"({"ab":1})", "$.abc");
    row("empty key", R"({"":13})", "$['']", "13", T::Number);
    row("bracket key", R"({"]":14})", "$[']']", "14", T::Number);
    row("dots", R"({"a.b":15,"a":{"b":16}})", "$['a.b']", "15", T::Number);
    row("dots as steps", R"({"a.b":15,"a":{"b":16}})", "$.a.b", "16", T::Number);

    // Values are returned as sent.
    row("string like a number", R"({"v":"21.5"})", "$.v", R"("21.5")", T::String);
    row("huge number", R"({"v":123456789012345678901234567890})", "$.v",
        "123456789012345678901234567890", T::Number);
    row("string with escapes", R"({"v":"a\"b\\"})", "$.v", R"("a\"b\\")", T::String);
    row("index 10", "[0,1,2,3,4,5,6,7,8,9,10]", "$[10]", "10", T::Number);
}

void TstJsonPathQuery::evaluate()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(bool, found);
    QFETCH(QByteArray, raw);
    QFETCH(JsonIndex::Type, type);
    QString why;
    const std::optional<JsonPathQuery> query = JsonPathQuery::parse(path, &why);
    QVERIFY2(query, qPrintable(why));
    bool isJson = false;
    const std::optional<JsonPathQuery::Match> match = query->evaluate(json, &isJson);
    QVERIFY(isJson);
    QVERIFY(JsonIndex::parse(json).isValid());
    QCOMPARE(match.has_value(), found);
    if (!match)
        return;
    QCOMPARE(match->raw.toByteArray(), raw);
    QCOMPARE(match->type, type);
    // The view points into the evaluated bytes.
    QVERIFY(match->raw.data() >= json.constData() &&
            match->raw.data() + match->raw.size() <= json.constData() + json.size());
}

void TstJsonPathQuery::notJson_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("spaces") << QByteArray("  ");
    QTest::newRow("truncated object") << QByteArray(R"({"t":1,"v":21.5)");
    QTest::newRow("truncated number") << QByteArray(R"({"v":-)");
    QTest::newRow("truncated string") << QByteArray(R"({"v":"abc)");
    QTest::newRow("truncated key") << QByteArray(R"({"v)");
    QTest::newRow("truncated escape") << QByteArray(R"({"v":"a\)");
    QTest::newRow("truncated unicode escape") << QByteArray(R"({"v":"\u12)");
    QTest::newRow("truncated word") << QByteArray(R"({"v":tru)");
    QTest::newRow("trailing garbage") << QByteArray(R"({"v":1} x)");
    QTest::newRow("two values") << QByteArray("1 2");
    QTest::newRow("trailing comma") << QByteArray(R"({"v":1,})");
    QTest::newRow("trailing comma array") << QByteArray("[1,]");
    QTest::newRow("leading comma") << QByteArray("[,1]");
    QTest::newRow("missing colon") << QByteArray(R"({"v" 1})");
    QTest::newRow("unquoted key") << QByteArray("{v:1}");
    QTest::newRow("single quotes") << QByteArray("{'v':1}");
    QTest::newRow("mismatched close") << QByteArray(R"({"v":[1}})");
    QTest::newRow("extra close") << QByteArray("[1]]");
    QTest::newRow("leading zero") << QByteArray("[01]");
    QTest::newRow("plus") << QByteArray("[+1]");
    QTest::newRow("bare dot") << QByteArray("[1.]");
    QTest::newRow("bare exponent") << QByteArray("[1e]");
    QTest::newRow("NaN") << QByteArray(R"({"v":NaN})");
    QTest::newRow("Infinity") << QByteArray(R"({"v":Infinity})");
    QTest::newRow("hex") << QByteArray("[0x10]");
    QTest::newRow("control in string") << QByteArray("[\"a\tb\"]");
    QTest::newRow("unknown escape") << QByteArray(R"(["\q"])");
    QTest::newRow("bad unicode escape") << QByteArray(R"(["\u12g4"])");
    QTest::newRow("invalid UTF-8") << QByteArray("[\"\xff\"]");
    QTest::newRow("overlong UTF-8") << QByteArray("[\"\xc0\xaf\"]");
    QTest::newRow("UTF-8 surrogate") << QByteArray("[\"\xed\xa0\x80\"]");
    QTest::newRow("past U+10FFFF") << QByteArray("[\"\xf4\x90\x80\x80\"]");
    QTest::newRow("cut UTF-8") << QByteArray("[\"\xe2\x82\"]");
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf[1]");
    QTest::newRow("NUL after") << QByteArray("[1]\0", 4);
    QTest::newRow("comment") << QByteArray("[1 /* x */]");
}

void TstJsonPathQuery::notJson()
{
    QFETCH(QByteArray, json);
    QVERIFY(!JsonIndex::parse(json).isValid()); // the strictness JsonIndex has
    for (const char *path : {"$", "$.v", "$[0]", "$..v"}) {
        const std::optional<JsonPathQuery> query = JsonPathQuery::parse(QString::fromLatin1(path));
        QVERIFY(query);
        bool isJson = true;
        QVERIFY(!query->evaluate(json, &isJson));
        QVERIFY(!isJson);
    }
}

void TstJsonPathQuery::neverReadsPastTheView()
{
    // The bytes after each view would complete the JSON; the view must be read alone. Each
    // prefix is also copied to a block of its exact size, for the sanitizers to watch.
    const QByteArray buffer = R"({"v":"abc\u0041","w":[1,2],"x":true,"y":-12.5e+3})";
    const std::optional<JsonPathQuery> query = JsonPathQuery::parse(u"$.y");
    QVERIFY(query);
    for (qsizetype length = 0; length < buffer.size(); ++length) {
        bool isJson = true;
        QVERIFY(!query->evaluate(QByteArrayView(buffer).first(length), &isJson));
        QVERIFY2(!isJson, qPrintable(QString::number(length)));
        const std::unique_ptr<char[]> exact(new char[size_t(qMax<qsizetype>(length, 1))]);
        std::memcpy(exact.get(), buffer.constData(), size_t(length));
        isJson = true;
        QVERIFY(!query->evaluate(QByteArrayView(exact.get(), length), &isJson));
        QVERIFY(!isJson);
    }
    bool isJson = false;
    const std::optional<JsonPathQuery::Match> match = query->evaluate(buffer, &isJson);
    QVERIFY(isJson && match);
    QCOMPARE(match->raw.toByteArray(), QByteArray("-12.5e+3"));
}

void TstJsonPathQuery::utf8AsStrictAsJsonIndex()
{
    // Inside a string and out of it, byte sequences are JSON exactly when JsonIndex (Qt's
    // UTF-8 check) says so: every pair, and triples and quadruples around the boundaries.
    const std::optional<JsonPathQuery> query = JsonPathQuery::parse(u"$[0]");
    QVERIFY(query);
    auto same = [&](const QByteArray &inner) {
        for (const QByteArray &json :
             {QByteArray("[\"" + inner + "\"]"), QByteArray("[" + inner + "]")}) {
            bool isJson = false;
            (void)query->evaluate(json, &isJson);
            if (isJson != JsonIndex::parse(json).isValid()) {
                qWarning() << json.toHex(' ');
                return false;
            }
        }
        return true;
    };
    for (int a = 0; a < 256; ++a) {
        for (int b = 0; b < 256; ++b)
            QVERIFY(same(bytes({char(a), char(b)})));
    }
    const QList<char> edges = {'\x00', ' ',    'A',    '\x7f', '\x80', '\x8f', '\x90',
                               '\x9f', '\xa0', '\xbf', '\xc0', '\xf4', '\xff'};
    for (int lead = 0xc0; lead < 256; ++lead) {
        for (const char b : edges) {
            for (const char c : edges) {
                QVERIFY(same(bytes({char(lead), b, c})));
                if (lead >= 0xf0) {
                    for (const char d : edges)
                        QVERIFY(same(bytes({char(lead), b, c, d})));
                }
            }
        }
    }
}

void TstJsonPathQuery::deepNesting()
{
    using T = JsonIndex::Type;
    // 1000 levels, JsonIndex's limit: the value at the bottom is reached.
    const QByteArray arrays = nested(1000, "[", "7", "]");
    QVERIFY(JsonIndex::parse(arrays).isValid());
    const std::optional<JsonPathQuery> bottom =
        JsonPathQuery::parse(QString(u'$' + QStringLiteral("[0]").repeated(1000)));
    QVERIFY(bottom);
    std::optional<JsonPathQuery::Match> match = bottom->evaluate(arrays);
    QVERIFY(match);
    QCOMPARE(match->raw.toByteArray(), QByteArray("7"));
    const std::optional<JsonPathQuery> top = JsonPathQuery::parse(u"$[0]");
    QVERIFY(top);
    match = top->evaluate(arrays);
    QVERIFY(match);
    QCOMPARE(match->type, T::Array);
    QCOMPARE(match->raw.size(), arrays.size() - 2);

    const QByteArray objects = nested(999, R"({"a":)", R"({"x":5})", "}");
    const std::optional<JsonPathQuery> search = JsonPathQuery::parse(u"$..x");
    QVERIFY(search);
    match = search->evaluate(objects);
    QVERIFY(match);
    QCOMPARE(match->raw.toByteArray(), QByteArray("5"));

    // One level more is not JSON (as for JsonIndex); 100,000 levels must not crash.
    for (const QByteArray &json :
         {nested(1001, "[", "7", "]"), nested(100000, "[", "", "]"),
          nested(100000, R"({"a":)", "1", "}"), QByteArray("[").repeated(100000),
          nested(50000, R"([{"x":)", "1", "}]")}) {
        for (const JsonPathQuery &query : {*bottom, *top, *search}) {
            bool isJson = true;
            QVERIFY(!query.evaluate(json, &isJson));
            QVERIFY(!isJson);
        }
    }
}

void TstJsonPathQuery::copiedPathsRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("reading") << QByteArray(R"({"t":1733400000123,"v":21.5})");
    QTest::newRow("nested") << QByteArray(
        R"({"site":"A","sensors":[{"id":1,"temp":20.5,"tags":["x","y"]},{"id":2,"temp":null}],
            "meta":{"fw":{"version":"1.2.3","ok":true}},"empty":{},"list":[]})");
    QTest::newRow("odd keys") << QByteArray(
        R"({"a b":1,"it's":2,"back\\slash":3,"":4,"\u00fcn\u00efcode":5,"\ud83d\ude00":6,)"
        R"("new\nline":7,"]":8,"$":9,"0":10,"a.b":11,"*":12,"q\"uote":13,"tab\t":14,)"
        R"("$ref":15,"_x1":16,"1a":17,"\u0000":18,"sp ace":{"in ner":[{"k'":19}]}})");
    QTest::newRow("raw unicode") << QByteArray("{\"\xc3\xa9t\xc3\xa9\":{\"\xe2\x82\xac\":[1,2]}}");
    QTest::newRow("top array") << QByteArray(R"([[1,[2,[3]]],{"a":[{"b":[4]}]}])");
    QTest::newRow("scalar") << QByteArray("3.25");
}

void TstJsonPathQuery::copiedPathsRoundTrip()
{
    // Every path the tree's "Copy path" gives names the value it was copied from.
    QFETCH(QByteArray, json);
    const JsonIndex index = JsonIndex::parse(json);
    QVERIFY2(index.isValid(), qPrintable(index.error()));
    for (quint32 id = 0; id < index.nodeCount(); ++id) {
        const QString path = index.path(id);
        QString why;
        const std::optional<JsonPathQuery> query = JsonPathQuery::parse(path, &why);
        QVERIFY2(query, qPrintable(QString(path + u": " + why)));
        QCOMPARE(query->toString(), path);
        const std::optional<JsonPathQuery::Match> match = query->evaluate(json);
        QVERIFY2(match, qPrintable(path));
        QVERIFY2(match->raw.data() == index.raw(id).data(), qPrintable(path));
        QCOMPARE(match->raw.size(), index.raw(id).size());
        QCOMPARE(match->type, index.node(id).type);
    }
}

void TstJsonPathQuery::randomDocumentsMatchTheReference()
{
    // Small alphabets, so that duplicate keys and searches that go on after a first miss
    // come up often; the reference walks a JsonIndex.
    QRandomGenerator random(18);
    const QStringList keys = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c d")};
    std::function<QByteArray(int)> document = [&](int depth) -> QByteArray {
        // Kind 3 is an array, 4 and more an object; the root is always a container.
        const int kind = depth == 0 ? 3 + random.bounded(3)
                                    : (depth > 3 ? random.bounded(3) : random.bounded(8));
        if (kind == 0)
            return QByteArray::number(random.bounded(100));
        if (kind == 1)
            return "\"s\"";
        if (kind == 2)
            return "true";
        const int count = random.bounded(5);
        QByteArray out = kind == 3 ? "[" : "{";
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                out += ',';
            if (kind != 3)
                out += '"' + keys[int(random.bounded(quint32(keys.size())))].toUtf8() + "\":";
            out += document(depth + 1);
        }
        return out + (kind == 3 ? "]" : "}");
    };
    int matched = 0;
    for (int round = 0; round < 400; ++round) {
        const QByteArray json = document(0);
        const JsonIndex index = JsonIndex::parse(json);
        QVERIFY2(index.isValid(), json.constData());
        for (int p = 0; p < 10; ++p) {
            std::vector<RefStep> steps(1 + random.bounded(4));
            for (RefStep &step : steps) {
                step.kind = RefStep::Kind(random.bounded(3));
                step.key = keys[int(random.bounded(quint32(keys.size())))];
                step.index = random.bounded(3);
            }
            const QString path = format(steps);
            const std::optional<JsonPathQuery> query = JsonPathQuery::parse(path);
            QVERIFY2(query, qPrintable(path));
            const std::optional<JsonPathQuery::Match> match = query->evaluate(json);
            const std::optional<quint32> expected = reference(index, steps);
            QVERIFY2(match.has_value() == expected.has_value(),
                     qPrintable(QString(path + u" on " + QString::fromUtf8(json))));
            if (!match)
                continue;
            ++matched;
            QVERIFY2(match->raw.data() == index.raw(*expected).data() &&
                         match->raw.size() == index.raw(*expected).size(),
                     qPrintable(QString(path + u" on " + QString::fromUtf8(json))));
        }
    }
    QVERIFY2(matched > 200, qPrintable(QString::number(matched)));
}

QTEST_APPLESS_MAIN(TstJsonPathQuery)
#include "tst_json_path_query.moc"
