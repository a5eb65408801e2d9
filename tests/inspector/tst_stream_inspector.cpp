// The inspector in the stream: picture payloads as thumbnails in their bubbles (in memory
// and read from storage's side table), a damaged picture named as such, and "compare with
// previous on this topic" / "select for compare" opening the diff with both payloads whole.
#include "core/inspector/diff_model.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/scripted_prompts.h"
#include "ui/i18n/language.h"
#include "ui/inspector/payload_diff_dialog.h"
#include "ui/stream/message_comparer.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/theme/theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestStreamInspector : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void thumbnails();
    void compareWithPreviousLoaded();
    void compareWithPreviousFromStorage();
    void compareWithMark();
    void nothingToCompareWith();
    void screenshots_data();
    void screenshots();

private:
    void openView(int pageSize = 200);
    int rowOf(const QString &topic, int nth = 0) const;

    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<MessageHistory> m_history;
    std::unique_ptr<MessageStreamModel> m_model;
    std::unique_ptr<MessageStreamView> m_view;
    std::optional<ScriptedPrompts> m_prompts;
};

namespace {

constexpr int kWait = 20000;

QByteArray png(int width, int height, bool noise = false)
{
    QImage image(width, height, QImage::Format_RGB32);
    if (noise) {
        // Noise does not compress: a picture of megabytes, kept in storage's side table.
        QRandomGenerator random(7);
        for (int y = 0; y < height; ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < width; ++x)
                line[x] = random.generate() | 0xff000000u;
        }
    } else {
        QPainter painter(&image);
        QLinearGradient gradient(0, 0, width, height);
        gradient.setColorAt(0, Qt::darkBlue);
        gradient.setColorAt(1, Qt::cyan);
        painter.fillRect(image.rect(), gradient);
        painter.setPen(QPen(Qt::white, 6));
        painter.drawEllipse(image.rect().adjusted(20, 20, -20, -20));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

void TestStreamInspector::initTestCase()
{
    // MQTTDESK_SCREENSHOT_PALETTE=dark: the same pictures on a dark palette (theme check).
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
}

void TestStreamInspector::init()
{
    m_prompts.emplace();
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
}

void TestStreamInspector::cleanup()
{
    Language::install(*qApp, u"en"_s);
    m_view.reset();
    m_model.reset();
    m_history.reset();
    m_store.reset();
    m_prompts.reset();
}

void TestStreamInspector::openView(int pageSize)
{
    m_history = m_store->history();
    QVERIFY(m_history);
    // As the app does: every read on the reader thread.
    m_model = std::make_unique<MessageStreamModel>(m_history.get(), m_store->path());
    m_model->setPageSize(pageSize);
    m_model->followTail(); // the newest page again, of that size
    m_view = std::make_unique<MessageStreamView>(m_model.get(), 1);
    m_view->resize(1000, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() > 0 && !m_model->isLoading(), kWait);
}

int TestStreamInspector::rowOf(const QString &topic, int nth) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->rowAt(row)->message.topic == topic && nth-- == 0)
            return row;
    }
    return -1;
}

void TestStreamInspector::thumbnails()
{
    const QByteArray small = png(320, 240);
    const QByteArray large = png(900, 700, true);
    QVERIFY(large.size() > 1024 * 1024);
    QVERIFY(m_store->store({StreamTestStore::message(u"camera/door"_s, small),
                            StreamTestStore::message(u"camera/yard"_s, large),
                            StreamTestStore::message(u"camera/broken"_s, small.first(400)),
                            StreamTestStore::message(u"plant/state"_s, R"({"on":true})")}));
    openView();
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int door = rowOf(u"camera/door"_s);
    const int yard = rowOf(u"camera/yard"_s);
    const int broken = rowOf(u"camera/broken"_s);
    QVERIFY(door >= 0 && yard >= 0 && broken >= 0);
    QVERIFY(m_model->rowAt(yard)->message.payloadDeferred);
    auto thumbnail = [this](int row) {
        return m_model->index(row).data(MessageStreamModel::ThumbnailRole).value<QImage>();
    };
    QCOMPARE(m_model->index(door).data(MessageStreamModel::PreviewRole).toString(),
             u"PNG picture"_s);
    QCOMPARE(m_model->previewLineCount(door), MessageStreamModel::kThumbnailLines);
    // Made off the GUI thread; the large one read from storage first.
    QTRY_VERIFY_WITH_TIMEOUT(!thumbnail(door).isNull(), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!thumbnail(yard).isNull(), kWait);
    QVERIFY(thumbnail(door).height() <= 2 * ThumbnailCache::kHeight);
    QCOMPARE(thumbnail(door).width() * 3, thumbnail(door).height() * 4);
    QVERIFY(thumbnail(yard).height() <= 2 * ThumbnailCache::kHeight);
    // A picture cut short: no thumbnail, and the bubble says it cannot be shown.
    QVERIFY(thumbnail(broken).isNull());
    QTRY_VERIFY_WITH_TIMEOUT(m_model->thumbnailFailed(broken), kWait);
    // Not a picture: no thumbnail, its own preview.
    const int state = rowOf(u"plant/state"_s);
    QVERIFY(thumbnail(state).isNull());
    QVERIFY(!m_model->rowAt(state)->image);
    // A chosen format shows the bytes, not the picture.
    m_model->setRowFormat(door, PayloadFormat::Hex);
    QVERIFY(m_model->index(door)
                .data(MessageStreamModel::PreviewRole)
                .toString()
                .startsWith(u"00000000"_s));
    QVERIFY(thumbnail(door).isNull());
}

