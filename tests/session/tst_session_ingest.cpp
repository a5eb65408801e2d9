// The receive path under a flood: messages arrive whole and in order for any chunking
// (the session decodes straight from the caller's bytes and keeps only a partial frame),
// per-packet log lines only when asked for, and actions appended to the caller's list.
#include "core/protocol/codec.h"
#include "tests/session/support/session_driver.h"

#include <QTest>

#include <algorithm>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TestSessionIngest : public QObject
{
    Q_OBJECT

private slots:
    void anyChunkingDeliversEveryMessageInOrder_data();
    void anyChunkingDeliversEveryMessageInOrder();
    void packetLogLinesOnlyWhenAsked_data() { addVersionRows(); }
    void packetLogLinesOnlyWhenAsked();
    void handleAppendsToTheCallersList();
    void packetLogLinesAreLimitedPerSecond();
};

namespace {

// Payload i: a size from 0 to 70,000 bytes (so some take the large-frame path), filled
// with a byte that depends on i.
QByteArray payloadFor(int i)
{
    const qsizetype size = i % 9 == 4 ? 20000 + i * 251 : (i * 37) % 400;
    return QByteArray(size, char('a' + i % 26));
}

} // namespace

void TestSessionIngest::anyChunkingDeliversEveryMessageInOrder_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<qsizetype>("chunkSize");
    for (ProtocolVersion v : {ProtocolVersion::V311, ProtocolVersion::V5}) {
        for (const qsizetype size : {1, 3, 1460, 65536, 1 << 22})
            QTest::addRow("%s/%lld", qPrintable(protocolVersionName(v)), qlonglong(size))
                << int(v) << size;
    }
}

void TestSessionIngest::anyChunkingDeliversEveryMessageInOrder()
{
    QFETCH(qsizetype, chunkSize);
    SessionOptions options;
    options.version = versionFromRow();
    SessionDriver d(options);
    d.connectAndAccept();
    d.take();
    constexpr int count = 120;
    QByteArray stream;
    for (int i = 0; i < count; ++i)
        stream +=
            encode(publishPacket(QStringLiteral("flood/%1").arg(i), payloadFor(i), QoS::AtMostOnce),
                   options.version);
    for (qsizetype pos = 0; pos < stream.size(); pos += chunkSize) {
        // A socket-like buffer, overwritten once handled: nothing may point into it.
        QByteArray chunk = stream.mid(pos, chunkSize);
        d.receiveBytes(chunk);
        chunk.fill('\xEE');
    }
    const QList<DeliverMessage> delivered = SessionDriver::of<DeliverMessage>(d.take());
    QCOMPARE(delivered.size(), count);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(delivered[i].message.topic, QStringLiteral("flood/%1").arg(i));
        QVERIFY2(delivered[i].message.payload == payloadFor(i), qPrintable(QString::number(i)));
    }
    QCOMPARE(d.session.state(), SessionState::Connected);
}

void TestSessionIngest::packetLogLinesOnlyWhenAsked()
{
    for (const bool logPackets : {false, true}) {
        SessionOptions options;
        options.version = versionFromRow();
        options.logPackets = logPackets;
        SessionDriver d(options);
        d.connectAndAccept();
        d.handle(publishRequest(1, QStringLiteral("out"), QoS::AtMostOnce));
        for (int i = 0; i < 3; ++i)
            d.receive(publishPacket(QStringLiteral("in"), "x", QoS::AtMostOnce));
        int in = 0;
        int out = 0;
        for (const LogLine &line : SessionDriver::of<LogLine>(d.take())) {
            in += line.text.startsWith(QStringLiteral("<- ")) ? 1 : 0;
            out += line.text.startsWith(QStringLiteral("-> ")) ? 1 : 0;
        }
        // CONNACK + 3 PUBLISH in; CONNECT + PUBLISH out.
        QCOMPARE(in, logPackets ? 4 : 0);
        QCOMPARE(out, logPackets ? 2 : 0);
    }
}

void TestSessionIngest::handleAppendsToTheCallersList()
{
    SessionOptions options;
    SessionDriver d(options);
    d.connectAndAccept();
    SessionActions out;
    out.push_back(LogLine{LogLevel::Info, QStringLiteral("mine")});
    QByteArray two =
        encode(publishPacket(QStringLiteral("a"), "1", QoS::AtMostOnce), options.version);
    two += encode(publishPacket(QStringLiteral("b"), "2", QoS::AtMostOnce), options.version);
    d.session.handle(BytesReceived{two}, d.now, out);
    QCOMPARE(out.size(), std::size_t(3));
    QVERIFY(std::holds_alternative<LogLine>(out[0]));
    QCOMPARE(std::get<DeliverMessage>(out[1]).message.topic, QStringLiteral("a"));
    QCOMPARE(std::get<DeliverMessage>(out[2]).message.topic, QStringLiteral("b"));
}

// A flood with packet logging on: at most 200 packet lines a second, and the rest is
// counted in one line when the next second starts (the log's receiver stays idle after).
void TestSessionIngest::packetLogLinesAreLimitedPerSecond()
{
    SessionOptions o;
    o.version = ProtocolVersion::V311;
    o.clientId = QStringLiteral("log");
    o.logPackets = true;
    const auto lines = [](const SessionActions &a, const QString &start) {
        int n = 0;
        for (const LogLine &line : SessionDriver::of<LogLine>(a))
            n += line.text.startsWith(start) ? 1 : 0;
        return n;
    };
    SessionDriver d(o);
    d.connectAndAccept();
    const SessionActions connecting = d.take();
    // CONNECT and CONNACK used part of this second's lines.
    const int used =
        lines(connecting, QStringLiteral("-> ")) + lines(connecting, QStringLiteral("<- "));
    QVERIFY(used > 0);
    for (int i = 0; i < 1000; ++i)
        d.receive(publishPacket(QStringLiteral("t"), "x", QoS::AtMostOnce));
    SessionActions a = d.take();
    QCOMPARE(SessionDriver::count<DeliverMessage>(a), 1000); // every message still delivered
    QCOMPARE(lines(a, QStringLiteral("<- PUBLISH")), 200 - used);
    d.now += 1000;
    d.receive(publishPacket(QStringLiteral("t"), "x", QoS::AtMostOnce));
    a = d.take();
    QCOMPARE(lines(a, QStringLiteral("<- PUBLISH")), 1);
    const QList<LogLine> all = SessionDriver::of<LogLine>(a);
    const QString summary = QStringLiteral("%1 more packets not logged").arg(1000 - (200 - used));
    QVERIFY(std::any_of(all.begin(), all.end(),
                        [&](const LogLine &l) { return l.text.contains(summary); }));
}

QTEST_GUILESS_MAIN(TestSessionIngest)
#include "tst_session_ingest.moc"
