// The publish workbench (issue 19) in a real ConnectionView over the app's ConnectionServices,
// connected to the mosquitto of tests/fixture, with mosquitto_sub as the receiver: its
// "Publish" tab over a TemplateLibraryStore in a temporary data directory. Selecting a
// template fills the editor and the preview; an unknown variable is named inline and Send is
// refused with nothing published; Send publishes the expanded message (recorded as the
// publish bar's are) and advances {{counter}}, which reaches templates.json; a timed job sends
// its messages and stores its counter back; search, duplicate, delete (asked first, by the
// Delete key too), rename, the publish bar saved as a template, a collection bound to another
// connection, import and export through files, a broken import named in a message box, and
// the connection's own variables winning over the collection's.
#include "core/connection/connection.h"
#include "core/publish/template_library_json.h"
#include "core/publish/template_library_model.h"
#include "core/publish/template_library_store.h"
#include "core/publishjob/publish_job_list_model.h"
#include "core/request/request_client.h"
#include "core/workspace/connection_services.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "tests/request/test_responder.h"
#include "tests/stream/stream_test_support.h"
#include "tests/support/scripted_prompts.h"
#include "ui/i18n/language.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/connection_view.h"
#include "ui/workbench/request_panel.h"
#include "ui/workbench/template_editor.h"
#include "ui/workbench/template_preview.h"
#include "ui/workbench/workbench_page.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUuid>

#include <memory>

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
    return t;
}

// Whether `text` holds `expected` ("2 collections added"), or the source's "(s)" form when the
// English catalogue has no plural for it yet ("2 collection(s) added").
bool saysCount(const QString &text, const QString &expected, const QString &noun)
{
    return text.contains(expected) ||
           text.contains(QString(expected).replace(noun + u's', noun + u"(s)"_s)) ||
           text.contains(QString(expected).replace(noun, noun + u"(s)"_s));
}

// Focusable widgets of `root` a keyboard user can reach whose accessible name is empty (as
// tests/mainwindow/tst_accessibility.cpp checks the rest of the window).
QStringList unnamed(QWidget *root)
{
    QStringList out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QScrollBar *>(w) || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        if (auto *area = qobject_cast<QAbstractScrollArea *>(w->parentWidget());
            area && area->viewport() == w)
            continue;
        if (w->parentWidget() && w->parentWidget()->focusProxy() == w)
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            out << QString::fromLatin1(w->metaObject()->className()) + u" '"_s + w->objectName() +
                       u'\'';
    }
    return out;
}

} // namespace

class TestWorkbenchPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void tabAndSelection();
    void unknownVariableIsRefusedInline();
    void previewFollowsEdits();
    void sendArrivesExpandedAndCounts();
    void timedJobStoresItsCounter();
    void scriptMakesThePayload();
    void sendAsRequestShowsTheReply();
    void searchFilters();
    void duplicateDeleteAndRename();
    void boundCollectionsAndBar();
    void importExportRoundTrip();
    void brokenImportIsNamed();
    void connectionVariablesWin();
    void everyControlIsNamed();

private:
    QString fileOf(const QString &name) const { return m_dataDir->filePath(name); }
    std::optional<TemplateLibrary> savedLibrary() const;

    TestBroker m_broker;
    QString m_topicRoot;
    QString m_clientId;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<TemplateLibraryStore> m_templates;
    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<ConnectionServices> m_services;
    std::unique_ptr<ConnectionView> m_view;
    WorkbenchPage *m_page = nullptr;
    QString m_startId; // "Start pump"
    QString m_levelId; // "Level"
};

