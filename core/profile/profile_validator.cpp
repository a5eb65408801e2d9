#include "core/profile/profile_validator.h"

#include "core/profile/template_variable_names.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

namespace mqttdesk {

namespace {

class Collector
{
public:
    void error(const char *field, const QString &message)
    {
        m_errors.append({ProfileProblem::Severity::Error, QLatin1String(field), message});
    }
    void warning(const char *field, const QString &message)
    {
        m_warnings.append({ProfileProblem::Severity::Warning, QLatin1String(field), message});
    }
    ProfileProblems result() const { return m_errors + m_warnings; }

private:
    ProfileProblems m_errors;
    ProfileProblems m_warnings;
};

bool isValidHost(const QString &host)
{
    // A name, an IPv4 address or an IPv6 address (optionally in brackets).
    static const QRegularExpression kPattern(QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:.]*:"
                                                            "[0-9A-Fa-f:.]*|[A-Za-z0-9_.-]+)$"));
    return kPattern.match(host).hasMatch();
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

void checkPairs(Collector &c, const char *field, const NameValueList &pairs, const QString &what)
{
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        if (pairs.at(i).name.isEmpty()) {
            c.error(field, QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                       "%1 in row %2 has no name.")
                               .arg(what)
                               .arg(i + 1));
            return;
        }
    }
}

void checkFailover(Collector &c, const ConnectionProfile &p)
{
    if (p.srvLookup && !p.host.trimmed().isEmpty() && !p.host.contains(QLatin1Char('.')))
        c.warning("transport.srvLookup",
                  QCoreApplication::translate("mqttdesk::ProfileValidator",
                                              "A DNS SRV lookup needs a domain such as "
                                              "example.com in the host field; \"%1\" has no dot.")
                      .arg(p.host));
    for (qsizetype i = 0; i < p.fallbackBrokers.size(); ++i) {
        const FallbackBroker &f = p.fallbackBrokers.at(i);
        if (f.host.trimmed().isEmpty() || !isValidHost(f.host)) {
            c.error("transport.fallbacks",
                    QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                "Fallback broker %1 needs a valid host name or IP "
                                                "address, without scheme and port.")
                        .arg(i + 1));
            return;
        }
        if (f.port == 0) {
            c.error("transport.fallbacks",
                    QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                "Fallback broker %1 needs a port between 1 and "
                                                "65535.")
                        .arg(i + 1));
            return;
        }
    }
}

void checkGeneral(Collector &c, const ConnectionProfile &p)
{
    if (p.name.trimmed().isEmpty())
        c.error("name", QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                    "Enter a name for the connection."));
    if (p.host.trimmed().isEmpty())
        c.error("transport.host",
                QCoreApplication::translate("mqttdesk::ProfileValidator",
                                            "Enter the broker's host name or IP address."));
    else if (!isValidHost(p.host))
        c.error("transport.host",
                QCoreApplication::translate(
                    "mqttdesk::ProfileValidator",
                    "The host \"%1\" is not a valid host name or IP address; leave out the "
                    "scheme (mqtt://) and the port.")
                    .arg(p.host));
    if (p.port == 0 && !p.srvLookup) // SRV records carry the port
        c.error("transport.port",
                QCoreApplication::translate("mqttdesk::ProfileValidator",
                                            "The port must be between 1 and 65535."));
    checkFailover(c, p);
    if (p.usesWebSocket()) {
        if (!p.wsPath.startsWith(QLatin1Char('/')))
            c.error("transport.wsPath",
                    QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                "The WebSocket path must start with \"/\"."));
        checkPairs(
            c, "transport.wsHeaders", p.wsHeaders,
            QCoreApplication::translate("mqttdesk::ProfileValidator", "The WebSocket header"));
        for (const NameValuePair &header : p.wsHeaders) {
            if (header.name.contains(QLatin1Char(':')) || header.name.contains(QLatin1Char(' '))) {
                c.error("transport.wsHeaders",
                        QCoreApplication::translate(
                            "mqttdesk::ProfileValidator",
                            "The WebSocket header name \"%1\" may not contain a colon or a space.")
                            .arg(header.name));
                break;
            }
        }
    }

    const qsizetype idBytes = p.clientId.toUtf8().size();
    switch (p.protocolVersion) {
    case ProtocolVersion::V31:
        // MQTT 3.1: the client id must be 1 to 23 characters.
        if (p.clientId.isEmpty())
            c.error("mqtt.clientId", QCoreApplication::translate(
                                         "mqttdesk::ProfileValidator",
                                         "MQTT 3.1 needs a client id: enter one or generate it."));
        else if (p.clientId.size() > 23)
            c.error("mqtt.clientId",
                    QCoreApplication::translate(
                        "mqttdesk::ProfileValidator",
                        "MQTT 3.1 allows a client id of at most 23 characters; this one has %1.")
                        .arg(p.clientId.size()));
        break;
    case ProtocolVersion::V311:
        // An empty client id needs a clean session [MQTT-3.1.3-7].
        if (p.clientId.isEmpty() && !p.cleanStart)
            c.error("mqtt.clientId", QCoreApplication::translate(
                                         "mqttdesk::ProfileValidator",
                                         "MQTT 3.1.1 needs a client id when clean session is off: "
                                         "enter one or turn clean session on."));
        else if (idBytes > 23)
            c.warning("mqtt.clientId",
                      QCoreApplication::translate(
                          "mqttdesk::ProfileValidator",
                          "The client id has %1 bytes; a 3.1.1 broker only has to accept 23 "
                          "[MQTT-3.1.3-5].")
                          .arg(idBytes));
        break;
    case ProtocolVersion::V5:
        break;
    }
    if (idBytes > 65535)
        c.error("mqtt.clientId",
                QCoreApplication::translate("mqttdesk::ProfileValidator",
                                            "The client id is longer than 65535 bytes."));
    // Before 5.0 a password needs a user name [MQTT-3.1.2-22].
    if (p.protocolVersion != ProtocolVersion::V5 && p.password.isSet && p.username.isEmpty())
        c.error("mqtt.username",
                QCoreApplication::translate(
                    "mqttdesk::ProfileValidator",
                    "MQTT %1 cannot send a password without a user name: enter a user name.")
                    .arg(protocolVersionName(p.protocolVersion)));
}

