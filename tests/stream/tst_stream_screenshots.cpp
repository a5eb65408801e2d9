// Renders a connection's stream after a mixed flood (JSON short and long, text, logs, binary,
// a long topic, a 1 MB payload; received and published), as bubbles and in compact mode, at
// 1280x800 and 1920x1080, in English and Chinese. At 1280x800 at least 15 bubbles and 25
// compact rows must be in sight, whole. The images go to
// $MQTTDESK_SCREENSHOT_DIR (e.g. docs/screenshots) when set, else to a temporary directory;
// either way each must be a picture of the right size with the stream, the publish bar and
// the subscriptions shown in full (ScreenshotCheck).
#include "core/protocol/codec.h"
#include "core/workspace/connection_services.h"
#include "stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QListView>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace mqttdesk;

class TestStreamScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void stream_data();
    void stream();

private:
    QTemporaryDir m_tmp;
    QString m_out;
};

void TestStreamScreenshots::initTestCase()
{
    // MQTTDESK_SCREENSHOT_PALETTE=dark: the same pictures on a dark palette (theme check).
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    m_out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (m_out.isEmpty())
        m_out = m_tmp.path();
    QVERIFY(QDir().mkpath(m_out));
}

void TestStreamScreenshots::stream_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("compact");
    for (const bool compact : {false, true}) {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            for (const QSize &size : {QSize(1280, 800), QSize(1920, 1080)})
                QTest::newRow(
                    qPrintable(QStringLiteral("%1%2-%3x%4")
                                   .arg(compact ? QStringLiteral("compact-") : QString(), language)
                                   .arg(size.width())
                                   .arg(size.height())))
                    << language << size << compact;
        }
    }
}

static QList<StoredMessage> sampleMessages()
{
    using D = StoredMessage::Direction;
    QList<StoredMessage> list;
    auto add = [&list](const QString &topic, const QByteArray &payload, D d, int qos = 0,
                       bool retain = false, const Properties &props = {}) {
        StoredMessage m = StreamTestStore::message(topic, payload, d);
        m.qos = quint8(qos);
        m.retain = retain;
        if (!props.isEmpty())
            m.properties = encodeProperties(props);
        m.payloadSize = payload.size();
        if (d == D::Outgoing) // stored with how far the publish got
            m.publishStage = qos == 2 ? StoredMessage::PublishStage::Completed
                                      : StoredMessage::PublishStage::Acknowledged;
        list.append(m);
    };
    Properties json;
    json.setString(PropertyId::ContentType, QStringLiteral("application/json"));
    json.addUserProperty(QStringLiteral("site"), QStringLiteral("plant-3"));
    add(QStringLiteral("plant/line1/status"), "RUNNING", D::Incoming, 1, true);
    add(QStringLiteral("plant/line1/sensors/temperature"),
        R"({"sensor":"t-101","value":21.5,"unit":"°C","ok":true,"tags":["hall","north"]})",
        D::Incoming, 1, false, json);
    add(QStringLiteral("plant/line1/camera/frame"),
        QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61"),
        D::Incoming, 0);
    add(QStringLiteral("plant/line1/cmd"), R"({"action":"calibrate","sensor":"t-101"})",
        D::Outgoing, 2);
    add(QStringLiteral("plant/line2/log"),
        "2026-11-21 22:41:07 INFO conveyor speed set to 1.2 m/s\n"
        "2026-11-21 22:41:08 WARN belt tension high (87%)\n"
        "2026-11-21 22:41:09 INFO tension back to normal",
        D::Incoming, 0);
    add(QStringLiteral("plant/line2/sensors/humidity"), R"({"sensor":"h-7","value":48,"unit":"%"})",
        D::Incoming, 1);
    add(QStringLiteral("plant/line2/ping"), "ping", D::Outgoing, 1);
    add(QStringLiteral("plant/line1/sensors/vibration"), QByteArray("\x00\x12\x7f\xfe\x01\x02", 6),
        D::Incoming, 0);
    add(QStringLiteral("plant/line1/sensors/temperature"),
        R"({"sensor":"t-101","value":22.1,"unit":"°C","ok":true,"tags":["hall","north"]})",
        D::Incoming, 1, false, json);
    // The flood: mostly one-line readings, now and then a log, a long topic, a large object
    // and a 1 MB payload, the way a plant's broker sounds.
    QByteArray large = R"({"frames":[)";
    while (large.size() < 1024 * 1024)
        large += R"({"t":1732222222,"x":[0.125,0.25,0.5,1.0],"ok":true},)";
    large += "{}]}";
    for (int i = 0; i < 40; ++i) {
        const QString line = QStringLiteral("plant/line%1").arg(1 + i % 2);
        const QByteArray n = QByteArray::number(i);
        switch (i % 10) {
        case 3:
            add(line + QStringLiteral("/log"),
                "2026-11-21 22:42:" + QByteArray::number(10 + i) + " INFO cycle " + n +
                    " done\nnext cycle in 4 s",
                D::Incoming, 0);
            break;
        case 5:
            add(line + QStringLiteral("/area-north/building-7/floor-2/room-214/cabinet-B/rack-3/"
                                      "unit-12/sensors/temperature/probe-4/raw"),
                QByteArray::number(20.0 + i / 10.0), D::Incoming, 0);
            break;
        case 7:
            add(line + QStringLiteral("/cmd"), R"({"action":"ack","seq":)" + n + "}", D::Outgoing,
                1);
            break;
        case 8:
            add(line + QStringLiteral("/snapshot"),
                i == 38 ? large : QByteArray(R"({"state":"ok"})"), D::Incoming, 1);
            break;
        default:
            add(line + QStringLiteral("/sensors/temperature"),
                R"({"sensor":"t-10)" + QByteArray::number(i % 3) + R"(","value":)" +
                    QByteArray::number(21.0 + i / 8.0) + "}",
                D::Incoming, 1, false, i % 4 == 0 ? json : Properties{});
            if (i == 36)
                list.last().dup = true; // a QoS 1 redelivery after a cut: shown with DUP
        }
    }
    return list;
}

