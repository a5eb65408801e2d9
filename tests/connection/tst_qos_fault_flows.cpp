// Every QoS 1 and QoS 2 flow, cut at each of its steps in either direction by FaultProxy
// between our client and the real mosquitto, then resumed by the client's own reconnect
// (through the proxy, the one-shot fault gone) with a persistent session (3.1.1: Clean
// Session 0; 5.0: Session Expiry > 0). Numbered payloads count losses and duplicates
// exactly: QoS 1 arrives at least once, QoS 2 exactly once [MQTT-4.3.2 / MQTT-4.3.3], in
// both roles of our client:
// - publishing: a peer subscribed directly at the broker counts what arrives, and every
//   publish reports its final outcome once;
// - subscribing: what Connection delivers to the app is counted.
// The *Twice variants cut the same step again after the reconnect (the retransmission,
// or at the latest the marker's flow): the flow state must survive two reconnects.
// A marker sent after all flows completed (and received after all of them, as the broker
// keeps order per subscription) is the point after which no late duplicate can come.

#include "tests/connection/client_probe.h"
#include "tests/connection/fault_proxy.h"
#include "tests/connection/test_settings.h"
#include "tests/fixture/test_broker.h"

#include <QSignalSpy>
#include <QTest>

using namespace mqttdesk;
using V = ProtocolVersion;
using Listener = TestBroker::Listener;
using Dir = FaultProxy::Direction;
using Cut = FaultProxy::CutPoint;

Q_DECLARE_METATYPE(mqttdesk::ProtocolVersion)

namespace {

constexpr int kMessages = 4;
// The cut hits the second flow: the first completes before it, the rest are in flight.
constexpr int kOccurrence = 2;
const QByteArray kMarker = "end";

struct Step
{
    int qos = 1;
    Dir direction = Dir::ClientToBroker;
    PacketType type = PacketType::Publish;
    Cut point = Cut::BeforePacket;
};

void addRows(const QList<Step> &steps)
{
    QTest::addColumn<V>("version");
    QTest::addColumn<int>("qos");
    QTest::addColumn<Dir>("direction");
    QTest::addColumn<int>("type");
    QTest::addColumn<Cut>("point");
    for (V version : {V::V311, V::V5}) {
        for (const Step &s : steps) {
            const QString name =
                QStringLiteral("%1 qos%2 %3 %4 %5")
                    .arg(version == V::V5 ? QStringLiteral("5.0") : QStringLiteral("3.1.1"))
                    .arg(s.qos)
                    .arg(s.direction == Dir::ClientToBroker ? QStringLiteral("client>broker")
                                                            : QStringLiteral("broker>client"),
                         packetTypeName(s.type),
                         s.point == Cut::BeforePacket ? QStringLiteral("before")
                                                      : QStringLiteral("after"));
            QTest::newRow(qPrintable(name))
                << version << s.qos << s.direction << int(s.type) << s.point;
        }
    }
}

PublishPacket message(const QString &topic, const QByteArray &payload, QoS qos)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = payload;
    p.qos = qos;
    return p;
}

// How often each numbered payload 0..kMessages-1 arrived, and whether the marker did.
QList<int> countNumbers(const QList<ReceivedMessage> &messages)
{
    QList<int> counts(kMessages, 0);
    for (const ReceivedMessage &m : messages) {
        bool ok = false;
        const int n = m.message.payload.toInt(&ok);
        if (ok && n >= 0 && n < kMessages)
            ++counts[n];
    }
    return counts;
}

bool hasMarker(const QList<ReceivedMessage> &messages)
{
    for (const ReceivedMessage &m : messages) {
        if (m.message.payload == kMarker)
            return true;
    }
    return false;
}

QByteArray describeCounts(const QList<int> &counts)
{
    QByteArray text = "deliveries per message:";
    for (int c : counts)
        text += ' ' + QByteArray::number(c);
    return text + '\n';
}

// Our client publishes; the flow is cut at one step.
void addPublishRows()
{
    using T = PacketType;
    const auto C2B = Dir::ClientToBroker;
    const auto B2C = Dir::BrokerToClient;
    const auto before = Cut::BeforePacket;
    const auto after = Cut::AfterPacket;
    addRows({
        {1, C2B, T::Publish, before}, // PUBLISH never reaches the broker
        {1, C2B, T::Publish, after},  // the broker has it, PUBACK cannot come back
        {1, B2C, T::Puback, before},  // PUBACK lost on its way
        {1, B2C, T::Puback, after},
        {2, C2B, T::Publish, before},
        {2, C2B, T::Publish, after},
        {2, B2C, T::Pubrec, before},
        {2, B2C, T::Pubrec, after},  // our PUBREL cannot go out
        {2, C2B, T::Pubrel, before}, // PUBREL lost on its way
        {2, C2B, T::Pubrel, after},  // PUBCOMP cannot come back
        {2, B2C, T::Pubcomp, before},
        {2, B2C, T::Pubcomp, after},
    });
}

