#include "tests/cli/cli_broker.h"

#include "tests/fixture/test_pki.h"

namespace mqttdesk {

bool CliBroker::start()
{
    if (!TestPki::instance().ok())
        return false;
    m_broker = std::make_unique<TestBroker>();
    return m_broker->start();
}

void CliBroker::stop()
{
    if (m_broker)
        m_broker->stop();
}

QString CliBroker::errorString() const
{
    if (!TestPki::instance().ok())
        return TestPki::instance().errorString();
    return m_broker ? m_broker->errorString() : QString();
}

QStringList CliBroker::connectArgs(Listener listener) const
{
    const QString port = QString::number(m_broker->port(listener));
    const QString ca = TestPki::instance().caCert();
    switch (listener) {
    case Listener::Tls:
    case Listener::Expired:
    case Listener::WrongHost:
    case Listener::SelfSigned:
        return {QStringLiteral("-h"),       QStringLiteral("localhost"),
                QStringLiteral("-p"),       port,
                QStringLiteral("--cafile"), ca};
    case Listener::MutualTls:
        return {QStringLiteral("-h"),       QStringLiteral("localhost"),
                QStringLiteral("-p"),       port,
                QStringLiteral("--cafile"), ca,
                QStringLiteral("--cert"),   TestPki::instance().clientCert(),
                QStringLiteral("--key"),    TestPki::instance().clientKey()};
    case Listener::Ws:
        return {QStringLiteral("-L"), QStringLiteral("ws://127.0.0.1:%1/mqtt").arg(port)};
    case Listener::Wss:
        return {QStringLiteral("-L"), QStringLiteral("wss://localhost:%1/mqtt").arg(port),
                QStringLiteral("--cafile"), ca};
    case Listener::Password:
        return {QStringLiteral("-h"), TestBroker::host(),
                QStringLiteral("-p"), port,
                QStringLiteral("-u"), TestBroker::username(),
                QStringLiteral("-P"), TestBroker::password()};
    case Listener::Plain:
        break;
    }
    return {QStringLiteral("-h"), TestBroker::host(), QStringLiteral("-p"), port};
}

bool CliBroker::waitSubscribed(const QString &clientId, const QString &filter, int qos,
                               qsizetype from)
{
    const QByteArray line = (QLatin1Char(' ') + clientId + QLatin1Char(' ') + QString::number(qos) +
                             QLatin1Char(' ') + filter + QLatin1Char('\n'))
                                .toUtf8();
    return m_broker->waitForLog(line, 20000, from);
}

bool CliBroker::waitUnsubscribed(const QString &clientId, const QString &filter, qsizetype from)
{
    return m_broker->waitForLog(
        (QLatin1Char(' ') + clientId + QLatin1Char(' ') + filter + QLatin1Char('\n')).toUtf8(),
        20000, from);
}

QString CliBroker::uniqueTopic(const char *name)
{
    return QStringLiteral("cli/%1/%2").arg(QLatin1String(name)).arg(++m_topicCounter);
}

} // namespace mqttdesk