void checkTls(Collector &c, const ConnectionProfile &p)
{
    if (!p.usesTls())
        return;
    const ProfileTlsOptions &t = p.tls;
    if (t.verifyPeer && !t.useSystemCa && t.caFiles.isEmpty())
        c.error("tls.caFiles", QCoreApplication::translate(
                                   "mqttdesk::ProfileValidator",
                                   "Nothing can verify the server: add a CA file or use the "
                                   "system CA certificates."));
    if (!t.pkcs12Path.isEmpty() &&
        (!t.clientCertificatePath.isEmpty() || !t.clientKeyPath.isEmpty()))
        c.error("tls.pkcs12",
                QCoreApplication::translate(
                    "mqttdesk::ProfileValidator",
                    "Use either a PKCS#12 bundle or a certificate and key, not both."));
    else if (!t.clientCertificatePath.isEmpty() && t.clientKeyPath.isEmpty())
        c.error("tls.clientKey", QCoreApplication::translate(
                                     "mqttdesk::ProfileValidator",
                                     "The client certificate needs its private key: choose the "
                                     "key file."));
    else if (t.clientCertificatePath.isEmpty() && !t.clientKeyPath.isEmpty())
        c.error("tls.clientCertificate",
                QCoreApplication::translate(
                    "mqttdesk::ProfileValidator",
                    "The private key needs its client certificate: choose the certificate file."));
    for (const QString &protocol : t.alpn) {
        if (protocol.isEmpty() || protocol.toUtf8().size() > 255) {
            c.error("tls.alpn", QCoreApplication::translate(
                                    "mqttdesk::ProfileValidator",
                                    "Each ALPN protocol name must be 1 to 255 bytes long."));
            break;
        }
    }
    if (t.writeKeyLog && t.keyLogFile.trimmed().isEmpty())
        c.error("tls.keyLogFile", QCoreApplication::translate(
                                      "mqttdesk::ProfileValidator",
                                      "Choose the file the TLS session keys are written to."));
    else if (t.writeKeyLog)
        c.warning("tls.writeKeyLog",
                  QCoreApplication::translate(
                      "mqttdesk::ProfileValidator",
                      "TLS session keys are written to a file: anyone with it can decrypt "
                      "this connection's traffic."));
    if (!t.verifyPeer)
        c.warning("tls.verifyPeer", QCoreApplication::translate(
                                        "mqttdesk::ProfileValidator",
                                        "Insecure: the server's certificate is not verified, so "
                                        "anyone can pretend to be this broker."));
}

