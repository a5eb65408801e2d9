#include "tests/profile/test_pki.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace mqttdesk::test {

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

bool TestPki::run(const QStringList &arguments)
{
    if (!m_error.isEmpty())
        return false;
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.join(QLatin1Char(' ')),
                           QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

TestPki::TestPki()
{
    const auto key = [this](const QString &name) {
        return run({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                    QStringLiteral("-out"), name});
    };
    const auto csr = [this](const QString &keyFile, const QString &subject, const QString &out) {
        return run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), keyFile,
                    QStringLiteral("-subj"), subject, QStringLiteral("-out"), out});
    };
    key(QStringLiteral("ca.key"));
    run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"),
         QStringLiteral("-key"), QStringLiteral("ca.key"), QStringLiteral("-subj"),
         QStringLiteral("/CN=MQTT Desk Test CA/O=MQTT Desk"), QStringLiteral("-days"),
         QStringLiteral("3650"), QStringLiteral("-out"), QStringLiteral("ca.crt")});
    key(QStringLiteral("client.key"));
    csr(QStringLiteral("client.key"), QStringLiteral("/CN=desk-client/O=MQTT Desk"),
        QStringLiteral("client.csr"));
    run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
         QStringLiteral("client.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
         QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
         QStringLiteral("-days"), QStringLiteral("365"), QStringLiteral("-out"),
         QStringLiteral("client.crt")});
    run({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("client.key"),
         QStringLiteral("-aes256"), QStringLiteral("-passout"),
         QStringLiteral("pass:") + keyPassphrase(), QStringLiteral("-out"),
         QStringLiteral("client-enc.key")});
    key(QStringLiteral("other.key"));
    run({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"),
         QStringLiteral("client.crt"), QStringLiteral("-inkey"), QStringLiteral("client.key"),
         QStringLiteral("-passout"), QStringLiteral("pass:") + pkcs12Password(),
         QStringLiteral("-out"), QStringLiteral("client.p12")});

    // `openssl x509 -req` cannot backdate; `openssl ca` can (BROKER-LAB.md).
    QDir(m_dir.path()).mkpath(QStringLiteral("newcerts"));
    const QString dir = m_dir.path();
    const QByteArray config =
        QStringLiteral("[ca]\ndefault_ca = lab\n[lab]\n"
                       "database = %1/index.txt\nnew_certs_dir = %1/newcerts\n"
                       "serial = %1/serial\ndefault_md = sha256\n"
                       "policy = any\n[any]\ncommonName = supplied\n")
            .arg(dir)
            .toUtf8();
    if (!writeFile(path(QStringLiteral("ca.cnf")), config) ||
        !writeFile(path(QStringLiteral("index.txt")), {}) ||
        !writeFile(path(QStringLiteral("serial")), "1000\n") ||
        !writeFile(garbage(), "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n"
                              "-----END CERTIFICATE-----\n"))
        m_error = QStringLiteral("cannot write into %1").arg(dir);
    key(QStringLiteral("expired.key"));
    csr(QStringLiteral("expired.key"), QStringLiteral("/CN=expired-client"),
        QStringLiteral("expired.csr"));
    run({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
         QStringLiteral("ca.cnf"), QStringLiteral("-cert"), QStringLiteral("ca.crt"),
         QStringLiteral("-keyfile"), QStringLiteral("ca.key"), QStringLiteral("-in"),
         QStringLiteral("expired.csr"), QStringLiteral("-out"), QStringLiteral("expired.crt"),
         QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
         QStringLiteral("-enddate"), QStringLiteral("20210101000000Z"), QStringLiteral("-notext")});
    m_ok = m_error.isEmpty() && m_dir.isValid();
}

} // namespace mqttdesk::test
