// PublishJob against the real mosquitto of tests/fixture, with mosquitto_sub as the receiver:
// a full-speed QoS 1 run arrives whole and in order, a timed run keeps its schedule, QoS 2 over
// 3.1.1 stays inside its window, stop() ends a run, a lost connection stops or pauses it, and a
// message that cannot be made stops it with the message's number.
#include "core/publishjob/publish_job.h"

#include "tests/connection/client_probe.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/mosquitto_sub.h"
#include "tests/fixture/test_broker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;
using State = PublishJob::State;

namespace {

constexpr int kTimeoutMs = 30000;

QString uniqueTopic(const QString &prefix)
{
    return QStringLiteral("job/") + prefix + QLatin1Char('/') +
           TestSettings::uniqueClientId(QStringLiteral("t"));
}

CompiledTemplate compiled(const QString &topic, const QString &payload, QoS qos,
                          ProtocolVersion version = ProtocolVersion::V5,
                          PayloadFormat format = PayloadFormat::Text)
{
    PublishTemplate t;
    t.name = QStringLiteral("job");
    t.topic = topic;
    t.payload = payload;
    t.qos = qos;
    t.format = format;
    CompiledTemplate c = CompiledTemplate::compile(t, {});
    c.setProtocolVersion(version);
    return c;
}

QList<QByteArray> payloads(const MosquittoSub &sub)
{
    QList<QByteArray> out;
    for (const MosquittoSub::Message &m : sub.messages())
        out << m.payload;
    return out;
}

QList<QByteArray> numbers(qint64 from, qint64 to)
{
    QList<QByteArray> out;
    for (qint64 n = from; n <= to; ++n)
        out << QByteArray::number(n);
    return out;
}

QList<State> states(const QSignalSpy &spy)
{
    QList<State> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<State>();
    return out;
}

} // namespace

class TstPublishJob : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;

    std::unique_ptr<ClientProbe> connected(ProtocolVersion version = ProtocolVersion::V5)
    {
        auto c = std::make_unique<ClientProbe>(
            TestSettings::forListener(m_broker, TestBroker::Listener::Plain, version));
        if (!c->connectAndWait()) {
            qWarning("%s", c->describe().constData());
            return nullptr;
        }
        return c;
    }

    bool subscribe(MosquittoSub &sub, const QString &topic, QoS qos)
    {
        return sub.start(m_broker.port(TestBroker::Listener::Plain), topic,
                         {QStringLiteral("-q"), QString::number(int(qos))});
    }

    // Publishes a marker on `topic` over `client` and waits until `sub` has it: whatever the
    // same connection published before has then arrived too (one connection keeps its order).
    bool markerArrives(ClientProbe &client, MosquittoSub &sub, const QString &topic)
    {
        PublishPacket marker;
        marker.topic = topic;
        marker.payload = "marker";
        marker.qos = QoS::AtLeastOnce;
        const auto outcome = client.publishAndWait(marker);
        if (!outcome || outcome->status != PublishStatus::Acknowledged)
            return false;
        return QTest::qWaitFor(
            [&] { return !sub.messages().isEmpty() && sub.messages().last().payload == "marker"; },
            kTimeoutMs);
    }