void TestWorkbenchPage::initTestCase()
{
    Language::install(*qApp, u"en"_s);
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestWorkbenchPage::cleanupTestCase()
{
    m_broker.stop();
}

std::optional<TemplateLibrary> TestWorkbenchPage::savedLibrary() const
{
    QString error;
    return TemplateLibraryJson::load(TemplateLibraryJson::filePath(m_dataDir->path()), &error);
}

void TestWorkbenchPage::init()
{
    m_topicRoot = u"wb/"_s + QUuid::createUuid().toString(QUuid::Id128).left(10);
    m_clientId = u"desk-wb-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_templates = std::make_unique<TemplateLibraryStore>();
    QVERIFY(m_templates->load(m_dataDir->path()));
    TemplateCollection plant;
    plant.name = u"Plant"_s;
    plant.variables = {{u"device"_s, u"pump-7"_s}, {u"root"_s, m_topicRoot}};
    const qsizetype p = m_templates->addCollection(plant);
    m_startId = m_templates->library()
                    .at(m_templates->addTemplate(
                        p, item(u"Start pump"_s, u"{{root}}/{{device}}/cmd"_s,
                                u"{\"n\":{{counter}},\"by\":\"{{client_id}}\"}"_s)))
                    .id;
    m_levelId = m_templates->library()
                    .at(m_templates->addTemplate(
                        p, item(u"Level"_s, u"{{root}}/tank/level"_s, u"{{counter}}"_s)))
                    .id;
    TemplateCollection lab;
    lab.name = u"Lab"_s;
    lab.connection = u"lab-only"_s;
    m_templates->addTemplate(m_templates->addCollection(lab),
                             item(u"Calibrate"_s, u"lab/cal"_s, u"zero"_s));
    QVERIFY(m_templates->flush());

    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->isReady());
    QVERIFY(m_store->ensureProfile(1));
    ConnectionSettings settings;
    settings.name = u"desk"_s;
    settings.transport.kind = TransportOptions::Kind::Tcp;
    settings.transport.host = TestBroker::host();
    settings.transport.port = m_broker.port(TestBroker::Listener::Plain);
    settings.transport.connectTimeoutMs = 5000;
    settings.session.version = ProtocolVersion::V5;
    settings.session.clientId = m_clientId;
    settings.session.reconnect.enabled = false;
    ConnectionServices::Options options;
    options.profileId = 1;
    options.writer = m_store->writer();
    options.databasePath = m_store->path();
    m_services = std::make_unique<ConnectionServices>(settings, options);
    ConnectionView::Context context;
    context.services = m_services.get();
    context.version = ProtocolVersion::V5;
    context.templates = m_templates.get();
    context.connectionName = settings.name;
    context.clientId = m_clientId;
    // The profile's own variable, used by connectionVariablesWin() only.
    context.templateVariables = {{u"line"_s, u"L2"_s}};
    m_view = std::make_unique<ConnectionView>(context);
    m_page = m_view->workbenchPage();
    QVERIFY(m_page);
    m_view->resize(1280, 800);
    m_view->views()->setCurrentWidget(m_page);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QApplication::setActiveWindow(m_view.get());
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_services->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Connected, kWait);
}

void TestWorkbenchPage::cleanup()
{
    if (m_services) {
        m_services->connection()->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Disconnected,
                                  kWait);
    }
    m_page = nullptr;
    m_view.reset();
    m_services.reset();
    m_store.reset();
    m_templates.reset();
    m_dataDir.reset();
}

void TestWorkbenchPage::tabAndSelection()
{
    QTabWidget *tabs = m_view->views();
    QCOMPARE(tabs->tabText(tabs->indexOf(m_page)), u"Publish"_s);
    QVERIFY(!tabs->tabToolTip(tabs->indexOf(m_page)).isEmpty());
    // Nothing selected: the note, no editor; Send disabled.
    QVERIFY(m_page->currentTemplateId().isEmpty());
    QVERIFY(!m_page->sendButton()->isEnabled());
    QVERIFY(!m_page->editor()->isVisible());
    QVERIFY(m_page->selectTemplate(m_startId));
    QCOMPARE(m_page->currentTemplateId(), m_startId);
    QVERIFY(m_page->editor()->isVisible());
    QCOMPARE(m_page->editor()->nameEdit()->text(), u"Start pump"_s);
    QCOMPARE(m_page->editor()->topicEdit()->text(), u"{{root}}/{{device}}/cmd"_s);
    QCOMPARE(m_page->editor()->qosBox()->currentIndex(), 1);
    QVERIFY(m_page->sendButton()->isEnabled());
    QCOMPARE(m_page->preview()->topicText(), m_topicRoot + u"/pump-7/cmd"_s);
    QCOMPARE(m_page->preview()->payloadText(), u"{\"n\":1,\"by\":\""_s + m_clientId + u"\"}"_s);
    // A collection: the editor goes, the collection's actions stay.
    m_page->tree()->setCurrentIndex(m_page->model()->index(0, 0));
    QVERIFY(m_page->currentTemplateId().isEmpty());
    QVERIFY(!m_page->sendButton()->isEnabled());
    QVERIFY(m_page->editCollectionAction()->isEnabled());
    QVERIFY(!m_page->duplicateAction()->isEnabled());
}

