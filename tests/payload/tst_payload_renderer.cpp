#include "core/payload/hex_dump.h"
#include "core/payload/payload_renderer.h"

#include <QCborMap>
#include <QCborValue>
#include <QRandomGenerator>
#include <QTest>

using namespace mqttdesk;

Q_DECLARE_METATYPE(mqttdesk::PayloadFormat)

class TstPayloadRenderer : public QObject
{
    Q_OBJECT

private slots:
    void text();
    void textInvalidUtf8();
    void textControlsVisible();
    void emptyPayload_data();
    void emptyPayload();
    void jsonPrettyKeepsOrder();
    void jsonScalar();
    void jsonInvalidFallsBack();
    void hex();
    void base64();
    void cborAndMessagePack();
    void malformedBinaryFallsBackToHex_data();
    void malformedBinaryFallsBackToHex();
    void autoUsesDetection();
    void previewTruncates_data();
    void previewTruncates();
    void previewOfSmallPayloadIsComplete_data();
    void previewOfSmallPayloadIsComplete();
    void bytesUntouched();
    void randomBytesNeverCrash();
};

void TstPayloadRenderer::text()
{
    const RenderedPayload out = PayloadRenderer::render(
        QByteArray("caf\xc3\xa9 \xe2\x84\x83\nline 2"), PayloadFormat::Text);
    QCOMPARE(out.format, PayloadFormat::Text);
    QCOMPARE(out.text, QStringLiteral("caf\u00e9 \u2103\nline 2"));
    QVERIFY(!out.truncated);
    QVERIFY(!out.error);
}

void TstPayloadRenderer::textInvalidUtf8()
{
    const RenderedPayload out =
        PayloadRenderer::render(QByteArray("ok\xff\xc3(end"), PayloadFormat::Text);
    QCOMPARE(out.format, PayloadFormat::Text);
    QVERIFY(out.text.startsWith(u"ok\ufffd"));
    QVERIFY(out.text.endsWith(u"(end"));
    QVERIFY(out.text.contains(QChar(0xfffd)));
}

void TstPayloadRenderer::textControlsVisible()
{
    const RenderedPayload out =
        PayloadRenderer::render(QByteArray("a\0b\x1b\x7f\tc\r\nd\re", 12), PayloadFormat::Text);
    QCOMPARE(out.text, QStringLiteral("a\u2400b\u241b\u2421\tc\nd\u240de"));
}

void TstPayloadRenderer::emptyPayload_data()
{
    QTest::addColumn<PayloadFormat>("format");
    QTest::addColumn<PayloadFormat>("shown");
    QTest::addColumn<bool>("error");
    QTest::newRow("auto") << PayloadFormat::Auto << PayloadFormat::Text << false;
    QTest::newRow("text") << PayloadFormat::Text << PayloadFormat::Text << false;
    QTest::newRow("hex") << PayloadFormat::Hex << PayloadFormat::Hex << false;
    QTest::newRow("base64") << PayloadFormat::Base64 << PayloadFormat::Base64 << false;
    QTest::newRow("json") << PayloadFormat::Json << PayloadFormat::Text << true;
    QTest::newRow("cbor") << PayloadFormat::Cbor << PayloadFormat::Text << true;
    QTest::newRow("msgpack") << PayloadFormat::MessagePack << PayloadFormat::Text << true;
}

void TstPayloadRenderer::emptyPayload()
{
    QFETCH(PayloadFormat, format);
    QFETCH(PayloadFormat, shown);
    QFETCH(bool, error);
    for (const RenderedPayload &out : {PayloadRenderer::render(QByteArray(), format),
                                       PayloadRenderer::preview(QByteArray(), format)}) {
        QCOMPARE(out.format, shown);
        QVERIFY(out.text.isEmpty());
        QVERIFY(!out.truncated);
        QCOMPARE(out.error.has_value(), error);
    }
}

