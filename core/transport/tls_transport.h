#pragma once

#include "core/transport/tcp_transport.h"

#include <QList>
#include <QSsl>
#include <QSslConfiguration>
#include <QSslError>

#include <memory>
#include <optional>

class QSslSocket;

namespace mqttdesk {

class TlsKeyLog;

// MQTT over TLS (QSslSocket). Verification failures and alerts from the server are turned
// into precise TransportErrors by SslErrorTranslator. With a key log file (the options' or
// SSLKEYLOGFILE) the session keys are written there for Wireshark (TlsKeyLog).
class TlsTransport : public TcpTransport
{
    Q_OBJECT
public:
    explicit TlsTransport(const TransportOptions &options, QObject *parent = nullptr);
    ~TlsTransport() override;

    QList<CertificateSummary> peerCertificateChain() const override;

protected:
    QTcpSocket *createSocket() override;
    void startConnection() override;
    void onSocketConnected() override;
    TransportError translateSocketError(QAbstractSocket::SocketError error) override;

private:
    QSslSocket *sslSocket() const;
    void openKeyLog();
    void reportKeyLogProblems();

    QSslConfiguration m_configuration;
    QList<QSslError> m_sslErrors;
    QList<QSslCertificate> m_peerChain;
    std::optional<QSsl::AlertType> m_alert;
    std::shared_ptr<TlsKeyLog> m_keyLog; // null: no key log for this attempt
};

} // namespace mqttdesk
