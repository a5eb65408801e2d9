#include "core/payload/decoder_registry.h"
#include "core/payload/hex_dump.h"
#include "core/payload/payload_renderer.h"

#include <QTest>

using namespace mqttdesk;

// The hex dump's line layout at 16, 8 and 4 bytes per line: the narrower layouts exist so
// that a narrow view still shows the ASCII column of every line.
class TstHexDump : public QObject
{
    Q_OBJECT
private slots:
    void layout_data();
    void layout();
    void everyLineEndsWithItsAscii_data();
    void everyLineEndsWithItsAscii();
    void bytesPerLineForWidth_data();
    void bytesPerLineForWidth();
    void unsupportedCountsRoundDown();
    void previewIsBoundedAtEveryWidth_data();
    void previewIsBoundedAtEveryWidth();
    void fallbackFollowsTheWidth();
};

namespace {

// 20 bytes: text, controls and high bytes, so that both columns are checked.
QByteArray sample()
{
    QByteArray bytes("Hello, MQTT!\n\0\x01\xff", 16);
    bytes.append("tail");
    return bytes;
}

QString asciiOf(QByteArrayView bytes)
{
    QString out;
    for (const char c : bytes) {
        const auto b = uchar(c);
        out += b >= 0x20 && b < 0x7f ? QChar(char16_t(b)) : QChar(u'.');
    }
    return out;
}

} // namespace

void TstHexDump::layout_data()
{
    QTest::addColumn<int>("bytesPerLine");
    QTest::addColumn<QString>("expected");
    // The last line's hex part is padded: its ASCII column starts where the first one's does.
    QTest::newRow("16") << 16
                        << QStringLiteral(
                               "00000000  48 65 6c 6c 6f 2c 20 4d  51 54 54 21 0a 00 01 ff  "
                               "|Hello, MQTT!....|\n"
                               "00000010  74 61 69 6c") +
                               QString(39, u' ') + QStringLiteral("|tail|\n");
    QTest::newRow("8") << 8
                       << QStringLiteral("00000000  48 65 6c 6c 6f 2c 20 4d  |Hello, M|\n"
                                         "00000008  51 54 54 21 0a 00 01 ff  |QTT!....|\n"
                                         "00000010  74 61 69 6c              |tail|\n");
    QTest::newRow("4") << 4
                       << QStringLiteral("00000000  48 65 6c 6c  |Hell|\n"
                                         "00000004  6f 2c 20 4d  |o, M|\n"
                                         "00000008  51 54 54 21  |QTT!|\n"
                                         "0000000c  0a 00 01 ff  |....|\n"
                                         "00000010  74 61 69 6c  |tail|\n");
}

void TstHexDump::layout()
{
    QFETCH(int, bytesPerLine);
    QFETCH(QString, expected);
    const QString dump = HexDump::render(sample(), -1, bytesPerLine);
    QCOMPARE(dump, expected);
    // A full line is as long as lineLength() says, line feed included.
    QCOMPARE(dump.indexOf(u'\n') + 1, qsizetype(HexDump::lineLength(bytesPerLine)));
    // The same through the hex decoder.
    RenderOptions options;
    options.hexBytesPerLine = bytesPerLine;
    QCOMPARE(DecoderRegistry::instance().render(sample(), u"hex", options).text, expected);
}

void TstHexDump::everyLineEndsWithItsAscii_data()
{
    QTest::addColumn<int>("bytesPerLine");
    QTest::addColumn<int>("size");
    for (const int perLine : {16, 8, 4}) {
        for (const int size : {1, 3, 4, 7, 8, 9, 15, 16, 17, 100}) {
            QTest::addRow("%d bytes per line, %d bytes", perLine, size) << perLine << size;
        }
    }
}