void TstPayloadRenderer::jsonPrettyKeepsOrder()
{
    const QByteArray bytes =
        R"({"z":1,"a":{"list":[1,2.50,"x\"y"],"empty":{},"none":[]},"b":null})";
    const RenderedPayload out = PayloadRenderer::render(bytes, PayloadFormat::Json);
    QCOMPARE(out.format, PayloadFormat::Json);
    QVERIFY(!out.error);
    const QString expected = QStringLiteral("{\n"
                                            "    \"z\": 1,\n"
                                            "    \"a\": {\n"
                                            "        \"list\": [\n"
                                            "            1,\n"
                                            "            2.50,\n"
                                            "            \"x\\\"y\"\n"
                                            "        ],\n"
                                            "        \"empty\": {},\n"
                                            "        \"none\": []\n"
                                            "    },\n"
                                            "    \"b\": null\n"
                                            "}");
    QCOMPARE(out.text, expected);
    // Spans point at the keys and values of the rendered text.
    QVERIFY(!out.spans.isEmpty());
    QCOMPARE(out.spans.first(), (JsonSpan{0, 1, JsonTokenKind::Punctuation}));
    const JsonSpan key = out.spans.at(1);
    QCOMPARE(key.kind, JsonTokenKind::Key);
    QCOMPARE(out.text.mid(key.start, key.length), QStringLiteral("\"z\""));
}

void TstPayloadRenderer::jsonScalar()
{
    const RenderedPayload out = PayloadRenderer::render(QByteArray(" 42 "), PayloadFormat::Json);
    QCOMPARE(out.format, PayloadFormat::Json);
    QVERIFY(!out.error);
    QCOMPARE(out.text, QStringLiteral("42"));
}

void TstPayloadRenderer::jsonInvalidFallsBack()
{
    const RenderedPayload text = PayloadRenderer::render(QByteArray("{oops"), PayloadFormat::Json);
    QCOMPARE(text.format, PayloadFormat::Text);
    QCOMPARE(text.text, QStringLiteral("{oops"));
    QVERIFY(text.error);
    QCOMPARE(text.error->code, PayloadErrorCode::InvalidJson);
    QVERIFY(!text.error->message().isEmpty());

    const RenderedPayload hex =
        PayloadRenderer::render(QByteArray("\x00\x01\xff", 3), PayloadFormat::Json);
    QCOMPARE(hex.format, PayloadFormat::Hex);
    QVERIFY(hex.error);
}

void TstPayloadRenderer::hex()
{
    QByteArray bytes("Hello, MQTT!\n\0\x01\xff", 16);
    bytes.append("tail");
    const RenderedPayload out = PayloadRenderer::render(bytes, PayloadFormat::Hex);
    QCOMPARE(out.format, PayloadFormat::Hex);
    const QString expected =
        QStringLiteral("00000000  48 65 6c 6c 6f 2c 20 4d  51 54 54 21 0a 00 01 ff  "
                       "|Hello, MQTT!....|\n"
                       "00000010  74 61 69 6c                                       |tail|\n");
    QCOMPARE(out.text, expected);
    QCOMPARE(out.text.indexOf(u'\n') + 1, qsizetype(HexDump::kLineLength));
}

void TstPayloadRenderer::base64()
{
    const RenderedPayload out =
        PayloadRenderer::render(QByteArray("\x00\xfb\xffhi", 5), PayloadFormat::Base64);
    QCOMPARE(out.format, PayloadFormat::Base64);
    QCOMPARE(out.text, QStringLiteral("APv/aGk="));
}

void TstPayloadRenderer::cborAndMessagePack()
{
    QCborMap map;
    map.insert(QStringLiteral("t"), 21);
    const RenderedPayload cbor =
        PayloadRenderer::render(QCborValue(map).toCbor(), PayloadFormat::Cbor);
    QCOMPARE(cbor.format, PayloadFormat::Cbor);
    QCOMPARE(cbor.text, QStringLiteral("{\n    \"t\": 21\n}"));
    QVERIFY(!cbor.spans.isEmpty());

    const RenderedPayload msgpack =
        PayloadRenderer::render(QByteArray::fromHex("81a17415"), PayloadFormat::MessagePack);
    QCOMPARE(msgpack.format, PayloadFormat::MessagePack);
    QCOMPARE(msgpack.text, cbor.text);
}

