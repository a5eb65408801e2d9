#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

struct ConnectionProfile;

// The fields of a ConnectionProfile that a connection needs, in plain Qt types.
// Internal to ProfileSettingsMapper: connection_profile.h declares StringPair,
// TlsOptions, ProxyOptions and ReconnectOptions, which clash with the protocol,
// transport and session types of the same names, so the profile header is read in a
// translation unit of its own (profile_snapshot.cpp) that includes nothing else of ours.
struct ProfileSnapshot
{
    using Pairs = QList<QPair<QString, QString>>;

    QString name;
    // 0 mqtt, 1 mqtts, 2 ws, 3 wss (TransportScheme order)
    int scheme = 0;
    QString host;
    quint16 port = 0;
    QString wsPath;
    Pairs wsHeaders;
    bool srvLookup = false;
    struct Fallback
    {
        QString host;
        quint16 port = 0;
        int scheme = 0; // as `scheme`
    };
    QList<Fallback> fallbacks;
    bool fallbackRandom = false;

    QString clientId;
    quint8 protocolLevel = 5;
    QString username;
    std::optional<QString> password;
    quint16 keepAliveSeconds = 60;
    bool cleanStart = true;
    bool resumeSession = true;
    bool storeBeforeAck = true;

    quint32 sessionExpiryInterval = 0;
    quint16 receiveMaximum = 0;
    quint32 maximumPacketSize = 0;
    quint16 topicAliasMaximum = 0;
    bool requestResponseInformation = false;
    bool requestProblemInformation = true;
    Pairs userProperties;

    bool tlsUseSystemCa = true;
    QStringList tlsCaFiles;
    QString tlsClientCertificate;
    QString tlsClientKey;
    QString tlsKeyPassphrase;
    QString tlsPkcs12;
    QString tlsPkcs12Password;
    int tlsMinimumVersion = 2; // 0 TLS 1.0, 1 TLS 1.1, 2 TLS 1.2, 3 TLS 1.3
    QString tlsPeerName;
    QStringList tlsAlpn;
    bool tlsVerifyPeer = true;
    QString tlsKeyLogFile; // empty unless the profile writes a key log

    bool reconnectEnabled = true;
    int reconnectMinMs = 1000;
    int reconnectMaxMs = 60000;
    int offlineQueueSize = 1000;
    bool offlineRefuse = false;

    int proxyType = 0; // 0 none, 1 HTTP CONNECT, 2 SOCKS5
    QString proxyHost;
    quint16 proxyPort = 0;
    QString proxyUser;
    QString proxyPassword;

    bool willEnabled = false;
    QString willTopic;
    QByteArray willPayload;
    quint8 willQos = 0;
    bool willRetain = false;
    quint32 willDelayInterval = 0;
    std::optional<quint32> willMessageExpiryInterval;
    QString willContentType;
    QString willResponseTopic;
    QByteArray willCorrelationData;
    bool willPayloadIsUtf8 = false;
    Pairs willUserProperties;

    static ProfileSnapshot from(const ConnectionProfile &profile);
};

} // namespace mqttdesk
