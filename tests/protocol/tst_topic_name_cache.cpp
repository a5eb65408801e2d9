// TopicNameCache through the codec: a PUBLISH whose Topic Name bytes were read before gets the
// same QString, shared; every verdict (the name, or the error and its offset) is the one the
// codec gives without a cache, for names that were kept, evicted, refused or cut short.
#include "core/protocol/codec.h"
#include "core/protocol/frame_reader.h"
#include "core/protocol/topic_name_cache.h"
#include "tests/protocol/support/wire.h"

#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

namespace {

// Frames `bytes` (one whole packet) and decodes it, through `cache` if given.
DecodeResult decodeOne(const QByteArray &bytes, ProtocolVersion version, TopicNameCache *cache)
{
    FrameReader reader;
    reader.append(bytes);
    std::optional<Frame> frame = reader.next();
    if (!frame)
        return *reader.error();
    return decode(std::move(*frame), version, cache);
}

QString topicOf(const DecodeResult &r)
{
    return r.ok() ? std::get<PublishPacket>(r.value()).topic : QStringLiteral("<error>");
}

QByteArray publish(const QString &topic, ProtocolVersion version)
{
    PublishPacket p;
    p.topic = topic;
    p.payload = QByteArrayLiteral("21.5");
    return encode(p, version);
}

} // namespace

class TestTopicNameCache : public QObject
{
    Q_OBJECT

private slots:
    void sameBytesShareOneString();
    void sameVerdictAsWithout_data();
    void sameVerdictAsWithout();
    void refusedNamesAreNotKept();
    void cutShortAfterAKeptName();
    void manyTopicsEvictAndStayRight();
};

void TestTopicNameCache::sameBytesShareOneString()
{
    TopicNameCache cache;
    // 3.1.1 PUBLISH QoS 0: Topic Name "plant/t" and a payload of two bytes.
    const QByteArray bytes = wire("30 0B | 00 07 'plant/t' | '21'");
    const DecodeResult first = decodeOne(bytes, ProtocolVersion::V311, &cache);
    const DecodeResult second = decodeOne(bytes, ProtocolVersion::V311, &cache);
    QCOMPARE(topicOf(first), QStringLiteral("plant/t"));
    QCOMPARE(topicOf(second), QStringLiteral("plant/t"));
    // The second one was not converted again: it shares the first one's characters.
    QCOMPARE(topicOf(second).constData(), topicOf(first).constData());
    QCOMPARE(std::get<PublishPacket>(second.value()).payload, QByteArrayLiteral("21"));
    QVERIFY(cache.find(QByteArrayView("plant/t")));
    QVERIFY(!cache.find(QByteArrayView("plant/u")));
}

void TestTopicNameCache::sameVerdictAsWithout_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("version");
    using V = ProtocolVersion;
    QTest::newRow("ascii") << wire("30 07 | 00 03 'a/b' | 'xy'") << int(V::V311);
    QTest::newRow("two-byte and three-byte UTF-8")
        << wire("30 0B | 00 09 C3 A9 '/' E6 B8 A9 E5 BA A6 | ") << int(V::V311);
    // U+FEFF at the start is kept, not dropped as a BOM [MQTT-1.5.4-3].
    QTest::newRow("leading U+FEFF") << wire("30 06 | 00 04 EF BB BF 'a'") << int(V::V311);
    QTest::newRow("5.0 with properties")
        << wire("30 07 | 00 01 't' | 02 01 01 | 'x'") << int(V::V5);
    // An empty name with a Topic Alias is not kept (nothing to share).
    QTest::newRow("5.0 empty name, alias")
        << wire("30 07 | 00 00 | 03 23 00 01 | 'x'") << int(V::V5);
    QTest::newRow("wildcard +") << wire("30 05 | 00 03 'a/+'") << int(V::V311);
    QTest::newRow("wildcard #") << wire("30 05 | 00 03 'a/#'") << int(V::V5);
    QTest::newRow("overlong UTF-8") << wire("30 04 | 00 02 C0 AF") << int(V::V311);
    QTest::newRow("U+0000") << wire("30 05 | 00 03 'a' 00 'b'") << int(V::V5);
    QTest::newRow("length past the end") << wire("30 04 | 00 05 'ab'") << int(V::V311);
}

