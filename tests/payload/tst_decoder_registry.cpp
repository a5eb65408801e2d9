#include "core/payload/decoder_registry.h"
#include "core/payload/payload_format.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QSet>
#include <QTest>

using namespace mqttdesk;

namespace {

// Claims payloads that start with "ROT13:" and shows the rest decoded.
class Rot13Decoder : public PayloadDecoder
{
public:
    QString id() const override { return QStringLiteral("rot13"); }
    QString name() const override { return QStringLiteral("ROT13"); }
    int detect(QByteArrayView bytes, const PayloadHint &) const override
    {
        return bytes.startsWith("ROT13:") ? 95 : kNoMatch;
    }
    RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const override
    {
        RenderedPayload out;
        out.decoder = id();
        const bool upper = options.decoderOptions.value(QStringLiteral("upper")).toBool();
        for (const char c : bytes.sliced(qMin<qsizetype>(6, bytes.size()))) {
            char r = c;
            if (c >= 'a' && c <= 'z')
                r = char('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z')
                r = char('A' + (c - 'A' + 13) % 26);
            const QChar ch = QLatin1Char(r);
            out.text.append(upper ? ch.toUpper() : ch);
        }
        return out;
    }
    QJsonObject defaultOptions() const override { return {{QStringLiteral("upper"), false}}; }
};

class NamedDecoder : public PayloadDecoder
{
public:
    explicit NamedDecoder(QString id)
        : m_id(std::move(id))
    {}
    QString id() const override { return m_id; }
    QString name() const override { return m_id; }
    int detect(QByteArrayView, const PayloadHint &) const override { return kNoMatch; }
    RenderedPayload render(QByteArrayView, const RenderOptions &) const override { return {}; }

private:
    QString m_id;
};

QList<QByteArray> samples()
{
    QCborMap map;
    map.insert(QStringLiteral("t"), 21.5);
    return {QByteArray(),
            QByteArray("hello"),
            QByteArray(R"({"a": [1, true, null]})"),
            QByteArray("{broken"),
            QByteArray("\x00\x01\xff\xfe", 4),
            QCborValue(map).toCbor(),
            QByteArray::fromHex("81a17415"),
            QByteArray(5000, 'x')};
}

} // namespace

// The decoder registry: every built-in decoder, Auto's choice, adding decoders.
class TstDecoderRegistry : public QObject
{
    Q_OBJECT

private slots:
    void builtInsInOrder();
    void everyDecoderIsWellFormed();
    void everyDecoderDetectsAndRenders();
    void enumNamesTheSameDecoders();
    void autoPicksByDetect_data();
    void autoPicksByDetect();
    void renderByIdMatchesTheDecoder();
    void unknownIdRendersAsAuto();
    void invalidBytesFallBackWithAReason();
    void addRefusesEmptyAndDuplicateIds();
    void addedDecoderIsListedPickedAndRendered();
};

void TstDecoderRegistry::builtInsInOrder()
{
    QCOMPARE(DecoderRegistry::instance().ids(),
             (QStringList{QStringLiteral("auto"), QStringLiteral("text"), QStringLiteral("json"),
                          QStringLiteral("hex"), QStringLiteral("base64"), QStringLiteral("cbor"),
                          QStringLiteral("msgpack"), QStringLiteral("numeric")}));
    QCOMPARE(DecoderRegistry::instance().decoders().first()->id(),
             DecoderRegistry::AutoId.toString());
}

void TstDecoderRegistry::everyDecoderIsWellFormed()
{
    QSet<QString> ids;
    for (const PayloadDecoder *decoder : DecoderRegistry::instance().decoders()) {
        const QString id = decoder->id();
        QVERIFY(!id.isEmpty());
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.insert(id);
        QVERIFY2(!decoder->name().isEmpty(), qPrintable(id));
        QCOMPARE(DecoderRegistry::instance().name(id), decoder->name());
        QCOMPARE(DecoderRegistry::instance().decoder(id), decoder);
        // Default options are what an empty set means: rendering with either is the same.
        RenderOptions defaults;
        defaults.decoderOptions = decoder->defaultOptions();
        const QByteArray sample("\x01\x02\x03\x04", 4);
        QCOMPARE(decoder->render(sample, defaults).text, decoder->render(sample, {}).text);
    }
    QVERIFY(!DecoderRegistry::instance().decoder(u"yaml"));
    QVERIFY(DecoderRegistry::instance().name(u"yaml").isEmpty());
}

