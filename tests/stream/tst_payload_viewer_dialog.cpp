// PayloadViewerDialog: a 10 MB payload opens with a bounded first chunk, renders fully off
// the GUI thread, and grows the document chunk by chunk only as far as it is read. A hex
// dump keeps its ASCII column in sight when the dialog is narrow.
#include "core/payload/decoder_registry.h"
#include "core/payload/hex_dump.h"
#include "tests/support/scripted_prompts.h"
#include "ui/inspector/json_tree_view.h"
#include "ui/stream/payload_viewer_dialog.h"

#include <QCborMap>
#include <QCborValue>
#include <QComboBox>
#include <QFile>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using namespace mqttdesk;

class TestPayloadViewerDialog : public QObject
{
    Q_OBJECT
private slots:
    void tenMegabytesOpenLazily();
    void scrollingToTheEndLoadsMore();
    void formatSwitchRerenders();
    void formatsComeFromTheDecoderRegistry();
    void saveWritesRawBytes();
    void narrowHexKeepsItsAsciiColumn();
    void narrowedWhileRendering();
    void chartThisFromTheTree();
};

static QByteArray bigText()
{
    QByteArray line("0123456789 the quick brown fox jumps over the lazy dog 0123456789\n");
    QByteArray bytes;
    bytes.reserve(10 * 1024 * 1024 + line.size());
    while (bytes.size() < 10 * 1024 * 1024)
        bytes += line;
    return bytes;
}

void TestPayloadViewerDialog::tenMegabytesOpenLazily()
{
    const QByteArray payload = bigText();
    PayloadViewerDialog dialog(QStringLiteral("big"), payload, PayloadFormat::Text);
    // Right after construction only a bounded preview is in the document.
    QVERIFY(dialog.shownChars() > 0);
    QVERIFY(dialog.shownChars() <= PayloadViewerDialog::ChunkChars + 16);
    QVERIFY(dialog.editor()->document()->characterCount() <= PayloadViewerDialog::ChunkChars + 16);
    QSignalSpy rendered(&dialog, &PayloadViewerDialog::rendered);
    QVERIFY(rendered.wait(60000));
    QCOMPARE(dialog.totalChars(), qsizetype(payload.size()));
    QVERIFY(dialog.shownChars() < dialog.totalChars());
    int chunks = 0;
    while (dialog.showMore() && chunks < 200)
        ++chunks;
    QCOMPARE(dialog.shownChars(), dialog.totalChars());
    QVERIFY(chunks > 10);
    QVERIFY(!dialog.showMore());
}

void TestPayloadViewerDialog::scrollingToTheEndLoadsMore()
{
    PayloadViewerDialog dialog(QStringLiteral("big"), bigText(), PayloadFormat::Text);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy rendered(&dialog, &PayloadViewerDialog::rendered);
    QVERIFY(rendered.wait(60000));
    const qsizetype before = dialog.shownChars();
    QScrollBar *bar = dialog.editor()->verticalScrollBar();
    bar->setValue(bar->maximum());
    QVERIFY(dialog.shownChars() > before);
}

void TestPayloadViewerDialog::formatSwitchRerenders()
{
    PayloadViewerDialog dialog(QStringLiteral("bin"), QByteArray("\x01\x02hello", 7),
                               PayloadFormat::Auto);
    QSignalSpy rendered(&dialog, &PayloadViewerDialog::rendered);
    QVERIFY(rendered.wait(10000));
    dialog.setFormat(PayloadFormat::Hex);
    QVERIFY(rendered.wait(10000));
    QVERIFY(dialog.editor()->toPlainText().startsWith(QStringLiteral("00000000")));
    dialog.setFormat(PayloadFormat::Base64);
    QVERIFY(rendered.wait(10000));
    QCOMPARE(dialog.editor()->toPlainText(),
             QString::fromLatin1(QByteArray("\x01\x02hello", 7).toBase64()));
}

