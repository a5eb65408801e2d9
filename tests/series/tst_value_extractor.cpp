// One number per payload for charts: text, JSON paths, packed arrays and decoded formats, what
// is skipped and why, scale and offset, the spec's JSON, and how long `$.v` takes.

#include "core/payload/numeric_array_decoder.h"
#include "core/series/value_extractor.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>
#include <thread>
#include <vector>

using namespace mqttdesk;

Q_DECLARE_METATYPE(ExtractorSpec)

class TstValueExtractor : public QObject
{
    Q_OBJECT

private slots:
    void text_data();
    void text();
    void jsonPath_data();
    void jsonPath();
    void numericArray_data();
    void numericArray();
    void numericArrayAgreesWithTheDecoder();
    void decoded_data();
    void decoded();
    void scaleAndOffset();
    void specRoundTrips_data();
    void specRoundTrips();
    void specValidation_data();
    void specValidation();
    void makeRefuses_data();
    void makeRefuses();
    void skipReasonTexts();
    void threadSafe();
    void benchmark();
};

namespace {

constexpr double kSkipped = std::numeric_limits<double>::quiet_NaN();

ExtractorSpec jsonSpec(const QString &path)
{
    ExtractorSpec spec;
    spec.kind = ExtractorSpec::Kind::JsonPath;
    spec.path = path;
    return spec;
}

ExtractorSpec arraySpec(const QString &layout, int index)
{
    ExtractorSpec spec;
    spec.kind = ExtractorSpec::Kind::NumericArray;
    spec.decoderOptions = NumericArrayDecoder::Layout::fromSpec(layout)->toJson();
    spec.index = index;
    return spec;
}

ExtractorSpec decodedSpec(const char *decoder, const char *path)
{
    ExtractorSpec spec;
    spec.kind = ExtractorSpec::Kind::Decoded;
    spec.decoder = QString::fromUtf8(decoder);
    spec.path = QString::fromUtf8(path);
    return spec;
}

// Extracts and compares: a value, or (value NaN) the reason it was skipped.
bool check(const ExtractorSpec &spec, const QByteArray &payload, double value, int reason)
{
    QString why;
    const std::optional<ValueExtractor> extractor = ValueExtractor::make(spec, &why);
    if (!extractor) {
        qWarning() << "make:" << why;
        return false;
    }
    const ExtractedValue got = extractor->extract(payload);
    if (std::isnan(value)) {
        if (got.skipped && int(*got.skipped) == reason)
            return true;
        qWarning() << "expected skip" << reason << "got" << got.value
                   << (got.skipped ? int(*got.skipped) : -1);
        return false;
    }
    if (!got.skipped && got.value == value)
        return true;
    qWarning() << "expected" << value << "got" << got.value
               << (got.skipped ? int(*got.skipped) : -1);
    return false;
}

void columns()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("reason"); // SkipReason when value is NaN
}

void value(const char *name, const QByteArray &payload, double v)
{
    QTest::newRow(name) << payload << v << -1;
}

void skipped(const char *name, const QByteArray &payload, SkipReason reason)
{
    QTest::newRow(name) << payload << kSkipped << int(reason);
}

} // namespace