void TstDecoderRegistry::everyDecoderDetectsAndRenders()
{
    for (const PayloadDecoder *decoder : DecoderRegistry::instance().decoders()) {
        for (const QByteArray &bytes : samples()) {
            const QString what = decoder->id() + QStringLiteral(" on ") +
                                 QString::fromLatin1(bytes.left(16).toHex());
            const int confidence = decoder->detect(bytes, {});
            QVERIFY2(confidence >= PayloadDecoder::kNoMatch &&
                         confidence <= PayloadDecoder::kDeclared,
                     qPrintable(what));

            const RenderedPayload full = decoder->render(bytes, {});
            QVERIFY2(!full.decoder.isEmpty() && full.decoder != DecoderRegistry::AutoId,
                     qPrintable(what));
            QVERIFY2(DecoderRegistry::instance().decoder(full.decoder), qPrintable(what));
            QCOMPARE(full.text.isEmpty(), bytes.isEmpty());
            QVERIFY2(!full.truncated, qPrintable(what));
            // The decoder shows what it was asked to, or says why not.
            if (decoder->id() != DecoderRegistry::AutoId && full.decoder != decoder->id())
                QVERIFY2(full.error, qPrintable(what));

            RenderOptions preview;
            preview.maxChars = 64;
            const RenderedPayload part = decoder->render(bytes, preview);
            QVERIFY2(part.text.size() <= 200, qPrintable(what));
            if (bytes.size() > 4000)
                QVERIFY2(part.truncated, qPrintable(what));
        }
    }
}

void TstDecoderRegistry::enumNamesTheSameDecoders()
{
    // Each value of the enum kept for subscriptions names a registered decoder, by key and
    // name; the decoders after MessagePack have options and are chosen by rule, not enum.
    int named = 0;
    for (const PayloadDecoder *decoder : DecoderRegistry::instance().decoders()) {
        const std::optional<PayloadFormat> format = payloadFormatFromKey(decoder->id());
        if (!format) {
            QVERIFY2(!decoder->defaultOptions().isEmpty(), qPrintable(decoder->id()));
            continue;
        }
        ++named;
        QCOMPARE(payloadFormatKey(*format), decoder->id());
        QCOMPARE(payloadFormatName(*format), decoder->name());
    }
    QCOMPARE(named, int(PayloadFormat::MessagePack) + 1);
}

void TstDecoderRegistry::autoPicksByDetect_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");
    QCborMap map;
    map.insert(QStringLiteral("on"), true);
    QTest::newRow("json") << QByteArray(R"({"temp": 21.5})") << QString() << QStringLiteral("json");
    QTest::newRow("json array") << QByteArray("[1, 2]") << QString() << QStringLiteral("json");
    QTest::newRow("text") << QByteArray("hello") << QString() << QStringLiteral("text");
    QTest::newRow("empty") << QByteArray() << QString() << QStringLiteral("text");
    QTest::newRow("broken json") << QByteArray("{oops") << QString() << QStringLiteral("text");
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe", 4) << QString()
                            << QStringLiteral("hex");
    QTest::newRow("cbor") << QCborValue(map).toCbor() << QString() << QStringLiteral("cbor");
    QTest::newRow("msgpack") << QByteArray::fromHex("81a16101") << QString()
                             << QStringLiteral("msgpack");
    // A content type the bytes bear out wins over what the bytes look like.
    QTest::newRow("cbor declared") << QCborValue(QCborArray{1}).toCbor()
                                   << QStringLiteral("application/cbor") << QStringLiteral("cbor");
    QTest::newRow("json declared")
        << QByteArray("[1]") << QStringLiteral("Application/JSON; charset=utf-8")
        << QStringLiteral("json");
    QTest::newRow("claim not borne out")
        << QByteArray("plain") << QStringLiteral("application/json") << QStringLiteral("text");
}

void TstDecoderRegistry::autoPicksByDetect()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    PayloadHint hint;
    hint.contentType = contentType;
    const PayloadDecoder *picked = DecoderRegistry::instance().detect(bytes, hint);
    QVERIFY(picked);
    QCOMPARE(picked->id(), expected);

    RenderOptions options;
    options.hint = hint;
    const RenderedPayload rendered =
        DecoderRegistry::instance().render(bytes, DecoderRegistry::AutoId, options);
    QCOMPARE(rendered.decoder, expected);
    QCOMPARE(payloadFormatKey(rendered.format), expected);
}

