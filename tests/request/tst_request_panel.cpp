// RequestPanel with a RequestClient against the real mosquitto and TestResponder: the options
// it gives, the table of past requests, the selected request shown beside its reply with the
// round trip, a timeout shown as such, the language switch, and (with
// MQTTDESK_SCREENSHOT_DIR) a picture in English and Chinese.
#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "core/request/request_client.h"
#include "tests/connection/test_settings.h"
#include "tests/request/test_responder.h"
#include "tests/support/screenshot_check.h"
#include "ui/i18n/language.h"
#include "ui/theme/theme.h"
#include "ui/workbench/request_panel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWait = 15000;

CompiledTemplate requestTemplate(const QString &topic, const QString &payload)
{
    return TestResponder::request(u"Read setpoint"_s, topic, payload);
}

} // namespace

class TstRequestPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void optionsRoundTrip();
    void showsRequestBesideItsReply();
    void labelsHaveBuddies();

private:
    TestBroker m_broker;
    std::unique_ptr<TestResponder> m_responder;
    std::unique_ptr<ConnectionThread> m_thread;
    std::unique_ptr<RequestClient> m_client;
};

void TstRequestPanel::initTestCase()
{
    if (qEnvironmentVariable("MQTTDESK_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        QApplication::setPalette(Theme::darkPalette());
    Language::install(*qApp, u"en"_s);
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    m_responder = std::make_unique<TestResponder>(
        TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
    QVERIFY(m_responder->start(u"req/#"_s));
    m_thread = std::make_unique<ConnectionThread>(
        TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
    m_client = std::make_unique<RequestClient>(m_thread->connection());
    QSignalSpy connected(m_thread->connection(), &Connection::connected);
    m_thread->connection()->connectToBroker();
    QVERIFY(!connected.isEmpty() || connected.wait(kWait));
}

void TstRequestPanel::cleanupTestCase()
{
    m_client.reset();
    m_thread.reset();
    m_responder.reset();
    m_broker.stop();
}

void TstRequestPanel::optionsRoundTrip()
{
    RequestPanel panel;
    const RequestOptions defaults = panel.options();
    QCOMPARE(defaults.responseTopic, RequestOptions{}.responseTopic);
    QCOMPARE(defaults.correlation, RequestOptions{}.correlation);
    QCOMPARE(defaults.timeoutMs, RequestOptions{}.timeoutMs);
    RequestOptions o;
    o.responseTopic = u"plant/reply/{{client_id}}"_s;
    o.correlation = u"{{counter}}"_s;
    o.correlationField = u"id"_s;
    o.timeoutMs = 1500;
    panel.setOptions(o);
    const RequestOptions back = panel.options();
    QCOMPARE(back.responseTopic, o.responseTopic);
    QCOMPARE(back.correlation, o.correlation);
    QCOMPARE(back.correlationField, o.correlationField);
    QCOMPARE(back.timeoutMs, o.timeoutMs);
    // Typed by the user, as the page reads it.
    auto *field = panel.findChild<QLineEdit *>(u"request.correlationField"_s);
    QVERIFY(field);
    field->clear();
    QTest::keyClicks(field, u"  seq "_s);
    QCOMPARE(panel.options().correlationField, u"seq"_s);
}

void TstRequestPanel::showsRequestBesideItsReply()
{
    RequestPanel panel;
    panel.setClient(m_client.get());
    panel.resize(1280, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QString error;
    RequestOptions quick = panel.options();
    quick.timeoutMs = 300;
    const quint64 silent =
        m_client->send(requestTemplate(u"req/silent/valve"_s, u"?"_s), quick, 1, {}, &error);
    QVERIFY2(silent, qPrintable(error));
    const quint64 id = m_client->send(
        requestTemplate(u"req/plant/pump-7/setpoint"_s, uR"({"get":"setpoint","n":{{counter}}})"_s),
        panel.options(), 7, {}, &error);
    QVERIFY2(id, qPrintable(error));
    QCOMPARE(panel.table()->model()->rowCount(), 2);
    panel.showRequest(id);
    QTRY_VERIFY_WITH_TIMEOUT(panel.summary()->text().startsWith(u"Replied in "_s), kWait);
    QVERIFY(panel.requestView()->toPlainText().startsWith(u"req/plant/pump-7/setpoint"_s));
    QVERIFY2(panel.replyView()->toPlainText().contains(uR"(re: {"get":"setpoint","n":7})"_s),
             qPrintable(panel.replyView()->toPlainText()));
    QCOMPARE(panel.table()->currentIndex().row(), 0);
    // The silent one times out and says so.
    panel.showRequest(silent);
    QTRY_VERIFY_WITH_TIMEOUT(panel.summary()->text().contains(u"No reply within 300 ms"_s), kWait);
    QVERIFY(panel.replyView()->toPlainText().isEmpty());
    panel.showRequest(id);

    const QString dir = qEnvironmentVariable("MQTTDESK_SCREENSHOT_DIR");
    for (const QString &language : {u"en"_s, u"zh_CN"_s}) {
        Language::install(*qApp, language);
        QApplication::processEvents();
        // The new texts' layout (a wrapped label's height) before the picture.
        QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        panel.layout()->activate();
        QApplication::processEvents();
        if (language == u"zh_CN"_s)
            QVERIFY(panel.summary()->text() != QString());
        const QImage image = panel.grab().toImage();
        const QStringList problems =
            ScreenshotCheck::problems(&panel, image, {panel.table(), panel.replyView()});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        if (!dir.isEmpty()) {
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(image.save(
                ScreenshotCheck::themed(QDir(dir).filePath(u"request-%1.png"_s.arg(language)))));
        }
    }
    Language::install(*qApp, u"en"_s);
}

void TstRequestPanel::labelsHaveBuddies()
{
    RequestPanel panel;
    for (const char *name : {"request.responseTopic", "request.correlation",
                             "request.correlationField", "request.timeout"}) {
        QWidget *input = panel.findChild<QWidget *>(QLatin1String(name));
        QVERIFY(input);
        bool hasBuddy = false;
        for (const QLabel *label : panel.findChildren<QLabel *>())
            hasBuddy = hasBuddy || label->buddy() == input;
        QVERIFY2(hasBuddy, name);
    }
    QVERIFY(!panel.table()->accessibleName().isEmpty());
}

QTEST_MAIN(TstRequestPanel)
#include "tst_request_panel.moc"
