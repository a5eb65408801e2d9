#pragma once

#include "core/transport/proxy_options.h"
#include "core/transport/tls_options.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace mqttdesk {

// Everything TransportFactory needs to build and open a transport.
struct TransportOptions
{
    enum class Kind
    {
        Tcp,
        Tls,
        WebSocket,
        SecureWebSocket
    };

    Kind kind = Kind::Tcp;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 1883;
    // WebSocket only: the request path and extra handshake headers.
    QString webSocketPath = QStringLiteral("/mqtt");
    QList<QPair<QByteArray, QByteArray>> webSocketHeaders;
    // Covers TCP connect, TLS handshake and WebSocket upgrade together.
    int connectTimeoutMs = 30000;
    TlsOptions tls;
    ProxyOptions proxy;

    bool usesTls() const { return kind == Kind::Tls || kind == Kind::SecureWebSocket; }
    bool isWebSocket() const { return kind == Kind::WebSocket || kind == Kind::SecureWebSocket; }

    // "TCP", "TLS", "WebSocket", "secure WebSocket": the label the app's log and the CLI
    // show for a transport (not translated).
    static QString kindName(Kind kind);
};

} // namespace mqttdesk