void TstValueExtractor::text_data()
{
    columns();
    value("decimal", "21.5", 21.5);
    value("negative", "-3", -3);
    value("plus", "+4", 4);
    value("exponent", "1e3", 1000);
    value("exponent sign", "2.5E-2", 0.025);
    value("leading dot", ".5", 0.5);
    value("trailing dot", "5.", 5);
    value("leading zeros", "007", 7);
    value("whitespace", " \t21.5\r\n", 21.5);
    value("zero", "0", 0);
    value("huge integer", "18446744073709551616", 18446744073709551616.0);
    value("30 digits", "123456789012345678901234567890", 123456789012345678901234567890.0);
    value("underflow", "1e-999", 0);
    value("max double", "1.7976931348623157e308", std::numeric_limits<double>::max());
    skipped("empty", "", SkipReason::Missing);
    skipped("only whitespace", " \n", SkipReason::Missing);
    skipped("hex", "0x10", SkipReason::NotANumber);
    skipped("comma", "1,5", SkipReason::NotANumber);
    skipped("unit", "21 C", SkipReason::NotANumber);
    skipped("words", "on", SkipReason::NotANumber);
    skipped("sign only", "-", SkipReason::NotANumber);
    skipped("dot only", ".", SkipReason::NotANumber);
    skipped("two signs", "+-1", SkipReason::NotANumber);
    skipped("bare exponent", "1e", SkipReason::NotANumber);
    skipped("inner space", "2 1", SkipReason::NotANumber);
    skipped("JSON", R"({"v":1})", SkipReason::NotANumber);
    skipped("NaN", "NaN", SkipReason::NotFinite);
    skipped("nan", "nan", SkipReason::NotFinite);
    skipped("inf", "inf", SkipReason::NotFinite);
    skipped("minus Infinity", "-Infinity", SkipReason::NotFinite);
    skipped("overflow", "1e999", SkipReason::NotFinite);
    skipped("overflow digits", QByteArray("9").repeated(400), SkipReason::NotFinite);
    skipped("overflow negative exponent", QByteArray("1").repeated(400) + "e-5",
            SkipReason::NotFinite);
    value("underflow digits", "0." + QByteArray("0").repeated(400) + "1", 0);
}

void TstValueExtractor::text()
{
    QFETCH(QByteArray, payload);
    QFETCH(double, value);
    QFETCH(int, reason);
    QVERIFY(check(ExtractorSpec(), payload, value, reason));
}

void TstValueExtractor::jsonPath_data()
{
    QTest::addColumn<QString>("path");
    columns();
    auto v = [](const char *name, const char *path, const QByteArray &payload, double x) {
        QTest::newRow(name) << QString::fromUtf8(path) << payload << x << -1;
    };
    auto s = [](const char *name, const char *path, const QByteArray &payload, SkipReason r) {
        QTest::newRow(name) << QString::fromUtf8(path) << payload << kSkipped << int(r);
    };
    const QByteArray reading = R"({"t":1733400000123,"v":21.5})";
    v("v", "$.v", reading, 21.5);
    v("t", "$.t", reading, 1733400000123.0);
    v("nested", "$.sensors[1].temp", R"({"sensors":[{"temp":1},{"temp":-2.5e1}]})", -25);
    v("search", "$..temp", R"({"a":{"b":[{"temp":3}]}})", 3);
    v("root number", "$", " 42 ", 42);
    v("escaped key", R"($['a b'])", R"({"a\u0020b":7})", 7);
    v("unicode key", "$.température", R"({"temp\u00e9rature":19.5})", 19.5);
    v("duplicate keys: first wins", "$.v", R"({"v":1,"v":2})", 1);
    // Devices often send numbers as strings; the whole string must be one.
    v("number in a string", "$.v", R"({"v":"21.5"})", 21.5);
    v("padded string", "$.v", R"({"v":" 21.5 "})", 21.5);
    v("exponent in a string", "$.v", R"({"v":"-1e3"})", -1000);
    s("words in a string", "$.v", R"({"v":"21.5 C"})", SkipReason::NotANumber);
    s("empty string", "$.v", R"({"v":""})", SkipReason::NotANumber);
    s("hex in a string", "$.v", R"({"v":"0x10"})", SkipReason::NotANumber);
    s("escape in a string", "$.v", R"({"v":"\u0032"})", SkipReason::NotANumber);
    v("true", "$.on", R"({"on":true})", 1);
    v("false", "$.on", R"({"on":false})", 0);
    s("null", "$.v", R"({"v":null})", SkipReason::NotANumber);
    s("object", "$.v", R"({"v":{"x":1}})", SkipReason::NotANumber);
    s("array", "$.v", R"({"v":[1]})", SkipReason::NotANumber);
    s("missing key", "$.x", reading, SkipReason::Missing);
    s("missing index", "$[3]", "[1,2]", SkipReason::Missing);
    s("missing below a number", "$.v.x", reading, SkipReason::Missing);
    s("NaN string", "$.v", R"({"v":"NaN"})", SkipReason::NotFinite);
    s("Infinity string", "$.v", R"({"v":"-Infinity"})", SkipReason::NotFinite);
    s("overflow", "$.v", R"({"v":1e999})", SkipReason::NotFinite);
    s("overflow in a string", "$.v", R"({"v":"-1e400"})", SkipReason::NotFinite);
    v("underflow", "$.v", R"({"v":1e-999})", 0);
    v("2^64", "$.v", R"({"v":18446744073709551616})", 18446744073709551616.0);
    v("30 digits", "$.v", R"({"v":-123456789012345678901234567890})",
      -123456789012345678901234567890.0);
    v("whitespace", "$.v", " {\n \"v\" :\t21.5 }\r\n", 21.5);
    s("bare NaN is not JSON", "$.v", R"({"v":NaN})", SkipReason::NotJson);
    s("truncated", "$.v", R"({"t":1,"v":21.5)", SkipReason::NotJson);
    s("truncated after the value", "$.v", R"({"v":21.5,"t":)", SkipReason::NotJson);
    s("plain text", "$.v", "21.5 C", SkipReason::NotJson);
    s("invalid UTF-8", "$.v", "{\"v\":1,\"s\":\"\xff\"}", SkipReason::NotJson);
    s("empty payload", "$.v", "", SkipReason::Missing);
    s("too deep", "$.v", QByteArray("[").repeated(100000), SkipReason::NotJson);
}