void TestPayloadViewerDialog::formatsComeFromTheDecoderRegistry()
{
    PayloadViewerDialog dialog(QStringLiteral("t"), QByteArray(R"({"a":1})"), PayloadFormat::Auto);
    QSignalSpy rendered(&dialog, &PayloadViewerDialog::rendered);
    QVERIFY(rendered.wait(10000));
    auto *box = dialog.findChild<QComboBox *>();
    QVERIFY(box);
    const QList<const PayloadDecoder *> decoders = DecoderRegistry::instance().decoders();
    QCOMPARE(box->count(), decoders.size());
    for (int i = 0; i < box->count(); ++i) {
        QCOMPARE(box->itemText(i), decoders.at(i)->name());
        QCOMPARE(box->itemData(i).toString(), decoders.at(i)->id());
    }
    QCOMPARE(box->currentData().toString(), DecoderRegistry::AutoId.toString());

    // Choosing in the box renders with that decoder, by id.
    box->setCurrentIndex(box->findData(QStringLiteral("base64")));
    QVERIFY(rendered.wait(10000));
    QCOMPARE(dialog.decoder(), QStringLiteral("base64"));
    QCOMPARE(dialog.format(), PayloadFormat::Base64);
    QCOMPARE(dialog.editor()->toPlainText(), QStringLiteral("eyJhIjoxfQ=="));
    dialog.setDecoder(QStringLiteral("json"));
    QVERIFY(rendered.wait(10000));
    QVERIFY(dialog.editor()->toPlainText().contains(QStringLiteral("\"a\": 1")));
}

void TestPayloadViewerDialog::saveWritesRawBytes()
{
    QTemporaryDir dir;
    const QByteArray payload("\x00\xffraw", 5);
    PayloadViewerDialog dialog(QStringLiteral("t"), payload, PayloadFormat::Hex);
    const QString path = dir.filePath(QStringLiteral("p.bin"));
    ScriptedPrompts prompts;
    prompts.nextFile(path);
    QPushButton *save = nullptr;
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text().contains(QStringLiteral("Save")))
            save = b;
    }
    QVERIFY(save);
    save->click();
    QCOMPARE(prompts.count(Prompts::Kind::SaveFile), 1);
    QCOMPARE(prompts.count(Prompts::Kind::Warning), 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), payload);
}