void TestWorkbenchPage::unknownVariableIsRefusedInline()
{
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), m_topicRoot + u"/#"_s));
    QVERIFY(m_page->selectTemplate(m_startId));
    TemplateEditor *editor = m_page->editor();
    QSignalSpy published(m_page, &WorkbenchPage::publishRequested);
    // Typed as a user does: the error is there at once, under the payload.
    QPlainTextEdit *payload = editor->payloadEdit();
    payload->setFocus();
    payload->moveCursor(QTextCursor::End);
    QTest::keyClicks(payload, u" {{nope}}"_s);
    QVERIFY(!editor->payloadError()->isHidden());
    QVERIFY2(editor->payloadError()->text().contains(u"“nope”"_s),
             qPrintable(editor->payloadError()->text()));
    QVERIFY(editor->topicError()->isHidden());
    QVERIFY(!payload->extraSelections().isEmpty()); // the tag is underlined
    QVERIFY(m_page->preview()->statusLabel()->text().contains(u"errors"_s));
    QVERIFY(m_page->preview()->payloadText().isEmpty());
    // Send (the button, Ctrl+Return, Return in the tree): refused, the tag selected.
    QVERIFY(!m_page->send());
    QTest::mouseClick(m_page->sendButton(), Qt::LeftButton);
    QTest::keyClick(payload, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(published.count(), 0);
    QVERIFY2(m_page->statusText().contains(u"nope"_s), qPrintable(m_page->statusText()));
    QCOMPARE(QApplication::focusWidget(), payload);
    QCOMPARE(payload->textCursor().selectedText(), u"{{nope}}"_s);
    // The counter did not move, and the broker got nothing: a later good message comes first.
    QCOMPARE(m_templates->templateById(m_startId)->counter, quint64(1));
    // A bad tag in the topic is named at the topic.
    editor->topicEdit()->setText(u"{{root}}/{{random 5}}"_s);
    QVERIFY(editor->topicError()->text().contains(u"random MIN MAX"_s));
    QVERIFY(!m_page->send());
    QCOMPARE(QApplication::focusWidget(), editor->topicEdit());
    QCOMPARE(editor->topicEdit()->selectedText(), u"{{random 5}}"_s);
    editor->topicEdit()->setText(u"{{root}}/ok"_s);
    payload->setPlainText(u"fine {{counter}}"_s);
    QVERIFY(editor->payloadError()->isHidden());
    QVERIFY(m_page->send());
    QVERIFY(sub.waitForMessages(1, kWait));
    QCOMPARE(sub.messages().first().payload, QByteArray("fine 1"));
    QCOMPARE(published.count(), 1);
}

void TestWorkbenchPage::previewFollowsEdits()
{
    QVERIFY(m_page->selectTemplate(m_levelId));
    TemplateEditor *editor = m_page->editor();
    editor->topicEdit()->setFocus();
    editor->topicEdit()->end(false);
    QTest::keyClicks(editor->topicEdit(), u"/{{device}}"_s);
    QCOMPARE(m_page->preview()->topicText(), m_topicRoot + u"/tank/level/pump-7"_s);
    // The edit is the library's at once (and saved after the delay).
    QCOMPARE(m_templates->templateById(m_levelId)->topic, u"{{root}}/tank/level/{{device}}"_s);
    QSignalSpy saved(m_templates.get(), &TemplateLibraryStore::saved);
    QVERIFY(saved.wait(kWait));
    QCOMPARE(savedLibrary()->at(*m_templates->indexOf(m_levelId)).topic,
             u"{{root}}/tank/level/{{device}}"_s);
    // JSON that a value breaks: the message is refused in the preview, with the reason.
    editor->formatBox()->setCurrentIndex(editor->formatBox()->findData(int(PayloadFormat::Json)));
    editor->payloadEdit()->setPlainText(u"{\"v\": {{pick on off}}}"_s);
    QVERIFY(editor->payloadError()->isHidden()); // the template itself is fine
    QVERIFY(!m_page->preview()->statusLabel()->text().isEmpty());
    QVERIFY(!m_page->send());
    editor->payloadEdit()->setPlainText(u"{\"v\": \"{{pick on off}}\", \"n\": {{counter}}}"_s);
    QVERIFY2(m_page->preview()->statusLabel()->text().contains(u"bytes"_s),
             qPrintable(m_page->preview()->statusLabel()->text()));
    QVERIFY(m_page->preview()->payloadText().contains(u"\"n\": 1}"_s));
    // A collection variable changed elsewhere: the preview follows.
    TemplateCollection plant = m_templates->collections().at(0);
    plant.variables[0].value = u"pump-9"_s;
    m_templates->updateCollection(0, plant);
    QCOMPARE(m_page->preview()->topicText(), m_topicRoot + u"/tank/level/pump-9"_s);
    // The variable removed: named at once, inline.
    plant.variables.removeFirst();
    m_templates->updateCollection(0, plant);
    QVERIFY(editor->topicError()->text().contains(u"“device”"_s));
}

