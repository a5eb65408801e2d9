// PayloadViewerDialog: a 10 MB payload opens with a bounded first chunk, renders fully off
// the GUI thread, and grows the document chunk by chunk only as far as it is read.
#include "core/payload/decoder_registry.h"
#include "tests/support/scripted_prompts.h"
#include "ui/stream/payload_viewer_dialog.h"

#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_MAIN(TestPayloadViewerDialog)
#include "tst_payload_viewer_dialog.moc"
