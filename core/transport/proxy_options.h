#pragma once

#include <QString>

namespace mqttdesk {

// A proxy in front of every transport, applied through QNetworkProxy.
struct ProxyOptions
{
    // None means a direct connection, also when the environment names a proxy.
    enum class Kind
    {
        None,
        HttpConnect,
        Socks5
    };

    Kind kind = Kind::None;
    QString host;
    quint16 port = 0;
    QString user;
    QString password;
};

} // namespace mqttdesk
