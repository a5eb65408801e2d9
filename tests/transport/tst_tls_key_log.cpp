#include "core/transport/tls_key_log.h"
#include "core/transport/transport_factory.h"
#include "tests/fixture/test_broker.h"
#include "tests/fixture/test_pki.h"
#include "tests/transport/support/mqtt_probe.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <thread>
#include <vector>

using namespace mqttdesk;
using Listener = TestBroker::Listener;

// The TLS key log against the real mosquitto of the fixture: the NSS key log lines Wireshark
// reads (TLS 1.3 through the transport, TLS 1.2 through a socket of its own), a file private
// to the user, SSLKEYLOGFILE and the connection's own path, and a file that cannot be
// written, which is a warning and not a failure.
class TstTlsKeyLog : public QObject
{
    Q_OBJECT

private:
    TestBroker m_broker;
    QTemporaryDir m_dir;

    TransportOptions options(Listener listener = Listener::Tls) const
    {
        TransportOptions o;
        o.kind = listener == Listener::Wss ? TransportOptions::Kind::SecureWebSocket
                                           : TransportOptions::Kind::Tls;
        o.host = TestBroker::host();
        o.port = m_broker.port(listener);
        o.connectTimeoutMs = 20000;
        o.tls.caFiles = {m_broker.pki().caCert()};
        return o;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QStringList lines(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromLatin1(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    // A CONNECT answered by a CONNACK over `transport`; the failure names what went wrong.
    static void exchangeConnack(Transport &transport)
    {
        const auto result = MqttProbe::exchange(transport, {MqttProbe::connectPacket()},
                                                MqttProbe::connackAccepted().size());
        QVERIFY2(result.connected && !result.error.isError(), qPrintable(result.describe()));
        QCOMPARE(result.received, MqttProbe::connackAccepted());
    }

    static bool hasLine(const QStringList &lines, const QRegularExpression &pattern)
    {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const QString &line) { return pattern.match(line).hasMatch(); });
    }

    // "<label> <64 hex digits of the client random> <secret in hex>"
    static QRegularExpression secretLine(const char *label, int secretHexDigits = 0)
    {
        const QString secret = secretHexDigits > 0
                                   ? QStringLiteral("[0-9a-f]{%1}").arg(secretHexDigits)
                                   : QStringLiteral("[0-9a-f]{64,128}");
        return QRegularExpression(
            QStringLiteral("^%1 [0-9a-f]{64} %2$").arg(QString::fromLatin1(label), secret));
    }

private slots:
    void initTestCase()
    {
        qunsetenv("SSLKEYLOGFILE");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
    }

    void cleanup() { qunsetenv("SSLKEYLOGFILE"); }

    void pathForPrefersTheConnectionsOwnFile()
    {
        QCOMPARE(TlsKeyLog::pathFor({}), QString());
        qputenv("SSLKEYLOGFILE", "/tmp/from-env.log");
        QCOMPARE(TlsKeyLog::pathFor({}), QStringLiteral("/tmp/from-env.log"));
        QCOMPARE(TlsKeyLog::pathFor(QStringLiteral("/tmp/own.log")),
                 QStringLiteral("/tmp/own.log"));
    }

    void tls13SecretsThroughTheTransport()
    {
        const QString file = path(QStringLiteral("tls13.log"));
        TransportOptions o = options();
        o.tls.keyLogFile = file;
        auto transport = TransportFactory::create(o);
        QSignalSpy notices(transport.get(), &Transport::noticeOccurred);
        QSignalSpy warnings(transport.get(), &Transport::warningOccurred);
        exchangeConnack(*transport);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.value(0).value(0).toString()));
        QCOMPARE(notices.size(), 1);
        QVERIFY(notices.first().first().toString().contains(file));
        // The notice names the file, never a secret.
        QVERIFY(!notices.first().first().toString().contains(QLatin1String("SECRET")));