// Our client subscribes; the broker's flow towards it is cut at one step.
void addReceiveRows()
{
    using T = PacketType;
    const auto C2B = Dir::ClientToBroker;
    const auto B2C = Dir::BrokerToClient;
    const auto before = Cut::BeforePacket;
    const auto after = Cut::AfterPacket;
    addRows({
        {1, B2C, T::Publish, before}, // the broker's PUBLISH on its way to us
        {1, B2C, T::Publish, after},  // we have it, our PUBACK cannot go out
        {1, C2B, T::Puback, before},  // our PUBACK lost on its way
        {1, C2B, T::Puback, after},
        {2, B2C, T::Publish, before},
        {2, B2C, T::Publish, after},
        {2, C2B, T::Pubrec, before}, // our PUBREC lost: the broker sends PUBLISH again
        {2, C2B, T::Pubrec, after},
        {2, B2C, T::Pubrel, before},
        {2, B2C, T::Pubrel, after}, // our PUBCOMP cannot go out
        {2, C2B, T::Pubcomp, before},
        {2, C2B, T::Pubcomp, after},
    });
}

} // namespace

class TstQosFaultFlows : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestBroker> m_broker;
    std::unique_ptr<FaultProxy> m_proxy;

    // Our client, through the proxy, with a persistent session and a quick reconnect.
    ConnectionSettings proxied(V version, const QString &clientId)
    {
        ConnectionSettings s = TestSettings::forPort(m_proxy->port(), version, clientId);
        s.session.cleanStart = false;
        if (version == V::V5)
            s.session.sessionExpiryInterval = 300;
        s.session.reconnect.enabled = true;
        s.session.reconnect.initialDelayMs = 50;
        s.session.reconnect.maximumDelayMs = 300;
        return s;
    }
    ConnectionSettings direct(V version)
    {
        return TestSettings::forListener(*m_broker, Listener::Plain, version);
    }

    // The cut happened, and the client is back with its session.
    void waitForCutAndResume(ClientProbe &client, QSignalSpy &cuts)
    {
        QTRY_VERIFY_WITH_TIMEOUT(cuts.size() >= 1, 10000); // a second may follow at once
        QVERIFY2(client.waitForConnectedCount(2, 15000), client.describe());
        QVERIFY2(client.connacks().last().sessionPresent, client.describe());
    }

    // With cutsWanted 2: the first cut arms the same rule again, for the first such packet
    // after it (one-shot again).
    void armAgain(int cutsWanted, Dir direction, PacketType type, Cut point)
    {
        if (cutsWanted < 2)
            return;
        connect(
            m_proxy.get(), &FaultProxy::connectionCut, m_proxy.get(),
            [proxy = m_proxy.get(), direction, type, point] {
                proxy->cutAtPacket(direction, type, 1, point);
            },
            Qt::SingleShotConnection);
    }
    // Every cut happened and the client resumed its session after each.
    void verifyCutsAndResumes(ClientProbe &client, QSignalSpy &cuts, int cutsWanted)
    {
        QTRY_COMPARE_WITH_TIMEOUT(cuts.size(), cutsWanted, 10000);
        QVERIFY2(client.waitForConnectedCount(cutsWanted + 1, 15000), client.describe());
        QCOMPARE(client.connacks().size(), cutsWanted + 1);
        QVERIFY2(client.connacks().last().sessionPresent, client.describe());
    }

    // cutsWanted: 1, or 2 to cut the same step again once the client has resumed (its
    // retransmission, or at the latest the marker's flow).
    void runPublish(int cutsWanted)
    {
        QFETCH(V, version);
        QFETCH(int, qos);
        QFETCH(Dir, direction);
        QFETCH(int, type);
        QFETCH(Cut, point);
        const auto level = QoS(qos);
        const QString id = TestSettings::uniqueClientId(QStringLiteral("qpub"));
        const QString topic = QStringLiteral("faults/pub/") + id;

        ClientProbe peer(direct(version));
        QVERIFY2(peer.connectAndWait(), peer.describe());
        QVERIFY(peer.subscribeAndWait(topic, QoS::ExactlyOnce));

        ClientProbe c(proxied(version, id));
        QVERIFY2(c.connectAndWait(), c.describe());
        QSignalSpy cuts(m_proxy.get(), &FaultProxy::connectionCut);
        m_proxy->cutAtPacket(direction, PacketType(type), kOccurrence, point);
        armAgain(cutsWanted, direction, PacketType(type), point);
        QList<quint64> tokens;
        for (int i = 0; i < kMessages; ++i)
            tokens.append(c.publish(message(topic, QByteArray::number(i), level)));
        waitForCutAndResume(c, cuts);
        if (QTest::currentTestFailed())
            return;

        const PublishStatus done =
            level == QoS::AtLeastOnce ? PublishStatus::Acknowledged : PublishStatus::Completed;
        for (quint64 token : tokens) {
            const auto outcome = c.waitForOutcome(token, 15000);
            QVERIFY2(outcome && !outcome->error && outcome->status == done, c.describe());
        }
        const auto marker = c.publishAndWait(message(topic, kMarker, level));
        QVERIFY2(marker && !marker->error, c.describe());
        QVERIFY2(QTest::qWaitFor([&] { return hasMarker(peer.messages()); }, 15000),
                 QByteArray(describeCounts(countNumbers(peer.messages())) + peer.describe()));
        verifyCutsAndResumes(c, cuts, cutsWanted);

        // Each publish ends once, however often its packets went out.
        for (quint64 token : tokens) {
            int finals = 0;
            for (const PublishOutcome &o : c.outcomesFor(token))
                finals += o.isFinal() ? 1 : 0;
            QCOMPARE(finals, 1);
        }
        const QList<int> counts = countNumbers(peer.messages());
        for (int i = 0; i < kMessages; ++i) {
            if (level == QoS::ExactlyOnce)
                QVERIFY2(counts[i] == 1, QByteArray(describeCounts(counts) + c.describe()));
            else
                QVERIFY2(counts[i] >= 1, QByteArray(describeCounts(counts) + c.describe()));
        }
    }

    void runReceive(int cutsWanted)
    {
        QFETCH(V, version);
        QFETCH(int, qos);
        QFETCH(Dir, direction);
        QFETCH(int, type);
        QFETCH(Cut, point);
        const auto level = QoS(qos);
        const QString id = TestSettings::uniqueClientId(QStringLiteral("qsub"));
        const QString topic = QStringLiteral("faults/sub/") + id;

        ClientProbe c(proxied(version, id));
        QVERIFY2(c.connectAndWait(), c.describe());
        QVERIFY(c.subscribeAndWait(topic, level));
        ClientProbe publisher(direct(version));
        QVERIFY2(publisher.connectAndWait(), publisher.describe());

        QSignalSpy cuts(m_proxy.get(), &FaultProxy::connectionCut);
        m_proxy->cutAtPacket(direction, PacketType(type), kOccurrence, point);
        armAgain(cutsWanted, direction, PacketType(type), point);
        for (int i = 0; i < kMessages; ++i) {
            const auto outcome =
                publisher.publishAndWait(message(topic, QByteArray::number(i), level));
            QVERIFY2(outcome && !outcome->error, publisher.describe());
        }
        waitForCutAndResume(c, cuts);
        if (QTest::currentTestFailed())
            return;

        const auto marker = publisher.publishAndWait(message(topic, kMarker, level));
        QVERIFY2(marker && !marker->error, publisher.describe());
        QVERIFY2(QTest::qWaitFor([&] { return hasMarker(c.messages()); }, 15000),
                 QByteArray(describeCounts(countNumbers(c.messages())) + c.describe()));
        verifyCutsAndResumes(c, cuts, cutsWanted);
        const QList<int> counts = countNumbers(c.messages());
        for (int i = 0; i < kMessages; ++i) {
            if (level == QoS::ExactlyOnce)
                QVERIFY2(counts[i] == 1, QByteArray(describeCounts(counts) + c.describe()));
            else
                QVERIFY2(counts[i] >= 1, QByteArray(describeCounts(counts) + c.describe()));
        }
    }

private slots:
    void initTestCase()
    {
        m_broker = std::make_unique<TestBroker>();
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void init()
    {
        m_proxy = std::make_unique<FaultProxy>(TestBroker::host(), m_broker->port(Listener::Plain));
        QVERIFY(m_proxy->listen());
    }
    void cleanup() { m_proxy.reset(); }

    void publishFlowCut_data() { addPublishRows(); }
    void publishFlowCut() { runPublish(1); }
    // The retransmission after the reconnect is cut too: the flow state must survive two
    // reconnects.
    void publishFlowCutTwice_data() { addPublishRows(); }
    void publishFlowCutTwice() { runPublish(2); }

    void receiveFlowCut_data() { addReceiveRows(); }
    void receiveFlowCut() { runReceive(1); }
    void receiveFlowCutTwice_data() { addReceiveRows(); }
    void receiveFlowCutTwice() { runReceive(2); }
};

QTEST_GUILESS_MAIN(TstQosFaultFlows)
#include "tst_qos_fault_flows.moc"
