// Templates with an outgoing script, against the real mosquitto of tests/fixture with
// mosquitto_sub as the receiver: the script's payload is what arrives (text, compact JSON,
// bytes), 1,000 QoS 1 messages arrive whole and in order, a script that throws or loops fails
// only its own message (with the line, or the time limit) and the job goes on, and a stop
// during a batch sends nothing more and gives the unsent counters back. ScriptedMessageMaker
// alone: one context per message ({{uuid}} the same in the topic and in the script's input).
#include "core/publishjob/publish_job.h"
#include "core/publishjob/scripted_message_maker.h"

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;
using State = PublishJob::State;

namespace {

constexpr int kTimeoutMs = 30000;

QString uniqueTopic(const QString &prefix)
{
    return QStringLiteral("scripted/") + prefix + QLatin1Char('/') +
           TestSettings::uniqueClientId(QStringLiteral("t"));
}

CompiledTemplate scripted(const QString &topic, const QString &payload, const QString &script,
                          QoS qos = QoS::AtLeastOnce, PayloadFormat format = PayloadFormat::Text)
{
    PublishTemplate t;
    t.name = QStringLiteral("scripted");
    t.topic = topic;
    t.payload = payload;
    t.script = script;
    t.qos = qos;
    t.format = format;
    return CompiledTemplate::compile(t, {});
}

QList<QByteArray> payloads(const MosquittoSub &sub)
{
    QList<QByteArray> out;
    for (const MosquittoSub::Message &m : sub.messages())
        out << m.payload;
    return out;
}

} // namespace