void TstValueExtractor::jsonPath()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, payload);
    QFETCH(double, value);
    QFETCH(int, reason);
    QVERIFY(check(jsonSpec(path), payload, value, reason));
}

void TstValueExtractor::numericArray_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<int>("index");
    columns();
    auto v = [](const char *name, const char *layout, int index, const QByteArray &bytes,
                double x) {
        QTest::newRow(name) << QString::fromLatin1(layout) << index << bytes << x << -1;
    };
    auto s = [](const char *name, const char *layout, int index, const QByteArray &bytes,
                SkipReason r) {
        QTest::newRow(name) << QString::fromLatin1(layout) << index << bytes << kSkipped << int(r);
    };
    const QByteArray int16be("\x01\x00\xff\xfe\x7f\xff", 6);
    v("int16be 0", "int16be", 0, int16be, 256);
    v("int16be 1", "int16be", 1, int16be, -2);
    v("int16be 2", "int16be", 2, int16be, 32767);
    s("int16be past the end", "int16be", 3, int16be, SkipReason::Missing);
    s("int16be partial", "int16be", 0, int16be + '\x01', SkipReason::Undecodable);
    // 0.1f and 1.5f little endian.
    const QByteArray float32le("\xcd\xcc\xcc\x3d\x00\x00\xc0\x3f", 8);
    v("float32le 0", "float32le", 0, float32le, double(0.1f));
    v("float32le 1", "float32le", 1, float32le, 1.5);
    s("float32le past the end", "float32le", 2, float32le, SkipReason::Missing);
    s("float32 NaN", "float32le", 0, QByteArray("\x00\x00\xc0\x7f", 4), SkipReason::NotFinite);
    s("float64 infinity", "float64be", 0, QByteArray("\x7f\xf0\0\0\0\0\0\0", 8),
      SkipReason::NotFinite);
    v("uint64 max", "uint64le", 0, QByteArray(8, '\xff'), 18446744073709551615.0);
    v("int64 min", "int64be", 0, QByteArray("\x80\0\0\0\0\0\0\0", 8), -9223372036854775808.0);
    v("header skipped", "uint8:2", 1, QByteArray("\xaa\xbb\x05\x06", 4), 6);
    s("header past the payload", "uint8:8", 0, QByteArray("\x01\x02", 2), SkipReason::Undecodable);
    s("empty", "uint8", 0, QByteArray(), SkipReason::Missing);
}

