#pragma once

#include "core/transport/tcp_transport.h"

#include <QList>
#include <QSsl>
#include <QSslConfiguration>
#include <QSslError>

#include <optional>

class QSslSocket;

namespace mqttdesk {

// MQTT over TLS (QSslSocket). Verification failures and alerts from the server are turned
// into precise TransportErrors by SslErrorTranslator.
class TlsTransport : public TcpTransport
{
    Q_OBJECT
public:
    explicit TlsTransport(const TransportOptions &options, QObject *parent = nullptr);

    QList<CertificateSummary> peerCertificateChain() const override;

protected:
    QTcpSocket *createSocket() override;
    void startConnection() override;
    void onSocketConnected() override;
    TransportError translateSocketError(QAbstractSocket::SocketError error) override;

private:
    QSslSocket *sslSocket() const;

    QSslConfiguration m_configuration;
    QList<QSslError> m_sslErrors;
    QList<QSslCertificate> m_peerChain;
    std::optional<QSsl::AlertType> m_alert;
};

} // namespace mqttdesk