void TestWorkbenchPage::sendArrivesExpandedAndCounts()
{
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), m_topicRoot + u"/#"_s,
                      {u"-q"_s, u"1"_s}));
    QVERIFY(m_page->selectTemplate(m_startId));
    QSignalSpy published(m_page, &WorkbenchPage::publishRequested);
    // Return in the library sends the selected template.
    m_page->tree()->setFocus();
    QTest::keyClick(m_page->tree(), Qt::Key_Return);
    QCOMPARE(published.count(), 1);
    QVERIFY(sub.waitForMessages(1, kWait));
    QCOMPARE(sub.messages().at(0).topic, m_topicRoot + u"/pump-7/cmd"_s);
    QCOMPARE(sub.messages().at(0).payload,
             (u"{\"n\":1,\"by\":\""_s + m_clientId + u"\"}"_s).toUtf8());
    QCOMPARE(m_templates->templateById(m_startId)->counter, quint64(2));
    QCOMPARE(m_page->preview()->payloadText(), u"{\"n\":2,\"by\":\""_s + m_clientId + u"\"}"_s);
    QVERIFY(m_page->statusText().contains(u"Start pump"_s));
    QTest::mouseClick(m_page->sendButton(), Qt::LeftButton);
    QVERIFY(sub.waitForMessages(2, kWait));
    QVERIFY(sub.messages().at(1).payload.startsWith("{\"n\":2,"));
    // Recorded as the bar's messages are: in its history (and thus stored and shown).
    QTRY_VERIFY(!m_view->publishBar()->history().isEmpty());
    QCOMPARE(m_view->publishBar()->history().first().topic, m_topicRoot + u"/pump-7/cmd"_s);
    // The counter reaches the file.
    QVERIFY(m_templates->flush());
    QCOMPARE(savedLibrary()->at(*m_templates->indexOf(m_startId)).counter, quint64(3));
    // Reset counter.
    m_page->resetCounterAction()->trigger();
    QCOMPARE(m_templates->templateById(m_startId)->counter, quint64(1));
    QVERIFY(m_page->preview()->payloadText().startsWith(u"{\"n\":1,"_s));
}

void TestWorkbenchPage::timedJobStoresItsCounter()
{
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), m_topicRoot + u"/#"_s,
                      {u"-q"_s, u"1"_s}));
    QVERIFY(m_page->selectTemplate(m_levelId));
    m_templates->setCounter(m_levelId, 10);
    PublishJobOptions options;
    options.count = 5;
    options.intervalMs = 20;
    PublishJob *job = m_page->startJob(options);
    QVERIFY(job);
    QCOMPARE(m_page->jobs()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), PublishJob::State::Finished, kWait);
    QVERIFY(sub.waitForMessages(5, kWait));
    QStringList payloads;
    for (const MosquittoSub::Message &m : sub.messages())
        payloads << QString::fromUtf8(m.payload);
    QCOMPARE(payloads, QStringList({u"10"_s, u"11"_s, u"12"_s, u"13"_s, u"14"_s}));
    QCOMPARE(m_templates->templateById(m_levelId)->counter, quint64(15));
    QCOMPARE(m_page->preview()->payloadText(), u"15"_s);
    // Refused like Send: an error in the template starts no job.
    m_page->editor()->payloadEdit()->setPlainText(u"{{nope}}"_s);
    QVERIFY(!m_page->startJob(options));
    QCOMPARE(m_page->jobs()->rowCount(), 1);
}

