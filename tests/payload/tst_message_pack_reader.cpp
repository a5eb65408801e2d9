#include "core/payload/message_pack_reader.h"

#include <QRandomGenerator>
#include <QTest>

using namespace mqttdesk;

class TstMessagePackReader : public QObject
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

void TstMessagePackReader::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("json"); // compared without whitespace outside strings

    QTest::newRow("nil") << QByteArray::fromHex("c0") << QStringLiteral("null");
    QTest::newRow("false") << QByteArray::fromHex("c2") << QStringLiteral("false");
    QTest::newRow("true") << QByteArray::fromHex("c3") << QStringLiteral("true");
    QTest::newRow("fixint") << QByteArray::fromHex("7f") << QStringLiteral("127");
    QTest::newRow("negative fixint") << QByteArray::fromHex("e0") << QStringLiteral("-32");
    QTest::newRow("uint8") << QByteArray::fromHex("ccff") << QStringLiteral("255");
    QTest::newRow("uint16") << QByteArray::fromHex("cd0100") << QStringLiteral("256");
    QTest::newRow("uint32") << QByteArray::fromHex("ceffffffff") << QStringLiteral("4294967295");
    QTest::newRow("uint64 max") << QByteArray::fromHex("cfffffffffffffffff")
                                << QStringLiteral("18446744073709551615");
    QTest::newRow("int8") << QByteArray::fromHex("d080") << QStringLiteral("-128");
    QTest::newRow("int16") << QByteArray::fromHex("d1ff00") << QStringLiteral("-256");
    QTest::newRow("int32") << QByteArray::fromHex("d280000000") << QStringLiteral("-2147483648");
    QTest::newRow("int64 min") << QByteArray::fromHex("d38000000000000000")
                               << QStringLiteral("-9223372036854775808");
    QTest::newRow("float32") << QByteArray::fromHex("ca3fc00000") << QStringLiteral("1.5");
    QTest::newRow("float64") << QByteArray::fromHex("cb400921fb54442d18")
                             << QStringLiteral("3.141592653589793");
    QTest::newRow("float64 whole")
        << QByteArray::fromHex("cb4000000000000000") << QStringLiteral("2.0");
    QTest::newRow("fixstr") << QByteArray::fromHex("a3616263") << QStringLiteral("\"abc\"");
    QTest::newRow("str8 escapes") << QByteArray::fromHex("d903220a5c")
                                  << QStringLiteral("\"\\\"\\n\\\\\"");
    QTest::newRow("str16 utf8") << QByteArray::fromHex("da0002c3a9")
                                << QStringLiteral("\"\u00e9\"");
    QTest::newRow("bin8") << QByteArray::fromHex("c403000102") << QStringLiteral("\"AAEC\"");
    QTest::newRow("fixarray") << QByteArray::fromHex("93010203") << QStringLiteral("[1,2,3]");
    QTest::newRow("empty array") << QByteArray::fromHex("90") << QStringLiteral("[]");
    QTest::newRow("array16") << QByteArray::fromHex("dc0002c0c3") << QStringLiteral("[null,true]");
    QTest::newRow("fixmap") << QByteArray::fromHex("82a16101a16292c2c3")
                            << QStringLiteral("{\"a\":1,\"b\":[false,true]}");
    QTest::newRow("map keeps order")
        << QByteArray::fromHex("82a17a01a16102") << QStringLiteral("{\"z\":1,\"a\":2}");
    QTest::newRow("empty map") << QByteArray::fromHex("80") << QStringLiteral("{}");
    QTest::newRow("int key") << QByteArray::fromHex("8101a178") << QStringLiteral("{\"1\":\"x\"}");
    QTest::newRow("array key") << QByteArray::fromHex("81920102c0")
                               << QStringLiteral("{\"[1,2]\":null}");
    QTest::newRow("fixext1") << QByteArray::fromHex("d405ff")
                             << QStringLiteral("{\"ext\":5,\"data\":\"/w==\"}");
    QTest::newRow("ext8 negative type")
        << QByteArray::fromHex("c702ff0102") << QStringLiteral("{\"ext\":-1,\"data\":\"AQI=\"}");
    QTest::newRow("invalid utf8 shown with replacement")
        << QByteArray::fromHex("a2c328") << QStringLiteral("\"\ufffd(\"");
}

void TstMessagePackReader::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, json);
    const DecodedJson decoded = MessagePackReader::toJson(bytes);
    QVERIFY2(!decoded.error, qPrintable(decoded.error ? decoded.error->message() : QString()));
    QVERIFY(!decoded.truncated);
    QCOMPARE(compact(decoded.json), json);
}

void TstMessagePackReader::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("empty") << QByteArray() << qsizetype(0);
    QTest::newRow("never used c1") << QByteArray::fromHex("c1") << qsizetype(0);
    QTest::newRow("uint16 cut") << QByteArray::fromHex("cd01") << qsizetype(1);
    QTest::newRow("float64 cut") << QByteArray::fromHex("cb4009") << qsizetype(1);
    QTest::newRow("fixstr cut") << QByteArray::fromHex("a56162") << qsizetype(1);
    QTest::newRow("str32 huge") << QByteArray::fromHex("dbffffffff61") << qsizetype(5);
    QTest::newRow("bin32 huge") << QByteArray::fromHex("c6ffffffff00") << qsizetype(5);
    QTest::newRow("array32 huge count") << QByteArray::fromHex("ddffffffff01") << qsizetype(5);
    QTest::newRow("map32 huge count") << QByteArray::fromHex("dfffffffff0101") << qsizetype(5);
    QTest::newRow("array missing element") << QByteArray::fromHex("9201") << qsizetype(1);
    QTest::newRow("map missing value") << QByteArray::fromHex("81a161") << qsizetype(3);
    QTest::newRow("ext cut") << QByteArray::fromHex("d60101") << qsizetype(1);
    QTest::newRow("ext32 huge") << QByteArray::fromHex("c9ffffffff01") << qsizetype(5);
    QTest::newRow("trailing bytes") << QByteArray::fromHex("0101") << qsizetype(1);
}

