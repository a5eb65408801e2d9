// Packed numbers shown as a JSON array: every type, both byte orders, a header to skip,
// the CLI's short form, and the errors for bytes that do not divide into values.

#include "core/payload/numeric_array_decoder.h"

#include <QJsonObject>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

RenderedPayload render(const QByteArray &bytes, const QJsonObject &options, qsizetype maxChars = -1)
{
    RenderOptions render;
    render.decoderOptions = options;
    render.maxChars = maxChars;
    return NumericArrayDecoder().render(bytes, render);
}

QJsonObject layout(const QString &spec)
{
    QString why;
    const auto parsed = NumericArrayDecoder::Layout::fromSpec(spec, &why);
    if (!parsed)
        qFatal("%s: %s", qPrintable(spec), qPrintable(why));
    return parsed->toJson();
}

} // namespace

class TstNumericArrayDecoder : public QObject
{
    Q_OBJECT

private slots:
    void everyType_data();
    void everyType();
    void headerSkipped();
    void partialValueNamed();
    void headerLongerThanPayload();
    void badOptionsNamed_data();
    void badOptionsNamed();
    void specRoundTrips();
    void previewOfAHugeArrayIsCut();
    void valuesForCharts();
    void neverDetected();
};

void TstNumericArrayDecoder::everyType_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("int8") << u"int8"_s << QByteArray("\x01\xff\x80", 3) << u"[1,-1,-128]"_s;
    QTest::newRow("uint8") << u"uint8"_s << QByteArray("\x01\xff\x80", 3) << u"[1,255,128]"_s;
    QTest::newRow("int16le") << u"int16le"_s << QByteArray("\x01\x00\xff\xff", 4) << u"[1,-1]"_s;
    QTest::newRow("int16be") << u"int16be"_s << QByteArray("\x01\x00\xff\xfe", 4) << u"[256,-2]"_s;
    QTest::newRow("uint16be") << u"uint16be"_s << QByteArray("\xff\xfe", 2) << u"[65534]"_s;
    QTest::newRow("int32le") << u"int32le"_s << QByteArray("\x00\x00\x00\x80", 4)
                             << u"[-2147483648]"_s;
    QTest::newRow("uint32be") << u"uint32be"_s << QByteArray("\xff\xff\xff\xff", 4)
                              << u"[4294967295]"_s;
    QTest::newRow("int64le") << u"int64le"_s << QByteArray("\xff\xff\xff\xff\xff\xff\xff\x7f", 8)
                             << u"[9223372036854775807]"_s;
    QTest::newRow("uint64be") << u"uint64be"_s << QByteArray("\xff\xff\xff\xff\xff\xff\xff\xff", 8)
                              << u"[18446744073709551615]"_s;
    // 0.1f and 1.5f little endian; a float32 shows in its own shortest form.
    QTest::newRow("float32le") << u"float32le"_s
                               << QByteArray("\xcd\xcc\xcc\x3d\x00\x00\xc0\x3f", 8)
                               << u"[0.1,1.5]"_s;
    // -2.5 big endian, then NaN, which JSON has no number for.
    QTest::newRow("float64be") << u"float64be"_s
                               << QByteArray("\xc0\x04\x00\x00\x00\x00\x00\x00"
                                             "\x7f\xf8\x00\x00\x00\x00\x00\x00",
                                             16)
                               << u"[-2.5,\"NaN\"]"_s;
}

void TstNumericArrayDecoder::everyType()
{
    QFETCH(QString, spec);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    const RenderedPayload out = render(bytes, layout(spec));
    QVERIFY2(!out.error, qPrintable(out.error ? out.error->message() : QString()));
    QCOMPARE(out.decoder, u"numeric"_s);
    QCOMPARE(out.text, text);
    QVERIFY(!out.spans.isEmpty());
}

void TstNumericArrayDecoder::headerSkipped()
{
    // A 3-byte header ("HDR"), then two big-endian uint16.
    const RenderedPayload out =
        render(QByteArray("HDR\x00\x01\x00\x02", 7), layout(u"uint16be:3"_s));
    QCOMPARE(out.text, u"[1,2]"_s);
}

