// The payload inspector as the stream opens it (PayloadViewerDialog): text, JSON tree, hex
// and picture tabs, the status line, copy as hex/Base64/C array, a huge binary payload kept
// out of text, and screenshots of the tree and a picture in both languages.
#include "tests/support/screenshot_check.h"
#include "tests/support/scripted_prompts.h"
#include "ui/i18n/language.h"
#include "ui/inspector/hex_view.h"
#include "ui/inspector/image_preview.h"
#include "ui/inspector/json_tree_view.h"
#include "ui/stream/payload_viewer_dialog.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QBuffer>
#include <QCborMap>
#include <QClipboard>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestPayloadInspector : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonShowsTree();
    void decodedJsonShowsTree();
    void textHasNoTree();
    void statusLine();
    void copyAs();
    void pictureOpensOnPicture();
    void truncatedPictureSaysWhy();
    void hugeBinaryStaysInHexTab();
    void screenshots_data();
    void screenshots();
    void megabyteJsonWithALongTopic();
};

namespace {

const QByteArray kReading =
    R"({"device":"pump-7","ts":1733450000123,"online":true,"sensors":[)"
    R"({"name":"temperature","value":21.5,"unit":"°C"},{"name":"pressure","value":1013.2,)"
    R"("unit":"hPa"},{"name":"vibration","samples":[12,-15,300,7]}],"firmware":null})";

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    // A test picture: a gradient with a frame, so that scaling shows.
    QLinearGradient gradient(0, 0, width, height);
    gradient.setColorAt(0, Qt::darkCyan);
    gradient.setColorAt(1, Qt::yellow);
    painter.fillRect(image.rect(), gradient);
    painter.setPen(QPen(Qt::black, 4));
    painter.drawRect(image.rect().adjusted(2, 2, -3, -3));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool rendered(PayloadViewerDialog &dialog)
{
    if (dialog.isRendered())
        return true;
    QSignalSpy spy(&dialog, &PayloadViewerDialog::rendered);
    return spy.wait(30000);
}

} // namespace

void TestPayloadInspector::initTestCase()
{
    // MQTTDESK_SCREENSHOT_PALETTE=dark: the same pictures on a dark palette (theme check).
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
}

void TestPayloadInspector::jsonShowsTree()
{
    PayloadViewerDialog dialog(u"plant/pump-7/state"_s, kReading, PayloadFormat::Auto);
    QSignalSpy loaded(dialog.jsonTree(), &JsonTreeView::loaded);
    QVERIFY(rendered(dialog));
    QVERIFY(loaded.wait());
    QVERIFY(dialog.isTabEnabled(PayloadViewerDialog::Tab::Tree));
    QCOMPARE(dialog.jsonTree()->model()->rowCount(), 5);
    QVERIFY(dialog.isTabEnabled(PayloadViewerDialog::Tab::Hex));
    QCOMPARE(dialog.hexView()->data(), kReading);
    QVERIFY(!dialog.page(PayloadViewerDialog::Tab::Image));
    QCOMPARE(dialog.tabs()->currentWidget(), dialog.editor());
}

void TestPayloadInspector::decodedJsonShowsTree()
{
    // CBOR, rendered as JSON by its decoder, is a tree as well.
    QCborMap map;
    map.insert(u"device"_s, u"pump-7"_s);
    map.insert(u"value"_s, 21.5);
    PayloadViewerDialog dialog(u"plant/pump-7/cbor"_s, map.toCborValue().toCbor(),
                               PayloadFormat::Cbor);
    QSignalSpy loaded(dialog.jsonTree(), &JsonTreeView::loaded);
    QVERIFY(rendered(dialog));
    QVERIFY(loaded.wait());
    QVERIFY(dialog.isTabEnabled(PayloadViewerDialog::Tab::Tree));
    QCOMPARE(dialog.jsonTree()->model()->index(1, 2).data().toString(), u"21.5"_s);
}

void TestPayloadInspector::textHasNoTree()
{
    PayloadViewerDialog dialog(u"log"_s, "pump-7 started\nready", PayloadFormat::Auto);
    QVERIFY(rendered(dialog));
    QVERIFY(!dialog.isTabEnabled(PayloadViewerDialog::Tab::Tree));
    // Text that starts like JSON but is not stays without a tree too.
    PayloadViewerDialog broken(u"log"_s, "[not json", PayloadFormat::Text);
    QSignalSpy loaded(broken.jsonTree(), &JsonTreeView::loaded);
    QVERIFY(rendered(broken));
    QVERIFY(loaded.wait());
    QVERIFY(!broken.isTabEnabled(PayloadViewerDialog::Tab::Tree));
}