namespace {

// Printable and unprintable bytes mixed, so that the ASCII column has dots and letters.
QByteArray mixedBytes(int size)
{
    QByteArray bytes;
    for (int i = 0; i < size; ++i)
        bytes.append(i % 5 == 0 ? char(i & 0xff) : char('A' + i % 26));
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

// Every line in the editor's viewport is a whole dump line of `bytesPerLine` bytes that fits
// the width, and ends with the ASCII of the bytes its offset names.
void checkVisibleHexLines(const PayloadViewerDialog &dialog, const QByteArray &payload,
                          int bytesPerLine)
{
    QPlainTextEdit *editor = dialog.editor();
    QCOMPARE(editor->horizontalScrollBar()->maximum(), 0); // nothing to scroll sideways to
    const QFontMetrics metrics(editor->font());
    const int room = editor->viewport()->width() - 2 * int(editor->document()->documentMargin());
    const int first = editor->cursorForPosition(QPoint(0, 0)).blockNumber();
    const int last =
        editor->cursorForPosition(QPoint(0, editor->viewport()->height() - 1)).blockNumber();
    QVERIFY(last > first);
    for (int n = first; n <= last; ++n) {
        const QString line = editor->document()->findBlockByNumber(n).text();
        if (line.isEmpty())
            break; // after the final line feed
        bool ok = false;
        const qint64 offset = line.left(8).toLongLong(&ok, 16);
        QVERIFY(ok);
        QCOMPARE(offset, qint64(n) * bytesPerLine);
        const QString ascii = asciiOf(payload.mid(offset, bytesPerLine));
        QVERIFY2(line.endsWith(QLatin1Char('|') + ascii + QLatin1Char('|')), qPrintable(line));
        QVERIFY2(metrics.horizontalAdvance(line) <= room, qPrintable(line));
    }
}

} // namespace

// At a width too narrow for 16 bytes and their ASCII, the dump shows 8 or 4 bytes a line,
// every line whole; the bytes at the top stay at the top; widening goes back to 16. A larger
// font counts as narrower.
void TestPayloadViewerDialog::narrowHexKeepsItsAsciiColumn()
{
    const QByteArray payload = mixedBytes(40000);
    PayloadViewerDialog dialog(QStringLiteral("bin"), payload, PayloadFormat::Hex);
    dialog.resize(900, 480);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY(dialog.isRendered());
    QCOMPARE(dialog.hexBytesPerLine(), 16);
    checkVisibleHexLines(dialog, payload, 16);
    if (QTest::currentTestFailed())
        return;
    QPlainTextEdit *editor = dialog.editor();
    QScrollBar *bar = editor->verticalScrollBar();
    bar->setValue(20); // bytes 320.. at the top

    // The dialog's width around the editor, and the width that holds `columns` characters.
    const int frame = dialog.width() - editor->viewport()->width();
    const auto widthFor = [&](int columns) {
        const qreal digit = QFontMetricsF(editor->font()).horizontalAdvance(QLatin1Char('0'));
        return frame + int(columns * digit) + 2 * int(editor->document()->documentMargin()) + 2;
    };
    const auto showsLines = [&](int bytesPerLine, int topLine) {
        QTRY_COMPARE(dialog.hexBytesPerLine(), bytesPerLine);
        QTRY_VERIFY(dialog.isRendered());
        checkVisibleHexLines(dialog, payload, bytesPerLine);
        if (!QTest::currentTestFailed())
            QCOMPARE(bar->value(), topLine);
    };

    QVERIFY(dialog.minimumSizeHint().width() <= widthFor(HexDump::lineLength(8)));
    dialog.resize(widthFor(HexDump::lineLength(8)), 480);
    showsLines(8, 40);
    if (QTest::currentTestFailed())
        return;
    // The dialog does not get narrow enough for 4 bytes with this font; a font twice as
    // large does.
    const QFont normal = editor->font();
    QFont large = normal;
    large.setPointSizeF(normal.pointSizeF() * 2);
    editor->setFont(large);
    dialog.resize(widthFor(HexDump::lineLength(4)), 480);
    showsLines(4, 80);
    if (QTest::currentTestFailed())
        return;
    dialog.resize(900, 480);
    showsLines(8, 40);
    if (QTest::currentTestFailed())
        return;
    editor->setFont(normal);
    showsLines(16, 20);
    if (QTest::currentTestFailed())
        return;

    // Far down, past the first chunk the editor was given: the place is kept too.
    dialog.resize(widthFor(HexDump::lineLength(8)), 480);
    showsLines(8, 40);
    if (QTest::currentTestFailed())
        return;
    const int deep = (int(PayloadViewerDialog::ChunkChars / HexDump::lineLength(8)) + 100) & ~1;
    while (bar->maximum() < deep && dialog.showMore()) {
    }
    bar->setValue(deep);
    QCOMPARE(bar->value(), deep);
    dialog.resize(900, 480);
    showsLines(16, deep / 2);
    if (QTest::currentTestFailed())
        return;

    // Text does not depend on the width: it is not rendered again.
    dialog.setFormat(PayloadFormat::Text);
    QTRY_VERIFY(dialog.isRendered());
    QSignalSpy rendered(&dialog, &PayloadViewerDialog::rendered);
    dialog.resize(widthFor(HexDump::lineLength(8)), 480);
    QTRY_COMPARE(dialog.hexBytesPerLine(), 8);
    QVERIFY(dialog.isRendered());
    QCOMPARE(rendered.size(), 0);
    // ... until a dump is asked for, which then comes at the narrow width.
    dialog.setFormat(PayloadFormat::Hex);
    QTRY_VERIFY(dialog.isRendered());
    QCOMPARE(editor->document()->firstBlock().text(),
             HexDump::render(payload.left(8), -1, 8).trimmed());
}

// The width changes while the full rendering runs (the dialog opens narrow): the dump is
// laid out again once that rendering lands, at the width shown.
void TestPayloadViewerDialog::narrowedWhileRendering()
{
    const QByteArray payload = mixedBytes(4 * 1024 * 1024);
    PayloadViewerDialog dialog(QStringLiteral("bin"), payload, PayloadFormat::Hex);
    QCOMPARE(dialog.hexBytesPerLine(), 16); // rendering started before any layout
    QVERIFY(!dialog.isRendered());
    dialog.resize(dialog.minimumSizeHint().width(), 480);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY(dialog.hexBytesPerLine() < 16);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isRendered(), 60000);
    const int perLine = dialog.hexBytesPerLine();
    QCOMPARE(dialog.totalChars(), HexDump::render(payload, -1, perLine).size());
    checkVisibleHexLines(dialog, payload, perLine);
}