void TestWorkbenchPage::scriptMakesThePayload()
{
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), m_topicRoot + u"/#"_s,
                      {u"-q"_s, u"1"_s}));
    QVERIFY(m_page->selectTemplate(m_levelId));
    TemplateEditor *editor = m_page->editor();
    QVERIFY(!editor->scriptEdit()->isVisible());
    QTest::mouseClick(editor->scriptToggle(), Qt::LeftButton);
    QVERIFY(editor->scriptEdit()->isVisible());
    QCOMPARE(QApplication::focusWidget(), editor->scriptEdit());
    QTest::keyClicks(editor->scriptEdit(),
                     u"return {level: Number(payload) * 10, at: topic.split('/').pop()};"_s);
    // The preview runs it on a worker: its payload comes a moment later.
    const QString expected = uR"({"level":10,"at":"level"})"_s;
    QTRY_COMPARE_WITH_TIMEOUT(m_page->preview()->payloadText(), expected, kWait);
    QVERIFY2(m_page->preview()->statusLabel()->text().contains(u"script"_s),
             qPrintable(m_page->preview()->statusLabel()->text()));
    QCOMPARE(m_templates->templateById(m_levelId)->script,
             u"return {level: Number(payload) * 10, at: topic.split('/').pop()};"_s);

    // Send: the script's payload is what arrives, and the counter moves on.
    QSignalSpy published(m_page, &WorkbenchPage::publishRequested);
    QVERIFY(m_page->send());
    QVERIFY(published.wait(kWait));
    QVERIFY(sub.waitForMessages(1, kWait));
    QCOMPARE(QString::fromUtf8(sub.messages().at(0).payload), expected);
    QCOMPARE(m_templates->templateById(m_levelId)->counter, quint64(2));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->sendButton()->isEnabled(), kWait);

    // A timed job makes each message with the script.
    PublishJobOptions options;
    options.count = 3;
    PublishJob *job = m_page->startJob(options);
    QVERIFY(job);
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), PublishJob::State::Finished, kWait);
    QVERIFY(sub.waitForMessages(4, kWait));
    QCOMPARE(QString::fromUtf8(sub.messages().at(3).payload), uR"({"level":40,"at":"level"})"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_templates->templateById(m_levelId)->counter, quint64(5), kWait);

    // A script that throws: the preview names the line; Send publishes nothing and says why.
    editor->scriptEdit()->setPlainText(u"// checks first\nthrow new Error('no level');"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->preview()->statusLabel()->text().contains(u"Line 2"_s), kWait);
    QVERIFY(m_page->preview()->statusLabel()->text().contains(u"no level"_s));
    QVERIFY(m_page->send());
    QTRY_VERIFY_WITH_TIMEOUT(m_page->statusText().contains(u"no level"_s), kWait);
    QCOMPARE(published.count(), 1);
    QCOMPARE(m_templates->templateById(m_levelId)->counter, quint64(5));

    // Kept in templates.json (after the store's short delay).
    QTRY_COMPARE_WITH_TIMEOUT(savedLibrary()->at(*m_templates->indexOf(m_levelId)).script,
                              u"// checks first\nthrow new Error('no level');"_s, kWait);
}