void TstMessagePackReader::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, offset);
    const DecodedJson decoded = MessagePackReader::toJson(bytes);
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->code, PayloadErrorCode::MalformedMessagePack);
    QCOMPARE(decoded.error->offset, offset);
    QVERIFY(!decoded.error->message().isEmpty());
    QVERIFY(!MessagePackReader::isWellFormed(bytes));
}

void TstMessagePackReader::deepNesting()
{
    // Arrays nested one level past the limit are refused; at the limit they decode.
    const int limit = MessagePackReader::kMaximumDepth;
    QByteArray ok(limit, char(0x91));
    ok.append(char(0xc0));
    const DecodedJson fine = MessagePackReader::toJson(ok);
    QVERIFY(!fine.error);
    QVERIFY(MessagePackReader::isWellFormed(ok));

    QByteArray deep(limit + 1, char(0x91));
    deep.append(char(0xc0));
    const DecodedJson refused = MessagePackReader::toJson(deep);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->code, PayloadErrorCode::NestingTooDeep);
    QVERIFY(!MessagePackReader::isWellFormed(deep));

    // A million levels neither recurse a million times nor crash.
    const QByteArray huge(1'000'000, char(0x91));
    QCOMPARE(MessagePackReader::toJson(huge).error->code, PayloadErrorCode::NestingTooDeep);
    // Nesting through map keys counts too.
    QByteArray keys;
    for (int i = 0; i <= limit; ++i)
        keys.append(char(0x81));
    keys.append(char(0xc0));
    QVERIFY(MessagePackReader::toJson(keys).error);
}

void TstMessagePackReader::truncatedOutput()
{
    // An array of 10,000 strings: the preview stops at the limit without reading the rest.
    QByteArray bytes = QByteArray::fromHex("dd00002710");
    for (int i = 0; i < 10000; ++i)
        bytes.append(QByteArray::fromHex("a3616263"));
    const DecodedJson full = MessagePackReader::toJson(bytes);
    QVERIFY(!full.error);
    QVERIFY(!full.truncated);
    QVERIFY(full.json.size() > 10000);
    const DecodedJson preview = MessagePackReader::toJson(bytes, 200);
    QVERIFY(!preview.error);
    QVERIFY(preview.truncated);
    QCOMPARE(preview.json.size(), 200);
    QVERIFY(full.json.startsWith(preview.json));
}

void TstMessagePackReader::wellFormedCheck_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("any");
    QTest::addColumn<bool>("container");
    QTest::newRow("map") << QByteArray::fromHex("81a16101") << true << true;
    QTest::newRow("array") << QByteArray::fromHex("920102") << true << true;
    QTest::newRow("scalar") << QByteArray::fromHex("cd0100") << true << false;
    QTest::newRow("invalid utf8 str") << QByteArray::fromHex("91a2c328") << false << false;
    QTest::newRow("text") << QByteArray("hello") << false << false;
}

void TstMessagePackReader::wellFormedCheck()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, any);
    QFETCH(bool, container);
    QCOMPARE(MessagePackReader::isWellFormed(bytes), any);
    QCOMPARE(MessagePackReader::isWellFormed(bytes, true), container);
}

void TstMessagePackReader::randomBytesNeverCrash()
{
    // Random and mutated inputs: the decoder must stay inside the buffer (ASan checks) and
    // always come back with text or an error.
    QRandomGenerator random(7);
    const QByteArray seed = QByteArray::fromHex("83a161dc0003c0c3cb4000000000000000a162c40201"
                                                "02a163d6010a0b0c0d");
    QVERIFY(!MessagePackReader::toJson(seed).error);
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
        const DecodedJson decoded = MessagePackReader::toJson(bytes, round % 3 == 0 ? 64 : -1);
        QVERIFY(decoded.error || !decoded.json.isEmpty());
        if (MessagePackReader::isWellFormed(bytes))
            QVERIFY(!MessagePackReader::toJson(bytes).error);
    }
}

void TstMessagePackReader::mapKeysThatAreMapsStayBounded()
{
    // Maps whose keys are maps...: each key quotes the JSON of the one inside, so escapes
    // double per level; capped, the text stays small and the rest is still read.
    QByteArray bytes;
    for (int i = 0; i < 24; ++i)
        bytes.append('\x81'); // a map of one pair, whose key follows
    bytes.append('\x01');
    for (int i = 0; i < 24; ++i)
        bytes.append('\x02'); // each pair's value
    const DecodedJson out = MessagePackReader::toJson(bytes);
    QVERIFY2(!out.error, qPrintable(out.error ? out.error->message() : QString()));
    QVERIFY2(out.json.size() < 64 * 1024, qPrintable(QString::number(out.json.size())));
}

QTEST_APPLESS_MAIN(TstMessagePackReader)
#include "tst_message_pack_reader.moc"
