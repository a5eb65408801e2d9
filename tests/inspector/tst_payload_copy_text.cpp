// Copy as hex, Base64 and C array: exact texts, the empty payload and the size limit.
#include "core/inspector/payload_copy_text.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestPayloadCopyText : public QObject
{
    Q_OBJECT
private slots:
    void hex();
    void base64();
    void cArray();
    void limit();
};

void TestPayloadCopyText::hex()
{
    QCOMPARE(PayloadCopyText::hex(QByteArray("\x00\x7f\x80\xff{", 5)), u"00 7f 80 ff 7b"_s);
    QCOMPARE(PayloadCopyText::hex({}), QString());
    // Reads back with the same bytes (what `xxd -r -p` would do).
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    QCOMPARE(QByteArray::fromHex(PayloadCopyText::hex(all).toLatin1()), all);
}

void TestPayloadCopyText::base64()
{
    QCOMPARE(PayloadCopyText::base64("hello"), u"aGVsbG8="_s);
    QCOMPARE(PayloadCopyText::base64(QByteArray("\xff\x00", 2)), u"/wA="_s);
}

void TestPayloadCopyText::cArray()
{
    QCOMPARE(PayloadCopyText::cArray(QByteArray("\x01\xab", 2)),
             u"const unsigned char payload[2] = {\n    0x01, 0xab\n};\n"_s);
    QCOMPARE(PayloadCopyText::cArray({}), u"const unsigned char payload[0] = {};\n"_s);
    const QString thirteen = PayloadCopyText::cArray(QByteArray(13, 'A'));
    QCOMPARE(thirteen,
             u"const unsigned char payload[13] = {\n"
             "    0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41,\n"
             "    0x41\n};\n"_s);
}

void TestPayloadCopyText::limit()
{
    const QByteArray big(PayloadCopyText::kMaxBytes + 1, 'x');
    QVERIFY(!PayloadCopyText::make(big, PayloadCopyText::Format::Hex));
    const auto ok = PayloadCopyText::make(big.first(PayloadCopyText::kMaxBytes),
                                          PayloadCopyText::Format::Base64);
    QVERIFY(ok);
    QCOMPARE(ok->size(), (PayloadCopyText::kMaxBytes + 2) / 3 * 4);
    QCOMPARE(*PayloadCopyText::make("A", PayloadCopyText::Format::CArray),
             u"const unsigned char payload[1] = {\n    0x41\n};\n"_s);
}

} // namespace mqttdesk

QTEST_GUILESS_MAIN(mqttdesk::TestPayloadCopyText)
#include "tst_payload_copy_text.moc"