void TestPayloadInspector::statusLine()
{
    PayloadHint hint;
    hint.contentType = u"application/json"_s;
    hint.utf8Declared = true;
    PayloadViewerDialog dialog(u"t"_s, kReading, PayloadFormat::Auto, hint);
    QVERIFY(rendered(dialog));
    const QString status = dialog.statusText();
    for (const QString &part :
         {u"bytes"_s, u"valid UTF-8"_s, u"declared UTF-8"_s, u"content type application/json"_s,
          u"looks like JSON"_s, u"shown as JSON"_s})
        QVERIFY2(status.contains(part), qPrintable(status));

    // Binary bytes, asked to show as JSON: the decoder's complaint is in the status line.
    PayloadViewerDialog binary(u"t"_s, QByteArray("\x00\x01\xfe\xff", 4), PayloadFormat::Json);
    QVERIFY(rendered(binary));
    const QString binaryStatus = binary.statusText();
    QVERIFY2(binaryStatus.startsWith(u"4 bytes"_s), qPrintable(binaryStatus));
    QVERIFY2(binaryStatus.contains(u"binary (not UTF-8)"_s), qPrintable(binaryStatus));
    QVERIFY2(binaryStatus.contains(u"shown as Hex"_s), qPrintable(binaryStatus));
}

void TestPayloadInspector::copyAs()
{
    PayloadViewerDialog dialog(u"t"_s, QByteArray("\x01\xab", 2), PayloadFormat::Hex);
    QVERIFY(dialog.copyAs(PayloadCopyText::Format::Hex));
    QCOMPARE(QApplication::clipboard()->text(), u"01 ab"_s);
    QVERIFY(dialog.copyAs(PayloadCopyText::Format::Base64));
    QCOMPARE(QApplication::clipboard()->text(), u"Aas="_s);
    QVERIFY(dialog.copyAs(PayloadCopyText::Format::CArray));
    QCOMPARE(QApplication::clipboard()->text(),
             u"const unsigned char payload[2] = {\n    0x01, 0xab\n};\n"_s);

    // Too large: a warning that names the way out, and the clipboard untouched.
    ScriptedPrompts prompts;
    PayloadViewerDialog big(u"t"_s, QByteArray(PayloadCopyText::kMaxBytes + 1, 'x'),
                            PayloadFormat::Text);
    QVERIFY(!big.copyAs(PayloadCopyText::Format::Hex));
    QCOMPARE(QApplication::clipboard()->text(),
             u"const unsigned char payload[2] = {\n    0x01, 0xab\n};\n"_s);
    QCOMPARE(prompts.count(Prompts::Kind::Warning), 1);
    QVERIFY(prompts.last(Prompts::Kind::Warning).text.contains(u"Save payload as"_s));
}

void TestPayloadInspector::pictureOpensOnPicture()
{
    const QByteArray bytes = png(640, 480);
    PayloadViewerDialog dialog(u"camera/door/frame"_s, bytes, PayloadFormat::Auto);
    dialog.resize(900, 640);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    ImagePreview *preview = dialog.imagePreview();
    QVERIFY(preview);
    QCOMPARE(dialog.tabs()->currentWidget(), preview);
    QSignalSpy loaded(preview, &ImagePreview::loaded);
    QVERIFY(preview->isLoaded() || loaded.wait());
    QVERIFY(preview->error().isEmpty());
    QCOMPARE(preview->image().size(), QSize(640, 480));
    QCOMPARE(preview->summary(), u"PNG · 640 × 480 pixels"_s);
    // The bytes are still one click away.
    QCOMPARE(dialog.hexView()->data(), bytes);

    // By content type alone (bytes too short to carry a signature).
    PayloadHint hint;
    hint.contentType = u"image/png"_s;
    PayloadViewerDialog byType(u"t"_s, QByteArray("\x89PN", 3), PayloadFormat::Auto, hint);
    QVERIFY(byType.imagePreview());
}

void TestPayloadInspector::truncatedPictureSaysWhy()
{
    const QByteArray bytes = png(320, 200);
    PayloadViewerDialog dialog(u"camera/door/frame"_s, bytes.first(bytes.size() / 2),
                               PayloadFormat::Auto);
    ImagePreview *preview = dialog.imagePreview();
    QVERIFY(preview);
    QSignalSpy loaded(preview, &ImagePreview::loaded);
    QVERIFY(preview->isLoaded() || loaded.wait());
    QVERIFY(preview->image().isNull());
    QVERIFY2(preview->error().startsWith(u"Not a complete PNG picture"_s),
             qPrintable(preview->error()));
    QVERIFY(preview->error().contains(u"Hex tab"_s));
    QCOMPARE(dialog.hexView()->data().size(), bytes.size() / 2);
}

void TestPayloadInspector::hugeBinaryStaysInHexTab()
{
    // 6 MB of bytes that are not text: no dump of them as text, the Hex tab in front.
    QByteArray bytes(6 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7919) >> 3);
    PayloadViewerDialog dialog(u"firmware/image"_s, bytes, PayloadFormat::Auto);
    QVERIFY(dialog.isRendered());
    QCOMPARE(dialog.tabs()->currentWidget(), dialog.hexView());
    QVERIFY(dialog.shownChars() <= PayloadViewerDialog::ChunkChars + 16);
    QVERIFY2(dialog.statusText().contains(u"Hex tab"_s), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.hexView()->data().size(), bytes.size());
}

