#pragma once

#include "core/protocol/properties.h"
#include "core/protocol/protocol_version.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

class ProfileFormatError;

// How the client reaches the broker. Each scheme has its own default port.
enum class TransportScheme
{
    Mqtt,  // TCP, default port 1883
    Mqtts, // TLS over TCP, default port 8883
    Ws,    // WebSocket, default port 8083 (the common broker default, e.g. EMQX)
    Wss,   // WebSocket over TLS, default port 8084
};

enum class TlsMinimumVersion
{
    Tls10,
    Tls11,
    Tls12,
    Tls13,
};

enum class ProxyType
{
    None,
    Http,   // HTTP CONNECT
    Socks5, // SOCKS5 with optional username/password
};

// What happens to a publish while the connection is down.
enum class OfflineMode
{
    Queue,  // keep it (up to offlineQueueSize) and send after reconnecting
    Refuse, // reject it at once with an error
};

// How the user typed a payload; the bytes are always kept exactly.
enum class PayloadEncoding
{
    Text,
    Json,
    Hex,
    Base64,
};

// Where the secrets of a profile live.
enum class SecretStorageMode
{
    Keychain,       // the OS keychain through QtKeychain (default)
    PlainConsented, // in the profile itself, only after the user explicitly agreed
};

// One secret (password, passphrase). `isSet` says that a value exists in the
// store; `value` holds the clear text only while loaded in memory. The keychain
// key is derived from the profile id and the secret's role (see SecretStore), so
// the profile needs no other reference. The value is written to JSON only in
// PlainConsented mode or when an export explicitly asks for secrets.
struct Secret
{
    bool isSet = false;
    QString value;

    bool operator==(const Secret &) const = default;
};

// An ordered name/value pair (MQTT 5 user property, WebSocket header). Order and
// duplicates are kept. (The codec has its own StringPair for the wire; the
// connection maps one onto the other.)
struct NameValuePair
{
    QString name;
    QString value;

    bool operator==(const NameValuePair &) const = default;
};
using NameValueList = QList<NameValuePair>;

struct ProfileTlsOptions
{
    bool useSystemCa = true;
    QStringList caFiles;           // PEM or DER, in addition to / instead of the system store
    QString clientCertificatePath; // PEM or DER
    QString clientKeyPath;         // PEM or DER
    Secret keyPassphrase;
    QString pkcs12Path; // alternative to certificate + key
    Secret pkcs12Password;
    TlsMinimumVersion minimumVersion = TlsMinimumVersion::Tls12;
    QString peerName; // SNI / name to verify; empty = the host
    QStringList alpn; // e.g. "mqtt"; empty = none sent
    bool verifyPeer = true;
    // Write the TLS session keys to keyLogFile (NSS key log format, for Wireshark). Off by
    // default: anyone with the file can decrypt the traffic. SSLKEYLOGFILE applies to every
    // TLS connection anyway; this path wins over it.
    bool writeKeyLog = false;
    QString keyLogFile;

    bool operator==(const ProfileTlsOptions &) const = default;
};

// MQTT 5 CONNECT properties. For the integers, 0 means "not sent": for each of
// them 0 is either a protocol error or equal to the absent default
// [MQTT-3.1.2-11], [MQTT-3.1.2-24].
struct ConnectProperties
{
    quint32 sessionExpiryInterval = 0; // seconds; 0xFFFFFFFF = never expires
    quint16 receiveMaximum = 0;        // 0 = not sent (server assumes 65535)
    quint32 maximumPacketSize = 0;     // 0 = not sent (no limit)
    quint16 topicAliasMaximum = 0;
    bool requestResponseInformation = false;
    bool requestProblemInformation = true;
    NameValueList userProperties;

    bool operator==(const ConnectProperties &) const = default;
};

struct WillProperties
{
    quint32 delayInterval = 0;                    // seconds
    std::optional<quint32> messageExpiryInterval; // absent = never expires
    QString contentType;                          // empty = not sent
    QString responseTopic;                        // empty = not sent
    QByteArray correlationData;                   // empty = not sent
    bool payloadFormatIndicator = false;          // true = UTF-8 text
    NameValueList userProperties;

    bool operator==(const WillProperties &) const = default;
};

struct WillMessage
{
    bool enabled = false;
    QString topic;
    QByteArray payload;
    PayloadEncoding payloadEncoding = PayloadEncoding::Text;
    quint8 qos = 0;
    bool retain = false;
    WillProperties properties;

    bool operator==(const WillMessage &) const = default;
};

struct ProfileReconnectOptions
{
    bool enabled = true;
    int minBackoffMs = 1000;
    int maxBackoffMs = 10000;

    bool operator==(const ProfileReconnectOptions &) const = default;
};

