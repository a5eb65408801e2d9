#include "core/payload/payload_encoder.h"
#include "core/payload/payload_renderer.h"

#include <QTest>

using namespace mqttdesk;

Q_DECLARE_METATYPE(mqttdesk::PayloadFormat)

class TstPayloadEncoder : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void jsonIsSentAsTyped();
    void roundTrip_data();
    void roundTrip();
};

void TstPayloadEncoder::valid_data()
{
    QTest::addColumn<PayloadFormat>("format");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text utf8") << PayloadFormat::Text << QStringLiteral("caf\u00e9")
                               << QByteArray("caf\xc3\xa9");
    QTest::newRow("auto is text") << PayloadFormat::Auto << QStringLiteral("x") << QByteArray("x");
    QTest::newRow("empty text") << PayloadFormat::Text << QString() << QByteArray();
    QTest::newRow("json object") << PayloadFormat::Json << QStringLiteral("{\"a\": [1, true]}")
                                 << QByteArray("{\"a\": [1, true]}");
    QTest::newRow("json scalar") << PayloadFormat::Json << QStringLiteral(" \"on\" ")
                                 << QByteArray(" \"on\" ");
    QTest::newRow("json number") << PayloadFormat::Json << QStringLiteral("-1.5e3")
                                 << QByteArray("-1.5e3");
    QTest::newRow("hex") << PayloadFormat::Hex << QStringLiteral("00 ff\n10AB")
                         << QByteArray("\x00\xff\x10\xab", 4);
    QTest::newRow("hex empty") << PayloadFormat::Hex << QStringLiteral("  ") << QByteArray();
    QTest::newRow("base64") << PayloadFormat::Base64 << QStringLiteral("aGVs\nbG8=")
                            << QByteArray("hello");
    QTest::newRow("base64 no padding")
        << PayloadFormat::Base64 << QStringLiteral("aGVsbG8") << QByteArray("hello");
    QTest::newRow("base64url") << PayloadFormat::Base64 << QStringLiteral("-_8")
                               << QByteArray("\xfb\xff", 2);
    QTest::newRow("base64 empty") << PayloadFormat::Base64 << QString() << QByteArray();
}

void TstPayloadEncoder::valid()
{
    QFETCH(PayloadFormat, format);
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    const EncodedPayload out = PayloadEncoder::encode(text, format);
    QVERIFY2(out.isOk(), qPrintable(out.error ? out.error->message() : QString()));
    QCOMPARE(out.bytes, bytes);
}

void TstPayloadEncoder::invalid_data()
{
    QTest::addColumn<PayloadFormat>("format");
    QTest::addColumn<QString>("text");
    QTest::addColumn<PayloadErrorCode>("code");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("json trailing comma")
        << PayloadFormat::Json << QStringLiteral("{\n  \"a\": 1,\n}")
        << PayloadErrorCode::InvalidJson << qsizetype(13) << 3 << 2;
    QTest::newRow("json after non-ascii")
        << PayloadFormat::Json << QStringLiteral("[\"\u00e9\u00e9\", x]")
        << PayloadErrorCode::InvalidJson << qsizetype(7) << 1 << 8;
    QTest::newRow("json empty") << PayloadFormat::Json << QStringLiteral("  ")
                                << PayloadErrorCode::InvalidJson << qsizetype(2) << 1 << 3;
    QTest::newRow("json bad scalar") << PayloadFormat::Json << QStringLiteral("tru")
                                     << PayloadErrorCode::InvalidJson << qsizetype(1) << 1 << 2;
    QTest::newRow("json two values") << PayloadFormat::Json << QStringLiteral("1, 2")
                                     << PayloadErrorCode::InvalidJson << qsizetype(-1) << 0 << 0;
    QTest::newRow("json garbage after") << PayloadFormat::Json << QStringLiteral("{} x")
                                        << PayloadErrorCode::InvalidJson << qsizetype(3) << 1 << 4;
    QTest::newRow("hex odd") << PayloadFormat::Hex << QStringLiteral("00 1")
                             << PayloadErrorCode::OddHexDigits << qsizetype(3) << 1 << 4;
    QTest::newRow("hex bad digit") << PayloadFormat::Hex << QStringLiteral("00\n0g")
                                   << PayloadErrorCode::InvalidHexDigit << qsizetype(4) << 2 << 2;
    QTest::newRow("hex 0x prefix") << PayloadFormat::Hex << QStringLiteral("0x00")
                                   << PayloadErrorCode::InvalidHexDigit << qsizetype(1) << 1 << 2;
    QTest::newRow("base64 bad char") << PayloadFormat::Base64 << QStringLiteral("aGV*bG8=")
                                     << PayloadErrorCode::InvalidBase64 << qsizetype(3) << 1 << 4;
    QTest::newRow("base64 data after padding")
        << PayloadFormat::Base64 << QStringLiteral("aG=s") << PayloadErrorCode::InvalidBase64
        << qsizetype(3) << 1 << 4;
    QTest::newRow("base64 lone char") << PayloadFormat::Base64 << QStringLiteral("aGVsb")
                                      << PayloadErrorCode::InvalidBase64 << qsizetype(-1) << 0 << 0;
    QTest::newRow("base64 too much padding")
        << PayloadFormat::Base64 << QStringLiteral("aG===") << PayloadErrorCode::InvalidBase64
        << qsizetype(-1) << 0 << 0;
    QTest::newRow("cbor") << PayloadFormat::Cbor << QStringLiteral("{}")
                          << PayloadErrorCode::UnsupportedEncoding << qsizetype(-1) << 0 << 0;
    QTest::newRow("msgpack") << PayloadFormat::MessagePack << QStringLiteral("{}")
                             << PayloadErrorCode::UnsupportedEncoding << qsizetype(-1) << 0 << 0;
}

