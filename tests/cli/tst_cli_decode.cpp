// sub decodes as the app does: --proto/--proto-type and --numeric for the -t topics,
// --rules with the app's exported rules; JSON on one line, -F json with "decoded", and a
// payload that does not decode named on stderr with its bytes in hex while the run goes on.
// Against the real mosquitto; payloads published by mosquitto_pub from files.

#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/sparkplug/sparkplug_payloads.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

using Listener = TestBroker::Listener;

namespace {

const QString kProtoData = QStringLiteral(MQTTDESK_PROTO_DATA);

// demo.Reading {device: "pump-7", timestamp_ms: 300}:
//   0a 06 "pump-7"   field 1 (device), length-delimited, 6 bytes
//   10 ac 02         field 2 (timestamp_ms), varint 300
const QByteArray kReading("\x0a\x06pump-7\x10\xac\x02", 11);
// The same cut inside the varint: "at byte 9: truncated varint".
const QByteArray kTruncated = kReading.first(10);

QStringList protoArgs()
{
    return {u"--proto"_s,      kProtoData + u"/demo.proto"_s,
            u"--proto-path"_s, kProtoData,
            u"--proto-type"_s, u"demo.Reading"_s};
}

} // namespace

class TstCliDecode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void protoPrintsJsonAndNamesBadPayloads();
    void jsonLinesCarryDecoded();
    void numericArrays();
    void rulesFileAsTheAppExportsIt();
    void sparkplugAsAHost();
    void problemsStopBeforeConnecting_data();
    void problemsStopBeforeConnecting();

private:
    bool startSub(QProcess &sub, const QString &id, const QString &filter, const QStringList &args);
    bool publish(const QString &topic, const QByteArray &payload);
    QString writeFile(const QString &name, const QByteArray &content);

    CliBroker m_broker;
    QTemporaryDir m_tmp;
    int m_files = 0;
};

void TstCliDecode::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    QVERIFY(m_tmp.isValid());
}

void TstCliDecode::cleanupTestCase()
{
    m_broker.stop();
}

bool TstCliDecode::startSub(QProcess &sub, const QString &id, const QString &filter,
                            const QStringList &args)
{
    const qsizetype from = m_broker.logSize();
    CliProcess::start(sub, QStringList{u"sub"_s, u"-i"_s, id, u"-t"_s, filter} + args +
                               m_broker.connectArgs(Listener::Plain));
    return sub.waitForStarted() && m_broker.waitSubscribed(id, filter, 0, from);
}

QString TstCliDecode::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_tmp.filePath(QString::number(++m_files) + u'-' + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

bool TstCliDecode::publish(const QString &topic, const QByteArray &payload)
{
    const MosquittoPub::Result r = MosquittoPub::run(
        {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_broker.port(Listener::Plain)), u"-t"_s,
         topic, u"-f"_s, writeFile(u"payload.bin"_s, payload)});
    if (!r.finished || r.exitCode != 0)
        qWarning("mosquitto_pub: %s", r.output.constData());
    return r.finished && r.exitCode == 0;
}

void TstCliDecode::protoPrintsJsonAndNamesBadPayloads()
{
    const QString base = m_broker.uniqueTopic("decode-proto");
    QProcess sub;
    QVERIFY(startSub(sub, u"cli-decode-proto"_s, base + u"/#"_s,
                     protoArgs() + QStringList{u"-v"_s, u"-C"_s, u"3"_s}));
    QVERIFY(publish(base + u"/a"_s, kReading));
    QVERIFY(publish(base + u"/b"_s, kTruncated));
    QVERIFY(publish(base + u"/c"_s, QByteArray("\x18\x02", 2))); // status: FAULT
    QVERIFY(sub.waitForFinished(20000));
    QCOMPARE(sub.exitCode(), 0); // a bad payload does not end the run
    const QList<QByteArray> lines = sub.readAllStandardOutput().split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), (base + u"/a "_s).toUtf8() +
                              R"({"device":"pump-7","timestamp_ms":300,"status":"STATUS_UNKNOWN",)"
                              R"("raw":"","ratio":0,"counter":0})");
    QCOMPARE(lines.at(1), (base + u"/b 0a0670756d702d3710ac"_s).toUtf8());
    QVERIFY2(lines.at(2).contains(R"("status":"FAULT")"), lines.at(2).constData());
    const QString err = QString::fromUtf8(sub.readAllStandardError());
    QVERIFY2(err.contains(base + u"/b: Not a valid demo.Reading at byte 9: truncated varint."_s),
             qPrintable(err));
}

