// The Packets tab over the path a user takes: a real mosquitto (the fixture), the app's
// ConnectionServices and ConnectionView, and the view's own Packets tab. The connection
// traces only while the tab is shown; a QoS 2 message published to a topic the view
// subscribes to at QoS 2 shows both exchanges, every step with its round-trip time; the type
// and topic filters, Export… (through the prompt seam), Pause and Clear do what they say.
// Saves packets-en.png (1280x800) to $MQTTDESK_SCREENSHOT_DIR, else beside the test binary,
// after ScreenshotCheck found nothing wrong with it.
#include "core/connection/connection.h"
#include "core/packettrace/packet_trace_filter_model.h"
#include "core/packettrace/packet_trace_json.h"
#include "core/packettrace/packet_trace_model.h"
#include "core/workspace/connection_services.h"
#include "tests/fixture/test_broker.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "tests/support/scripted_prompts.h"
#include "ui/i18n/language.h"
#include "ui/packettrace/packet_inspector_view.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/theme/theme.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>

using namespace mqttdesk;

namespace {

constexpr int kWait = 15000;

QString unique(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

// The rows the table shows (through the filter) of this type and direction.
QList<int> shownRows(const PacketInspectorView *view, PacketType type, PacketDirection direction)
{
    QList<int> rows;
    const QAbstractItemModel *table = view->shownModel();
    for (int row = 0; row < table->rowCount(); ++row) {
        const int source = view->modelRow(row);
        const PacketTraceEntry &e = view->model()->record(source).entry;
        if (e.type == type && e.direction == direction)
            rows << row;
    }
    return rows;
}

QString shown(const PacketInspectorView *view, int row, int column)
{
    return view->shownModel()->index(row, column).data().toString();
}

} // namespace

class TestPacketInspectorView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_broker.stop(); }
    void init();
    void cleanup();
    void tracesOnlyWhileShown();
    void qos2RowsWithRtt();
    void filtersExportPauseClear();
    void namedAndReachableByKeyboard();

private:
    void showPackets();
    void subscribeAtQos2(const QString &filter);
    void publishQos2AndWait(const QString &topic);

    TestBroker m_broker;
    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<ConnectionServices> m_services;
    std::unique_ptr<ConnectionView> m_view;
    QString m_topic;
};

void TestPacketInspectorView::initTestCase()
{
    Language::install(*qApp, QStringLiteral("en"));
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestPacketInspectorView::init()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
    ConnectionSettings settings;
    settings.name = QStringLiteral("Local mosquitto");
    settings.transport.kind = TransportOptions::Kind::Tcp;
    settings.transport.host = TestBroker::host();
    settings.transport.port = m_broker.port(TestBroker::Listener::Plain);
    settings.transport.connectTimeoutMs = 5000;
    settings.session.version = ProtocolVersion::V5;
    settings.session.clientId = unique(QStringLiteral("desk-packets-"));
    settings.session.keepAliveSeconds = 0; // no keep alive PINGREQ among the counted rows
    settings.session.reconnect.enabled = false;
    ConnectionServices::Options options;
    options.profileId = 1;
    options.writer = m_store->writer();
    options.databasePath = m_store->path();
    m_services = std::make_unique<ConnectionServices>(settings, options);
    ConnectionView::Context context;
    context.services = m_services.get();
    context.version = ProtocolVersion::V5;
    m_view = std::make_unique<ConnectionView>(context);
    m_view->resize(1280, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_topic = unique(QStringLiteral("plant/line1/"));
}

void TestPacketInspectorView::cleanup()
{
    if (m_services && m_services->connection()->state() != SessionState::Disconnected) {
        m_services->connection()->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Disconnected,
                                  kWait);
    }
    m_view.reset();
    m_services.reset();
    m_store.reset();
}

void TestPacketInspectorView::showPackets()
{
    PacketInspectorView *packets = m_view->packetInspector();
    QVERIFY(packets);
    m_view->views()->setCurrentWidget(packets);
    QTRY_VERIFY(packets->isVisible());
    QVERIFY(packets->isTracing());
    QCOMPARE(m_view->views()->tabText(m_view->views()->currentIndex()), QStringLiteral("Packets"));
}

void TestPacketInspectorView::subscribeAtQos2(const QString &filter)
{
    SubscriptionPanel *panel = m_view->subscriptionPanel();
    panel->filterEdit()->setText(filter);
    panel->qosBox()->setCurrentIndex(2);
    QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    const int row = m_view->subscriptions()->rowOfFilter(filter);
    QVERIFY(row >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_view->subscriptions()->at(row).state),
                              int(SubscriptionEntry::State::Active), kWait);
}