void TestStreamInspector::compareWithPreviousLoaded()
{
    QVERIFY(m_store->store(
        {StreamTestStore::message(u"plant/pump-7/state"_s,
                                  R"({"rpm":1200,"temp":61.5,"alarms":[],"mode":"auto"})"),
         StreamTestStore::message(u"plant/pump-8/state"_s, R"({"rpm":900})"),
         StreamTestStore::message(u"plant/pump-7/state"_s,
                                  R"({"rpm":1250,"temp":61.5,"alarms":["hot"],"valve":2})")}));
    openView();
    QSignalSpy opened(m_view->comparer(), &MessageComparer::dialogOpened);
    m_view->comparer()->compareWithPrevious(rowOf(u"plant/pump-7/state"_s, 1));
    QVERIFY(opened.count() > 0 || opened.wait(kWait));
    auto *dialog = opened.first().first().value<PayloadDiffDialog *>();
    QVERIFY(dialog);
    QSignalSpy compared(dialog, &PayloadDiffDialog::compared);
    QVERIFY(compared.count() > 0 || compared.wait(kWait));
    QCOMPARE(dialog->mode(), PayloadDiffMode::Structural);
    // rpm changed, alarms[0] added, mode removed, valve added.
    QCOMPARE(dialog->model()->rowCount(), 4);
    delete dialog;
}

void TestStreamInspector::compareWithPreviousFromStorage()
{
    // The earlier message on the topic lies beyond the loaded page: it is read from storage.
    QList<StoredMessage> messages{StreamTestStore::message(u"meter/1"_s, "total=100\nrate=5\n")};
    for (int i = 0; i < 30; ++i)
        messages.append(StreamTestStore::message(u"noise/%1"_s.arg(i), "x"));
    messages.append(StreamTestStore::message(u"meter/1"_s, "total=105\nrate=5\n"));
    QVERIFY(m_store->store(messages));
    openView(10);
    QCOMPARE(rowOf(u"meter/1"_s, 1), -1); // only one of them is loaded
    QSignalSpy opened(m_view->comparer(), &MessageComparer::dialogOpened);
    m_view->comparer()->compareWithPrevious(rowOf(u"meter/1"_s));
    QVERIFY(opened.count() > 0 || opened.wait(kWait));
    auto *dialog = opened.first().first().value<PayloadDiffDialog *>();
    QSignalSpy compared(dialog, &PayloadDiffDialog::compared);
    QVERIFY(compared.count() > 0 || compared.wait(kWait));
    QCOMPARE(dialog->mode(), PayloadDiffMode::Lines);
    delete dialog;
}

void TestStreamInspector::compareWithMark()
{
    QVERIFY(m_store->store({StreamTestStore::message(u"a"_s, QByteArray("\x01\x02\x03\x04", 4)),
                            StreamTestStore::message(u"b"_s, QByteArray("\x01\x02\xff\x04", 4))}));
    openView();
    MessageComparer *comparer = m_view->comparer();
    QVERIFY(!comparer->hasMark());
    comparer->markForComparison(rowOf(u"a"_s));
    QTRY_VERIFY(comparer->hasMark());
    QVERIFY(comparer->markText().startsWith(u"a at "_s));
    QSignalSpy opened(comparer, &MessageComparer::dialogOpened);
    comparer->compareWithMark(rowOf(u"b"_s));
    QVERIFY(opened.count() > 0 || opened.wait(kWait));
    auto *dialog = opened.first().first().value<PayloadDiffDialog *>();
    QSignalSpy compared(dialog, &PayloadDiffDialog::compared);
    QVERIFY(compared.count() > 0 || compared.wait(kWait));
    QCOMPARE(dialog->mode(), PayloadDiffMode::Hex);
    delete dialog;
}

void TestStreamInspector::nothingToCompareWith()
{
    QVERIFY(m_store->store({StreamTestStore::message(u"only/once"_s, "1")}));
    openView();
    QSignalSpy failed(m_view->comparer(), &MessageComparer::failed);
    m_view->comparer()->compareWithPrevious(rowOf(u"only/once"_s));
    QVERIFY(failed.count() > 0 || failed.wait(kWait));
    QVERIFY(failed.first().first().toString().contains(u"no earlier message"_s));
    QCOMPARE(m_prompts->count(Prompts::Kind::Warning), 1);
    m_view->comparer()->compareWithMark(rowOf(u"only/once"_s));
    QCOMPARE(failed.size(), 2);
}

void TestStreamInspector::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestStreamInspector::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(*qApp, language).startsWith(language));
    QList<StoredMessage> messages;
    for (int i = 0; i < 3; ++i) {
        messages.append(StreamTestStore::message(u"camera/door/frame"_s, png(640 - 80 * i, 480)));
        messages.append(StreamTestStore::message(u"camera/door/motion"_s,
                                                 R"({"motion":true,"zone":"entrance"})"));
    }
    QVERIFY(m_store->store(messages));
    openView();
    m_view->resize(1280, 800);
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_model->index(row).data(MessageStreamModel::ThumbnailRole);
    const int last = rowOf(u"camera/door/frame"_s, 2);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_model->index(last).data(MessageStreamModel::ThumbnailRole).value<QImage>().isNull(),
        kWait);
    m_view->listView()->scrollToBottom();
    QCoreApplication::processEvents();
    const QImage image = m_view->grab().toImage();
    const QStringList problems =
        ScreenshotCheck::problems(m_view.get(), image, {m_view->listView()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(ScreenshotCheck::themed(
            QDir(dir).filePath(u"stream-pictures-%1.png"_s.arg(language)))));
    }
}

} // namespace mqttdesk

QTEST_MAIN(mqttdesk::TestStreamInspector)
#include "tst_stream_inspector.moc"