void TestTopicNameCache::sameVerdictAsWithout()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, version);
    const auto v = ProtocolVersion(version);
    const DecodeResult plain = decodeOne(bytes, v, nullptr);
    TopicNameCache cache;
    for (int round = 0; round < 3; ++round) { // a miss, then hits if it was kept
        const DecodeResult cached = decodeOne(bytes, v, &cache);
        QCOMPARE(cached.ok(), plain.ok());
        if (plain.ok()) {
            QCOMPARE(topicOf(cached), topicOf(plain));
            QCOMPARE(std::get<PublishPacket>(cached.value()).payload,
                     std::get<PublishPacket>(plain.value()).payload);
        } else {
            QCOMPARE(int(cached.error().kind), int(plain.error().kind));
            QCOMPARE(cached.error().offset, plain.error().offset);
            QCOMPARE(cached.error().rule, plain.error().rule);
        }
    }
}

void TestTopicNameCache::refusedNamesAreNotKept()
{
    TopicNameCache cache;
    QVERIFY(!decodeOne(wire("30 05 | 00 03 'a/+'"), ProtocolVersion::V311, &cache).ok());
    QVERIFY(!cache.find(QByteArrayView("a/+")));
    QVERIFY(!decodeOne(wire("30 04 | 00 02 C0 AF"), ProtocolVersion::V311, &cache).ok());
    QVERIFY(!cache.find(QByteArrayView("\xC0\xAF")));
    // Accepted once, the same bytes are accepted again; a near name is still checked.
    QVERIFY(decodeOne(wire("30 05 | 00 03 'a/b'"), ProtocolVersion::V311, &cache).ok());
    QVERIFY(cache.find(QByteArrayView("a/b")));
    const DecodeResult near = decodeOne(wire("30 05 | 00 03 'a/#'"), ProtocolVersion::V311, &cache);
    QVERIFY(!near.ok());
    QCOMPARE(near.error().kind, DecodeError::Kind::WildcardInTopicName);
}

void TestTopicNameCache::cutShortAfterAKeptName()
{
    TopicNameCache cache;
    QVERIFY(decodeOne(wire("30 05 | 00 03 'a/b'"), ProtocolVersion::V311, &cache).ok());
    // The same length field, but only two of its three bytes in the packet.
    const QByteArray cut = wire("30 04 | 00 03 'a/'");
    const DecodeResult withCache = decodeOne(cut, ProtocolVersion::V311, &cache);
    const DecodeResult without = decodeOne(cut, ProtocolVersion::V311, nullptr);
    QVERIFY(!withCache.ok());
    QCOMPARE(withCache.error().kind, without.error().kind);
    QCOMPARE(withCache.error().offset, without.error().offset);
}

void TestTopicNameCache::manyTopicsEvictAndStayRight()
{
    // Far more names than slots, twice over, with names of the longest kept length and one
    // byte more: every decode names its own topic, hit or miss.
    TopicNameCache cache;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 2000; ++i) {
            QString name = QStringLiteral("site/%1/sensor/%2").arg(i % 37).arg(i);
            if (i % 500 == 0)
                name = name.leftJustified(int(TopicNameCache::kMaxKeptBytes) + (i % 1000 ? 1 : 0),
                                          QLatin1Char('x'));
            const ProtocolVersion v = i % 2 ? ProtocolVersion::V5 : ProtocolVersion::V311;
            const DecodeResult r = decodeOne(publish(name, v), v, &cache);
            QVERIFY2(r.ok(), qPrintable(name));
            QCOMPARE(topicOf(r), name);
        }
    }
}

QTEST_APPLESS_MAIN(TestTopicNameCache)
#include "tst_topic_name_cache.moc"
