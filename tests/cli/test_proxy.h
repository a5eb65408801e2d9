#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace mqttdesk {

// A real proxy on a free 127.0.0.1 port for the --proxy tests: microsocks (SOCKS5, with
// optional user name and password) or tinyproxy (HTTP CONNECT). Both are Debian packages
// named in scripts/deps.
class TestProxy
{
public:
    enum class Kind
    {
        Socks5,
        HttpConnect,
    };

    explicit TestProxy(Kind kind);
    ~TestProxy();

    // Starts and waits until the proxy accepts connections.
    bool start(const QString &user = {}, const QString &password = {});
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    // socks5://[user:pass@]127.0.0.1:port or http://127.0.0.1:port.
    QString url(const QString &user = {}, const QString &password = {}) const;
    // What the proxy printed so far (tinyproxy logs each CONNECT request).
    QByteArray output();

private:
    bool accepts();

    Kind m_kind;
    QProcess m_process;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QByteArray m_output;
    QString m_error;
};

} // namespace mqttdesk