void TstPayloadRenderer::malformedBinaryFallsBackToHex_data()
{
    QTest::addColumn<PayloadFormat>("format");
    QTest::addColumn<PayloadErrorCode>("code");
    QTest::newRow("cbor") << PayloadFormat::Cbor << PayloadErrorCode::MalformedCbor;
    QTest::newRow("msgpack") << PayloadFormat::MessagePack
                             << PayloadErrorCode::MalformedMessagePack;
}

void TstPayloadRenderer::malformedBinaryFallsBackToHex()
{
    QFETCH(PayloadFormat, format);
    QFETCH(PayloadErrorCode, code);
    const QByteArray bytes = QByteArray::fromHex("9bffffffffffffffffdb");
    const RenderedPayload out = PayloadRenderer::render(bytes, format);
    QCOMPARE(out.format, PayloadFormat::Hex);
    QVERIFY(out.error);
    QCOMPARE(out.error->code, code);
    QVERIFY(out.text.startsWith(u"00000000  9b ff"));
}

void TstPayloadRenderer::autoUsesDetection()
{
    QCOMPARE(PayloadRenderer::render(QByteArray("[1]"), PayloadFormat::Auto).format,
             PayloadFormat::Json);
    QCOMPARE(PayloadRenderer::render(QByteArray("hi"), PayloadFormat::Auto).format,
             PayloadFormat::Text);
    QCOMPARE(PayloadRenderer::render(QByteArray("\xff\x00", 2), PayloadFormat::Auto).format,
             PayloadFormat::Hex);
    PayloadHint hint;
    hint.contentType = QStringLiteral("application/msgpack");
    QCOMPARE(
        PayloadRenderer::preview(QByteArray::fromHex("c3"), PayloadFormat::Auto, 100, hint).text,
        QStringLiteral("true"));
}

static QByteArray bigPayload(PayloadFormat format)
{
    const qsizetype size = 10 * 1024 * 1024;
    QByteArray bytes;
    switch (format) {
    case PayloadFormat::Json:
        bytes = "[";
        while (bytes.size() < size)
            bytes.append("{\"id\":1,\"name\":\"caf\xc3\xa9\"},");
        bytes.append("{}]");
        return bytes;
    case PayloadFormat::Cbor:
    case PayloadFormat::MessagePack: {
        // An array of many 3-byte strings; CBOR 0x9a and MessagePack 0xdd take a 32-bit count.
        const quint32 count = quint32(size / 4);
        bytes.append(format == PayloadFormat::Cbor ? '\x9a' : '\xdd');
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.append(char((count >> shift) & 0xff));
        const QByteArray item = format == PayloadFormat::Cbor ? QByteArray("\x63"
                                                                           "abc")
                                                              : QByteArray("\xa3"
                                                                           "abc");
        for (quint32 i = 0; i < count; ++i)
            bytes.append(item);
        return bytes;
    }
    default:
        bytes.reserve(size);
        while (bytes.size() < size)
            bytes.append("line of text with caf\xc3\xa9\n");
        return bytes;
    }
}

void TstPayloadRenderer::previewTruncates_data()
{
    QTest::addColumn<PayloadFormat>("format");
    QTest::newRow("text") << PayloadFormat::Text;
    QTest::newRow("json") << PayloadFormat::Json;
    QTest::newRow("hex") << PayloadFormat::Hex;
    QTest::newRow("base64") << PayloadFormat::Base64;
    QTest::newRow("cbor") << PayloadFormat::Cbor;
    QTest::newRow("msgpack") << PayloadFormat::MessagePack;
}

