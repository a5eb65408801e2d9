// Renders a connection's Publish tab (the template workbench) at 1280x800 over the real
// mosquitto fixture: a library of three collections, a selected template with variables and
// its preview, and a timed send running in the list below; then a request answered by
// tests/request's TestResponder beside a template whose outgoing script makes its preview.
// English and Chinese. The images go
// to $MQTTDESK_SCREENSHOT_DIR (docs/screenshots) when set, else to a temporary directory; each
// must be the window's size with the tree, the editor, the preview and the jobs table shown in
// full (ScreenshotCheck). MQTTDESK_SCREENSHOT_PALETTE=dark renders them on the dark palette.
#include "core/connection/connection.h"
#include "core/publish/template_library_store.h"
#include "core/publishjob/publish_job_list_model.h"
#include "core/request/request_client.h"
#include "core/workspace/connection_services.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"
#include "tests/request/test_responder.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/screenshot_check.h"
#include "ui/stream/connection_view.h"
#include "ui/theme/theme.h"
#include "ui/workbench/publish_jobs_view.h"
#include "ui/workbench/request_panel.h"
#include "ui/workbench/template_editor.h"
#include "ui/workbench/template_preview.h"
#include "ui/workbench/workbench_page.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>
#include <QUuid>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWait = 15000;

PublishTemplate item(const QString &name, const QString &topic, const QString &payload,
                     QoS qos = QoS::AtLeastOnce)
{
    PublishTemplate t;
    t.name = name;
    t.topic = topic;
    t.payload = payload;
    t.qos = qos;
    t.format = payload.startsWith(u'{') ? PayloadFormat::Json : PayloadFormat::Text;
    return t;
}

// Pump station (device and site variables), Lab bench, Office.
void fill(TemplateLibraryStore &store)
{
    TemplateCollection plant;
    plant.name = u"Pump station"_s;
    plant.variables = {{u"device"_s, u"pump-7"_s}, {u"site"_s, u"north"_s}};
    const qsizetype p = store.addCollection(plant);
    PublishTemplate start = item(u"Start pump"_s, u"plant/{{site}}/{{device}}/cmd"_s,
                                 u"{\n  \"cmd\": \"start\",\n  \"seq\": {{counter}},\n"
                                 "  \"at\": \"{{now}}\",\n  \"speed\": {{random 40 60}},\n"
                                 "  \"by\": \"{{client_id}}\"\n}"_s);
    start.properties.contentType = u"application/json"_s;
    start.properties.responseTopic = u"plant/{{site}}/{{device}}/ack"_s;
    start.properties.correlationData = u"{{uuid}}"_s;
    start.counter = 42;
    store.addTemplate(p, start);
    store.addTemplate(p, item(u"Stop pump"_s, u"plant/{{site}}/{{device}}/cmd"_s,
                              u"{\"cmd\": \"stop\", \"seq\": {{counter}}}"_s));
    store.addTemplate(p, item(u"Tank level reading"_s, u"plant/{{site}}/tank/level"_s,
                              u"{{random_float 0 5 2}}"_s, QoS::AtMostOnce));
    TemplateCollection lab;
    lab.name = u"Lab bench"_s;
    const qsizetype l = store.addCollection(lab);
    store.addTemplate(l, item(u"Calibrate sensor"_s, u"lab/sensor/cal"_s, u"zero"_s));
    store.addTemplate(l, item(u"Random mode"_s, u"lab/mode"_s, u"{{pick idle run test}}"_s));
    TemplateCollection office;
    office.name = u"Office"_s;
    const qsizetype o = store.addCollection(office);
    store.addTemplate(o, item(u"Lights on"_s, u"office/lights"_s, u"ON"_s));
}

} // namespace

class TestWorkbenchScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void workbench_data();
    void workbench();

private:
    // Saves `view` as `name` in the output directory and checks `keys` are shown in full.
    void shoot(QWidget &view, const QString &name, const QList<const QWidget *> &keys);

    TestBroker m_broker;
    QTemporaryDir m_tmp;
    QString m_out;
    bool m_dark = false;
};