void TstCliDecode::jsonLinesCarryDecoded()
{
    const QString topic = m_broker.uniqueTopic("decode-json");
    QProcess sub;
    QVERIFY(startSub(sub, u"cli-decode-json"_s, topic,
                     protoArgs() + QStringList{u"-F"_s, u"json"_s, u"-C"_s, u"2"_s}));
    QVERIFY(publish(topic, kReading));
    QVERIFY(publish(topic, kTruncated));
    QVERIFY(sub.waitForFinished(20000));
    QCOMPARE(sub.exitCode(), 0);
    const QList<QByteArray> lines = sub.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QJsonParseError error;
    const QJsonObject good = QJsonDocument::fromJson(lines.at(0), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(good.value(u"topic"_s).toString(), topic);
    QCOMPARE(good.value(u"payloadlen"_s).toInt(), 11);
    // 0xac is no UTF-8: the raw bytes go as Base64 so that the line stays JSON.
    QCOMPARE(QByteArray::fromBase64(good.value(u"payload_base64"_s).toString().toLatin1()),
             kReading);
    QCOMPARE(good.value(u"decoded"_s).toObject().value(u"device"_s).toString(), u"pump-7"_s);
    const QJsonObject bad = QJsonDocument::fromJson(lines.at(1), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(!bad.contains(u"decoded"_s));
    QCOMPARE(bad.value(u"decodeError"_s).toString(),
             u"Not a valid demo.Reading at byte 9: truncated varint."_s);
}

void TstCliDecode::numericArrays()
{
    const QString topic = m_broker.uniqueTopic("decode-numeric");
    QProcess sub;
    QVERIFY(startSub(sub, u"cli-decode-numeric"_s, topic,
                     {u"--numeric"_s, u"int16be:2"_s, u"-C"_s, u"2"_s}));
    // A 2-byte header, then 1, -2 and 300 as big-endian int16.
    QVERIFY(publish(topic, QByteArray("HD\x00\x01\xff\xfe\x01\x2c", 8)));
    QVERIFY(publish(topic, QByteArray("HD\x00", 3))); // half a value
    QVERIFY(sub.waitForFinished(20000));
    QCOMPARE(sub.exitCode(), 0);
    QCOMPARE(sub.readAllStandardOutput(), QByteArray("[1,-2,300]\n484400\n"));
    QVERIFY(
        sub.readAllStandardError().contains("The bytes from byte 2 on do not make a whole int16"));
}

void TstCliDecode::rulesFileAsTheAppExportsIt()
{
    const QString base = m_broker.uniqueTopic("decode-rules");
    // First match wins: "+/raw" before "#"; topics no rule covers print as they came.
    const QJsonArray rules{
        QJsonObject{{u"filter"_s, QString(base + u"/+/raw"_s)},
                    {u"decoder"_s, u"numeric"_s},
                    {u"options"_s, QJsonObject{{u"type"_s, u"uint8"_s}}}},
        QJsonObject{{u"filter"_s, QString(base + u"/proto/#"_s)},
                    {u"decoder"_s, u"protobuf"_s},
                    {u"options"_s,
                     QJsonObject{{u"files"_s, QJsonArray{QString(kProtoData + u"/demo.proto"_s)}},
                                 {u"importPaths"_s, QJsonArray{kProtoData}},
                                 {u"type"_s, u"demo.Reading"_s}}}},
    };
    // The bare list, and the object form.
    const QString listFile = writeFile(u"rules.json"_s, QJsonDocument(rules).toJson());
    const QString objectFile = writeFile(
        u"rules-object.json"_s,
        QJsonDocument(QJsonObject{{u"decodingRules"_s, rules}}).toJson(QJsonDocument::Compact));
    for (const QString &file : {listFile, objectFile}) {
        QProcess sub;
        QVERIFY(startSub(sub, u"cli-decode-rules"_s, base + u"/#"_s,
                         {u"--rules"_s, file, u"-v"_s, u"-C"_s, u"3"_s}));
        QVERIFY(publish(base + u"/proto/raw"_s, QByteArray("\x01\x02", 2)));
        QVERIFY(publish(base + u"/proto/x"_s, kReading));
        QVERIFY(publish(base + u"/plain"_s, "as is"));
        QVERIFY(sub.waitForFinished(20000));
        QCOMPARE(sub.exitCode(), 0);
        const QList<QByteArray> lines = sub.readAllStandardOutput().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), (base + u"/proto/raw [1,2]"_s).toUtf8());
        QVERIFY2(lines.at(1).contains(R"({"device":"pump-7")"), lines.at(1).constData());
        QCOMPARE(lines.at(2), (base + u"/plain as is"_s).toUtf8());
    }
}

