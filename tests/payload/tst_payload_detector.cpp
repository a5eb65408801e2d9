#include "core/payload/payload_detector.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QRandomGenerator>
#include <QTest>

using namespace mqttdesk;

Q_DECLARE_METATYPE(mqttdesk::PayloadFormat)

class TstPayloadDetector : public QObject
{
    Q_OBJECT

private slots:
    void detect_data();
    void detect();
    void hints_data();
    void hints();
    void bigPayloads();
    void randomBinaryIsHex();
};

void TstPayloadDetector::detect_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<PayloadFormat>("expected");

    QCborMap cborMap;
    cborMap.insert(QStringLiteral("temperature"), 21.5);
    cborMap.insert(QStringLiteral("ok"), true);

    QTest::newRow("empty") << QByteArray() << PayloadFormat::Text;
    QTest::newRow("json object") << QByteArray(R"({"a": 1, "b": [true, null]})")
                                 << PayloadFormat::Json;
    QTest::newRow("json array with spaces") << QByteArray(" \n[1, 2, 3]\n ") << PayloadFormat::Json;
    QTest::newRow("json empty object") << QByteArray("{}") << PayloadFormat::Json;
    QTest::newRow("broken json is text") << QByteArray(R"({"a": 1,})") << PayloadFormat::Text;
    QTest::newRow("json scalar is text") << QByteArray("21.5") << PayloadFormat::Text;
    QTest::newRow("plain text") << QByteArray("hello world") << PayloadFormat::Text;
    QTest::newRow("utf8 text") << QByteArray("temp\xc3\xa9rature \xe2\x84\x83")
                               << PayloadFormat::Text;
    QTest::newRow("text with lines and tabs") << QByteArray("a\tb\r\nc\n") << PayloadFormat::Text;
    QTest::newRow("invalid utf8") << QByteArray("abc\xff\xfe") << PayloadFormat::Hex;
    QTest::newRow("overlong utf8") << QByteArray("\xc0\xaf") << PayloadFormat::Hex;
    QTest::newRow("surrogate in utf8") << QByteArray("\xed\xa0\x80") << PayloadFormat::Hex;
    QTest::newRow("nul byte") << QByteArray("ab\0cd", 5) << PayloadFormat::Hex;
    QTest::newRow("control heavy") << QByteArray("\x01\x02\x03\x04") << PayloadFormat::Hex;
    QTest::newRow("cbor map") << QCborValue(cborMap).toCbor() << PayloadFormat::Cbor;
    QTest::newRow("cbor array") << QCborValue(QCborArray{1, 2, 3}).toCbor() << PayloadFormat::Cbor;
    QTest::newRow("cbor scalar is not claimed")
        << QByteArray::fromHex("1a000f4240") << PayloadFormat::Hex;
    QTest::newRow("cbor with trailing byte")
        << QByteArray::fromHex("83010203ff") << PayloadFormat::Hex;
    // {"a":1} in MessagePack: CBOR would read 0x81 as an array whose item is cut short.
    QTest::newRow("msgpack map") << QByteArray::fromHex("81a16101") << PayloadFormat::MessagePack;
    QTest::newRow("msgpack array")
        << QByteArray::fromHex("dc0003c0c2c3") << PayloadFormat::MessagePack;
    QTest::newRow("msgpack scalar is not claimed")
        << QByteArray::fromHex("cd0100") << PayloadFormat::Hex;
    QTest::newRow("single byte 0x80") << QByteArray::fromHex("80") << PayloadFormat::Hex;
    QTest::newRow("png header") << QByteArray::fromHex("89504e470d0a1a0a0000000d49484452")
                                << PayloadFormat::Hex;
}

void TstPayloadDetector::detect()
{
    QFETCH(QByteArray, bytes);
    QFETCH(PayloadFormat, expected);
    QCOMPARE(PayloadDetector::detect(bytes), expected);
}