void TestWorkbenchPage::sendAsRequestShowsTheReply()
{
    // A service on the broker that answers "re: <payload>" to the Response Topic.
    TestResponder responder(
        TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
    QVERIFY(responder.start(m_topicRoot + u"/svc/#"_s));
    QVERIFY(m_page->selectTemplate(m_levelId));
    m_page->editor()->topicEdit()->setText(u"{{root}}/svc/level"_s);
    QVERIFY(m_page->requestButton()->isEnabled());
    QTest::mouseClick(m_page->requestButton(), Qt::LeftButton);
    // Shown in the Requests tab at once, with its reply and round trip when it comes.
    QCOMPARE(m_page->activityTabs()->currentWidget(), m_page->requestPanel());
    RequestClient *client = m_page->requestClient();
    QCOMPARE(int(client->records().size()), 1);
    const quint64 id = client->records().back().id;
    QTRY_COMPARE_WITH_TIMEOUT(int(client->record(id)->status), int(RequestRecord::Status::Replied),
                              kWait);
    QCOMPARE(client->record(id)->reply->payload, QByteArray("re: 1"));
    QVERIFY(client->record(id)->rttMs.has_value());
    QCOMPARE(client->record(id)->name, u"Level"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page->requestPanel()->replyView()->toPlainText().contains(u"re: 1"_s), kWait);
    QCOMPARE(m_templates->templateById(m_levelId)->counter, quint64(2));
    QVERIFY2(m_page->statusText().contains(u"request"_s), qPrintable(m_page->statusText()));

    // A scripted template is refused, with the reason, and sends nothing.
    m_page->editor()->scriptToggle()->setChecked(true);
    m_page->editor()->scriptEdit()->setPlainText(u"return payload;"_s);
    QCOMPARE(m_page->sendAsRequest(), quint64(0));
    QVERIFY2(m_page->statusText().contains(u"script"_s), qPrintable(m_page->statusText()));
    QCOMPARE(int(client->records().size()), 1);
}

void TestWorkbenchPage::searchFilters()
{
    QTreeView *tree = m_page->tree();
    QCOMPARE(tree->model()->rowCount(), 1); // Lab is bound to another connection
    QTest::keyClicks(m_page->searchEdit(), u"level"_s);
    QCOMPARE(tree->model()->rowCount(), 1);
    QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 1);
    QCOMPARE(tree->model()->index(0, 0, tree->model()->index(0, 0)).data().toString(), u"Level"_s);
    m_page->searchEdit()->setText(u"calibrate"_s); // only on its own connection
    QCOMPARE(tree->model()->rowCount(), 0);
    m_page->searchEdit()->setText(u"pump"_s); // the name, or a variable's use in the topic
    QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 1);
    m_page->searchEdit()->clear();
    QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 2);
    QVERIFY(tree->isExpanded(tree->model()->index(0, 0)));
}

void TestWorkbenchPage::duplicateDeleteAndRename()
{
    ScriptedPrompts prompts;
    QVERIFY(m_page->selectTemplate(m_startId));
    m_templates->setCounter(m_startId, 7);
    m_page->duplicateAction()->trigger();
    const QString copyId = m_page->currentTemplateId();
    QVERIFY(copyId != m_startId);
    QCOMPARE(m_page->editor()->nameEdit()->text(), u"Start pump (copy)"_s);
    QCOMPARE(m_templates->templateById(copyId)->counter, quint64(1));
    QCOMPARE(m_templates->indexOf(copyId)->item, 1);

    // F2 renames in place.
    m_page->tree()->setFocus();
    QTest::keyClick(m_page->tree(), Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(qobject_cast<QLineEdit *>(editor));
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, u"Start pump fast"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits from the event loop.
    QTRY_COMPARE(m_templates->templateById(copyId)->name, u"Start pump fast"_s);
    QCOMPARE(m_page->editor()->nameEdit()->text(), u"Start pump fast"_s);

    // Delete key: asked first; declined keeps it, accepted removes it.
    m_page->tree()->setFocus();
    prompts.acceptNext(false);
    QTest::keyClick(m_page->tree(), Qt::Key_Delete);
    QCOMPARE(prompts.count(Prompts::Kind::Question), 1);
    QVERIFY(prompts.last(Prompts::Kind::Question).text.contains(u"Start pump fast"_s));
    QVERIFY(prompts.last(Prompts::Kind::Question).destructive);
    QVERIFY(m_templates->indexOf(copyId));
    prompts.acceptNext(true);
    QTest::keyClick(m_page->tree(), Qt::Key_Delete);
    QVERIFY(!m_templates->indexOf(copyId));
    QCOMPARE(m_templates->collections().at(0).templates.size(), 2);

    // A collection names its templates in the question.
    m_page->tree()->setCurrentIndex(m_page->model()->index(0, 0));
    prompts.acceptNext(false);
    QVERIFY(!m_page->deleteSelected());
    QVERIFY(saysCount(prompts.last(Prompts::Kind::Question).text, u"2 templates"_s, u"template"_s));

    // New template: in the selected collection, its name edited at once.
    m_page->newTemplateAction()->trigger();
    QCOMPARE(m_templates->collections().at(0).templates.size(), 3);
    QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
}

void TestWorkbenchPage::boundCollectionsAndBar()
{
    // The publish bar saved as a template, with its properties.
    PublishBar *bar = m_view->publishBar();
    bar->topicEdit()->setText(m_topicRoot + u"/from-bar"_s);
    bar->payloadEdit()->setPlainText(u"hello {{counter}}"_s);
    bar->qosBox()->setCurrentIndex(2);
    bar->retainBox()->setChecked(true);
    bar->propertiesToggle()->setChecked(true);
    bar->contentTypeEdit()->setText(u"text/plain"_s);
    bar->userPropertiesEdit()->setText(u"a=1; b=2"_s);
    m_page->tree()->setCurrentIndex(m_page->model()->index(0, 0));
    QVERIFY(m_page->saveBarAction()->isEnabled());
    m_page->saveBarAction()->trigger();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape); // the name as proposed
    const auto saved = m_templates->templateById(m_page->currentTemplateId());
    QVERIFY(saved);
    QCOMPARE(saved->name, m_topicRoot + u"/from-bar"_s);
    QCOMPARE(saved->payload, u"hello {{counter}}"_s);
    QCOMPARE(saved->qos, QoS::ExactlyOnce);
    QVERIFY(saved->retain);
    QCOMPARE(saved->properties.contentType, u"text/plain"_s);
    QCOMPARE(saved->properties.userProperties.size(), 2);
    QVERIFY(m_page->editor()->userPropertiesEdit()->text().contains(u"b=2"_s));

    // A collection bound to another connection is not offered here; bound to this one, it is.
    QCOMPARE(m_page->model()->rowCount(), 1);
    TemplateCollection lab = m_templates->collections().at(1);
    lab.connection = u"desk"_s;
    m_templates->updateCollection(1, lab);
    QCOMPARE(m_page->model()->rowCount(), 2);
    // The profile renamed: not any more.
    m_page->setConnectionName(u"desk-2"_s);
    QCOMPARE(m_page->model()->rowCount(), 1);
}