struct ProfileProxyOptions
{
    ProxyType type = ProxyType::None;
    QString host;
    quint16 port = 0;
    QString username;
    Secret password;

    bool operator==(const ProfileProxyOptions &) const = default;
};

// One more address of the broker (a cluster's other node, a standby), tried when the main
// one cannot be reached. The profile's other transport settings (TLS files, WebSocket path,
// proxy) apply to it too.
struct FallbackBroker
{
    QString host;
    quint16 port = 1883;
    TransportScheme scheme = TransportScheme::Mqtt;

    bool operator==(const FallbackBroker &) const = default;
};

// The order in which the main address and the fallbacks are tried.
enum class FallbackOrder
{
    InOrder, // the main address first, then the fallbacks as listed
    Random,  // shuffled for each attempt (spreads clients over a cluster)
};

// What to do when an MQTT 5 server names another server (5.0 §4.11: CONNACK or DISCONNECT
// with 0x9C "Use another server" or 0x9D "Server moved" and a Server Reference).
enum class ServerReferencePolicy
{
    Ask,    // ask the user each time (the default)
    Always, // follow it without asking
    Never,  // stay disconnected; the log says where the server pointed
};

// How much message history is kept for this profile. 0 in a field = no limit in
// that dimension; all three 0 = unlimited.
struct RetentionBudget
{
    qint64 maxMessages = 0;
    qint64 maxBytes = 0;
    qint64 maxAgeSeconds = 0;

    bool isUnlimited() const { return maxMessages == 0 && maxBytes == 0 && maxAgeSeconds == 0; }
    bool operator==(const RetentionBudget &) const = default;
};

// One saved connection: every option the engine supports. A plain value type;
// serialization is in ProfileJson (format: docs/profile-format.md), checks in
// ProfileValidator, secrets in SecretStore.
struct ConnectionProfile
{
    QUuid id = QUuid::createUuid();
    QString name;
    QString folder; // "" = top level; "a/b" = nested folders

    // Transport
    TransportScheme scheme = TransportScheme::Mqtt;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 1883;
    QString wsPath = QStringLiteral("/mqtt");
    NameValueList wsHeaders; // extra HTTP headers of the WebSocket handshake
    // `host` is a domain whose DNS SRV records name the broker (_mqtt._tcp.<host>, over TLS
    // _secure-mqtt._tcp.<host>); `port` is then unused.
    bool srvLookup = false;
    QList<FallbackBroker> fallbackBrokers;
    FallbackOrder fallbackOrder = FallbackOrder::InOrder;
    ServerReferencePolicy serverReferencePolicy = ServerReferencePolicy::Ask;

    // Session
    QString clientId;
    ProtocolVersion protocolVersion = ProtocolVersion::V5;
    QString username; // empty = no username flag
    Secret password;
    quint16 keepAliveSeconds = 60;
    bool cleanStart = true;
    // Clean start off: a session the broker kept from an earlier run of the app is
    // resumed (its queued messages delivered). Off: the first connection of a run starts
    // a new session (Clean Start 1), later reconnects of the run resume it.
    bool resumeSession = true;
    // A received QoS 1/2 message is acknowledged (PUBACK, PUBREC) only once the history
    // has committed it, so a crash of the app cannot lose an acknowledged message.
    bool storeBeforeAck = true;
    ConnectProperties connectProperties;

    ProfileTlsOptions tls;
    ProfileReconnectOptions reconnect;
    int offlineQueueSize = 1000;
    OfflineMode offlineMode = OfflineMode::Queue;
    ProfileProxyOptions proxy;
    WillMessage will;
    RetentionBudget retention;
    SecretStorageMode secretStorage = SecretStorageMode::Keychain;
    // The {{name}} values of the templates published on this connection: they win over a
    // collection's of the same name, so one collection serves several brokers or devices.
    // StringPair, as the collections' own, because the template library merges the two.
    QList<StringPair> templateVariables;

    bool usesTls() const
    {
        return scheme == TransportScheme::Mqtts || scheme == TransportScheme::Wss;
    }
    bool usesWebSocket() const
    {
        return scheme == TransportScheme::Ws || scheme == TransportScheme::Wss;
    }

    static quint16 defaultPort(TransportScheme scheme);

    // Our JSON format (docs/profile-format.md). Secrets are written only as
    // "set" flags unless the profile is in PlainConsented mode or
    // `includeSecrets` is true (an export the user asked for).
    QJsonObject toJson(bool includeSecrets = false) const;
    // The profile, or the first problem found, naming the field.
    static std::optional<ConnectionProfile> fromJson(const QJsonObject &json,
                                                     ProfileFormatError *error);

    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace mqttdesk
