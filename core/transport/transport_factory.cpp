#include "core/transport/transport_factory.h"

#include "core/transport/tcp_transport.h"
#include "core/transport/tls_transport.h"
#include "core/transport/web_socket_transport.h"

namespace mqttdesk {

std::unique_ptr<Transport> TransportFactory::create(const TransportOptions &options,
                                                    QObject *parent)
{
    switch (options.kind) {
    case TransportOptions::Kind::Tcp:
        return std::make_unique<TcpTransport>(options, parent);
    case TransportOptions::Kind::Tls:
        return std::make_unique<TlsTransport>(options, parent);
    case TransportOptions::Kind::WebSocket:
    case TransportOptions::Kind::SecureWebSocket:
        return std::make_unique<WebSocketTransport>(options, parent);
    }
    return nullptr;
}

} // namespace mqttdesk