private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void thousandAtFullSpeed()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("full"));
        MosquittoSub sub;
        QVERIFY(subscribe(sub, topic, QoS::AtLeastOnce));

        PublishJobOptions options;
        options.count = 1000;
        options.intervalMs = 0;
        PublishJob job(client->connection(),
                       compiled(topic, QStringLiteral("{{counter}}"), QoS::AtLeastOnce), options);
        QCOMPARE(job.state(), State::Idle);
        QCOMPARE(job.nextCounter(), quint64(1)); // the template's counter
        QSignalSpy stateSpy(&job, &PublishJob::stateChanged);
        QSignalSpy settled(&job, &PublishJob::settled);
        QSignalSpy progressed(&job, &PublishJob::progressed);
        job.start();
        QCOMPARE(job.state(), State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);

        QCOMPARE(job.stats().sent, 1000);
        QCOMPARE(job.stats().acknowledged, 1000);
        QCOMPARE(job.stats().failed, 0);
        QCOMPARE(job.stats().inFlight, 0);
        QVERIFY2(job.stats().lastError.isEmpty(), qPrintable(job.stats().lastError));
        QVERIFY(job.stats().rate > 0);
        QCOMPARE(job.nextCounter(), quint64(1001));
        QVERIFY(job.isSettled());
        QCOMPARE(settled.size(), 1);
        QVERIFY(progressed.size() >= 1);
        QCOMPARE(states(stateSpy), (QList<State>{State::Running, State::Finished}));

        QVERIFY2(sub.waitForMessages(1000, kTimeoutMs), sub.output().right(2000).constData());
        QCOMPARE(payloads(sub), numbers(1, 1000));
        // Nothing more: a second start() does nothing.
        job.start();
        QCOMPARE(job.state(), State::Finished);
        QVERIFY(markerArrives(*client, sub, topic));
        QCOMPARE(sub.messages().size(), 1001);
    }

    void timedWithJitter()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("timed"));
        MosquittoSub sub;
        QVERIFY(subscribe(sub, topic, QoS::AtLeastOnce));

        PublishJobOptions options;
        options.count = 20;
        options.intervalMs = 5;
        options.jitterMs = 2;
        options.clientId = QStringLiteral("job-client");
        PublishJob job(
            client->connection(),
            compiled(topic, QStringLiteral("{{counter}} {{client_id}}"), QoS::AtLeastOnce),
            options);
        job.setFirstCounter(101);
        QCOMPARE(job.nextCounter(), quint64(101));
        QSignalSpy stateSpy(&job, &PublishJob::stateChanged);
        QElapsedTimer clock;
        clock.start();
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);
        // 19 intervals of 5 ± 2 ms at least lie between the first message and the last.
        QVERIFY2(clock.elapsed() >= 19 * 3, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(job.stats().sent, 20);
        QCOMPARE(job.stats().acknowledged, 20);
        QCOMPARE(job.stats().failed, 0);
        QCOMPARE(job.nextCounter(), quint64(121));
        QCOMPARE(states(stateSpy), (QList<State>{State::Running, State::Finished}));

        QVERIFY2(sub.waitForMessages(20, kTimeoutMs), sub.output().right(2000).constData());
        QList<QByteArray> expected;
        for (int n = 101; n <= 120; ++n)
            expected << QByteArray::number(n) + " job-client";
        QCOMPARE(payloads(sub), expected);
    }

    void qos2On311StaysInItsWindow()
    {
        auto client = connected(ProtocolVersion::V311);
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("window"));
        MosquittoSub sub;
        QVERIFY(subscribe(sub, topic, QoS::ExactlyOnce));

        const int window = PublishJob::defaultWindow(QoS::ExactlyOnce, ProtocolVersion::V311);
        QCOMPARE(window, 20); // mosquitto's max_inflight_messages
        QVERIFY(PublishJob::defaultWindow(QoS::ExactlyOnce, ProtocolVersion::V5) > window);
        PublishJobOptions options;
        options.count = 200;
        PublishJob job(
            client->connection(),
            compiled(topic, QStringLiteral("{{counter}}"), QoS::ExactlyOnce, ProtocolVersion::V311),
            options);
        qint64 most = 0;
        int checks = 0;
        bool over = false;
        const auto check = [&] {
            ++checks;
            most = qMax(most, job.stats().inFlight);
            over = over || job.stats().inFlight > window;
        };
        // After the job's own handler (connected first), so the job has counted the message.
        connect(client->connection(), &Connection::publishesFinished, &job,
                [&](const QList<PublishOutcome> &outcomes) {
                    check();
                    checks += int(outcomes.size()) - 1; // one check per outcome
                });
        connect(&job, &PublishJob::progressed, &job, check);
        job.start();
        check(); // right after the first burst
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);
        QVERIFY2(!over, qPrintable(QStringLiteral("%1 in flight").arg(most)));
        QCOMPARE(most, qint64(window)); // the window was used, not just respected
        QVERIFY(checks > 200);
        QCOMPARE(job.stats().acknowledged, 200);
        QCOMPARE(job.stats().failed, 0);
        QVERIFY2(client->errors().isEmpty(), client->describe().constData());

        QVERIFY2(sub.waitForMessages(200, kTimeoutMs), sub.output().right(2000).constData());
        QCOMPARE(payloads(sub), numbers(1, 200));
    }

    void stopMidJob()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("stop"));
        MosquittoSub sub;
        QVERIFY(subscribe(sub, topic, QoS::AtLeastOnce));

        PublishJobOptions options;
        options.count = 0; // until stopped
        options.window = 10;
        PublishJob job(client->connection(),
                       compiled(topic, QStringLiteral("{{counter}}"), QoS::AtLeastOnce), options);
        QSignalSpy stateSpy(&job, &PublishJob::stateChanged);
        QSignalSpy settled(&job, &PublishJob::settled);
        qint64 sentAtStop = -1;
        qint64 inFlightAtStop = -1;
        qint64 inFlightAtSettled = -1;
        connect(client->connection(), &Connection::publishesFinished, &job, [&] {
            if (sentAtStop < 0 && job.stats().acknowledged >= 100) {
                job.stop();
                sentAtStop = job.stats().sent;
                inFlightAtStop = job.stats().inFlight;
            }
        });
        connect(&job, &PublishJob::settled, &job,
                [&] { inFlightAtSettled = job.stats().inFlight; });
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Stopped, kTimeoutMs);
        QVERIFY(sentAtStop >= 100);
        QVERIFY(inFlightAtStop > 0); // the window was full: stop() came mid-flight
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, kTimeoutMs);
        QCOMPARE(inFlightAtSettled, 0);
        QVERIFY(job.isSettled());
        QCOMPARE(job.stats().sent, sentAtStop);
        QCOMPARE(job.stats().acknowledged, sentAtStop); // in-flight ones finished and counted
        QCOMPARE(job.stats().failed, 0);
        QVERIFY(job.stats().lastError.isEmpty());
        QCOMPARE(job.nextCounter(), quint64(sentAtStop + 1));
        QCOMPARE(states(stateSpy), (QList<State>{State::Running, State::Stopped}));

        // Nothing after the stop: the marker published next comes right after the last one.
        QVERIFY(markerArrives(*client, sub, topic));
        QList<QByteArray> expected = numbers(1, sentAtStop);
        expected << "marker";
        QCOMPARE(payloads(sub), expected);
        QCOMPARE(job.stats().sent, sentAtStop);
        // stop() again, or start() after it: nothing.
        job.stop();
        job.start();
        QCOMPARE(job.state(), State::Stopped);
        QCOMPARE(settled.size(), 1);
    }

    void disconnectStops()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("dstop"));
        PublishJobOptions options;
        options.count = 0;
        options.intervalMs = 5;
        options.onDisconnect = PublishJobOptions::OnDisconnect::Stop;
        PublishJob job(client->connection(),
                       compiled(topic, QStringLiteral("{{counter}}"), QoS::AtLeastOnce), options);
        QSignalSpy stateSpy(&job, &PublishJob::stateChanged);
        bool aborted = false;
        connect(client->connection(), &Connection::publishesFinished, &job, [&] {
            if (!aborted && job.stats().acknowledged >= 10) {
                aborted = true;
                client->connection()->abortConnection();
            }
        });
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Stopped, kTimeoutMs);
        QVERIFY2(job.stats().lastError.contains(QStringLiteral("connection")),
                 qPrintable(job.stats().lastError));
        QCOMPARE(states(stateSpy), (QList<State>{State::Running, State::Stopped}));
        const qint64 sent = job.stats().sent;
        QVERIFY(sent >= 10);

        // The connection comes back; the job does not.
        QVERIFY(client->connectAndWait());
        PublishPacket probe;
        probe.topic = topic + QStringLiteral("/after");
        probe.payload = "x";
        probe.qos = QoS::AtLeastOnce;
        const auto outcome = client->publishAndWait(probe);
        QVERIFY(outcome);
        QCOMPARE(outcome->status, PublishStatus::Acknowledged);
        QCOMPARE(job.state(), State::Stopped);
        QCOMPARE(job.stats().sent, sent);
        QCOMPARE(stateSpy.size(), 2);
    }

    void disconnectPausesAndResumes()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("pause"));
        MosquittoSub sub;
        QVERIFY(subscribe(sub, topic, QoS::AtLeastOnce));

        PublishJobOptions options;
        options.count = 60;
        options.intervalMs = 5;
        options.onDisconnect = PublishJobOptions::OnDisconnect::Pause;
        PublishJob job(client->connection(),
                       compiled(topic, QStringLiteral("{{counter}}"), QoS::AtLeastOnce), options);
        QSignalSpy stateSpy(&job, &PublishJob::stateChanged);
        bool aborted = false;
        connect(client->connection(), &Connection::publishesFinished, &job, [&] {
            if (!aborted && job.stats().acknowledged >= 10) {
                aborted = true;
                client->connection()->abortConnection();
            }
        });
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Paused, kTimeoutMs);
        const qint64 sentAtPause = job.stats().sent;
        QVERIFY(sentAtPause >= 10);
        QVERIFY(sentAtPause < 60);
        QVERIFY(client->waitForState(SessionState::Disconnected));
        QCOMPARE(job.state(), State::Paused);
        QCOMPARE(job.stats().sent, sentAtPause); // nothing while paused

        client->connection()->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Finished, kTimeoutMs);
        QCOMPARE(states(stateSpy),
                 (QList<State>{State::Running, State::Paused, State::Running, State::Finished}));
        QCOMPARE(job.stats().sent, 60);
        QCOMPARE(job.stats().inFlight, 0);
        // Those in flight at the loss may be lost with the clean session; all others arrive.
        QCOMPARE(job.stats().acknowledged + job.stats().failed, 60);
        QVERIFY(job.stats().acknowledged >= 60 - (sentAtPause - 10));
        QCOMPARE(job.nextCounter(), quint64(61));

        QVERIFY(markerArrives(*client, sub, topic));
        const QList<QByteArray> got = payloads(sub).mid(0, sub.messages().size() - 1);
        QVERIFY(got.size() >= job.stats().acknowledged);
        QCOMPARE(got.last(), QByteArray("60"));
        for (qsizetype i = 1; i < got.size(); ++i)
            QVERIFY2(got.at(i).toInt() > got.at(i - 1).toInt(), got.at(i).constData());
        // Everything sent after the reconnect arrived: the numbers from there on are all there.
        QVERIFY(got.contains(QByteArray::number(sentAtPause + 1)));
        QCOMPARE(got.mid(got.indexOf(QByteArray::number(sentAtPause + 1))),
                 numbers(sentAtPause + 1, 60));
    }

    void startWhileDisconnected()
    {
        auto client = std::make_unique<ClientProbe>(
            TestSettings::forListener(m_broker, TestBroker::Listener::Plain, ProtocolVersion::V5));
        const QString topic = uniqueTopic(QStringLiteral("offline"));
        PublishJobOptions stopOptions;
        stopOptions.count = 5;
        PublishJob stops(client->connection(),
                         compiled(topic, QStringLiteral("{{counter}}"), QoS::AtLeastOnce),
                         stopOptions);
        QSignalSpy settled(&stops, &PublishJob::settled);
        stops.start();
        QCOMPARE(stops.state(), State::Stopped);
        QVERIFY(!stops.stats().lastError.isEmpty());
        QCOMPARE(stops.stats().sent, 0);
        QCOMPARE(settled.size(), 1);

        PublishJobOptions pauseOptions = stopOptions;
        pauseOptions.onDisconnect = PublishJobOptions::OnDisconnect::Pause;
        PublishJob waits(client->connection(),
                         compiled(topic, QStringLiteral("{{counter}}"), QoS::AtLeastOnce),
                         pauseOptions);
        waits.start();
        QCOMPARE(waits.state(), State::Paused);
        QVERIFY(client->connectAndWait());
        QTRY_COMPARE_WITH_TIMEOUT(waits.state(), State::Finished, kTimeoutMs);
        QCOMPARE(waits.stats().acknowledged, 5);
        QCOMPARE(stops.stats().sent, 0);
    }

    void messageThatCannotBeMadeStops()
    {
        auto client = connected();
        QVERIFY(client);
        const QString topic = uniqueTopic(QStringLiteral("bad"));
        MosquittoSub sub;
        QVERIFY(subscribe(sub, topic, QoS::AtLeastOnce));

        // "x" is not JSON: the job runs until {{pick}} draws it.
        PublishJobOptions options;
        options.count = 0;
        PublishJob job(client->connection(),
                       compiled(topic, QStringLiteral("{\"v\": {{pick 1 2 3 x}}}"),
                                QoS::AtLeastOnce, ProtocolVersion::V5, PayloadFormat::Json),
                       options);
        QVERIFY(job.message().isValid());
        QSignalSpy settled(&job, &PublishJob::settled);
        job.start();
        QTRY_COMPARE_WITH_TIMEOUT(job.state(), State::Stopped, kTimeoutMs);
        const qint64 sent = job.stats().sent;
        const QString error = job.stats().lastError;
        QVERIFY2(error.contains(QStringLiteral("Message %1 ").arg(sent + 1)), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("JSON"), Qt::CaseInsensitive), qPrintable(error));
        QCOMPARE(job.nextCounter(), quint64(sent + 1)); // the failed one was not used up
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, kTimeoutMs);
        QCOMPARE(job.stats().acknowledged, sent);
        QVERIFY(markerArrives(*client, sub, topic));
        QCOMPARE(qint64(sub.messages().size()), sent + 1); // the good ones and the marker

        // Always broken: the first message, numbered from the first counter.
        PublishJob broken(client->connection(),
                          compiled(topic, QStringLiteral("{\"v\": {{pick a b}}}"), QoS::AtLeastOnce,
                                   ProtocolVersion::V5, PayloadFormat::Json),
                          options);
        broken.setFirstCounter(500);
        broken.start();
        QCOMPARE(broken.state(), State::Stopped);
        QCOMPARE(broken.stats().sent, 0);
        QVERIFY2(broken.stats().lastError.startsWith(QStringLiteral("Message 500 ")),
                 qPrintable(broken.stats().lastError));
        QVERIFY(broken.isSettled());
    }
};

QTEST_GUILESS_MAIN(TstPublishJob)
#include "tst_publish_job.moc"