void TstValueExtractor::numericArray()
{
    QFETCH(QString, layout);
    QFETCH(int, index);
    QFETCH(QByteArray, payload);
    QFETCH(double, value);
    QFETCH(int, reason);
    QVERIFY(check(arraySpec(layout, index), payload, value, reason));
}

void TstValueExtractor::numericArrayAgreesWithTheDecoder()
{
    // The extractor reads one element where values() reads them all: the same numbers.
    QRandomGenerator random(64);
    for (const char *type : {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                             "uint64", "float32", "float64"}) {
        for (const char *endian : {"le", "be"}) {
            const QString layoutSpec = QLatin1String(type) + QLatin1String(endian) + u":3";
            const NumericArrayDecoder::Layout layout =
                *NumericArrayDecoder::Layout::fromSpec(layoutSpec);
            QByteArray bytes(3 + 8 * 16, Qt::Uninitialized);
            for (char &c : bytes)
                c = char(random.bounded(256));
            const QList<double> all = *NumericArrayDecoder::values(bytes, layout);
            for (int i = 0; i < all.size() + 2; ++i) {
                const ExtractedValue got =
                    ValueExtractor::make(arraySpec(layoutSpec, i))->extract(bytes);
                if (i >= all.size()) {
                    QVERIFY(got.skipped == SkipReason::Missing);
                } else if (!std::isfinite(all[i])) {
                    QVERIFY(got.skipped == SkipReason::NotFinite);
                } else {
                    QVERIFY2(!got.skipped, qPrintable(layoutSpec));
                    QCOMPARE(got.value, all[i]);
                }
            }
        }
    }
}

void TstValueExtractor::decoded_data()
{
    QTest::addColumn<ExtractorSpec>("spec");
    columns();
    QCborMap map;
    map.insert(QStringLiteral("t"), qint64(1733400000123));
    map.insert(QStringLiteral("v"), 21.5);
    map.insert(QStringLiteral("list"), QCborArray{1, 2, 3});
    const QByteArray cbor = QCborValue(map).toCbor();
    QTest::newRow("cbor") << decodedSpec("cbor", "$.v") << cbor << 21.5 << -1;
    QTest::newRow("cbor array") << decodedSpec("cbor", "$.list[2]") << cbor << 3.0 << -1;
    QTest::newRow("cbor missing") << decodedSpec("cbor", "$.x") << cbor << kSkipped
                                  << int(SkipReason::Missing);
    QTest::newRow("cbor malformed") << decodedSpec("cbor", "$.v") << QByteArray("\xff\x00\x01", 3)
                                    << kSkipped << int(SkipReason::Undecodable);
    // {"v": 21} and {"t": "x"} in MessagePack.
    QTest::newRow("msgpack") << decodedSpec("msgpack", "$.v") << QByteArray::fromHex("81a17615")
                             << 21.0 << -1;
    QTest::newRow("msgpack string")
        << decodedSpec("msgpack", "$.t") << QByteArray::fromHex("81a174a178") << kSkipped
        << int(SkipReason::NotANumber);
    QTest::newRow("msgpack truncated")
        << decodedSpec("msgpack", "$.v") << QByteArray::fromHex("81a176") << kSkipped
        << int(SkipReason::Undecodable);
    ExtractorSpec numeric = decodedSpec("numeric", "$[1]");
    numeric.decoderOptions = NumericArrayDecoder::Layout::fromSpec(u"int16be")->toJson();
    QTest::newRow("numeric") << numeric << QByteArray("\x00\x01\xff\xfe", 4) << -2.0 << -1;
    QTest::newRow("empty") << decodedSpec("cbor", "$.v") << QByteArray() << kSkipped
                           << int(SkipReason::Missing);
}

void TstValueExtractor::decoded()
{
    QFETCH(ExtractorSpec, spec);
    QFETCH(QByteArray, payload);
    QFETCH(double, value);
    QFETCH(int, reason);
    QVERIFY(check(spec, payload, value, reason));
}

