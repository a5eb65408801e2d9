#include "core/transport/transport_error.h"

#include "core/enum_name.h"

#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by TransportError::Kind, in the order of its declaration.
constexpr std::string_view kKindNames[] = {
    "None",
    "HostNotFound",
    "ConnectionRefused",
    "Timeout",
    "RemoteClosed",
    "NetworkError",
    "ProxyError",
    "ProxyAuthenticationFailed",
    "TlsCertificateExpired",
    "TlsCertificateNotYetValid",
    "TlsHostNameMismatch",
    "TlsUnknownCa",
    "TlsSelfSigned",
    "TlsCertificateInvalid",
    "TlsHandshakeFailed",
    "TlsClientCertificateRejected",
    "TlsKeyMismatch",
    "FileUnreadable",
    "InvalidCertificate",
    "InvalidKey",
    "PassphraseRequired",
    "WrongPassphrase",
    "WebSocketUpgradeRefused",
    "WebSocketProtocolError",
    "InvalidOptions",
};

} // namespace

QString TransportError::kindName(Kind kind)
{
    return enumName<Kind::None, Kind::InvalidOptions>(kKindNames, kind);
}

bool TransportError::isPermanent(Kind kind, int httpStatus)
{
    // No default: a new kind must be classified here (-Wswitch).
    switch (kind) {
    case Kind::None:
        return false; // not an error
    // The way to the server: a broker restarting, a network or VPN coming up, a DNS server
    // briefly unreachable, a proxy restarting. The next attempt may well work.
    case Kind::HostNotFound:
    case Kind::ConnectionRefused:
    case Kind::Timeout:
    case Kind::RemoteClosed:
    case Kind::NetworkError:
    case Kind::ProxyError:
        return false;
    // A text frame mid-stream is a misbehaving server, handled like a malformed MQTT packet,
    // which the session retries too.
    case Kind::WebSocketProtocolError:
        return false;
    case Kind::WebSocketUpgradeRefused:
        // 5xx, 408 and 429: the server or a gateway in front of it is busy or restarting.
        // 400, 401, 403, 404, ...: the same request gets the same answer every time.
        return !((httpStatus >= 500 && httpStatus <= 599) || httpStatus == 408 ||
                 httpStatus == 429);
    // Credentials the proxy refused stay refused until the user changes them.
    case Kind::ProxyAuthenticationFailed:
    // The server's certificate fails verification, and will on every attempt until the
    // trusted CAs, the server name or the server's certificate change.
    case Kind::TlsCertificateExpired:
    case Kind::TlsCertificateNotYetValid:
    case Kind::TlsHostNameMismatch:
    case Kind::TlsUnknownCa:
    case Kind::TlsSelfSigned:
    case Kind::TlsCertificateInvalid:
    // No common protocol version or cipher, or TLS spoken to a port that does not speak it:
    // the same settings negotiate the same way again.
    case Kind::TlsHandshakeFailed:
    // Our own credentials: the server rejects our certificate, or our files cannot be read,
    // parsed or decrypted. Nothing changes until the user fixes the connection's settings.
    case Kind::TlsClientCertificateRejected:
    case Kind::TlsKeyMismatch:
    case Kind::FileUnreadable:
    case Kind::InvalidCertificate:
    case Kind::InvalidKey:
    case Kind::PassphraseRequired:
    case Kind::WrongPassphrase:
    // The settings cannot work (no host, no port).
    case Kind::InvalidOptions:
        return true;
    }
    return false;
}

TransportError TransportError::make(Kind kind, const QString &message, const QString &detail)
{
    TransportError e;
    e.kind = kind;
    e.message = message;
    e.detail = detail;
    return e;
}

TransportError TransportError::fromSocketError(QAbstractSocket::SocketError error,
                                               const QString &backendText, const QString &host,
                                               quint16 port, bool viaProxy)
{
    const QString endpoint = host + QLatin1Char(':') + QString::number(port);
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return make(Kind::ConnectionRefused,
                    tr("Connection to %1 refused: no server is listening on that port, or a "
                       "firewall rejected the connection.")
                        .arg(endpoint),
                    backendText);
    case QAbstractSocket::HostNotFoundError:
        return make(Kind::HostNotFound,
                    tr("Host `%1` not found: the name does not resolve. Check the spelling and "
                       "your DNS settings.")
                        .arg(host),
                    backendText);
    case QAbstractSocket::SocketTimeoutError:
        return make(Kind::Timeout, tr("No answer from %1 in time.").arg(endpoint), backendText);
    case QAbstractSocket::RemoteHostClosedError:
        return make(Kind::RemoteClosed, tr("The server %1 closed the connection.").arg(endpoint),
                    backendText);
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return make(Kind::ProxyAuthenticationFailed,
                    tr("The proxy refused the credentials. Check the proxy user and password."),
                    backendText);
    case QAbstractSocket::ProxyConnectionRefusedError:
        return make(Kind::ProxyError,
                    tr("Connection to the proxy refused: no proxy is listening there."),
                    backendText);
    case QAbstractSocket::ProxyConnectionClosedError:
        return make(Kind::ProxyError,
                    tr("The proxy closed the connection before reaching %1.").arg(endpoint),
                    backendText);
    case QAbstractSocket::ProxyConnectionTimeoutError:
        return make(Kind::ProxyError, tr("The proxy did not answer in time."), backendText);
    case QAbstractSocket::ProxyNotFoundError:
        return make(Kind::ProxyError, tr("The proxy host was not found."), backendText);
    case QAbstractSocket::ProxyProtocolError:
        return make(Kind::ProxyError,
                    tr("The proxy could not connect to %1: %2").arg(endpoint, backendText),
                    backendText);
    case QAbstractSocket::SocketAccessError:
        // Qt's HTTP proxy engine reports a CONNECT answered with 403/405 this way.
        if (viaProxy)
            return make(Kind::ProxyError,
                        tr("The proxy refused to connect to %1 (%2). Check that the proxy allows "
                           "this host and port.")
                            .arg(endpoint, backendText),
                        backendText);
        break;
    default:
        break;
    }
    const QString via = viaProxy ? tr(" (through the proxy)") : QString();
    return make(Kind::NetworkError,
                tr("Network error with %1%2: %3").arg(endpoint, via, backendText), backendText);
}

} // namespace mqttdesk