void TestPacketInspectorView::publishQos2AndWait(const QString &topic)
{
    PacketInspectorView *packets = m_view->packetInspector();
    const int before = int(shownRows(packets, PacketType::Pubcomp, PacketDirection::Sent).size());
    PublishPacket message;
    message.topic = topic;
    message.payload = QByteArrayLiteral("{\"temp\":21.5}");
    message.qos = QoS::ExactlyOnce;
    m_view->publish(message);
    // Our PUBCOMP answers the broker's PUBREL: the last packet of both exchanges.
    QTRY_COMPARE_WITH_TIMEOUT(
        int(shownRows(packets, PacketType::Pubcomp, PacketDirection::Sent).size()), before + 1,
        kWait);
    QTRY_COMPARE_WITH_TIMEOUT(
        int(shownRows(packets, PacketType::Pubcomp, PacketDirection::Received).size()), before + 1,
        kWait);
}

void TestPacketInspectorView::tracesOnlyWhileShown()
{
    PacketInspectorView *packets = m_view->packetInspector();
    QVERIFY(packets);
    QVERIFY(!packets->isVisible()); // the stream is the first tab
    QVERIFY(!packets->isTracing());
    m_services->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Connected, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->publishBar()->isConnected(), kWait);
    // Nothing was traced while the tab was hidden: the CONNECT went by unseen.
    showPackets();
    QCOMPARE(packets->model()->rowCount(), 0);
    QSignalSpy pinged(m_services->connection(), &Connection::pingFinished);
    // The answer comes on the connection's thread and may be recorded before a wait() would
    // start: count, do not wait for a next one.
    m_services->connection()->ping();
    QTRY_COMPARE_WITH_TIMEOUT(pinged.size(), 1, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(packets->model()->rowCount(), 2, kWait);
    QCOMPARE(shown(packets, 0, PacketTraceModel::Type), QStringLiteral("PINGREQ"));
    QCOMPARE(shown(packets, 1, PacketTraceModel::Type), QStringLiteral("PINGRESP"));
    QVERIFY(shown(packets, 1, PacketTraceModel::Rtt).endsWith(QStringLiteral(" ms")));
    // Another tab: tracing stops, and a ping adds nothing; back again, it traces again.
    m_view->views()->setCurrentWidget(m_view->streamView());
    QVERIFY(!packets->isTracing());
    m_services->connection()->ping();
    QTRY_COMPARE_WITH_TIMEOUT(pinged.size(), 2, kWait);
    showPackets();
    m_services->connection()->ping();
    QTRY_COMPARE_WITH_TIMEOUT(pinged.size(), 3, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(packets->model()->rowCount(), 4, kWait);
    QCOMPARE(shown(packets, 2, PacketTraceModel::Type), QStringLiteral("PINGREQ"));
    QCOMPARE(shown(packets, 3, PacketTraceModel::Type), QStringLiteral("PINGRESP"));
}

void TestPacketInspectorView::qos2RowsWithRtt()
{
    showPackets();
    PacketInspectorView *packets = m_view->packetInspector();
    m_services->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Connected, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(
        !shownRows(packets, PacketType::Connack, PacketDirection::Received).isEmpty(), kWait);
    subscribeAtQos2(m_topic);
    publishQos2AndWait(m_topic);

    // Ours: PUBLISH, PUBREC, PUBREL, PUBCOMP, each with its RTT; the broker's the same way.
    for (const PacketDirection ours : {PacketDirection::Sent, PacketDirection::Received}) {
        const PacketDirection theirs =
            ours == PacketDirection::Sent ? PacketDirection::Received : PacketDirection::Sent;
        const QList<int> publishes = shownRows(packets, PacketType::Publish, ours);
        QCOMPARE(publishes.size(), 1);
        const int publish = publishes.first();
        QCOMPARE(shown(packets, publish, PacketTraceModel::Topic), m_topic);
        QCOMPARE(shown(packets, publish, PacketTraceModel::Qos), QStringLiteral("2"));
        const QString id = shown(packets, publish, PacketTraceModel::PacketId);
        QVERIFY(!id.isEmpty());
        const QList<int> steps{shownRows(packets, PacketType::Pubrec, theirs).value(0, -1),
                               shownRows(packets, PacketType::Pubrel, ours).value(0, -1),
                               shownRows(packets, PacketType::Pubcomp, theirs).value(0, -1)};
        int previous = publish;
        for (const int row : steps) {
            QVERIFY(row > previous);
            QCOMPARE(shown(packets, row, PacketTraceModel::PacketId), id);
            const QString rtt = shown(packets, row, PacketTraceModel::Rtt);
            QVERIFY2(rtt.endsWith(QStringLiteral(" ms")) || rtt.endsWith(QStringLiteral(" s")),
                     qPrintable(rtt));
            QVERIFY(packets->shownModel()
                        ->index(row, PacketTraceModel::Rtt)
                        .data(PacketTraceModel::RttUsRole)
                        .toLongLong() >= 0);
            previous = row;
        }
        // The PUBLISH row shows the whole exchange's time once it ended.
        QTRY_VERIFY_WITH_TIMEOUT(!shown(packets, publish, PacketTraceModel::Rtt).isEmpty(), kWait);
    }
    const QString size =
        shown(packets, shownRows(packets, PacketType::Publish, PacketDirection::Sent).first(),
              PacketTraceModel::Size);
    QVERIFY(size.toInt() > 13); // the payload and the topic, at least
    QTRY_VERIFY_WITH_TIMEOUT(
        packets->gaugeLabel()->text().startsWith(QStringLiteral("In flight 0 / ")), kWait);
    QVERIFY(packets->gaugeLabel()->text().endsWith(QStringLiteral("(Receive Maximum)")));
    QVERIFY(packets->queueLabel()->text().startsWith(QStringLiteral("Queued ")));

    // A few more messages for the picture, then the picture itself.
    for (int i = 0; i < 3; ++i)
        publishQos2AndWait(m_topic);
    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR").isEmpty()
                            ? QCoreApplication::applicationDirPath()
                            : qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    QVERIFY(QDir().mkpath(dir));
    QCoreApplication::processEvents();
    const QImage image = m_view->grab().toImage();
    const QStringList problems = ScreenshotCheck::problems(
        m_view.get(), image,
        {packets->table(), packets->gaugeLabel(), packets->typesButton(),
         packets->topicFilterEdit(), packets->exportButton(), packets->pauseButton()});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const QString path =
        ScreenshotCheck::themed(QDir(dir).filePath(QStringLiteral("packets-en.png")));
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));

    // The same view in Chinese: the language switch reaches every text at once.
    Language::install(*qApp, QStringLiteral("zh_CN"));
    const auto english = qScopeGuard([] { Language::install(*qApp, QStringLiteral("en")); });
    QCoreApplication::processEvents();
    QVERIFY(!packets->gaugeLabel()->text().startsWith(QStringLiteral("In flight")));
    // The taller CJK lines take a relayout (posted): look again until it has run.
    QImage chinese;
    QStringList chineseProblems;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (chinese = m_view->grab().toImage(),
         chineseProblems = ScreenshotCheck::problems(
             m_view.get(), chinese,
             {packets->table(), packets->gaugeLabel(), packets->typesButton(),
              packets->topicFilterEdit(), packets->exportButton(), packets->pauseButton()}),
         chineseProblems.isEmpty()),
        qPrintable(chineseProblems.join(QLatin1Char('\n'))), 5000);
    const QString zhPath =
        ScreenshotCheck::themed(QDir(dir).filePath(QStringLiteral("packets-zh_CN.png")));
    QVERIFY2(chinese.save(zhPath), qPrintable(zhPath));
}