void TestWorkbenchPage::importExportRoundTrip()
{
    ScriptedPrompts prompts;
    const TemplateLibrary before = m_templates->library();
    const QString all = fileOf(u"all.json"_s);
    prompts.nextFile(all);
    m_page->exportAllAction()->trigger();
    QVERIFY2(QFile::exists(all), qPrintable(m_page->statusText()));
    QVERIFY2(saysCount(m_page->statusText(), u"2 collections exported"_s, u"collection"_s),
             qPrintable(m_page->statusText()));

    // One collection, the selected one.
    QVERIFY(m_page->selectTemplate(m_levelId));
    const QString one = fileOf(u"plant"_s); // no suffix: .json is added
    prompts.nextFile(one);
    m_page->exportAction()->trigger();
    QVERIFY(prompts.last(Prompts::Kind::SaveFile).value.endsWith(u"Plant.json"_s));
    QVERIFY(QFile::exists(one + u".json"_s));
    QString error;
    const auto plantOnly = TemplateLibraryJson::load(one + u".json"_s, &error);
    QVERIFY2(plantOnly, qPrintable(error));
    QCOMPARE(plantOnly->collections().size(), 1);
    QCOMPARE(plantOnly->collections().first(), before.collections().first());

    // Edited here, then the teammate's file imported: the same collection is replaced.
    m_templates->renameTemplate(*m_templates->indexOf(m_levelId), u"Changed"_s);
    prompts.nextFile(one + u".json"_s);
    m_page->importAction()->trigger();
    QVERIFY2(saysCount(m_page->statusText(), u"1 collection replaced"_s, u"collection"_s),
             qPrintable(m_page->statusText()));
    QCOMPARE(m_templates->library(), before);

    // Into an empty library: both come back as they were.
    m_templates->removeCollection(1);
    m_templates->removeCollection(0);
    QCOMPARE(m_page->model()->rowCount(), 0);
    prompts.nextFile(all);
    m_page->importAction()->trigger();
    QVERIFY2(saysCount(m_page->statusText(), u"2 collections added"_s, u"collection"_s),
             qPrintable(m_page->statusText()));
    QCOMPARE(m_templates->library(), before);
    QCOMPARE(prompts.count(Prompts::Kind::Warning), 0);
    // Cancelled: nothing happens.
    prompts.nextFile(QString());
    m_page->importAction()->trigger();
    QCOMPARE(m_templates->library(), before);
}

