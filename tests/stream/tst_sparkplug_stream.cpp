// Sparkplug B in the stream: with a `spBv1.0/#` rule, each stored message is shown as a host
// sees it, from the history alone: metrics by the names their births declared, a sequence
// gap, data after a death, births and deaths as states. Also when the births are far back in
// the history (not loaded; as after a restart), and in screenshots, English and Chinese.
#include "core/payload/decoder_registry.h"
#include "core/sparkplug/sparkplug_decoder.h"
#include "tests/sparkplug/sparkplug_payloads.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "ui/i18n/language.h"
#include "ui/stream/message_bubble_delegate.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/stream/payload_viewer_dialog.h"
#include "ui/stream/stream_payload_loader.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QListView>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QTest>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace mqttdesk {

class TestSparkplugStream : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void anEdgeNodesLifeAsAHostSeesIt();
    void birthsFarBackAreReadFromStorage();
    void showAllShowsTheContextToo();
    void largePayloadsAreDecodedWholeWithTheirContext();
    void warningsShowAsABadge();
    void screenshots_data();
    void screenshots();

private:
    void openView(int pageSize = 200);
    QString previewOf(const QString &topic, int nth = 0) const;

    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<MessageHistory> m_history;
    std::unique_ptr<MessageStreamModel> m_model;
    std::unique_ptr<MessageStreamView> m_view;
};

namespace {

constexpr int kWait = 20000;

DecodingRules sparkplugRules()
{
    DecodingRules rules;
    rules.append({u"spBv1.0/#"_s, u"sparkplug"_s, {}});
    return rules;
}

QList<StoredMessage> life(const QString &group)
{
    QList<StoredMessage> messages;
    for (const SparkplugPayloads::Step &step : SparkplugPayloads::life(group))
        messages << StreamTestStore::message(step.topic, step.payload);
    return messages;
}

} // namespace

void TestSparkplugStream::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    SparkplugDecoder::registerIn(DecoderRegistry::instance());
}

void TestSparkplugStream::init()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
}

void TestSparkplugStream::cleanup()
{
    Language::install(*qApp, u"en"_s);
    m_view.reset();
    m_model.reset();
    m_history.reset();
    m_store.reset();
}

void TestSparkplugStream::openView(int pageSize)
{
    m_history = m_store->history();
    QVERIFY(m_history);
    m_model = std::make_unique<MessageStreamModel>(m_history.get(), m_store->path());
    m_model->setPageSize(pageSize);
    m_model->setDecodingRules(sparkplugRules());
    m_model->followTail();
    m_view = std::make_unique<MessageStreamView>(m_model.get(), 1);
    m_view->resize(1280, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() > 0 && !m_model->isLoading(), kWait);
}

QString TestSparkplugStream::previewOf(const QString &topic, int nth) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->rowAt(row)->message.topic == topic && nth-- == 0)
            return m_model->index(row).data(MessageStreamModel::PreviewRole).toString();
    }
    return {};
}

void TestSparkplugStream::anEdgeNodesLifeAsAHostSeesIt()
{
    QVERIFY(m_store->store(life(u"plant"_s)));
    openView();
    const QString ddata = u"spBv1.0/plant/DDATA/node-1/pump-1"_s;
    const QString ndata = u"spBv1.0/plant/NDATA/node-1"_s;
    // DDATA naming its metrics by alias: the names come from the DBIRTH before it.
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ddata, 0).contains(u"\"Pressure\""_s), kWait);
    QVERIFY(previewOf(ddata, 0).contains(u"\"Offset\""_s));
    QVERIFY(!previewOf(ddata, 0).contains(u"warnings"_s));
    // seq 3 never came.
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ddata, 1).contains(u"sequence gap: expected 3, got 4"_s),
                             kWait);
    // NDATA by the node's alias.
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ndata, 0).contains(u"\"Temperature\""_s), kWait);
    // The device's death, and its data afterwards.
    QTRY_VERIFY_WITH_TIMEOUT(
        previewOf(u"spBv1.0/plant/DDEATH/node-1/pump-1"_s).contains(u"offline"_s), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ddata, 2).contains(u"DDATA before the device's DBIRTH"_s),
                             kWait);
    // The node's death; its data afterwards.
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ndata, 1).contains(u"NDATA before the node's NBIRTH"_s),
                             kWait);
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(u"spBv1.0/plant/NBIRTH/node-1"_s).contains(u"online"_s),
                             kWait);

    // Another rule, then this one again: shown again from storage, the same way.
    m_model->setDecodingRules({});
    QVERIFY(!previewOf(ddata, 1).contains(u"sequence gap"_s));
    m_model->setDecodingRules(sparkplugRules());
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ddata, 1).contains(u"sequence gap: expected 3, got 4"_s),
                             kWait);
}