void TestPayloadViewerDialog::chartThisFromTheTree()
{
    // JSON: the topic and the node's path, read from the payload itself.
    PayloadViewerDialog dialog(QStringLiteral("plant/boiler"),
                               QByteArray(R"({"name":"b1","temp":"21.5","bar":1.6})"),
                               PayloadFormat::Auto);
    QSignalSpy loaded(dialog.jsonTree(), &JsonTreeView::loaded);
    QVERIFY(loaded.wait(10000));
    QMenu *menu = dialog.jsonTree()->contextMenuFor(dialog.jsonTree()->model()->index(2, 0));
    QVERIFY2(!menu->findChild<QAction *>(QStringLiteral("chartThis")),
             "offered though nobody charts");
    delete menu;
    dialog.setChartable(true);
    QSignalSpy requested(&dialog, &PayloadViewerDialog::chartRequested);
    menu = dialog.jsonTree()->contextMenuFor(dialog.jsonTree()->model()->index(2, 0));
    QAction *chart = menu->findChild<QAction *>(QStringLiteral("chartThis"));
    QVERIFY(chart);
    chart->trigger();
    delete menu;
    QCOMPARE(requested.size(), 1);
    auto spec = requested.takeFirst().first().value<ChartSeriesSpec>();
    QCOMPARE(spec.topicFilter, QStringLiteral("plant/boiler"));
    QCOMPARE(spec.extractor.kind, ExtractorSpec::Kind::JsonPath);
    QCOMPARE(spec.extractor.path, QStringLiteral("$.bar"));
    QVERIFY(!spec.perTopic);

    // CBOR: the same path, on what the CBOR decoder renders.
    const QByteArray cbor =
        QCborValue(QCborMap{{QStringLiteral("temp"), 21.5}, {QStringLiteral("on"), true}}).toCbor();
    PayloadViewerDialog binary(QStringLiteral("plant/cbor"), cbor, PayloadFormat::Cbor);
    binary.setChartable(true);
    QSignalSpy binaryLoaded(binary.jsonTree(), &JsonTreeView::loaded);
    QVERIFY(binaryLoaded.wait(10000));
    QSignalSpy binaryRequested(&binary, &PayloadViewerDialog::chartRequested);
    const QModelIndex temp = binary.jsonTree()->model()->index(0, 0);
    QCOMPARE(binary.jsonTree()->model()->path(temp), QStringLiteral("$.temp"));
    menu = binary.jsonTree()->contextMenuFor(temp);
    menu->findChild<QAction *>(QStringLiteral("chartThis"))->trigger();
    delete menu;
    QCOMPARE(binaryRequested.size(), 1);
    spec = binaryRequested.takeFirst().first().value<ChartSeriesSpec>();
    QCOMPARE(spec.topicFilter, QStringLiteral("plant/cbor"));
    QCOMPARE(spec.extractor.kind, ExtractorSpec::Kind::Decoded);
    QCOMPARE(spec.extractor.decoder, QStringLiteral("cbor"));
    QCOMPARE(spec.extractor.path, QStringLiteral("$.temp"));
}

QTEST_MAIN(TestPayloadViewerDialog)
#include "tst_payload_viewer_dialog.moc"
