// RequestClient against the real mosquitto with TestResponder answering: 5.0 Response Topic
// and Correlation Data, a shared response topic with a foreign reply to ignore, timeouts,
// 3.1.1 with a correlation field in the payload, refusals before sending, and the history
// limit.
#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "core/request/request_client.h"
#include "core/request/request_list_model.h"
#include "tests/connection/test_settings.h"
#include "tests/request/test_responder.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWait = 15000;

CompiledTemplate requestTemplate(const QString &topic, const QString &payload)
{
    return TestResponder::request(u"ping"_s, topic, payload);
}

} // namespace

class TstRequestClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void replyWithRoundTripTime();
    void sharedTopicMatchesCorrelation();
    void silenceTimesOut();
    void v311MatchesPayloadField();
    void refusedBeforeSending();
    void historyKeepsTheLatest();
    void modelFollowsTheHistory();

private:
    bool connectClient(ProtocolVersion version);
    // Waits for request `id` to finish.
    const RequestRecord *waitDone(quint64 id, int timeoutMs = kWait);

    TestBroker m_broker;
    std::unique_ptr<TestResponder> m_responder;
    std::unique_ptr<ConnectionThread> m_thread;
    std::unique_ptr<RequestClient> m_client;
};

void TstRequestClient::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    m_responder = std::make_unique<TestResponder>(
        TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
    QVERIFY(m_responder->start(u"req/#"_s));
}

void TstRequestClient::cleanupTestCase()
{
    m_responder.reset();
    m_broker.stop();
}

void TstRequestClient::init()
{
    QVERIFY(connectClient(ProtocolVersion::V5));
}

void TstRequestClient::cleanup()
{
    m_client.reset();
    m_thread.reset();
}

bool TstRequestClient::connectClient(ProtocolVersion version)
{
    m_client.reset();
    m_thread = std::make_unique<ConnectionThread>(
        TestSettings::forListener(m_broker, TestBroker::Listener::Plain, version));
    m_client = std::make_unique<RequestClient>(m_thread->connection());
    m_client->setProtocolVersion(version);
    QSignalSpy connected(m_thread->connection(), &Connection::connected);
    m_thread->connection()->connectToBroker();
    return !connected.isEmpty() || connected.wait(kWait);
}

const RequestRecord *TstRequestClient::waitDone(quint64 id, int timeoutMs)
{
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(m_client->record(id) && m_client->record(id)->isDone(), timeoutMs);
    }();
    return m_client->record(id);
}

void TstRequestClient::replyWithRoundTripTime()
{
    QSignalSpy finished(m_client.get(), &RequestClient::requestFinished);
    QString error;
    const quint64 id =
        m_client->send(requestTemplate(u"req/a/{{counter}}"_s, u"ping {{counter}}"_s),
                       RequestOptions{}, 41, {}, &error);
    QVERIFY2(id, qPrintable(error));
    QCOMPARE(m_client->record(id)->status, RequestRecord::Status::Subscribing);
    const RequestRecord *r = waitDone(id);
    QCOMPARE(r->status, RequestRecord::Status::Replied);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(r->request.topic, u"req/a/41"_s);
    QVERIFY(r->responseTopic.startsWith(u"mqttdesk/reply/"_s));
    // The default correlation is the message's {{uuid}}, the same one the response topic has.
    QCOMPARE(r->correlation.size(), 36);
    QVERIFY(r->responseTopic.endsWith(QString::fromUtf8(r->correlation)));
    QCOMPARE(r->request.properties.responseTopic(), r->responseTopic);
    QVERIFY(r->reply);
    QCOMPARE(r->reply->payload, "re: ping 41"_ba);
    QCOMPARE(r->reply->properties.correlationData(), r->correlation);
    QVERIFY(r->rttMs && *r->rttMs > 0 && *r->rttMs < kWait);
    QCOMPARE(m_client->pendingCount(), 0);
}

void TstRequestClient::sharedTopicMatchesCorrelation()
{
    RequestOptions options;
    options.responseTopic = u"mqttdesk/reply/shared"_s;
    QString error;
    // "/twice/": the responder first sends a reply with someone else's correlation.
    const quint64 a =
        m_client->send(requestTemplate(u"req/twice/a"_s, u"A"_s), options, 1, {}, &error);
    const quint64 b =
        m_client->send(requestTemplate(u"req/twice/b"_s, u"B"_s), options, 2, {}, &error);
    QVERIFY2(a && b, qPrintable(error));
    QCOMPARE(waitDone(a)->reply->payload, "re: A"_ba);
    QCOMPARE(waitDone(b)->reply->payload, "re: B"_ba);
    QCOMPARE(m_client->record(a)->status, RequestRecord::Status::Replied);
    QCOMPARE(m_client->record(b)->status, RequestRecord::Status::Replied);
}

void TstRequestClient::silenceTimesOut()
{
    RequestOptions options;
    options.timeoutMs = 300;
    QString error;
    const quint64 id =
        m_client->send(requestTemplate(u"req/silent/x"_s, u"?"_s), options, 1, {}, &error);
    QVERIFY2(id, qPrintable(error));
    const RequestRecord *r = waitDone(id);
    QCOMPARE(r->status, RequestRecord::Status::TimedOut);
    QVERIFY2(r->error.contains(u"300"_s), qPrintable(r->error));
    QVERIFY(!r->reply);
    QVERIFY(!r->rttMs);
}

