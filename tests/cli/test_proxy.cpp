#include "tests/cli/test_proxy.h"

#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace mqttdesk {

TestProxy::TestProxy(Kind kind)
    : m_kind(kind)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

TestProxy::~TestProxy()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool TestProxy::start(const QString &user, const QString &password)
{
    {
        QTcpServer probe; // a free port; the proxy binds it right after
        if (!probe.listen(QHostAddress::LocalHost)) {
            m_error = probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
    }
    const QString port = QString::number(m_port);
    if (m_kind == Kind::Socks5) {
        QStringList args{QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         port};
        if (!user.isEmpty())
            args << QStringLiteral("-u") << user << QStringLiteral("-P") << password;
        m_process.start(QStringLiteral("microsocks"), args);
    } else {
        // No ConnectPort line: CONNECT to any port. No Allow line: any (loopback) client.
        const QString config = m_dir.filePath(QStringLiteral("tinyproxy.conf"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) {
            m_error = file.errorString();
            return false;
        }
        file.write("Port " + port.toLatin1() +
                   "\nListen 127.0.0.1\nTimeout 60\nLogLevel Connect\nMaxClients 50\n");
        file.close();
        m_process.start(QStringLiteral("tinyproxy"),
                        {QStringLiteral("-d"), QStringLiteral("-c"), config});
    }
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("%1 did not start (install it: scripts/deps): %2")
                      .arg(m_process.program(), m_process.errorString());
        return false;
    }
    // Ready once it accepts a connection; neither proxy logs that it listens.
    const bool ready = QTest::qWaitFor(
        [this] { return m_process.state() == QProcess::NotRunning || accepts(); }, 10000);
    if (!ready || m_process.state() == QProcess::NotRunning) {
        m_error = QStringLiteral("%1 does not accept connections on port %2: %3")
                      .arg(m_process.program(), port, QString::fromLocal8Bit(output()));
        return false;
    }
    return true;
}

bool TestProxy::accepts()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    return socket.waitForConnected(1000);
}

QString TestProxy::url(const QString &user, const QString &password) const
{
    const QString scheme =
        m_kind == Kind::Socks5 ? QStringLiteral("socks5") : QStringLiteral("http");
    const QString credentials =
        user.isEmpty() ? QString() : user + QLatin1Char(':') + password + QLatin1Char('@');
    return scheme + QStringLiteral("://") + credentials + QStringLiteral("127.0.0.1:") +
           QString::number(m_port);
}

QByteArray TestProxy::output()
{
    m_output += m_process.readAll();
    return m_output;
}

} // namespace mqttdesk
