// mqttdesk-cli record and replay against the real mosquitto: record -C stops after N
// messages with the capture written (binary payloads, retained flag, MQTT 5 user properties);
// replay --rewrite publishes it under another prefix and a receiving `sub` prints the same
// payloads; --speed 0, -q, --loop; a broken capture file is a named error, exit 1.
#include "core/automation/capture_reader.h"
#include "tests/cli/cli_broker.h"
#include "tests/cli/cli_process.h"
#include "tests/fixture/mosquitto_pub.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace Qt::StringLiterals;

namespace {

QString failure(const CliProcess::Result &r)
{
    return QString::fromLocal8Bit("exit %1\nout: %2\nerr: %3")
        .arg(r.exitCode)
        .arg(QString::fromLocal8Bit(r.out), QString::fromLocal8Bit(r.err));
}

} // namespace

class TstCliRecordReplay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString())); }

    void recordThenReplay()
    {
        const quint16 port = m_broker.port(CliBroker::Listener::Plain);
        const QString root = m_broker.uniqueTopic("rec");
        const QString copy = m_broker.uniqueTopic("copy");
        const QStringList conn = m_broker.connectArgs(CliBroker::Listener::Plain);
        QTemporaryDir dir;
        const QString file = dir.filePath(u"capture.jsonl"_s);

        QProcess record;
        CliProcess::start(record, QStringList{u"record"_s, u"-V"_s, u"mqttv5"_s, u"-i"_s,
                                              u"cli-rec"_s, u"-t"_s, root + u"/#"_s, u"-q"_s,
                                              u"1"_s, u"-C"_s, u"6"_s, u"-o"_s, file} +
                                      conn);
        QVERIFY(record.waitForStarted());
        QVERIFY(m_broker.waitSubscribed(u"cli-rec"_s, root + u"/#"_s, 1));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(MosquittoPub::publish(
                         port, root + u"/t%1"_s.arg(i), QByteArray("v") + QByteArray::number(i),
                         {u"-q"_s, u"1"_s, u"-V"_s, u"mqttv5"_s, u"-D"_s, u"publish"_s,
                          u"user-property"_s, u"k"_s, u"n%1"_s.arg(i)})
                         .exitCode,
                     0);
        // A binary payload (NUL included) from a file, with our own pub.
        QFile binary(dir.filePath(u"bin"_s));
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.write(QByteArray("\x00\x01\xff", 3));
        binary.close();
        const CliProcess::Result pub =
            CliProcess::run(QStringList{u"pub"_s, u"-t"_s, root + u"/bin"_s, u"-q"_s, u"1"_s,
                                        u"-f"_s, binary.fileName()} +
                            conn);
        QVERIFY2(pub.exitCode == 0, qPrintable(failure(pub)));
        QVERIFY(record.waitForFinished(30000));
        QCOMPARE(record.exitCode(), 0);
        QVERIFY(record.readAllStandardError().contains(": 6."));

        const CaptureReader::Result read = CaptureReader::readFile(file);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.records.size(), 6);
        QCOMPARE(read.records.at(5).payload, QByteArray("\x00\x01\xff", 3));
        QVERIFY(!read.records.at(0).properties.isEmpty()); // the user property

        QProcess sub;
        CliProcess::start(sub, QStringList{u"sub"_s, u"-V"_s, u"mqttv5"_s, u"-i"_s, u"cli-copy"_s,
                                           u"-t"_s, copy + u"/#"_s, u"-q"_s, u"1"_s, u"-C"_s,
                                           u"12"_s, u"-F"_s, u"%t %P %x"_s} +
                                   conn);
        QVERIFY(sub.waitForStarted());
        QVERIFY(m_broker.waitSubscribed(u"cli-copy"_s, copy + u"/#"_s, 1));
        const CliProcess::Result replay = CliProcess::run(
            QStringList{u"replay"_s, file, u"-V"_s, u"mqttv5"_s, u"--rewrite"_s,
                        u"unrelated/=nothing/"_s, u"--rewrite"_s, root + u"/="_s + copy + u"/"_s,
                        u"--speed"_s, u"0"_s, u"--loop"_s, u"2"_s} +
            conn);
        QVERIFY2(replay.exitCode == 0, qPrintable(failure(replay)));
        QVERIFY2(replay.out.contains("12 of 12 messages sent, 12 acknowledged, 0 failed."),
                 qPrintable(failure(replay)));
        QVERIFY(sub.waitForFinished(30000));
        const QList<QByteArray> lines = sub.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 12);
        QCOMPARE(lines.at(0), (copy + u"/t0 k:n0 7630"_s).toUtf8());
        QCOMPARE(lines.at(5), (copy + u"/bin  0001ff"_s).toUtf8());
        QCOMPARE(lines.at(6), lines.at(0)); // the second loop
    }

    void brokenCaptureIsANamedError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"broken.jsonl"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"time_us\":1,\"topic\":\"a\"}\n{\"time_us\":2}\n");
        f.close();
        const CliProcess::Result r = CliProcess::run(
            QStringList{u"replay"_s, file} + m_broker.connectArgs(CliBroker::Listener::Plain));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Line 2"), qPrintable(failure(r)));
        const CliProcess::Result badRewrite =
            CliProcess::run(QStringList{u"replay"_s, file, u"--rewrite"_s, u"nothing"_s} +
                            m_broker.connectArgs(CliBroker::Listener::Plain));
        QCOMPARE(badRewrite.exitCode, 1);
        const CliProcess::Result noFile =
            CliProcess::run(QStringList{u"record"_s, u"-t"_s, u"a"_s} +
                            m_broker.connectArgs(CliBroker::Listener::Plain));
        QCOMPARE(noFile.exitCode, 1);
        QVERIFY(noFile.err.contains("-o file"));
    }

private:
    CliBroker m_broker;
};

QTEST_GUILESS_MAIN(TstCliRecordReplay)
#include "tst_cli_record_replay.moc"
