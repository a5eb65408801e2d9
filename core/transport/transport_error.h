#pragma once

#include "core/transport/certificate_summary.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

namespace mqttdesk {

// Why a transport could not open or stopped: a kind the code can branch on, a message that
// names the problem for the user, and the evidence (peer chain, HTTP status, file).
struct TransportError
{
    Q_DECLARE_TR_FUNCTIONS(TransportError)

public:
    enum class Kind
    {
        None,
        // Reaching the server
        HostNotFound,
        ConnectionRefused,
        Timeout,
        RemoteClosed,
        NetworkError,
        ProxyError,
        ProxyAuthenticationFailed,
        // Verifying the server
        TlsCertificateExpired,
        TlsCertificateNotYetValid,
        TlsHostNameMismatch,
        TlsUnknownCa,
        TlsSelfSigned,
        TlsCertificateInvalid, // revoked, wrong purpose, bad signature, ...
        TlsHandshakeFailed,
        // Our own credentials
        TlsClientCertificateRejected,
        TlsKeyMismatch,
        FileUnreadable,
        InvalidCertificate,
        InvalidKey,
        PassphraseRequired,
        WrongPassphrase,
        // WebSocket
        WebSocketUpgradeRefused,
        WebSocketProtocolError,
        InvalidOptions,
    };

    Kind kind = Kind::None;
    QString message;
    // What the backend said, for the log (never shown alone, never contains secrets).
    QString detail;
    // WebSocketUpgradeRefused: the HTTP status the server answered with.
    int httpStatus = 0;
    // File problems: the file concerned.
    QString path;
    // TLS problems: the chain the server sent, leaf first.
    QList<CertificateSummary> peerChain;

    bool isError() const { return kind != Kind::None; }
    static QString kindName(Kind kind);

    // Whether trying again with the same settings cannot succeed: the user (a file, a
    // passphrase, the trusted CAs, the server name) or the server's administrator (its
    // certificate) has to change something first. A permanent error stops automatic
    // reconnection; a transient one (the network, a broker restarting) backs off and retries.
    // `httpStatus` matters for WebSocketUpgradeRefused only.
    static bool isPermanent(Kind kind, int httpStatus = 0);
    bool isPermanent() const { return isPermanent(kind, httpStatus); }

    static TransportError make(Kind kind, const QString &message, const QString &detail = {});
    // A socket-level failure towards host:port, for the errors every transport shares.
    static TransportError fromSocketError(QAbstractSocket::SocketError error,
                                          const QString &backendText, const QString &host,
                                          quint16 port, bool viaProxy);
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::TransportError)