void TestStreamScreenshots::stream()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QFETCH(bool, compact);
    QTranslator translator;
    if (language != QLatin1String("en")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/mqttdesk_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
    }
    // Also when a check fails: the next row must not start in this language.
    const auto uninstall =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    StreamTestStore store;
    QVERIFY(store.isReady());
    const QList<StoredMessage> messages = sampleMessages();
    QVERIFY(store.store(messages));

    ConnectionServices::Options options;
    options.writer = store.writer();
    options.databasePath = store.path();
    options.profileId = 1;
    ConnectionServices services(ConnectionSettings{}, options); // never connected here
    ConnectionView::Context context;
    context.services = &services;
    {
        ConnectionView view(context);
        QJsonArray subs;
        auto sub = [&subs](const QString &filter, const QString &alias, int qos) {
            QJsonObject o;
            o.insert(QStringLiteral("filter"), filter);
            o.insert(QStringLiteral("alias"), alias);
            o.insert(QStringLiteral("qos"), qos);
            subs.append(o);
        };
        sub(QStringLiteral("plant/line1/#"), QStringLiteral("Line 1"), 1);
        sub(QStringLiteral("plant/line2/#"), QStringLiteral("Line 2"), 0);
        sub(QStringLiteral("plant/+/camera/#"), QString(), 0);
        view.restoreSubscriptions(subs);
        MessageStreamModel *model = view.streamModel();
        // Pages load off the GUI thread.
        QTRY_COMPARE(model->rowCount(), int(messages.size()));
        QTRY_VERIFY(!model->isLoading());
        model->setExpanded(1, true);
        view.streamView()->setCompact(compact);
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QListView *list = view.streamView()->listView();
        list->scrollToBottom();
        QCoreApplication::processEvents();
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), size * view.devicePixelRatio());
        // The stream with its bubbles, the publish bar and the subscriptions: shown, inside
        // the view, not cut off; and a colourful picture (bubbles, subscription colours).
        const QStringList problems = ScreenshotCheck::problems(
            &view, image,
            {view.streamView(), list, view.publishBar(), view.subscriptionPanel(),
             view.subscriptionPanel()->listView()},
            20);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // The newest message is in sight at the bottom of the list.
        const QModelIndex newest = model->index(model->rowCount() - 1);
        QVERIFY(list->viewport()->rect().intersects(list->visualRect(newest)));
        // Dense: this many messages in sight, whole (a row cut at the top does not count).
        int whole = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            whole += list->viewport()->rect().contains(list->visualRect(model->index(row)));
        if (size == QSize(1280, 800))
            QVERIFY2(whole >= (compact ? 25 : 15), qPrintable(QString::number(whole)));
        const QString file = QDir(m_out).filePath(
            QStringLiteral("stream-%1%2-%3x%4.png")
                .arg(compact ? QStringLiteral("compact-") : QString(), language)
                .arg(size.width())
                .arg(size.height()));
        QVERIFY(image.save(ScreenshotCheck::themed(file)));
    }
}

QTEST_MAIN(TestStreamScreenshots)
#include "tst_stream_screenshots.moc"