class TstScriptedPublishJob : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    std::unique_ptr<ClientProbe> connected()
    {
        auto c = std::make_unique<ClientProbe>(
            TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
        if (!c->connectAndWait()) {
            qWarning("%s", c->describe().constData());
            return nullptr;
        }
        return c;
    }

    bool subscribe(MosquittoSub &sub, const QString &topic)
    {
        return sub.start(m_broker.port(TestBroker::Listener::Plain), topic,
                         {QStringLiteral("-q"), QStringLiteral("1")});
    }

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void makerUsesOneContextPerMessage()
    {
        const CompiledTemplate message = scripted(
            QStringLiteral("req/{{uuid}}"), QStringLiteral("{{uuid}}"),
            QStringLiteral("return topic === 'req/' + payload ? 'same ' + counter : 'differ';"));
        QVERIFY(message.isValid());
        QVERIFY(message.hasScript());
        QVERIFY(message.isDynamic());
        ScriptedMessageMaker maker(message, QStringLiteral("me"));
        QSignalSpy made(&maker, &ScriptedMessageMaker::made);
        QVERIFY(maker.make({{7, 0}, {8, 0}}));
        QVERIFY(maker.isBusy());
        QVERIFY(!maker.make({{9, 0}})); // one batch at a time
        QVERIFY(made.wait(kTimeoutMs));
        QVERIFY(!maker.isBusy());
        const auto messages = made.at(0).at(0).value<QList<MadeMessage>>();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).counter, quint64(7));
        QVERIFY2(messages.at(0).packet, qPrintable(messages.at(0).error));
        QCOMPARE(messages.at(0).packet->payload, QByteArray("same 7"));
        QCOMPARE(messages.at(1).packet->payload, QByteArray("same 8"));
        QCOMPARE(messages.at(0).payload.text, QStringLiteral("same 7"));
        QVERIFY(messages.at(0).packet->topic.startsWith(QStringLiteral("req/")));
        QCOMPARE(messages.at(0).scriptInput, messages.at(0).packet->topic.mid(4));
    }

    void makerChecksWhatTheScriptMade()
    {
        // A JSON template checks the script's text; bytes go as they are; a syntax error and
        // a throw name their line.
        const auto one = [](const QString &script, PayloadFormat format) {
            ScriptedMessageMaker maker(
                scripted(QStringLiteral("t"), QStringLiteral("p"), script, QoS::AtMostOnce, format),
                {});
            QSignalSpy made(&maker, &ScriptedMessageMaker::made);
            maker.make({{1, 0}});
            made.wait(kTimeoutMs);
            return made.isEmpty() ? MadeMessage{}
                                  : made.at(0).at(0).value<QList<MadeMessage>>().value(0);
        };
        MadeMessage json = one(QStringLiteral("return {v: counter};"), PayloadFormat::Json);
        QVERIFY2(json.packet, qPrintable(json.error));
        QCOMPARE(json.packet->payload, QByteArray(R"({"v":1})"));
        MadeMessage notJson = one(QStringLiteral("return 'v=' + counter;"), PayloadFormat::Json);
        QVERIFY(!notJson.packet);
        QVERIFY2(notJson.error.contains(QStringLiteral("JSON")), qPrintable(notJson.error));
        MadeMessage bytes =
            one(QStringLiteral("return new Uint8Array([0, 255, counter]);"), PayloadFormat::Json);
        QVERIFY2(bytes.packet, qPrintable(bytes.error));
        QCOMPARE(bytes.packet->payload, QByteArray("\x00\xff\x01", 3));
        MadeMessage hex = one(QStringLiteral("return 'de ad';"), PayloadFormat::Hex);
        QVERIFY2(hex.packet, qPrintable(hex.error));
        QCOMPARE(hex.packet->payload, QByteArray("\xde\xad"));
        MadeMessage thrown =
            one(QStringLiteral("let a = 1;\nthrow new Error('boom');"), PayloadFormat::Text);
        QVERIFY(!thrown.packet);
        QVERIFY2(thrown.error.contains(QStringLiteral("Line 2")), qPrintable(thrown.error));
        QVERIFY2(thrown.error.contains(QStringLiteral("boom")), qPrintable(thrown.error));
        MadeMessage syntax = one(QStringLiteral("\n\nreturn (;"), PayloadFormat::Text);
        QVERIFY(!syntax.packet);
        QVERIFY2(syntax.error.contains(QStringLiteral("Line 3")), qPrintable(syntax.error));
        MadeMessage nothing = one(QStringLiteral("let x = payload;"), PayloadFormat::Text);
        QVERIFY(!nothing.packet);
        QVERIFY(!nothing.error.isEmpty());
    }

    void thousandInOrder()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("full"));
        MosquittoSub sub;
        QVERIFY(subscribe(sub, topic));
        PublishJobOptions options;
        options.count = 1000;
        PublishJob job(client->connection(),
                       scripted(topic, QStringLiteral("n={{counter}}"),
                                QStringLiteral("return {c: counter, p: payload};")),
                       options);
        QSignalSpy settled(&job, &PublishJob::settled);
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);
        QCOMPARE(job.stats().sent, 1000);
        QCOMPARE(job.stats().acknowledged, 1000);
        QCOMPARE(job.stats().failed, 0);
        QVERIFY2(job.stats().lastError.isEmpty(), qPrintable(job.stats().lastError));
        QCOMPARE(job.nextCounter(), quint64(1001));
        QCOMPARE(settled.size(), 1);
        QVERIFY2(sub.waitForMessages(1000, kTimeoutMs), sub.output().right(2000).constData());
        const QList<QByteArray> got = payloads(sub);
        for (int i = 0; i < 1000; ++i) {
            const QByteArray expected =
                QStringLiteral(R"({"c":%1,"p":"n=%1"})").arg(i + 1).toUtf8();
            QCOMPARE(got.at(i), expected);
        }
    }

    void failuresFailTheirMessageOnly()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("fail"));
        MosquittoSub sub;
        QVERIFY(subscribe(sub, topic));
        PublishJobOptions options;
        options.count = 12;
        // Message 3 throws, message 7 loops until the time limit stops it.
        PublishJob job(client->connection(),
                       scripted(topic, QStringLiteral("{{counter}}"),
                                QStringLiteral("if (counter === 3)\n"
                                               "    throw new Error('three');\n"
                                               "if (counter === 7)\n"
                                               "    for (;;) {}\n"
                                               "return payload;")),
                       options);
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);
        QCOMPARE(job.stats().sent, 10);
        QCOMPARE(job.stats().acknowledged, 10);
        QCOMPARE(job.stats().failed, 2);
        QCOMPARE(job.nextCounter(), quint64(13));
        const QString last = job.stats().lastError;
        QVERIFY2(last.startsWith(QStringLiteral("Message 7 ")), qPrintable(last));
        QVERIFY2(last.contains(QStringLiteral("50 ms")), qPrintable(last));
        QVERIFY2(sub.waitForMessages(10, kTimeoutMs), sub.output().right(2000).constData());
        QCOMPARE(payloads(sub),
                 (QList<QByteArray>{"1", "2", "4", "5", "6", "8", "9", "10", "11", "12"}));
    }

    void stopDuringABatchGivesCountersBack()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("stop"));
        PublishJobOptions options;
        options.count = 0; // until stopped
        // Each message takes a few milliseconds, so a batch is being made when stop() comes.
        PublishJob job(client->connection(),
                       scripted(topic, QStringLiteral("{{counter}}"),
                                QStringLiteral("const end = Date.now() + 2;\n"
                                               "while (Date.now() < end) {}\n"
                                               "return payload;")),
                       options);
        QSignalSpy settled(&job, &PublishJob::settled);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.stats().acknowledged > 0, kTimeoutMs);
        job.stop();
        QCOMPARE(job.state(), State::Stopped);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, kTimeoutMs);
        QVERIFY(job.isSettled());
        const qint64 sent = job.stats().sent;
        QCOMPARE(job.stats().acknowledged, sent);
        QCOMPARE(job.stats().failed, 0);
        // Made but never sent: {{counter}} goes on right after the last one sent.
        QCOMPARE(job.nextCounter(), quint64(sent + 1));
        QCOMPARE(settled.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstScriptedPublishJob)
#include "tst_scripted_publish_job.moc"