void TstValueExtractor::scaleAndOffset()
{
    ExtractorSpec spec = jsonSpec(QStringLiteral("$.v"));
    spec.scale = 0.1;
    spec.offset = -273.15;
    spec.unit = QStringLiteral("°C");
    QVERIFY(check(spec, R"({"v":3000})", 3000 * 0.1 - 273.15, -1));
    ExtractorSpec text;
    text.scale = 2;
    text.offset = 1;
    QVERIFY(check(text, "20", 41, -1));
    QVERIFY(check(text, "x", kSkipped, int(SkipReason::NotANumber)));
    ExtractorSpec array = arraySpec(QStringLiteral("uint8"), 0);
    array.scale = -1;
    QVERIFY(check(array, "\x05", -5, -1));
    // A scale that overflows the double range is not finite, not a huge number.
    text.scale = 1e300;
    QVERIFY(check(text, "1e300", kSkipped, int(SkipReason::NotFinite)));
}

void TstValueExtractor::specRoundTrips_data()
{
    QTest::addColumn<ExtractorSpec>("spec");
    QTest::newRow("default") << ExtractorSpec();
    ExtractorSpec text;
    text.scale = 0.5;
    text.offset = -3;
    text.unit = QStringLiteral("kWh");
    QTest::newRow("text") << text;
    QTest::newRow("json") << jsonSpec(QStringLiteral("$.sensors[0]['a b']"));
    QTest::newRow("array") << arraySpec(QStringLiteral("float32be:4"), 7);
    ExtractorSpec decoded = decodedSpec("protobuf", "$..temp");
    decoded.decoderOptions = {{QStringLiteral("messageType"), QStringLiteral("demo.Reading")},
                              {QStringLiteral("files"), QJsonArray{QStringLiteral("/a.proto")}}};
    decoded.unit = QStringLiteral("°C");
    QTest::newRow("decoded") << decoded;
}

void TstValueExtractor::specRoundTrips()
{
    QFETCH(ExtractorSpec, spec);
    const QJsonObject json = spec.toJson();
    QString why;
    const std::optional<ExtractorSpec> back = ExtractorSpec::fromJson(json, &why);
    QVERIFY2(back, qPrintable(why));
    QVERIFY(*back == spec);
    QVERIFY(json.contains(QStringLiteral("kind")));
}

void TstValueExtractor::specValidation_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("why");
    auto row = [](const char *name, const QByteArray &json, const char *why) {
        QTest::newRow(name) << QJsonDocument::fromJson(json).object() << QString::fromUtf8(why);
    };
    row("unknown kind", R"({"kind":"regex"})",
        "'regex' is not a kind of value: use text, jsonPath, numericArray or decoded.");
    row("kind not text", R"({"kind":3})",
        "'3' is not a kind of value: use text, jsonPath, numericArray or decoded.");
    row("bad path", R"({"kind":"jsonPath","path":"$.a."})",
        "not a JSON path at character 5: expected a key after '.'");
    row("no path", R"({"kind":"jsonPath"})",
        "not a JSON path at character 1: expected '$' at the start");
    row("bad decoded path", R"({"kind":"decoded","decoder":"cbor","path":"v"})",
        "not a JSON path at character 1: expected '$' at the start");
    row("no decoder", R"({"kind":"decoded","path":"$.v"})", "The decoder is missing.");
    row("path not text", R"({"kind":"jsonPath","path":1})", "'path' must be text.");
    row("unit not text", R"({"unit":["C"]})", "'unit' must be text.");
    row("scale not a number", R"({"scale":"2"})", "'scale' must be a number.");
    row("options not an object", R"({"decoderOptions":[]})", "'decoderOptions' must be an object.");
    row("negative index", R"({"kind":"numericArray","index":-1})",
        "The element index must be a whole number, 0 or more.");
    row("fractional index", R"({"kind":"numericArray","index":1.5})",
        "The element index must be a whole number, 0 or more.");
    row("bad layout", R"({"kind":"numericArray","decoderOptions":{"type":"int12"}})",
        "'int12' is not a number type: use int8, int16, int32, int64, uint8, uint16, uint32, "
        "uint64, float32 or float64.");
}