void TstPayloadEncoder::invalid()
{
    QFETCH(PayloadFormat, format);
    QFETCH(QString, text);
    QFETCH(PayloadErrorCode, code);
    QFETCH(qsizetype, offset);
    QFETCH(int, line);
    QFETCH(int, column);
    const EncodedPayload out = PayloadEncoder::encode(text, format);
    QVERIFY(!out.isOk());
    QVERIFY(out.bytes.isEmpty());
    QCOMPARE(out.error->code, code);
    QCOMPARE(out.error->offset, offset);
    QCOMPARE(out.error->line, line);
    QCOMPARE(out.error->column, column);
    const QString message = out.error->message();
    QVERIFY(!message.isEmpty());
    if (line > 0)
        QVERIFY2(message.contains(QString::number(line)), qPrintable(message));
}

void TstPayloadEncoder::jsonIsSentAsTyped()
{
    // Key order, spacing and number spelling are the user's: nothing is re-serialised.
    const QString text = QStringLiteral("{ \"z\": 1.50, \"a\": 2 }");
    QCOMPARE(PayloadEncoder::encode(text, PayloadFormat::Json).bytes, text.toUtf8());
}

void TstPayloadEncoder::roundTrip_data()
{
    QTest::addColumn<PayloadFormat>("format");
    QTest::addColumn<QByteArray>("bytes");
    QByteArray all(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        all[i] = char(i);
    QTest::newRow("base64 all bytes") << PayloadFormat::Base64 << all;
    QTest::newRow("text") << PayloadFormat::Text << QByteArray("h\xc3\xa9llo\nworld");
    QTest::newRow("json") << PayloadFormat::Json << QByteArray("{\"a\":[1,2,{\"b\":null}]}");
}

// Bytes rendered in a format and typed back in that format give the same payload (JSON up to
// whitespace).
void TstPayloadEncoder::roundTrip()
{
    QFETCH(PayloadFormat, format);
    QFETCH(QByteArray, bytes);
    const RenderedPayload shown = PayloadRenderer::render(bytes, format);
    QCOMPARE(shown.format, format);
    const EncodedPayload back = PayloadEncoder::encode(shown.text, format);
    QVERIFY(back.isOk());
    if (format == PayloadFormat::Json) {
        QByteArray compact = back.bytes;
        compact.replace(" ", "").replace("\n", "");
        QCOMPARE(compact, bytes);
    } else {
        QCOMPARE(back.bytes, bytes);
    }

    // Hex: a dump is for reading; the hex column alone types back.
    QString hexDigits;
    const RenderedPayload dump = PayloadRenderer::render(bytes, PayloadFormat::Hex);
    for (const QString &line : dump.text.split(u'\n', Qt::SkipEmptyParts))
        hexDigits += line.mid(10, 49) + u'\n';
    QCOMPARE(PayloadEncoder::encode(hexDigits, PayloadFormat::Hex).bytes, bytes);
}

QTEST_APPLESS_MAIN(TstPayloadEncoder)
#include "tst_payload_encoder.moc"
