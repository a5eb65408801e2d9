// The "Clear retained" dialog against the real mosquitto fixture: it lists the topics,
// publishes nothing until Clear, then clears every one ("Cleared 50 of 50"), and a fresh
// subscriber gets no retained message any more; Cancel before Clear changes nothing; the
// texts follow the language and Enter does not clear by accident.
#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"
#include "ui/i18n/language.h"
#include "ui/topictree/retained_clear_dialog.h"

#include <QComboBox>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace mqttdesk;

namespace {
constexpr int kWait = 20000;
constexpr int kTopics = 50;
} // namespace

class TestRetainedClearDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void clearsEveryTopic();
    void cancelBeforeClearChangesNothing();
    void textsFollowTheLanguage();

private:
    QStringList publishRetained(const QString &prefix);
    // The retained messages a fresh subscriber to `filter` receives (a live sentinel ends the
    // wait: the broker sends retained messages before anything published after SUBACK).
    QStringList retainedUnder(const QString &prefix);

    TestBroker m_broker;
    std::unique_ptr<ConnectionThread> m_thread;
};

void TestRetainedClearDialog::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestRetainedClearDialog::cleanupTestCase()
{
    m_broker.stop();
}

void TestRetainedClearDialog::init()
{
    ConnectionSettings s;
    s.transport.kind = TransportOptions::Kind::Tcp;
    s.transport.host = QStringLiteral("127.0.0.1");
    s.transport.port = m_broker.port(TestBroker::Listener::Plain);
    s.session.version = ProtocolVersion::V5;
    s.session.clientId =
        QStringLiteral("desk-clear-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    s.session.reconnect.enabled = false;
    m_thread = std::make_unique<ConnectionThread>(s);
    m_thread->connection()->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(m_thread->connection()->state(), SessionState::Connected, kWait);
}

void TestRetainedClearDialog::cleanup()
{
    m_thread.reset();
    Language::install(*qApp, QStringLiteral("en"));
}

QStringList TestRetainedClearDialog::publishRetained(const QString &prefix)
{
    QStringList topics;
    for (int i = 0; i < kTopics; ++i) {
        const QString topic = QStringLiteral("%1/dev-%2/state").arg(prefix).arg(i);
        const auto result = MosquittoPub::publish(
            m_broker.port(TestBroker::Listener::Plain), topic, "on",
            {QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1")});
        if (result.exitCode != 0)
            return {};
        topics << topic;
    }
    return topics;
}

QStringList TestRetainedClearDialog::retainedUnder(const QString &prefix)
{
    MosquittoSub sub;
    if (!sub.start(m_broker.port(TestBroker::Listener::Plain), prefix + QStringLiteral("/#")))
        return {QStringLiteral("mosquitto_sub did not start")};
    const QString sentinel = prefix + QStringLiteral("/zz-sentinel");
    MosquittoPub::publish(m_broker.port(TestBroker::Listener::Plain), sentinel, "live");
    QStringList retained;
    if (!QTest::qWaitFor(
            [&] {
                for (const auto &m : sub.messages())
                    if (m.topic == sentinel)
                        return true;
                return false;
            },
            kWait))
        return {QStringLiteral("no sentinel")};
    for (const auto &m : sub.messages())
        if (m.topic != sentinel)
            retained << m.topic;
    return retained;
}

void TestRetainedClearDialog::clearsEveryTopic()
{
    const QStringList topics = publishRetained(QStringLiteral("clr"));
    QCOMPARE(topics.size(), kTopics);
    QCOMPARE(retainedUnder(QStringLiteral("clr")).size(), kTopics);

    RetainedClearDialog dialog(m_thread->connection(), topics);
    dialog.show();
    QCOMPARE(dialog.topicList()->count(), kTopics);
    QVERIFY(dialog.clearButton()->text().contains(QString::number(kTopics)));
    // Enter on the list does not clear: Cancel is the default button.
    dialog.topicList()->setFocus();
    QTest::keyClick(dialog.topicList(), Qt::Key_Return);
    QVERIFY(!dialog.isRunning());
    QCOMPARE(dialog.resultText(), QString());

    QSignalSpy done(&dialog, &RetainedClearDialog::clearingDone);
    dialog.qosBox()->setCurrentIndex(2);
    QTest::mouseClick(dialog.clearButton(), Qt::LeftButton);
    QVERIFY(done.wait(kWait));
    QCOMPARE(done.first().at(0).toInt(), kTopics);
    QCOMPARE(done.first().at(1).toInt(), kTopics);
    QVERIFY2(dialog.resultText().contains(QStringLiteral("Cleared 50 of 50")),
             qPrintable(dialog.resultText()));
    QCOMPARE(dialog.progressBar()->value(), dialog.progressBar()->maximum());
    QCOMPARE(retainedUnder(QStringLiteral("clr")), QStringList());
}

void TestRetainedClearDialog::cancelBeforeClearChangesNothing()
{
    const QStringList topics = publishRetained(QStringLiteral("keep"));
    QCOMPARE(topics.size(), kTopics);
    {
        RetainedClearDialog dialog(m_thread->connection(), topics);
        dialog.show();
        dialog.reject();
        QVERIFY(!dialog.isVisible());
    }
    QCOMPARE(retainedUnder(QStringLiteral("keep")).size(), kTopics);
}

void TestRetainedClearDialog::textsFollowTheLanguage()
{
    RetainedClearDialog dialog(m_thread->connection(), {QStringLiteral("a/b")});
    const QString english = dialog.windowTitle();
    QCOMPARE(english, QStringLiteral("Clear retained messages"));
    Language::install(*qApp, QStringLiteral("zh_CN"));
    QTRY_VERIFY(dialog.windowTitle() != english);
    QVERIFY(!dialog.clearButton()->text().contains(QStringLiteral("Clear")));
    Language::install(*qApp, QStringLiteral("en"));
    QTRY_COMPARE(dialog.windowTitle(), english);
}

QTEST_MAIN(TestRetainedClearDialog)
#include "tst_retained_clear_dialog.moc"
