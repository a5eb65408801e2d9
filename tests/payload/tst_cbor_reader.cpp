#include "core/payload/cbor_reader.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QRandomGenerator>
#include <QTest>

using namespace mqttdesk;

class TstCborReader : public QObject
{
    Q_OBJECT

private slots:
    void mapKeysThatAreMapsStayBounded();
    void decode_data();
    void decode();
    void malformed_data();
    void malformed();
    void deepNesting();
    void truncatedOutput();
    void wellFormedCheck_data();
    void wellFormedCheck();
    void randomBytesNeverCrash();
};

static QString compact(const QString &json)
{
    QString out;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json[i];
        if (c == u'"' && (i == 0 || json[i - 1] != u'\\'))
            inString = !inString;
        if (!inString && (c == u' ' || c == u'\n'))
            continue;
        out.append(c);
    }
    return out;
}

void TstCborReader::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("json");
    // Examples from RFC 8949 appendix A.
    QTest::newRow("0") << QByteArray::fromHex("00") << QStringLiteral("0");
    QTest::newRow("1000000") << QByteArray::fromHex("1a000f4240") << QStringLiteral("1000000");
    QTest::newRow("uint64 max") << QByteArray::fromHex("1bffffffffffffffff")
                                << QStringLiteral("18446744073709551615");
    QTest::newRow("-1") << QByteArray::fromHex("20") << QStringLiteral("-1");
    QTest::newRow("-1000") << QByteArray::fromHex("3903e7") << QStringLiteral("-1000");
    QTest::newRow("-2^64") << QByteArray::fromHex("3bffffffffffffffff")
                           << QStringLiteral("-18446744073709551616");
    QTest::newRow("-2^63-1") << QByteArray::fromHex("3b8000000000000000")
                             << QStringLiteral("-9223372036854775809");
    QTest::newRow("1.5 half") << QByteArray::fromHex("f93e00") << QStringLiteral("1.5");
    QTest::newRow("100000.0 float")
        << QByteArray::fromHex("fa47c35000") << QStringLiteral("100000.0");
    QTest::newRow("1.1 double") << QByteArray::fromHex("fb3ff199999999999a")
                                << QStringLiteral("1.1");
    QTest::newRow("NaN") << QByteArray::fromHex("f97e00") << QStringLiteral("\"NaN\"");
    QTest::newRow("false") << QByteArray::fromHex("f4") << QStringLiteral("false");
    QTest::newRow("true") << QByteArray::fromHex("f5") << QStringLiteral("true");
    QTest::newRow("null") << QByteArray::fromHex("f6") << QStringLiteral("null");
    QTest::newRow("undefined") << QByteArray::fromHex("f7") << QStringLiteral("\"undefined\"");
    QTest::newRow("simple(16)") << QByteArray::fromHex("f0") << QStringLiteral("\"simple(16)\"");
    QTest::newRow("tag 1") << QByteArray::fromHex("c11a514b67b0")
                           << QStringLiteral("{\"tag\":1,\"value\":1363896240}");
    QTest::newRow("bytes") << QByteArray::fromHex("4401020304") << QStringLiteral("\"AQIDBA==\"");
    QTest::newRow("text") << QByteArray::fromHex("62c3bc") << QStringLiteral("\"\u00fc\"");
    QTest::newRow("indefinite text")
        << QByteArray::fromHex("7f657374726561646d696e67ff") << QStringLiteral("\"streaming\"");
    QTest::newRow("array") << QByteArray::fromHex("83010203") << QStringLiteral("[1,2,3]");
    QTest::newRow("empty array") << QByteArray::fromHex("80") << QStringLiteral("[]");
    QTest::newRow("nested") << QByteArray::fromHex("8301820203820405")
                            << QStringLiteral("[1,[2,3],[4,5]]");
    QTest::newRow("indefinite array")
        << QByteArray::fromHex("9f018202039f0405ffff") << QStringLiteral("[1,[2,3],[4,5]]");
    QTest::newRow("map int keys") << QByteArray::fromHex("a201020304")
                                  << QStringLiteral("{\"1\":2,\"3\":4}");
    QTest::newRow("map keeps order")
        << QByteArray::fromHex("a2617a01616182").append(QByteArray::fromHex("0102"))
        << QStringLiteral("{\"z\":1,\"a\":[1,2]}");
    QTest::newRow("empty map") << QByteArray::fromHex("a0") << QStringLiteral("{}");
}

void TstCborReader::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, json);
    const DecodedJson decoded = CborReader::toJson(bytes);
    QVERIFY2(!decoded.error, qPrintable(decoded.error ? decoded.error->message() : QString()));
    QCOMPARE(compact(decoded.json), json);
    QVERIFY(CborReader::isWellFormed(bytes));
}