void TstDecoderRegistry::renderByIdMatchesTheDecoder()
{
    const QByteArray json(R"({"b":1,"a":[true]})");
    const RenderedPayload out = DecoderRegistry::instance().render(json, u"json");
    QCOMPARE(out.decoder, QStringLiteral("json"));
    QCOMPARE(out.format, PayloadFormat::Json);
    QVERIFY(out.text.contains(QStringLiteral("\n")));
    QVERIFY(out.text.indexOf(QStringLiteral("\"b\"")) < out.text.indexOf(QStringLiteral("\"a\"")));
    QVERIFY(!out.spans.isEmpty());
    QVERIFY(!out.error);

    const RenderedPayload hex = DecoderRegistry::instance().render("AB", u"hex");
    QCOMPARE(hex.format, PayloadFormat::Hex);
    QVERIFY(hex.text.startsWith(QStringLiteral("00000000  41 42")));
    QVERIFY(hex.spans.isEmpty());

    const RenderedPayload base64 = DecoderRegistry::instance().render("hello", u"base64");
    QCOMPARE(base64.format, PayloadFormat::Base64);
    QCOMPARE(base64.text, QStringLiteral("aGVsbG8="));

    const RenderedPayload msgpack =
        DecoderRegistry::instance().render(QByteArray::fromHex("81a17415"), u"msgpack");
    QCOMPARE(msgpack.format, PayloadFormat::MessagePack);
    QVERIFY(msgpack.text.contains(QStringLiteral("\"t\": 21")));
    QVERIFY(!msgpack.spans.isEmpty());
}

void TstDecoderRegistry::unknownIdRendersAsAuto()
{
    const RenderedPayload out = DecoderRegistry::instance().render("[1]", u"protobuf");
    QCOMPARE(out.decoder, QStringLiteral("json"));
    QVERIFY(!out.error);
}

void TstDecoderRegistry::invalidBytesFallBackWithAReason()
{
    const RenderedPayload text = DecoderRegistry::instance().render("{oops", u"json");
    QCOMPARE(text.decoder, QStringLiteral("text"));
    QCOMPARE(text.format, PayloadFormat::Text);
    QCOMPARE(text.text, QStringLiteral("{oops"));
    QVERIFY(text.error);
    QCOMPARE(text.error->code, PayloadErrorCode::InvalidJson);

    const RenderedPayload hex =
        DecoderRegistry::instance().render(QByteArray("\xff\x00\x01", 3), u"cbor");
    QCOMPARE(hex.decoder, QStringLiteral("hex"));
    QVERIFY(hex.error);
    QCOMPARE(hex.error->code, PayloadErrorCode::MalformedCbor);
}

void TstDecoderRegistry::addRefusesEmptyAndDuplicateIds()
{
    DecoderRegistry registry;
    QVERIFY(registry.decoders().isEmpty());
    QVERIFY(!registry.detect("x"));
    // An empty registry still renders something.
    QCOMPARE(registry.render("hi", DecoderRegistry::AutoId).text, QStringLiteral("hi"));

    QVERIFY(registry.add(std::make_unique<NamedDecoder>(QStringLiteral("one"))));
    QVERIFY(!registry.add(std::make_unique<NamedDecoder>(QStringLiteral("one"))));
    QVERIFY(!registry.add(std::make_unique<NamedDecoder>(QString())));
    QVERIFY(!registry.add(nullptr));
    QCOMPARE(registry.ids(), QStringList{QStringLiteral("one")});

    registry.addBuiltIns();
    QCOMPARE(registry.ids().size(), 1 + DecoderRegistry::instance().ids().size());
    QVERIFY(!registry.add(std::make_unique<NamedDecoder>(QStringLiteral("json"))));
}

void TstDecoderRegistry::addedDecoderIsListedPickedAndRendered()
{
    DecoderRegistry registry;
    registry.addBuiltIns();
    QVERIFY(registry.add(std::make_unique<Rot13Decoder>()));
    QCOMPARE(registry.ids().constLast(), QStringLiteral("rot13"));
    QCOMPARE(registry.name(u"rot13"), QStringLiteral("ROT13"));

    // Text would take it too (80), but the new decoder is more confident.
    const QByteArray bytes("ROT13:uryyb");
    QCOMPARE(registry.detect(bytes)->id(), QStringLiteral("rot13"));
    const RenderedPayload automatic = registry.render(bytes, DecoderRegistry::AutoId);
    QCOMPARE(automatic.decoder, QStringLiteral("rot13"));
    QCOMPARE(automatic.text, QStringLiteral("hello"));
    // The enum has no value for it.
    QCOMPARE(automatic.format, PayloadFormat::Text);

    RenderOptions options;
    options.decoderOptions.insert(QStringLiteral("upper"), true);
    QCOMPARE(registry.render(bytes, u"rot13", options).text, QStringLiteral("HELLO"));
    // Other payloads are still for the built-in decoders.
    QCOMPARE(registry.detect("[1]")->id(), QStringLiteral("json"));
    // The application's registry does not know it.
    QVERIFY(!DecoderRegistry::instance().decoder(u"rot13"));
}

QTEST_APPLESS_MAIN(TstDecoderRegistry)
#include "tst_decoder_registry.moc"
