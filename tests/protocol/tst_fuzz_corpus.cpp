// The fuzz target's seed corpus (tests/fuzz/corpus/decode/) is made from the packet
// fixtures: one file per fixture and one stream per version, each prefixed with the
// version selector byte and a chunk-size seed byte (see tests/fuzz/fuzz_decode.cpp).
// This test checks the committed corpus is up to date; with MQTTDESK_WRITE_FUZZ_CORPUS=1
// in the environment it rewrites it.

#include "tests/protocol/support/packet_fixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

namespace {

char versionSelector(ProtocolVersion version)
{
    switch (version) {
    case ProtocolVersion::V31:
        return 0;
    case ProtocolVersion::V311:
        return 1;
    case ProtocolVersion::V5:
        return 2;
    }
    return 0;
}

QString fileName(const QString &name)
{
    QString out;
    for (QChar c : name) {
        if (c.isLetterOrNumber())
            out += c.toLower();
        else if (!out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

QMap<QString, QByteArray> corpus()
{
    QMap<QString, QByteArray> out;
    const QList<PacketFixture> fixtures = packetFixtures();
    for (const PacketFixture &f : fixtures) {
        out.insert(fileName(f.name), QByteArray(1, versionSelector(f.version)) + '\x07' + f.bytes);
    }
    for (ProtocolVersion v : {ProtocolVersion::V31, ProtocolVersion::V311, ProtocolVersion::V5}) {
        out.insert(QStringLiteral("stream-") + fileName(protocolVersionName(v)),
                   QByteArray(1, versionSelector(v)) + '\x02' + fixtureStream(fixtures, v));
    }
    return out;
}

} // namespace

class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private slots:
    void corpusMatchesFixtures();
};

void TestFuzzCorpus::corpusMatchesFixtures()
{
    // ctest sets MQTTDESK_SOURCE_DIR; run by hand, the source tree is where this file is.
    const QString root =
        qEnvironmentVariableIsSet("MQTTDESK_SOURCE_DIR")
            ? qEnvironmentVariable("MQTTDESK_SOURCE_DIR")
            : QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + QStringLiteral("/../..");
    const QDir dir(root + QStringLiteral("/tests/fuzz/corpus/decode"));
    const QMap<QString, QByteArray> expected = corpus();
    QVERIFY(expected.size() < 200);
    if (qEnvironmentVariableIsSet("MQTTDESK_WRITE_FUZZ_CORPUS")) {
        QVERIFY(QDir().mkpath(dir.path()));
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QFile file(dir.filePath(it.key()));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(it.value()), it.value().size());
        }
    }
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QFile file(dir.filePath(it.key()));
        QVERIFY2(file.open(QIODevice::ReadOnly),
                 qPrintable(it.key() + QStringLiteral(": missing; regenerate with "
                                                      "MQTTDESK_WRITE_FUZZ_CORPUS=1")));
        QVERIFY2(file.readAll() == it.value(), qPrintable(it.key() + QStringLiteral(": stale")));
    }
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"