void TestWorkbenchPage::brokenImportIsNamed()
{
    ScriptedPrompts prompts;
    const QString path = fileOf(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "mqttdesk-templates", "version": 1, "collections": [{"name": 5}]})");
    file.close();
    const TemplateLibrary before = m_templates->library();
    prompts.nextFile(path);
    m_page->importAction()->trigger();
    QCOMPARE(prompts.count(Prompts::Kind::Warning), 1);
    const QString text = prompts.last(Prompts::Kind::Warning).text;
    QVERIFY2(text.contains(path) && text.contains(u"collections[0]"_s), qPrintable(text));
    QCOMPARE(m_templates->library(), before);
}

void TestWorkbenchPage::connectionVariablesWin()
{
    MosquittoSub sub;
    QVERIFY(sub.start(m_broker.port(TestBroker::Listener::Plain), m_topicRoot + u"/#"_s));
    QVERIFY(m_page->selectTemplate(m_startId));
    TemplateEditor *editor = m_page->editor();
    QCOMPARE(m_page->preview()->topicText(), m_topicRoot + u"/pump-7/cmd"_s);
    // A variable only the connection defines (given by the view's context) is known.
    editor->payloadEdit()->setPlainText(u"{{line}} {{device}}"_s);
    QVERIFY(editor->payloadError()->isHidden());
    QCOMPARE(m_page->preview()->payloadText(), u"L2 pump-7"_s);
    // The connection's value wins over the collection's, in the preview and on the wire.
    m_page->setConnectionVariables({{u"line"_s, u"L2"_s}, {u"device"_s, u"pump-conn"_s}});
    QCOMPARE(m_page->preview()->topicText(), m_topicRoot + u"/pump-conn/cmd"_s);
    QCOMPARE(m_page->preview()->payloadText(), u"L2 pump-conn"_s);
    QVERIFY(m_page->send());
    QVERIFY2(sub.waitForMessages(1, kWait), sub.output().constData());
    QCOMPARE(sub.messages().first().topic, m_topicRoot + u"/pump-conn/cmd"_s);
    QCOMPARE(sub.messages().first().payload, QByteArray("L2 pump-conn"));
    // Gone from the profile: the collection's value again, and {{line}} is unknown.
    m_page->setConnectionVariables({});
    QVERIFY(!editor->payloadError()->isHidden());
    QVERIFY2(editor->payloadError()->text().contains(u"“line”"_s),
             qPrintable(editor->payloadError()->text()));
    QVERIFY(!m_page->send());
    editor->payloadEdit()->setPlainText(u"{{device}}"_s);
    QCOMPARE(m_page->preview()->topicText(), m_topicRoot + u"/pump-7/cmd"_s);
    QCOMPARE(m_page->preview()->payloadText(), u"pump-7"_s);
    // The library is not touched: the collection keeps its own value.
    QCOMPARE(m_templates->collections().at(0).variables.at(0).value, u"pump-7"_s);
}

void TestWorkbenchPage::everyControlIsNamed()
{
    QVERIFY(m_page->selectTemplate(m_startId));
    m_page->editor()->propertiesToggle()->setChecked(true);
    const QStringList missing = unnamed(m_page);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u"; "_s)));
    // Icon-less tool buttons and actions say what they do.
    for (QAction *a : {m_page->newCollectionAction(), m_page->newTemplateAction(),
                       m_page->saveBarAction(), m_page->duplicateAction(), m_page->deleteAction(),
                       m_page->editCollectionAction(), m_page->resetCounterAction(),
                       m_page->importAction(), m_page->exportAction(), m_page->exportAllAction()})
        QVERIFY2(!a->toolTip().isEmpty() && !a->text().isEmpty(), qPrintable(a->text()));
    // The tab order runs from the search through the library to the editor and Send.
    m_page->searchEdit()->setFocus();
    QTest::keyClick(m_page->searchEdit(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_page->tree()));
    m_page->editor()->payloadEdit()->setFocus();
    QTest::keyClick(m_page->editor()->payloadEdit(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_page->sendButton()));
}

QTEST_MAIN(TestWorkbenchPage)
#include "tst_workbench_page.moc"