void TestWorkbenchScreenshots::initTestCase()
{
    m_dark = qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark");
    if (m_dark)
        QApplication::setPalette(Theme::darkPalette());
    m_out = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    if (m_out.isEmpty())
        m_out = m_tmp.path();
    QVERIFY(QDir().mkpath(m_out));
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestWorkbenchScreenshots::cleanupTestCase()
{
    m_broker.stop();
}

void TestWorkbenchScreenshots::shoot(QWidget &view, const QString &name,
                                     const QList<const QWidget *> &keys)
{
    // The layouts the last change asked for (a longer button text) are done before the picture.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QImage image = view.grab().toImage();
    const QString file = QDir(m_out).filePath(name);
    QVERIFY(image.save(file));
    qInfo("wrote %s", qPrintable(file));
    const QStringList problems = ScreenshotCheck::problems(&view, image, keys);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestWorkbenchScreenshots::workbench_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s;
}

void TestWorkbenchScreenshots::workbench()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/mqttdesk_%1.qm"_s.arg(language)));
    QCoreApplication::installTranslator(&translator);
    const auto uninstall =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });

    QTemporaryDir dataDir;
    TemplateLibraryStore templates;
    QVERIFY(templates.load(dataDir.path()));
    fill(templates);
    StreamTestStore store;
    QVERIFY(store.isReady());
    QVERIFY(store.ensureProfile(1));
    ConnectionSettings settings;
    settings.name = u"Plant broker"_s;
    settings.transport.kind = TransportOptions::Kind::Tcp;
    settings.transport.host = TestBroker::host();
    settings.transport.port = m_broker.port(TestBroker::Listener::Plain);
    settings.session.version = ProtocolVersion::V5;
    settings.session.clientId = u"desk-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
    settings.session.reconnect.enabled = false;
    ConnectionServices::Options options;
    options.writer = store.writer();
    options.databasePath = store.path();
    options.profileId = 1;
    ConnectionServices services(settings, options);
    ConnectionView::Context context;
    context.services = &services;
    context.templates = &templates;
    context.connectionName = settings.name;
    context.clientId = settings.session.clientId;
    ConnectionView view(context);
    WorkbenchPage *page = view.workbenchPage();
    QVERIFY(page);
    view.views()->setCurrentWidget(page);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Connection *connection = services.connection();
    connection->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Connected, kWait);

    // A timed send of the level reading, running while the picture is taken.
    QVERIFY(page->selectTemplate(templates.collections().at(0).templates.at(2).id));
    PublishJobOptions job;
    job.intervalMs = 100;
    PublishJob *running = page->startJob(job);
    QVERIFY(running);
    QTRY_VERIFY_WITH_TIMEOUT(running->stats().acknowledged >= 5, kWait);
    // The start command selected, with its preview.
    QVERIFY(page->selectTemplate(templates.collections().at(0).templates.at(0).id));
    shoot(view, u"workbench-%1%2.png"_s.arg(language, m_dark ? u"-dark"_s : QString()),
          {page->tree(), page->editor()->topicEdit(), page->editor()->payloadEdit(),
           page->preview()->payloadView(), page->jobsView()->table()});
    if (QTest::currentTestFailed())
        return;
    page->jobs()->stopAll();

    // The second picture: a template whose outgoing script makes its preview.
    QVERIFY(page->selectTemplate(templates.collections().at(1).templates.at(1).id));
    page->editor()->propertiesToggle()->setChecked(false);
    page->editor()->scriptToggle()->setChecked(true);
    page->editor()->scriptEdit()->setPlainText(
        u"// A reading that changes every time\n"
        "return { mode: payload, level: +(Math.sin(counter / 5) * 50 + 50).toFixed(1),\n"
        "         t: Date.now() };"_s);
    QTRY_VERIFY_WITH_TIMEOUT(page->preview()->payloadText().contains(u"level"_s), kWait);
    shoot(view, u"workbench-script-%1%2.png"_s.arg(language, m_dark ? u"-dark"_s : QString()),
          {page->editor()->payloadEdit(), page->editor()->scriptEdit(),
           page->preview()->payloadView()});
    if (QTest::currentTestFailed())
        return;

    // The third: a request answered by a service on the broker, in the Requests tab.
    TestResponder responder(
        TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
    QVERIFY(responder.start(u"plant/+/+/cmd"_s));
    QVERIFY(page->selectTemplate(templates.collections().at(0).templates.at(1).id));
    const quint64 request = page->sendAsRequest();
    QVERIFY(request);
    QTRY_COMPARE_WITH_TIMEOUT(int(page->requestClient()->record(request)->status),
                              int(RequestRecord::Status::Replied), kWait);
    shoot(view, u"workbench-request-%1%2.png"_s.arg(language, m_dark ? u"-dark"_s : QString()),
          {page->tree(), page->requestPanel()->table(), page->requestPanel()->requestView(),
           page->requestPanel()->replyView()});
    if (QTest::currentTestFailed())
        return;
    connection->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(connection->state(), SessionState::Disconnected, kWait);
}

QTEST_MAIN(TestWorkbenchScreenshots)
#include "tst_workbench_screenshots.moc"