void TestSparkplugStream::birthsFarBackAreReadFromStorage()
{
    // The births, then much else, then the node's data: only the newest page is loaded (as
    // after a restart with a long history), yet the names and the sequence hold.
    const QList<StoredMessage> steps = life(u"plant"_s);
    QList<StoredMessage> messages{steps.at(0), steps.at(1)};
    for (int i = 0; i < 60; ++i)
        messages << StreamTestStore::message(u"plant/other/%1"_s.arg(i), "noise");
    messages << steps.at(2) << steps.at(3);
    QVERIFY(m_store->store(messages));
    openView(10);
    QCOMPARE(previewOf(u"spBv1.0/plant/DBIRTH/node-1/pump-1"_s), QString()); // not loaded
    const QString ddata = u"spBv1.0/plant/DDATA/node-1/pump-1"_s;
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ddata, 0).contains(u"\"Pressure\""_s), kWait);
    QVERIFY(!previewOf(ddata, 0).contains(u"before"_s));
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ddata, 1).contains(u"sequence gap: expected 3, got 4"_s),
                             kWait);
}

void TestSparkplugStream::showAllShowsTheContextToo()
{
    QVERIFY(m_store->store(life(u"plant"_s)));
    openView();
    int row = -1;
    for (int r = 0, seen = 0; r < m_model->rowCount(); ++r) {
        if (m_model->rowAt(r)->message.topic == u"spBv1.0/plant/DDATA/node-1/pump-1"_s &&
            seen++ == 1)
            row = r;
    }
    QVERIFY(row >= 0);
    m_view->showAll(row);
    PayloadViewerDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<PayloadViewerDialog *>()) != nullptr);
    // The names from the DBIRTH and the gap, as in the bubble.
    QTRY_VERIFY_WITH_TIMEOUT(
        dialog->editor()->toPlainText().contains(u"sequence gap: expected 3, got 4"_s), kWait);
    QVERIFY(dialog->editor()->toPlainText().contains(u"\"Running\""_s));
    delete dialog;
}

void TestSparkplugStream::largePayloadsAreDecodedWholeWithTheirContext()
{
    // DDATA by alias with a long log line: over 64 KB it stays in storage's side table, and a
    // prefix of it is no Sparkplug B payload. Read whole, decoded on a worker, named by the
    // births before it. Above the bound the bubble says it is not decoded here, and why.
    const auto ddata = [](int seq, qsizetype logBytes) {
        const QByteArray text = "timestamp: 1733400001000 seq: " + QByteArray::number(seq) +
                                R"( metrics { alias: 10 datatype: 10 double_value: 4.5 }
                                    metrics { alias: 12 datatype: 2 int_value: 65534 }
                                    metrics { name: "Log" datatype: 12 string_value: ")" +
                                QByteArray(logBytes, 'x') + "\" }";
        return SparkplugPayloads::make(text.constData());
    };
    const QList<StoredMessage> steps = life(u"plant"_s);
    const QString topic = u"spBv1.0/plant/DDATA/node-1/pump-1"_s;
    QVERIFY(m_store->store(
        {steps.at(0), steps.at(1), StreamTestStore::message(topic, ddata(2, 100 * 1024)),
         StreamTestStore::message(topic, ddata(3, StreamPayloadLoader::kMaxDecodeBytes))}));
    openView();
    QVERIFY(m_model->rowAt(2)->message.payloadDeferred);
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(topic, 0).contains(u"\"Pressure\""_s), kWait);
    QVERIFY(previewOf(topic, 0).contains(u"\"Offset\""_s));
    QVERIFY(previewOf(topic, 0).contains(u"\"name\": \"Log\""_s));
    QVERIFY(previewOf(topic, 0).contains(u"\"value\": \"xxxx"_s));
    QVERIFY2(!previewOf(topic, 0).contains(u"warnings"_s), qPrintable(previewOf(topic, 0)));
    QVERIFY(!previewOf(topic, 0).contains(u"Not a valid"_s));
    QTRY_VERIFY_WITH_TIMEOUT(
        previewOf(topic, 1).startsWith(
            u"Too large to decode as Sparkplug B in the stream: Show all decodes it.\n"_s),
        kWait);
    QVERIFY(!previewOf(topic, 1).contains(u"Not a valid"_s));
}