void TstNumericArrayDecoder::partialValueNamed()
{
    const RenderedPayload out = render(QByteArray("\x01\x00\x02\x00\x03", 5), layout(u"int16le"_s));
    QVERIFY(out.error);
    QCOMPARE(out.error->code, PayloadErrorCode::PartialNumber);
    QCOMPARE(out.error->offset, qsizetype(4));
    QCOMPARE(out.error->message(), u"The bytes from byte 4 on do not make a whole int16; check "
                                   u"the number type and the header to skip."_s);
    QCOMPARE(out.decoder, u"hex"_s); // the bytes stay in sight
}

void TstNumericArrayDecoder::headerLongerThanPayload()
{
    const RenderedPayload out = render("ab", layout(u"uint8:5"_s));
    QVERIFY(out.error);
    QCOMPARE(out.error->code, PayloadErrorCode::HeaderBeyondPayload);
    QCOMPARE(out.error->message(),
             u"The header to skip (5 bytes) is longer than the payload (2 bytes)."_s);
    QCOMPARE(out.text, u"ab"_s);
}

void TstNumericArrayDecoder::badOptionsNamed_data()
{
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("type") << QJsonObject{{u"type"_s, u"int12"_s}}
                          << u"'int12' is not a number type"_s;
    QTest::newRow("endian") << QJsonObject{{u"endian"_s, u"middle"_s}}
                            << u"'middle' is not a byte order: use little or big."_s;
    QTest::newRow("skip") << QJsonObject{{u"skip"_s, -1}}
                          << u"The header to skip must be a whole number"_s;
    QTest::newRow("fraction") << QJsonObject{{u"skip"_s, 1.5}}
                              << u"The header to skip must be a whole number"_s;
}

void TstNumericArrayDecoder::badOptionsNamed()
{
    QFETCH(QJsonObject, options);
    QFETCH(QString, message);
    const RenderedPayload out = render("\x01\x02", options);
    QVERIFY(out.error);
    QCOMPARE(out.error->code, PayloadErrorCode::BadDecoderOptions);
    QVERIFY2(out.error->message().contains(message), qPrintable(out.error->message()));
    QVERIFY2(out.error->message().endsWith(u"Edit the decoding rule."_s),
             qPrintable(out.error->message()));
}

void TstNumericArrayDecoder::specRoundTrips()
{
    using Layout = NumericArrayDecoder::Layout;
    const auto parsed = Layout::fromSpec(u"float32be:12");
    QVERIFY(parsed);
    QCOMPARE(parsed->type, NumericArrayDecoder::Type::Float32);
    QVERIFY(parsed->bigEndian);
    QCOMPARE(parsed->skip, qsizetype(12));
    const auto again = Layout::fromJson(parsed->toJson());
    QVERIFY(again);
    QCOMPARE(again->toJson(), parsed->toJson());
    QVERIFY(!Layout::fromSpec(u"uint16le:x"));
    QVERIFY(!Layout::fromSpec(u"word"));
    QCOMPARE(NumericArrayDecoder().defaultOptions(), Layout().toJson());
}

void TstNumericArrayDecoder::previewOfAHugeArrayIsCut()
{
    const QByteArray big(8 * 1024 * 1024, '\x07');
    const RenderedPayload preview = render(big, layout(u"uint32le"_s), 500);
    QVERIFY(preview.truncated);
    QVERIFY(preview.text.size() < 600);
    QVERIFY(preview.text.startsWith(u"[117901063,117901063,"_s));
}

void TstNumericArrayDecoder::valuesForCharts()
{
    const auto values =
        NumericArrayDecoder::values(QByteArray("\x00\x00\x80\x3f\x00\x00\x00\xc0", 8),
                                    *NumericArrayDecoder::Layout::fromSpec(u"float32le"));
    QVERIFY(values);
    QCOMPARE(*values, (QList<double>{1.0, -2.0}));
    QVERIFY(!NumericArrayDecoder::values("abc", *NumericArrayDecoder::Layout::fromSpec(u"int16")));
}

void TstNumericArrayDecoder::neverDetected()
{
    QCOMPARE(NumericArrayDecoder().detect(QByteArray(64, '\x01'), {}), PayloadDecoder::kNoMatch);
}

QTEST_GUILESS_MAIN(TstNumericArrayDecoder)
#include "tst_numeric_array_decoder.moc"