void TstCliDecode::sparkplugAsAHost()
{
    // The test publisher's edge node, published in order through the real broker.
    const QString group = m_broker.uniqueTopic("sparkplug").replace(u'/', u'-');
    const QList<SparkplugPayloads::Step> life = SparkplugPayloads::life(group);
    QProcess sub;
    QVERIFY(startSub(sub, u"cli-decode-sparkplug"_s, u"spBv1.0/%1/#"_s.arg(group),
                     {u"--sparkplug"_s, u"-v"_s, u"-C"_s, QString::number(life.size())}));
    for (const SparkplugPayloads::Step &step : life)
        QVERIFY(publish(step.topic, step.payload));
    QVERIFY(sub.waitForFinished(30000));
    QCOMPARE(sub.exitCode(), 0);
    const QList<QByteArray> lines = sub.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), life.size());
    // DDATA by alias, named from the DBIRTH.
    QVERIFY2(lines.at(2).contains(R"("name":"Pressure","alias":10)"), lines.at(2).constData());
    QVERIFY2(lines.at(0).contains(R"("state":"online")"), lines.at(0).constData());
    QVERIFY2(lines.at(5).contains(R"("state":"offline")"), lines.at(5).constData());
    const QString err = QString::fromUtf8(sub.readAllStandardError());
    QVERIFY2(err.contains(life.at(3).topic + u": sequence gap: expected 3, got 4"_s),
             qPrintable(err));
    QVERIFY2(err.contains(life.at(6).topic + u": DDATA before the device's DBIRTH"_s),
             qPrintable(err));
    QVERIFY2(err.contains(life.at(8).topic + u": NDATA before the node's NBIRTH"_s),
             qPrintable(err));
}

void TstCliDecode::problemsStopBeforeConnecting_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString demo = kProtoData + u"/demo.proto"_s;
    QTest::newRow("no type") << QStringList{u"--proto"_s, demo}
                             << u"--proto and --proto-type must be given together."_s;
    QTest::newRow("both") << QStringList{u"--proto"_s,      demo,           u"--proto-type"_s,
                                         u"demo.Reading"_s, u"--numeric"_s, u"int8"_s}
                          << u"--proto and --numeric cannot both decode the -t topics."_s;
    QTest::newRow("syntax") << QStringList{u"--proto"_s, kProtoData + u"/broken.proto"_s,
                                           u"--proto-type"_s, u"broken.Oops"_s}
                            << u"--proto: broken.proto:7:3: Expected \";\"."_s;
    QTest::newRow("type")
        << QStringList{u"--proto"_s,    demo, u"--proto-path"_s, kProtoData, u"--proto-type"_s,
                       u"demo.Readin"_s}
        << u"--proto: the .proto files declare no message type 'demo.Readin' "
           u"(they declare demo.Envelope, demo.Reading, demo.Reading.Location)."_s;
    QTest::newRow("missing file") << QStringList{u"--proto"_s, u"/nonexistent/x.proto"_s,
                                                 u"--proto-type"_s, u"x.Y"_s}
                                  << u"--proto: the file '/nonexistent/x.proto' does not exist."_s;
    QTest::newRow("numeric") << QStringList{u"--numeric"_s, u"int12"_s}
                             << u"'int12' is not a number type"_s;
}

void TstCliDecode::problemsStopBeforeConnecting()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    // Port 1 has no broker: the run must end on the argument, not on the connection.
    const CliProcess::Result r =
        CliProcess::run(QStringList{u"sub"_s, u"-t"_s, u"a/b"_s, u"-p"_s, u"1"_s} + args);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TstCliDecode)
#include "tst_cli_decode.moc"