void checkAdvanced(Collector &c, const ConnectionProfile &p)
{
    if (p.reconnect.enabled) {
        if (p.reconnect.minBackoffMs <= 0)
            c.error("reconnect.minBackoffMs",
                    QCoreApplication::translate(
                        "mqttdesk::ProfileValidator",
                        "The shortest reconnect delay must be more than 0 ms."));
        else if (p.reconnect.maxBackoffMs < p.reconnect.minBackoffMs)
            c.error("reconnect.maxBackoffMs",
                    QCoreApplication::translate(
                        "mqttdesk::ProfileValidator",
                        "The longest reconnect delay (%1 ms) is shorter than the shortest (%2 ms).")
                        .arg(p.reconnect.maxBackoffMs)
                        .arg(p.reconnect.minBackoffMs));
    }
    if (p.offlineQueueSize < 0)
        c.error("offline.queueSize",
                QCoreApplication::translate("mqttdesk::ProfileValidator",
                                            "The offline queue size cannot be negative."));
    if (p.proxy.type != ProxyType::None) {
        if (p.proxy.host.trimmed().isEmpty())
            c.error("proxy.host",
                    QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                "Enter the proxy's host name or IP address."));
        else if (!isValidHost(p.proxy.host))
            c.error("proxy.host", QCoreApplication::translate(
                                      "mqttdesk::ProfileValidator",
                                      "The proxy host \"%1\" is not a valid host name or IP "
                                      "address.")
                                      .arg(p.proxy.host));
        if (p.proxy.port == 0)
            c.error("proxy.port",
                    QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                "The proxy port must be between 1 and 65535."));
    }
    checkPairs(c, "mqtt.properties.userProperties", p.connectProperties.userProperties,
               QCoreApplication::translate("mqttdesk::ProfileValidator", "The user property"));
    // The same rule as a template collection's variables: each must be usable as {{name}}.
    if (const QString problem = TemplateVariableNames::problem(p.templateVariables);
        !problem.isEmpty())
        c.error("templateVariables", problem);
    if (p.retention.maxMessages < 0 || p.retention.maxBytes < 0 || p.retention.maxAgeSeconds < 0)
        c.error("retention", QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                         "The history limits cannot be negative."));

    if (p.protocolVersion != ProtocolVersion::V5 && p.connectProperties != ConnectProperties{})
        c.warning("mqtt.properties", QCoreApplication::translate(
                                         "mqttdesk::ProfileValidator",
                                         "The MQTT 5.0 connect properties are not sent with MQTT "
                                         "%1.")
                                         .arg(protocolVersionName(p.protocolVersion)));
    if (p.secretStorage == SecretStorageMode::PlainConsented)
        c.warning("secretStorage", QCoreApplication::translate(
                                       "mqttdesk::ProfileValidator",
                                       "Passwords of this connection are saved unencrypted in "
                                       "its profile, as you agreed."));
}

void checkWill(Collector &c, const ConnectionProfile &p)
{
    if (!p.will.enabled)
        return;
    if (p.will.topic.isEmpty())
        c.error("will.topic", QCoreApplication::translate(
                                  "mqttdesk::ProfileValidator",
                                  "Enter a topic for the last will, or turn the last will off."));
    else if (p.will.topic.contains(QLatin1Char('+')) || p.will.topic.contains(QLatin1Char('#')))
        // The will topic is a topic name: no wildcards [MQTT-3.3.2-2].
        c.error("will.topic",
                QCoreApplication::translate(
                    "mqttdesk::ProfileValidator",
                    "The last will topic \"%1\" may not contain the wildcards + or #.")
                    .arg(p.will.topic));
    else if (p.will.topic.toUtf8().size() > 65535)
        c.error("will.topic",
                QCoreApplication::translate("mqttdesk::ProfileValidator",
                                            "The last will topic is longer than 65535 bytes."));
    if (p.will.qos > 2)
        c.error("will.qos", QCoreApplication::translate("mqttdesk::ProfileValidator",
                                                        "The last will QoS must be 0, 1 or 2."));
    checkPairs(c, "will.properties.userProperties", p.will.properties.userProperties,
               QCoreApplication::translate("mqttdesk::ProfileValidator", "The will user property"));
    if (p.will.properties.payloadFormatIndicator && !isUtf8(p.will.payload))
        c.error("will.payload", QCoreApplication::translate(
                                    "mqttdesk::ProfileValidator",
                                    "The will payload is marked as UTF-8 text but is not valid "
                                    "UTF-8 [MQTT-3.1.3-16]."));
    if (p.protocolVersion != ProtocolVersion::V5 && p.will.properties != WillProperties{})
        c.warning("will.properties", QCoreApplication::translate(
                                         "mqttdesk::ProfileValidator",
                                         "The MQTT 5.0 will properties are not sent with MQTT %1.")
                                         .arg(protocolVersionName(p.protocolVersion)));
}

} // namespace

ProfileProblems ProfileValidator::validate(const ConnectionProfile &profile)
{
    Collector c;
    checkGeneral(c, profile);
    checkTls(c, profile);
    checkAdvanced(c, profile);
    checkWill(c, profile);
    return c.result();
}

bool ProfileValidator::hasErrors(const ProfileProblems &problems)
{
    return std::any_of(problems.begin(), problems.end(),
                       [](const ProfileProblem &p) { return p.isError(); });
}

std::optional<ProfileProblem> ProfileValidator::checkPortText(const QString &field,
                                                              const QString &text)
{
    bool ok = false;
    const int port = text.trimmed().toInt(&ok);
    if (text.trimmed().isEmpty())
        return ProfileProblem{
            ProfileProblem::Severity::Error, field,
            QCoreApplication::translate("mqttdesk::ProfileValidator", "Enter a port.")};
    if (!ok || port < 1 || port > 65535)
        return ProfileProblem{
            ProfileProblem::Severity::Error, field,
            QCoreApplication::translate("mqttdesk::ProfileValidator",
                                        "The port \"%1\" is not between 1 and 65535.")
                .arg(text.trimmed())};
    return std::nullopt;
}

} // namespace mqttdesk