void TstValueExtractor::specValidation()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, why);
    QString error;
    QVERIFY(!ExtractorSpec::fromJson(json, &error));
    QCOMPARE(error, why);
}

void TstValueExtractor::makeRefuses_data()
{
    QTest::addColumn<ExtractorSpec>("spec");
    QTest::addColumn<QString>("why");
    QTest::newRow("bad path")
        << jsonSpec(QStringLiteral("$["))
        << QStringLiteral(
               "not a JSON path at character 3: expected a quoted key or an array index after '['");
    QTest::newRow("unknown decoder")
        << decodedSpec("rot13", "$.v") << QStringLiteral("There is no decoder 'rot13'.");
    ExtractorSpec negative = arraySpec(QStringLiteral("uint8"), 0);
    negative.index = -2;
    QTest::newRow("negative index")
        << negative << QStringLiteral("The element index must be a whole number, 0 or more.");
    ExtractorSpec infinite;
    infinite.scale = std::numeric_limits<double>::infinity();
    QTest::newRow("infinite scale")
        << infinite << QStringLiteral("The scale and the offset must be finite numbers.");
}

void TstValueExtractor::makeRefuses()
{
    QFETCH(ExtractorSpec, spec);
    QFETCH(QString, why);
    QString error;
    QVERIFY(!ValueExtractor::make(spec, &error));
    QCOMPARE(error, why);
}

void TstValueExtractor::skipReasonTexts()
{
    QCOMPARE(skipReasonText(SkipReason::NotANumber), QStringLiteral("not a number"));
    QCOMPARE(skipReasonText(SkipReason::Missing), QStringLiteral("missing"));
    QCOMPARE(skipReasonText(SkipReason::NotFinite), QStringLiteral("not finite (NaN or infinity)"));
    QCOMPARE(skipReasonText(SkipReason::NotJson), QStringLiteral("not JSON"));
    QCOMPARE(skipReasonText(SkipReason::Undecodable), QStringLiteral("does not decode"));
}

void TstValueExtractor::threadSafe()
{
    // One extractor shared by threads, as the history reader's workers share it.
    const ValueExtractor extractor = *ValueExtractor::make(jsonSpec(QStringLiteral("$..v")));
    std::vector<std::thread> threads;
    std::vector<double> sums(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20000; ++i) {
                const QByteArray payload = R"({"a":{"v":)" + QByteArray::number(i) + "}}";
                sums[t] += extractor.extract(payload).value;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (const double sum : sums)
        QCOMPARE(sum, 19999.0 * 20000 / 2);
}

void TstValueExtractor::benchmark()
{
    // Printed, never asserted: machines differ.
    const ValueExtractor extractor = *ValueExtractor::make(jsonSpec(QStringLiteral("$.v")));
    std::vector<QByteArray> payloads;
    for (int i = 0; i < 1000; ++i)
        payloads.push_back(R"({"t":)" + QByteArray::number(1733400000123 + i) + R"(,"v":)" +
                           QByteArray::number(20 + i * 0.01, 'g', 6) + "}");
    const int rounds = 2000;
    double sum = 0;
    QElapsedTimer timer;
    timer.start();
    for (int r = 0; r < rounds; ++r) {
        for (const QByteArray &payload : payloads)
            sum += extractor.extract(payload).value;
    }
    const qint64 ns = timer.nsecsElapsed();
    QVERIFY(sum > 0);
    qInfo("extract() with $.v on %s: %.1f ns per payload (%d payloads)",
          payloads.front().constData(), double(ns) / (rounds * payloads.size()),
          int(rounds * payloads.size()));

    const ValueExtractor text = *ValueExtractor::make(ExtractorSpec());
    const QByteArray number = "21.5";
    timer.restart();
    for (int r = 0; r < rounds * 1000; ++r)
        sum += text.extract(number).value;
    qInfo("extract() of a text number: %.1f ns per payload",
          double(timer.nsecsElapsed()) / (rounds * 1000));
    QVERIFY(sum > 0);
}

QTEST_GUILESS_MAIN(TstValueExtractor)
#include "tst_value_extractor.moc"