void TestSparkplugStream::warningsShowAsABadge()
{
    // What the context flags is in the bubble's JSON, and as a badge in its header with the
    // warnings as its tooltip and in what a screen reader says; a death is flagged too.
    QVERIFY(m_store->store(life(u"plant"_s)));
    openView();
    const QString ddata = u"spBv1.0/plant/DDATA/node-1/pump-1"_s;
    QTRY_VERIFY_WITH_TIMEOUT(previewOf(ddata, 1).contains(u"sequence gap: expected 3, got 4"_s),
                             kWait);
    const auto rowOf = [this](const QString &topic, int nth) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->rowAt(row)->message.topic == topic && nth-- == 0)
                return row;
        }
        return -1;
    };
    const auto warnings = [this](int row) {
        return m_model->index(row).data(MessageStreamModel::WarningsRole).toStringList();
    };
    const int gap = rowOf(ddata, 1);
    QCOMPARE(warnings(gap), QStringList{u"sequence gap: expected 3, got 4"_s});
    QVERIFY(warnings(rowOf(ddata, 0)).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(warnings(rowOf(u"spBv1.0/plant/DDEATH/node-1/pump-1"_s, 0)),
                              QStringList{u"DDEATH: the device went offline"_s}, kWait);
    QVERIFY(m_model->index(gap)
                .data(Qt::AccessibleTextRole)
                .toString()
                .endsWith(u". Sparkplug B warning: sequence gap: expected 3, got 4"_s));

    // The badge: found in the header, where the tooltip lists the warnings.
    MessageBubbleDelegate delegate;
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.rect = QRect(0, 0, 1000, 200);
    option.rect.setHeight(delegate.sizeHint(option, m_model->index(gap)).height());
    QPoint badge;
    for (int x = 0; x < option.rect.width() && badge.isNull(); ++x) {
        for (int y = 0; y < 24 && badge.isNull(); ++y) {
            if (delegate.hitTest(option.rect, m_model->index(gap), {x, y}) ==
                MessageBubbleDelegate::Hit::Warnings)
                badge = {x, y};
        }
    }
    QVERIFY(!badge.isNull());
    QVERIFY(delegate.hitTest(option.rect, m_model->index(rowOf(ddata, 0)), badge) !=
            MessageBubbleDelegate::Hit::Warnings);
    QHelpEvent help(QEvent::ToolTip, badge, m_view->listView()->viewport()->mapToGlobal(badge));
    QVERIFY(delegate.helpEvent(&help, m_view->listView(), option, m_model->index(gap)));
    QTRY_COMPARE(QToolTip::text(), u"Sparkplug B warning:\nsequence gap: expected 3, got 4"_s);
    QToolTip::hideText();
}

void TestSparkplugStream::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestSparkplugStream::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(*qApp, language).startsWith(language));
    QVERIFY(m_store->store(life(u"plant"_s)));
    openView();
    // Every message with its context (the warnings are in the UI's language).
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_model->index(row).data(MessageStreamModel::PreviewRole);
    QTRY_VERIFY_WITH_TIMEOUT(
        previewOf(u"spBv1.0/plant/NDATA/node-1"_s, 1).contains(u"\"warnings\""_s), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(
        previewOf(u"spBv1.0/plant/DDATA/node-1/pump-1"_s, 1).contains(u"\"warnings\""_s), kWait);
    m_view->listView()->scrollTo(m_model->index(1));
    QCoreApplication::processEvents();
    const QImage image = m_view->grab().toImage();
    const QStringList problems =
        ScreenshotCheck::problems(m_view.get(), image, {m_view->listView()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(image.save(ScreenshotCheck::themed(
            QDir(dir).filePath(u"sparkplug-stream-%1.png"_s.arg(language)))));
    }
}

} // namespace mqttdesk

QTEST_MAIN(mqttdesk::TestSparkplugStream)
#include "tst_sparkplug_stream.moc"
