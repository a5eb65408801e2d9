// Pictures by their magic bytes or by an MQTT 5 content type; text that looks close is not
// taken for one.
#include "core/inspector/image_sniffer.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestImageSniffer : public QObject
{
    Q_OBJECT
private slots:
    void magic_data();
    void magic();
    void contentType();
};

using Kind = ImageSniffer::Kind;

void TestImageSniffer::magic_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("kind"); // -1: none
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << int(Kind::Png);
    QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10) << int(Kind::Jpeg);
    QTest::newRow("gif87") << QByteArray("GIF87a\x01\0\x01\0", 10) << int(Kind::Gif);
    QTest::newRow("gif89") << QByteArray("GIF89a") << int(Kind::Gif);
    QTest::newRow("webp") << QByteArray("RIFF\x24\0\0\0WEBPVP8 ", 16) << int(Kind::WebP);
    QTest::newRow("wav is RIFF too") << QByteArray("RIFF\x24\0\0\0WAVEfmt ", 16) << -1;
    QByteArray bmp("BM\x46\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0", 18);
    bmp.append(QByteArray(10, '\0'));
    QTest::newRow("bmp") << bmp << int(Kind::Bmp);
    QTest::newRow("text starting BM") << QByteArray("BMW i3 battery at 80 percent, charging") << -1;
    QTest::newRow("png cut in its signature") << QByteArray("\x89PNG\r\n", 6) << -1;
    QTest::newRow("json") << QByteArray(R"({"a":1})") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
}

void TestImageSniffer::magic()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, kind);
    const auto found = ImageSniffer::kindFromMagic(bytes);
    QCOMPARE(found ? int(*found) : -1, kind);
}

void TestImageSniffer::contentType()
{
    QCOMPARE(ImageSniffer::kindFromContentType(u"image/png"), Kind::Png);
    QCOMPARE(ImageSniffer::kindFromContentType(u"IMAGE/JPEG; q=1"), Kind::Jpeg);
    QCOMPARE(ImageSniffer::kindFromContentType(u"image/webp"), Kind::WebP);
    QVERIFY(!ImageSniffer::kindFromContentType(u"application/json"));
    // The bytes' signature wins; the content type names bytes that carry none.
    QCOMPARE(ImageSniffer::kindOf(QByteArray("GIF89a"), u"image/png"), Kind::Gif);
    QCOMPARE(ImageSniffer::kindOf(QByteArray("\x89PN", 3), u"image/png"), Kind::Png);
    QVERIFY(!ImageSniffer::kindOf(QByteArray("\x89PN", 3)));
    QCOMPARE(ImageSniffer::readerFormat(Kind::Jpeg), QByteArray("jpeg"));
    QCOMPARE(ImageSniffer::name(Kind::WebP), u"WebP"_s);
}

} // namespace mqttdesk

QTEST_GUILESS_MAIN(mqttdesk::TestImageSniffer)
#include "tst_image_sniffer.moc"
