#include "core/payload/payload_format.h"
#include "core/payload/utf8_scan.h"

#include <QTest>

using namespace mqttdesk;

// PayloadFormat names and keys, and the UTF-8 scan the detector and renderer rely on.
class TstPayloadFormat : public QObject
{
    Q_OBJECT

private slots:
    void namesAndKeys();
    void utf8Scan_data();
    void utf8Scan();
    void utf8Boundary();
};

void TstPayloadFormat::namesAndKeys()
{
    QStringList keys;
    for (const PayloadFormat format :
         {PayloadFormat::Auto, PayloadFormat::Text, PayloadFormat::Json, PayloadFormat::Hex,
          PayloadFormat::Base64, PayloadFormat::Cbor, PayloadFormat::MessagePack}) {
        QVERIFY(!payloadFormatName(format).isEmpty());
        const QString key = payloadFormatKey(format);
        QVERIFY(!keys.contains(key));
        keys.append(key);
        QCOMPARE(payloadFormatFromKey(key), format);
    }
    QCOMPARE(payloadFormatName(PayloadFormat::Json), QStringLiteral("JSON"));
    QCOMPARE(payloadFormatKey(PayloadFormat::MessagePack), QStringLiteral("msgpack"));
    QVERIFY(!payloadFormatFromKey(u"yaml"));
}

void TstPayloadFormat::utf8Scan_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("invalidAt");
    QTest::addColumn<bool>("printable");
    QTest::newRow("ascii") << QByteArray("hello\n") << qsizetype(-1) << true;
    QTest::newRow("2-byte") << QByteArray("\xc3\xa9") << qsizetype(-1) << true;
    QTest::newRow("3-byte") << QByteArray("\xe2\x82\xac") << qsizetype(-1) << true;
    QTest::newRow("4-byte") << QByteArray("\xf0\x9f\x98\x80") << qsizetype(-1) << true;
    QTest::newRow("max code point") << QByteArray("\xf4\x8f\xbf\xbf") << qsizetype(-1) << true;
    QTest::newRow("above max") << QByteArray("a\xf4\x90\x80\x80") << qsizetype(1) << false;
    QTest::newRow("overlong 2") << QByteArray("\xc1\xbf") << qsizetype(0) << false;
    QTest::newRow("overlong 3") << QByteArray("\xe0\x9f\xbf") << qsizetype(0) << false;
    QTest::newRow("surrogate") << QByteArray("ab\xed\xb0\x80") << qsizetype(2) << false;
    QTest::newRow("lone continuation") << QByteArray("\x80") << qsizetype(0) << false;
    QTest::newRow("cut at end") << QByteArray("ok\xe2\x82") << qsizetype(2) << false;
    QTest::newRow("bad continuation") << QByteArray("\xc3\x28") << qsizetype(0) << false;
    QTest::newRow("nul") << QByteArray("a\0b", 3) << qsizetype(-1) << false;
    QTest::newRow("bom kept as text") << QByteArray("\xef\xbb\xbfhi") << qsizetype(-1) << true;
}

void TstPayloadFormat::utf8Scan()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, invalidAt);
    QFETCH(bool, printable);
    const Utf8Scan scan = Utf8Scan::scan(bytes);
    QCOMPARE(scan.invalidAt(), invalidAt);
    QCOMPARE(scan.isValid(), invalidAt < 0);
    QCOMPARE(scan.isPrintableText(), printable);
}

void TstPayloadFormat::utf8Boundary()
{
    const QByteArray bytes("ab\xe2\x82\xac"
                           "cd");
    QCOMPARE(Utf8Scan::boundaryBefore(bytes, 2), qsizetype(2));
    QCOMPARE(Utf8Scan::boundaryBefore(bytes, 3), qsizetype(2));
    QCOMPARE(Utf8Scan::boundaryBefore(bytes, 4), qsizetype(2));
    QCOMPARE(Utf8Scan::boundaryBefore(bytes, 5), qsizetype(5));
    QCOMPARE(Utf8Scan::boundaryBefore(bytes, 100), bytes.size());
    QCOMPARE(Utf8Scan::boundaryBefore(bytes, 0), qsizetype(0));
    // A scan limit inside a sequence still checks that sequence whole.
    QVERIFY(Utf8Scan::scan(bytes, 3).isValid());
    QVERIFY(!Utf8Scan::scan(QByteArray("ab\xe2\x82"), 3).isValid());
}

QTEST_APPLESS_MAIN(TstPayloadFormat)
#include "tst_payload_format.moc"