void TestPayloadInspector::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestPayloadInspector::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(*qApp, language).startsWith(language));
    const auto english = qScopeGuard([] { Language::install(*qApp, u"en"_s); });

    PayloadViewerDialog tree(u"plant/line-1/pump-7/state"_s, kReading, PayloadFormat::Auto);
    QSignalSpy loaded(tree.jsonTree(), &JsonTreeView::loaded);
    tree.resize(960, 600);
    tree.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tree));
    QVERIFY(rendered(tree));
    QVERIFY(loaded.wait());
    tree.showTab(PayloadViewerDialog::Tab::Tree);
    QSignalSpy searched(tree.jsonTree(), &JsonTreeView::searched);
    tree.jsonTree()->searchField()->setText(u"pressure"_s);
    QVERIFY(searched.wait());
    QCoreApplication::processEvents();
    const QImage treeImage = tree.grab().toImage();
    QStringList problems = ScreenshotCheck::problems(
        &tree, treeImage, {tree.jsonTree()->tree(), tree.findChild<QLabel *>(u"status"_s)});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    PayloadViewerDialog picture(u"camera/door/frame"_s, png(640, 480), PayloadFormat::Auto);
    picture.resize(960, 600);
    picture.show();
    QVERIFY(QTest::qWaitForWindowExposed(&picture));
    QSignalSpy pictureLoaded(picture.imagePreview(), &ImagePreview::loaded);
    QVERIFY(picture.imagePreview()->isLoaded() || pictureLoaded.wait());
    QVERIFY(rendered(picture));
    // The hidden Text tab may lay its dump out again for its width: the status settles.
    QTRY_VERIFY(!picture.statusText().contains(u"rendering"_s) || language != u"en"_s);
    QTRY_VERIFY(picture.isRendered());
    QCoreApplication::processEvents();
    const QImage pictureImage = picture.grab().toImage();
    problems = ScreenshotCheck::problems(&picture, pictureImage, {picture.imagePreview()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(treeImage.save(
            ScreenshotCheck::themed(QDir(dir).filePath(u"inspector-tree-%1.png"_s.arg(language)))));
        QVERIFY(pictureImage.save(ScreenshotCheck::themed(
            QDir(dir).filePath(u"inspector-picture-%1.png"_s.arg(language)))));
    }
}

void TestPayloadInspector::megabyteJsonWithALongTopic()
{
    // A 1 MB JSON payload (a day of readings) on a long topic, at 1920x1080: the tree opens
    // with every element, the last one is reached by search, and the window title, tabs and
    // status line fit.
    QByteArray json = "{\"site\":\"north hall\",\"readings\":[";
    int count = 0;
    while (json.size() < 1024 * 1024) {
        json += (count ? "," : "") + QByteArray(R"({"t":)") + QByteArray::number(count) +
                R"(,"temperature":)" + QByteArray::number(20 + (count % 70) / 10.0) +
                R"(,"ok":true})";
        ++count;
    }
    json += "]}";
    const QString topic = u"factories/eu-central/berlin-spandau/building-7/floor-3/line-12/"
                          u"station-0042/sensor-array/temperature/raw/readings/day"_s;
    PayloadViewerDialog dialog(topic, json, PayloadFormat::Auto);
    QSignalSpy loaded(dialog.jsonTree(), &JsonTreeView::loaded);
    dialog.resize(1920, 1080);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(rendered(dialog));
    QVERIFY(loaded.count() > 0 || loaded.wait(30000));
    dialog.showTab(PayloadViewerDialog::Tab::Tree);
    const QModelIndex readings = dialog.jsonTree()->model()->index(1, 0);
    QCOMPARE(dialog.jsonTree()->model()->rowCount(readings), count);
    QSignalSpy searched(dialog.jsonTree(), &JsonTreeView::searched);
    dialog.jsonTree()->searchField()->setText(QString::number(count - 1));
    QVERIFY(searched.wait(30000));
    QVERIFY(dialog.jsonTree()->hitCount() >= 1);
    QVERIFY(dialog.statusText().contains(u"MB"_s) || dialog.statusText().contains(u"KB"_s));
    QCoreApplication::processEvents();
    const QImage image = dialog.grab().toImage();
    const QStringList problems = ScreenshotCheck::problems(
        &dialog, image, {dialog.jsonTree()->tree(), dialog.findChild<QLabel *>(u"status"_s)});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(
            ScreenshotCheck::themed(QDir(dir).filePath(u"inspector-megabyte-en-1920x1080.png"_s))));
}

} // namespace mqttdesk

QTEST_MAIN(mqttdesk::TestPayloadInspector)
#include "tst_payload_inspector.moc"