void TestPacketInspectorView::filtersExportPauseClear()
{
    showPackets();
    PacketInspectorView *packets = m_view->packetInspector();
    m_services->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Connected, kWait);
    subscribeAtQos2(m_topic);
    publishQos2AndWait(m_topic);
    const int all = packets->shownModel()->rowCount();

    // Types: PUBLISH unticked in the menu.
    QAction *publishType = nullptr;
    for (QAction *action : packets->typesMenu()->actions()) {
        if (action->text() == QStringLiteral("PUBLISH"))
            publishType = action;
    }
    QVERIFY(publishType);
    // Unfiltered, the table reads the model itself (no proxy mapping every row of a flood);
    // a filter puts the proxy in between, keeping the columns as they were.
    QAbstractItemModel *const model = packets->model();
    QAbstractItemModel *const filter = packets->filterModel();
    QCOMPARE(packets->table()->model(), model);
    packets->table()->setColumnWidth(PacketTraceModel::Type, 123);
    publishType->trigger();
    QCOMPARE(packets->table()->model(), filter);
    QCOMPARE(packets->table()->columnWidth(PacketTraceModel::Type), 123);
    QVERIFY(shownRows(packets, PacketType::Publish, PacketDirection::Sent).isEmpty());
    QCOMPARE(packets->typesButton()->text(), QStringLiteral("Types: 14 of 15"));
    packets->typesMenu()->actions().first()->trigger(); // Show all types
    QCOMPARE(packets->table()->model(), model);
    QCOMPARE(packets->table()->columnWidth(PacketTraceModel::Type), 123);
    QCOMPARE(packets->shownModel()->rowCount(), all);
    QCOMPARE(packets->typesButton()->text(), QStringLiteral("Types: all"));

    // Topic: the exchanges about the topic, acknowledgements included (8 packets), and the
    // SUBSCRIBE and SUBACK of its filter.
    QTest::keyClicks(packets->topicFilterEdit(), m_topic.section(QLatin1Char('/'), -1));
    QCOMPARE(packets->shownModel()->rowCount(), 10);

    // Export… writes the rows shown.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("packets.jsonl"));
    {
        ScriptedPrompts prompts;
        prompts.nextFile(path);
        QTest::mouseClick(packets->exportButton(), Qt::LeftButton);
        QCOMPARE(prompts.count(Prompts::Kind::SaveFile), 1);
        QCOMPARE(prompts.count(Prompts::Kind::Warning), 0);
    }
    QList<PacketTraceRecord> exported;
    QCOMPARE(PacketTraceJson::load(path, &exported), QString());
    QCOMPARE(exported.size(), 10);
    QCOMPARE(exported.first().entry.type, PacketType::Subscribe);
    // An unwritable file is named in a warning.
    {
        ScriptedPrompts prompts;
        const QString bad = dir.filePath(QStringLiteral("missing/dir/packets.jsonl"));
        prompts.nextFile(bad);
        QTest::mouseClick(packets->exportButton(), Qt::LeftButton);
        QVERIFY(prompts.last(Prompts::Kind::Warning).text.contains(bad));
    }
    packets->topicFilterEdit()->clear();
    QCOMPARE(packets->shownModel()->rowCount(), all);

    // Paused: nothing more is listed, but the exchange is still followed.
    QTest::mouseClick(packets->pauseButton(), Qt::LeftButton);
    QVERIFY(packets->model()->isPaused());
    QCOMPARE(packets->pauseButton()->text(), QStringLiteral("Resume"));
    QSignalSpy gauge(packets->model(), &PacketTraceModel::gaugeChanged);
    PublishPacket message;
    message.topic = m_topic;
    message.qos = QoS::ExactlyOnce;
    QSignalSpy finished(m_services->connection(), &Connection::publishFinished);
    m_view->publish(message);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWait); // may come before a wait() starts
    QTRY_VERIFY_WITH_TIMEOUT(!gauge.isEmpty(), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(packets->model()->inFlight(), 0, kWait);
    QCOMPARE(packets->model()->rowCount(), all);
    QTest::mouseClick(packets->pauseButton(), Qt::LeftButton);
    QVERIFY(!packets->model()->isPaused());

    // Clear empties the table.
    QTest::mouseClick(packets->clearButton(), Qt::LeftButton);
    QCOMPARE(packets->model()->rowCount(), 0);
    QCOMPARE(packets->shownModel()->rowCount(), 0);
}