        const QStringList written = lines(file);
        QVERIFY2(hasLine(written, secretLine("CLIENT_HANDSHAKE_TRAFFIC_SECRET")),
                 qPrintable(written.join(QLatin1Char('\n'))));
        QVERIFY(hasLine(written, secretLine("SERVER_HANDSHAKE_TRAFFIC_SECRET")));
        QVERIFY(hasLine(written, secretLine("CLIENT_TRAFFIC_SECRET_0")));
        QVERIFY(hasLine(written, secretLine("SERVER_TRAFFIC_SECRET_0")));
        // Whole lines only.
        for (const QString &line : written)
            QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]+$"))
                         .match(line)
                         .hasMatch(),
                     qPrintable(line));

        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        transport->abort();
    }

    void tls12ClientRandom()
    {
        // TlsOptions sets a minimum version only: a socket of its own pins TLS 1.2.
        QString error;
        const auto log = TlsKeyLog::open(path(QStringLiteral("tls12.log")), &error);
        QVERIFY2(log, qPrintable(error));
        QSslSocket socket;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(m_broker.pki().caCert()));
        configuration.setProtocol(QSsl::TlsV1_2);
        socket.setSslConfiguration(configuration);
        socket.setPeerVerifyName(TestBroker::host());
        bool started = false;
        connect(&socket, &QSslSocket::connected, this,
                [&] { started = log->startClientEncryption(&socket, &error); });
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHost(TestBroker::host(), m_broker.port(Listener::Tls));
        QVERIFY2(encrypted.wait(20000), qPrintable(socket.errorString()));
        QVERIFY2(started, qPrintable(error));
        QCOMPARE(socket.sessionProtocol(), QSsl::TlsV1_2);

        const QStringList written = lines(log->path());
        QCOMPARE(written.size(), 1);
        // 32-byte client random, 48-byte master secret.
        QVERIFY2(secretLine("CLIENT_RANDOM", 96).match(written.first()).hasMatch(),
                 qPrintable(written.first()));
        socket.abort();
    }

    void environmentVariable()
    {
        const QString file = path(QStringLiteral("env.log"));
        qputenv("SSLKEYLOGFILE", QFile::encodeName(file));
        auto transport = TransportFactory::create(options());
        QSignalSpy notices(transport.get(), &Transport::noticeOccurred);
        exchangeConnack(*transport);
        QVERIFY(hasLine(lines(file), secretLine("CLIENT_HANDSHAKE_TRAFFIC_SECRET")));
        QCOMPARE(notices.size(), 1);
        QVERIFY(notices.first().first().toString().contains(QLatin1String("SSLKEYLOGFILE")));
        transport->abort();
    }

    void connectionsOwnFileWinsOverTheEnvironment()
    {
        const QString envFile = path(QStringLiteral("env-unused.log"));
        const QString own = path(QStringLiteral("own.log"));
        qputenv("SSLKEYLOGFILE", QFile::encodeName(envFile));
        TransportOptions o = options();
        o.tls.keyLogFile = own;
        auto transport = TransportFactory::create(o);
        exchangeConnack(*transport);
        QVERIFY(hasLine(lines(own), secretLine("CLIENT_TRAFFIC_SECRET_0")));
        QVERIFY(!QFile::exists(envFile));
        transport->abort();
    }

    void appendsAndKeepsWhatWasThere()
    {
        const QString file = path(QStringLiteral("append.log"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# earlier capture\n");
        }
        TransportOptions o = options();
        o.tls.keyLogFile = file;
        for (int i = 0; i < 2; ++i) {
            auto transport = TransportFactory::create(o);
            exchangeConnack(*transport);
            transport->abort();
        }
        const QStringList written = lines(file);
        QCOMPARE(written.first(), QStringLiteral("# earlier capture"));
        const auto handshakes =
            std::count_if(written.begin(), written.end(), [](const QString &line) {
                return line.startsWith(QLatin1String("CLIENT_HANDSHAKE_TRAFFIC_SECRET "));
            });
        QCOMPARE(handshakes, 2);
    }

    void unwritableFileIsAWarningOnly()
    {
        const QString file = path(QStringLiteral("no-such-directory/keys.log"));
        TransportOptions o = options();
        o.tls.keyLogFile = file;
        auto transport = TransportFactory::create(o);
        QSignalSpy warnings(transport.get(), &Transport::warningOccurred);
        exchangeConnack(*transport);
        QCOMPARE(warnings.size(), 1);
        const QString warning = warnings.first().first().toString();
        QVERIFY2(warning.contains(file) && warning.contains(QLatin1String("No such file")),
                 qPrintable(warning));
        QCOMPARE(transport->state(), Transport::State::Open);
        transport->abort();
    }

    // Secure WebSocket runs over the same TLS transport, so its keys are written too.
    void secureWebSocketWritesKeys()
    {
        const QString file = path(QStringLiteral("wss.log"));
        TransportOptions o = options(Listener::Wss);
        o.tls.keyLogFile = file;
        auto transport = TransportFactory::create(o);
        QSignalSpy notices(transport.get(), &Transport::noticeOccurred);
        QSignalSpy warnings(transport.get(), &Transport::warningOccurred);
        exchangeConnack(*transport);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.value(0).value(0).toString()));
        QVERIFY(std::any_of(notices.begin(), notices.end(), [&](const QList<QVariant> &n) {
            return n.first().toString().contains(file);
        }));
        const QStringList written = lines(file);
        QVERIFY2(hasLine(written, secretLine("CLIENT_TRAFFIC_SECRET_0")),
                 qPrintable(written.join(QLatin1Char('\n'))));
        QVERIFY(hasLine(written, secretLine("SERVER_TRAFFIC_SECRET_0")));
        transport->abort();
    }

    void noKeyLogByDefault()
    {
        auto transport = TransportFactory::create(options());
        QSignalSpy notices(transport.get(), &Transport::noticeOccurred);
        QSignalSpy warnings(transport.get(), &Transport::warningOccurred);
        exchangeConnack(*transport);
        QVERIFY(notices.isEmpty());
        QVERIFY(warnings.isEmpty());
        transport->abort();
    }

    void linesStayWholeAcrossThreads()
    {
        // Connections run on threads of their own and may share one file.
        const QString file = path(QStringLiteral("threads.log"));
        QString error;
        const auto a = TlsKeyLog::open(file, &error);
        const auto b = TlsKeyLog::open(file, &error);
        QVERIFY2(a && b, qPrintable(error));
        constexpr int kThreads = 8;
        constexpr int kLines = 500;
        const QByteArray line = "CLIENT_RANDOM " + QByteArray(64, 'a') + ' ' + QByteArray(96, 'b');
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < kLines; ++i)
                    (t % 2 ? a : b)->writeLine(line.constData());
            });
        for (std::thread &thread : threads)
            thread.join();
        const QStringList written = lines(file);
        QCOMPARE(written.size(), kThreads * kLines);
        for (const QString &l : written)
            QCOMPARE(l, QString::fromLatin1(line));
    }
};

QTEST_GUILESS_MAIN(TstTlsKeyLog)
#include "tst_tls_key_log.moc"