void TstPayloadDetector::hints_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<bool>("utf8");
    QTest::addColumn<PayloadFormat>("expected");
    QTest::newRow("json type confirmed")
        << QByteArray(R"({"a":1})") << QStringLiteral("application/json; charset=utf-8") << false
        << PayloadFormat::Json;
    QTest::newRow("vendor +json") << QByteArray("[1]") << QStringLiteral("application/vnd.x+json")
                                  << false << PayloadFormat::Json;
    QTest::newRow("json type not borne out")
        << QByteArray("not json") << QStringLiteral("application/json") << false
        << PayloadFormat::Text;
    QTest::newRow("cbor type allows a scalar")
        << QByteArray::fromHex("1a000f4240") << QStringLiteral("application/cbor") << false
        << PayloadFormat::Cbor;
    QTest::newRow("msgpack type allows a scalar")
        << QByteArray::fromHex("cd0100") << QStringLiteral("application/x-msgpack") << false
        << PayloadFormat::MessagePack;
    QTest::newRow("msgpack type not borne out")
        << QByteArray::fromHex("c1") << QStringLiteral("application/msgpack") << false
        << PayloadFormat::Hex;
    QTest::newRow("utf8 indicator accepts controls")
        << QByteArray("\x1b[31mred\x1b[0m") << QString() << true << PayloadFormat::Text;
    QTest::newRow("without indicator controls are binary")
        << QByteArray("\x1b[31mred\x1b[0m") << QString() << false << PayloadFormat::Hex;
    QTest::newRow("utf8 indicator but invalid bytes")
        << QByteArray("\xff\xfe") << QString() << true << PayloadFormat::Hex;
    QTest::newRow("text/plain") << QByteArray("\x1b[0m") << QStringLiteral("text/plain") << false
                                << PayloadFormat::Text;
}

void TstPayloadDetector::hints()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(bool, utf8);
    QFETCH(PayloadFormat, expected);
    PayloadHint hint;
    hint.contentType = contentType;
    if (utf8)
        hint.utf8Declared = true;
    QCOMPARE(PayloadDetector::detect(bytes, hint), expected);
}

void TstPayloadDetector::bigPayloads()
{
    // 10 MB of JSON: judged by shape and a prefix, not parsed.
    QByteArray json = "[";
    json.reserve(10 * 1024 * 1024 + 16);
    while (json.size() < 10 * 1024 * 1024)
        json.append("{\"id\": 12345, \"name\": \"sensor\"},");
    json.append("{}]");
    QCOMPARE(PayloadDetector::detect(json), PayloadFormat::Json);

    // 10 MB of text with a multi-byte character across the prefix boundary.
    QByteArray text(PayloadDetector::kTextPrefix - 1, 'a');
    text.append("\xc3\xa9");
    text.append(10 * 1024 * 1024, 'b');
    QCOMPARE(PayloadDetector::detect(text), PayloadFormat::Text);

    // 10 MB of zeros: binary, and the binary formats are not even tried.
    QCOMPARE(PayloadDetector::detect(QByteArray(10 * 1024 * 1024, '\0')), PayloadFormat::Hex);
}

void TstPayloadDetector::randomBinaryIsHex()
{
    // Random bytes are neither CBOR nor MessagePack containers; almost all must come out hex.
    QRandomGenerator random(3);
    int hex = 0;
    const int rounds = 2000;
    for (int i = 0; i < rounds; ++i) {
        QByteArray bytes(qsizetype(random.bounded(8, 256)), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        const PayloadFormat format = PayloadDetector::detect(bytes);
        QVERIFY(format != PayloadFormat::Auto);
        if (format == PayloadFormat::Hex)
            ++hex;
    }
    QVERIFY2(hex >= rounds * 99 / 100, qPrintable(QString::number(hex)));
}

QTEST_APPLESS_MAIN(TstPayloadDetector)
#include "tst_payload_detector.moc"