void TstPayloadRenderer::previewTruncates()
{
    QFETCH(PayloadFormat, format);
    const QByteArray bytes = bigPayload(format);
    const RenderedPayload out = PayloadRenderer::preview(bytes, format);
    QVERIFY2(!out.error, qPrintable(out.error ? out.error->message() : QString()));
    QCOMPARE(out.format, format);
    QVERIFY(out.truncated);
    QVERIFY(!out.text.isEmpty());
    QVERIFY2(out.text.size() <= PayloadRenderer::PreviewChars,
             qPrintable(QString::number(out.text.size())));
    QVERIFY(out.text.size() >= PayloadRenderer::PreviewChars / 2);
    QVERIFY(!out.text.contains(QChar(0xfffd))); // no character cut in half
}

void TstPayloadRenderer::previewOfSmallPayloadIsComplete_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<PayloadFormat>("format");
    QTest::newRow("text") << QByteArray("short") << PayloadFormat::Text;
    QTest::newRow("json") << QByteArray("{\"a\":[1,2]}") << PayloadFormat::Json;
    QTest::newRow("hex 16") << QByteArray(16, 'x') << PayloadFormat::Hex;
    QTest::newRow("base64") << QByteArray("abcd") << PayloadFormat::Base64;
    QTest::newRow("msgpack") << QByteArray::fromHex("93010203") << PayloadFormat::MessagePack;
}

void TstPayloadRenderer::previewOfSmallPayloadIsComplete()
{
    QFETCH(QByteArray, bytes);
    QFETCH(PayloadFormat, format);
    const RenderedPayload preview = PayloadRenderer::preview(bytes, format);
    const RenderedPayload full = PayloadRenderer::render(bytes, format);
    QVERIFY(!preview.truncated);
    QCOMPARE(preview.text, full.text);
    QCOMPARE(preview.spans, full.spans);
}

void TstPayloadRenderer::bytesUntouched()
{
    const QByteArray original("\xef\xbb\xbf{\"a\" : 1}\r\n\xff", 15);
    const QByteArray bytes = original;
    for (const PayloadFormat format :
         {PayloadFormat::Auto, PayloadFormat::Text, PayloadFormat::Json, PayloadFormat::Hex,
          PayloadFormat::Base64, PayloadFormat::Cbor, PayloadFormat::MessagePack}) {
        PayloadRenderer::render(bytes, format);
        PayloadRenderer::preview(bytes, format, 8);
    }
    QCOMPARE(bytes, original);
}

// Random bytes, biased towards the bytes that start JSON, CBOR and MessagePack structures,
// through detection and every renderer: always some result, never a read out of bounds
// (run under ASan).
void TstPayloadRenderer::randomBytesNeverCrash()
{
    QRandomGenerator random(5);
    const char interesting[] = {'{',    '}',    '[',    ']',    '"',    '\\',
                                ',',    ':',    '\x80', '\x9f', '\xbf', '\xdd',
                                '\xdf', '\xc7', '\xff', '\x00', '\xc3'};
    const PayloadFormat formats[] = {
        PayloadFormat::Auto,   PayloadFormat::Text, PayloadFormat::Json,       PayloadFormat::Hex,
        PayloadFormat::Base64, PayloadFormat::Cbor, PayloadFormat::MessagePack};
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes(qsizetype(random.bounded(0, 200)), Qt::Uninitialized);
        for (char &c : bytes) {
            c = random.bounded(2) ? interesting[random.bounded(int(sizeof interesting))]
                                  : char(random.bounded(256));
        }
        for (const PayloadFormat format : formats) {
            const RenderedPayload preview = PayloadRenderer::preview(bytes, format, 64);
            QVERIFY(preview.format != PayloadFormat::Auto);
            QVERIFY(preview.text.size() <= 64 || preview.format == PayloadFormat::Hex);
            const RenderedPayload full = PayloadRenderer::render(bytes, format);
            QVERIFY(!full.truncated);
            QVERIFY(bytes.isEmpty() || !full.text.isEmpty());
        }
    }
}

QTEST_APPLESS_MAIN(TstPayloadRenderer)
#include "tst_payload_renderer.moc"