void TestPacketInspectorView::namedAndReachableByKeyboard()
{
    showPackets();
    PacketInspectorView *packets = m_view->packetInspector();
    // Every control a keyboard reaches has a name a screen reader says, and a tooltip.
    const QList<QWidget *> controls{packets->typesButton(),  packets->topicFilterEdit(),
                                    packets->pauseButton(),  packets->clearButton(),
                                    packets->exportButton(), packets->table()};
    for (QWidget *w : controls) {
        QVERIFY2(w->focusPolicy() & Qt::TabFocus, w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        if (w != packets->table())
            QVERIFY2(!w->toolTip().isEmpty(), w->metaObject()->className());
    }
    QVERIFY(!packets->gaugeLabel()->accessibleName().isEmpty());
    // Tab walks them in order, from the types menu to the table.
    packets->typesButton()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(packets->typesButton()));
    for (int i = 1; i < controls.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), controls.at(i));
    }
    // Space toggles Pause from the keyboard.
    packets->pauseButton()->setFocus();
    QTest::keyClick(packets->pauseButton(), Qt::Key_Space);
    QVERIFY(packets->model()->isPaused());
    QCOMPARE(packets->pauseButton()->accessibleName(), QStringLiteral("Pause the packet list"));
    QTest::keyClick(packets->pauseButton(), Qt::Key_Space);
    QVERIFY(!packets->model()->isPaused());
    QCOMPARE(m_view->views()->tabToolTip(m_view->views()->currentIndex()).isEmpty(), false);
}

QTEST_MAIN(TestPacketInspectorView)
#include "tst_packet_inspector_view.moc"