void TstCborReader::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("uint cut") << QByteArray::fromHex("1a0001");
    QTest::newRow("reserved additional info") << QByteArray::fromHex("1c");
    QTest::newRow("text cut") << QByteArray::fromHex("656162");
    QTest::newRow("huge text length") << QByteArray::fromHex("7bffffffffffffffff61");
    QTest::newRow("huge bytes length") << QByteArray::fromHex("5bffffffffffffff0001");
    QTest::newRow("invalid utf8 text") << QByteArray::fromHex("62c328");
    QTest::newRow("array missing item") << QByteArray::fromHex("820102").left(2);
    QTest::newRow("huge array count") << QByteArray::fromHex("9bffffffffffffffff01");
    QTest::newRow("map missing value") << QByteArray::fromHex("a10102a1");
    QTest::newRow("unterminated indefinite") << QByteArray::fromHex("9f0102");
    QTest::newRow("stray break") << QByteArray::fromHex("ff");
    QTest::newRow("trailing bytes") << QByteArray::fromHex("0101");
    QTest::newRow("tag without value") << QByteArray::fromHex("c1");
}

void TstCborReader::malformed()
{
    QFETCH(QByteArray, bytes);
    const DecodedJson decoded = CborReader::toJson(bytes);
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->code, PayloadErrorCode::MalformedCbor);
    QVERIFY(decoded.error->offset >= 0 && decoded.error->offset <= bytes.size());
    QVERIFY(!decoded.error->message().isEmpty());
    QVERIFY(!CborReader::isWellFormed(bytes));
}

void TstCborReader::deepNesting()
{
    const int limit = CborReader::kMaximumDepth;
    QByteArray ok(limit, char(0x81));
    ok.append(char(0xf6));
    QVERIFY(!CborReader::toJson(ok).error);

    QByteArray deep(limit + 1, char(0x81));
    deep.append(char(0xf6));
    const DecodedJson refused = CborReader::toJson(deep);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->code, PayloadErrorCode::NestingTooDeep);

    const QByteArray huge(1'000'000, char(0x81));
    QVERIFY(CborReader::toJson(huge).error);
    QVERIFY(!CborReader::isWellFormed(huge));
    const QByteArray tags(1'000'000, char(0xc1));
    QVERIFY(CborReader::toJson(tags).error);
}

void TstCborReader::truncatedOutput()
{
    QCborArray array;
    for (int i = 0; i < 10000; ++i)
        array.append(QStringLiteral("abc"));
    const QByteArray bytes = QCborValue(array).toCbor();
    const DecodedJson full = CborReader::toJson(bytes);
    QVERIFY(!full.error);
    QVERIFY(!full.truncated);
    const DecodedJson preview = CborReader::toJson(bytes, 300);
    QVERIFY(!preview.error);
    QVERIFY(preview.truncated);
    QCOMPARE(preview.json.size(), 300);
    QVERIFY(full.json.startsWith(preview.json));
}

void TstCborReader::wellFormedCheck_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("container");
    QCborMap map;
    map.insert(QStringLiteral("t"), 21.5);
    QTest::newRow("map") << QCborValue(map).toCbor() << true;
    QTest::newRow("tagged array") << QByteArray::fromHex("d82083010203") << true;
    QTest::newRow("integer") << QByteArray::fromHex("1a000f4240") << false;
    QTest::newRow("text") << QByteArray::fromHex("6161") << false;
}

void TstCborReader::wellFormedCheck()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, container);
    QVERIFY(CborReader::isWellFormed(bytes));
    QCOMPARE(CborReader::isWellFormed(bytes, true), container);
}

void TstCborReader::randomBytesNeverCrash()
{
    QRandomGenerator random(11);
    QCborMap map;
    map.insert(QStringLiteral("a"), QCborArray{1, -2, 3.5, true, QCborValue()});
    map.insert(QStringLiteral("b"), QByteArray("\x01\x02", 2));
    map.insert(3, QCborValue(QCborKnownTags::DateTimeString, QStringLiteral("2024")));
    const QByteArray seed = QCborValue(map).toCbor();
    QVERIFY(!CborReader::toJson(seed).error);
    for (int round = 0; round < 20000; ++round) {
        QByteArray bytes;
        if (round % 2 == 0) {
            bytes.resize(qsizetype(random.bounded(1, 64)));
            for (char &c : bytes)
                c = char(random.bounded(256));
        } else {
            bytes = seed;
            const int flips = 1 + int(random.bounded(4));
            for (int f = 0; f < flips; ++f)
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
            bytes.truncate(qsizetype(random.bounded(1, int(bytes.size()) + 1)));
        }
        const DecodedJson decoded = CborReader::toJson(bytes, round % 3 == 0 ? 64 : -1);
        QVERIFY(decoded.error || !decoded.json.isEmpty());
        if (CborReader::isWellFormed(bytes))
            QVERIFY(!CborReader::toJson(bytes).error);
    }
}

void TstCborReader::mapKeysThatAreMapsStayBounded()
{
    // Maps whose keys are maps whose keys are maps...: each key is the JSON text of the one
    // inside, so escapes double per level: 24 levels made 16 million backslashes.
    QByteArray bytes;
    for (int i = 0; i < 24; ++i)
        bytes.append('\xa1'); // a map of one pair, whose key follows
    bytes.append('\x01');
    for (int i = 0; i < 24; ++i)
        bytes.append('\x02'); // each pair's value
    const DecodedJson out = CborReader::toJson(bytes);
    QVERIFY2(!out.error, qPrintable(out.error ? out.error->message() : QString()));
    QVERIFY2(out.json.size() < 64 * 1024, qPrintable(QString::number(out.json.size())));
}

QTEST_APPLESS_MAIN(TstCborReader)
#include "tst_cbor_reader.moc"