void TstHexDump::everyLineEndsWithItsAscii()
{
    QFETCH(int, bytesPerLine);
    QFETCH(int, size);
    QByteArray bytes;
    for (int i = 0; i < size; ++i)
        bytes.append(char(i * 37 + 11));
    const QStringList lines =
        HexDump::render(bytes, -1, bytesPerLine).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), (size + bytesPerLine - 1) / bytesPerLine);
    // Where the ASCII column of a full line starts: every line's starts there too.
    const qsizetype asciiColumn = HexDump::lineLength(bytesPerLine) - 2 - bytesPerLine;
    for (int n = 0; n < lines.size(); ++n) {
        const QString &line = lines.at(n);
        const int offset = n * bytesPerLine;
        const QByteArray chunk = bytes.mid(offset, bytesPerLine);
        QCOMPARE(line.left(8), QStringLiteral("%1").arg(offset, 8, 16, QLatin1Char('0')));
        QCOMPARE(line.mid(8, 2), QStringLiteral("  "));
        QVERIFY2(line.endsWith(QLatin1Char('|') + asciiOf(chunk) + QLatin1Char('|')),
                 qPrintable(line));
        QCOMPARE(line.indexOf(u'|'), asciiColumn - 1);
        // The hex of each byte at its place; groups of 8 split by one more space.
        for (int k = 0; k < chunk.size(); ++k) {
            const int at = 10 + 3 * k + (k >= 8 ? 1 : 0);
            QCOMPARE(line.mid(at, 2), QString::fromLatin1(chunk.mid(k, 1).toHex()));
        }
    }
}

void TstHexDump::bytesPerLineForWidth_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("bytesPerLine");
    QTest::newRow("wide") << 200 << 16;
    QTest::newRow("exactly 16") << 78 << 16;
    QTest::newRow("one short of 16") << 77 << 8;
    QTest::newRow("exactly 8") << 45 << 8;
    QTest::newRow("one short of 8") << 44 << 4;
    QTest::newRow("exactly 4") << 29 << 4;
    QTest::newRow("too narrow for any") << 10 << 4;
    QTest::newRow("nothing") << 0 << 4;
}

void TstHexDump::bytesPerLineForWidth()
{
    QFETCH(int, columns);
    QFETCH(int, bytesPerLine);
    QCOMPARE(HexDump::bytesPerLineFor(columns), bytesPerLine);
    QCOMPARE(HexDump::lineLength(16), HexDump::kLineLength);
    QCOMPARE(HexDump::lineLength(8), 46);
    QCOMPARE(HexDump::lineLength(4), 30);
}

void TstHexDump::unsupportedCountsRoundDown()
{
    QCOMPARE(HexDump::supportedBytesPerLine(64), 16);
    QCOMPARE(HexDump::supportedBytesPerLine(12), 8);
    QCOMPARE(HexDump::supportedBytesPerLine(5), 4);
    QCOMPARE(HexDump::supportedBytesPerLine(0), 4);
    QCOMPARE(HexDump::supportedBytesPerLine(-3), 4);
    QCOMPARE(HexDump::render(sample(), -1, 12), HexDump::render(sample(), -1, 8));
}

void TstHexDump::previewIsBoundedAtEveryWidth_data()
{
    QTest::addColumn<int>("bytesPerLine");
    QTest::newRow("16") << 16;
    QTest::newRow("8") << 8;
    QTest::newRow("4") << 4;
}

// A preview of about maxChars characters holds whole lines whatever the width.
void TstHexDump::previewIsBoundedAtEveryWidth()
{
    QFETCH(int, bytesPerLine);
    const QByteArray bytes(10000, '\x7f');
    const RenderedPayload preview =
        PayloadRenderer::preview(bytes, PayloadFormat::Hex, 4096, {}, bytesPerLine);
    QVERIFY(preview.truncated);
    QVERIFY(preview.text.size() <= 4096);
    QVERIFY(preview.text.size() > 4096 - HexDump::lineLength(bytesPerLine));
    QCOMPARE(preview.text.size() % HexDump::lineLength(bytesPerLine), 0);
}

// Another decoder that falls back to hex lays it out at the asked width too.
void TstHexDump::fallbackFollowsTheWidth()
{
    RenderOptions options;
    options.hexBytesPerLine = 4;
    const RenderedPayload out = DecoderRegistry::instance().render(
        QByteArray::fromHex("9bffffffffffffffffdb"), u"cbor", options);
    QVERIFY(out.error);
    QCOMPARE(out.decoder, QStringLiteral("hex"));
    QCOMPARE(out.text, QStringLiteral("00000000  9b ff ff ff  |....|\n"
                                      "00000004  ff ff ff ff  |....|\n"
                                      "00000008  ff db        |..|\n"));
}

QTEST_GUILESS_MAIN(TstHexDump)
#include "tst_hex_dump.moc"