void TstRequestClient::v311MatchesPayloadField()
{
    QVERIFY(connectClient(ProtocolVersion::V311));
    RequestOptions options;
    options.responseTopic = u"rsp/v311/{{client_id}}"_s;
    options.correlationField = u"id"_s;
    m_client->setClientId(u"me"_s);
    const CompiledTemplate t = requestTemplate(
        u"req/twice/v311"_s, uR"({"id":"{{uuid}}","reply_to":"rsp/v311/{{client_id}}"})"_s);
    QString error;
    const quint64 id = m_client->send(t, options, 1, {}, &error);
    QVERIFY2(id, qPrintable(error));
    const RequestRecord *r = waitDone(id);
    QCOMPARE(r->status, RequestRecord::Status::Replied);
    // 3.1.1 carries no properties.
    QVERIFY(r->request.properties.isEmpty());
    const QJsonObject reply = QJsonDocument::fromJson(r->reply->payload).object();
    QCOMPARE(reply.value(u"id"_s).toString().toUtf8(), r->correlation);
    QCOMPARE(r->correlation.size(), 36);
}

void TstRequestClient::refusedBeforeSending()
{
    QString error;
    RequestOptions wildcard;
    wildcard.responseTopic = u"reply/+"_s;
    QCOMPARE(m_client->send(requestTemplate(u"req/x"_s, u"x"_s), wildcard, 1, {}, &error), 0u);
    QVERIFY2(error.startsWith(u"Response topic"_s), qPrintable(error));
    RequestOptions unknown;
    unknown.correlation = u"{{nope}}"_s;
    QCOMPARE(m_client->send(requestTemplate(u"req/x"_s, u"x"_s), unknown, 1, {}, &error), 0u);
    QVERIFY2(error.contains(u"nope"_s), qPrintable(error));
    PublishTemplate broken;
    broken.topic = u"req/x"_s;
    broken.format = PayloadFormat::Json;
    broken.payload = u"{\"v\": {{pick a}}}"_s;
    QCOMPARE(m_client->send(CompiledTemplate::compile(broken, {}), RequestOptions{}, 1, {}, &error),
             0u);
    QVERIFY(!error.isEmpty());
    // 3.1.1 with a shared topic and no correlation field cannot match replies.
    QVERIFY(connectClient(ProtocolVersion::V311));
    RequestOptions shared;
    shared.responseTopic = u"rsp/shared"_s;
    QCOMPARE(m_client->send(requestTemplate(u"req/x"_s, u"x"_s), shared, 1, {}, &error), 0u);
    QVERIFY2(error.contains(u"3.1.1"_s), qPrintable(error));
    QVERIFY(m_client->records().empty());
}

void TstRequestClient::historyKeepsTheLatest()
{
    m_client->setHistoryLimit(3);
    QList<quint64> ids;
    QString error;
    for (int i = 0; i < 5; ++i) {
        ids.append(m_client->send(requestTemplate(u"req/h/{{counter}}"_s, u"{{counter}}"_s),
                                  RequestOptions{}, quint64(i), {}, &error));
        QVERIFY2(ids.last(), qPrintable(error));
        waitDone(ids.last());
    }
    QCOMPARE(qsizetype(m_client->records().size()), 3);
    QCOMPARE(m_client->records().front().id, ids.at(2));
    QCOMPARE(m_client->records().back().reply->payload, "re: 4"_ba);
}

void TstRequestClient::modelFollowsTheHistory()
{
    m_client->setHistoryLimit(3);
    RequestListModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    RequestOptions quick;
    quick.timeoutMs = 200;
    const quint64 silent =
        m_client->send(requestTemplate(u"req/silent/m"_s, u"?"_s), quick, 1, {}, &error);
    QVERIFY2(silent, qPrintable(error));
    QCOMPARE(model.rowCount(), 1);
    waitDone(silent);
    QCOMPARE(model.index(0, RequestListModel::StatusColumn).data().toString().left(9),
             u"Timed out"_s);
    QList<quint64> ids;
    for (int i = 0; i < 3; ++i) {
        ids.append(m_client->send(requestTemplate(u"req/m/{{counter}}"_s, u"{{counter}}"_s),
                                  RequestOptions{}, quint64(10 + i), {}, &error));
        waitDone(ids.last());
    }
    // Three kept, newest first; the timed-out one was dropped.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(silent), -1);
    QCOMPARE(model.index(0, 0).data(RequestListModel::IdRole).toULongLong(), ids.at(2));
    QCOMPARE(model.index(0, RequestListModel::TopicColumn).data().toString(), u"req/m/12"_s);
    QCOMPARE(model.index(0, RequestListModel::ReplyColumn).data().toString(), u"re: 12"_s);
    QCOMPARE(model.index(0, RequestListModel::StatusColumn).data().toString(), u"Replied"_s);
    QVERIFY(model.index(0, RequestListModel::RttColumn).data().toString().endsWith(u" ms"_s));
    QCOMPARE(model.index(2, RequestListModel::TopicColumn).data().toString(), u"req/m/10"_s);
}

QTEST_GUILESS_MAIN(TstRequestClient)
#include "tst_request_client.moc"
