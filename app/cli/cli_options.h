#pragma once

#include "core/payload/payload_format.h"
#include "core/protocol/protocol_version.h"
#include "core/protocol/qos.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

enum class CliCommand : quint8
{
    None, // no command: top-level --help / --version
    Conn,
    Pub,
    Sub,
    BenchPub,
    BenchSub,
    BenchConn,
    Topics,
    RetainedClear,
    RetainedSnapshot,
    RetainedDiff,
    Record,
    Replay,
    Watch,
    Probe,
    Test,
};

// Where pub takes its message from (mosquitto_pub -m, -f, -s, -l, -n).
enum class MessageSource : quint8
{
    None,
    Argument,   // -m
    File,       // -f
    Stdin,      // -s: all of stdin as one message
    StdinLines, // -l: one message per line
    Null,       // -n: a zero-length message
};

// -D command property value: a 5.0 property for one packet type.
struct CliProperty
{
    QString command; // connect, publish, subscribe, unsubscribe, disconnect, will
    QString name;    // e.g. user-property, message-expiry-interval
    QString value;
    QString value2; // the value of a user-property (name is `value`)

    bool operator==(const CliProperty &) const = default;
};

// Everything the command line says, parsed but not yet turned into ConnectionSettings.
struct CliOptions
{
    CliCommand command = CliCommand::None;
    bool help = false;
    bool version = false;

    // Connection
    QString host; // empty: localhost, or the -L / profile host
    std::optional<quint16> port;
    std::optional<ProtocolVersion> protocolVersion;
    QString clientId;
    std::optional<QString> username;
    std::optional<QByteArray> password;
    std::optional<quint16> keepAlive;
    bool noCleanSession = false; // -c
    std::optional<quint32> sessionExpiry;
    QString url; // -L
    QString wsPath;
    QString proxy;
    QString profile;
    QString dataDir;
    int connectTimeoutMs = 30000;

    // TLS
    QString caFile;
    QString caPath;
    QString certFile;
    QString keyFile;
    std::optional<QByteArray> keyPassphrase;
    bool insecure = false;
    QString tlsVersion; // tlsv1.2, tlsv1.3
    bool tls = false;   // --tls: TLS with the system CAs

    // Will
    QString willTopic;
    std::optional<QByteArray> willPayload;
    QoS willQos = QoS::AtMostOnce;
    bool willRetain = false;

    QList<CliProperty> properties;

    // Topics, QoS
    QStringList topics;
    QoS qos = QoS::AtMostOnce;
    bool qosGiven = false; // -q was given (pub --template: it overrides the template's QoS)
    bool retain = false;

    // pub
    MessageSource source = MessageSource::None;
    QByteArray message;
    QString messageFile;
    int repeat = 1;
    int repeatDelayMs = 0;
    // pub: templates (see docs/templates.md)
    QString templateName;   // --template: "Collection/Template" or a unique template name
    QString collectionFile; // --collection: a template file instead of the data directory's
    QStringList variables;  // --var name=value, repeatable; they win over the collection's
    bool expand = false;    // --expand: variables in -t and -m

    // sub
    qint64 count = 0; // -C, 0 = unlimited
    int timeoutSeconds = 0;
    bool verbose = false;
    bool noEol = false;
    bool noRetained = false;
    // --reconnect: ride out a lost connection, as mosquitto_sub does
    bool reconnect = false;
    bool store = false;                 // --store: keep what arrives in the --profile's history
    std::optional<QString> printFormat; // -F (an empty format prints only the line feed)
    QStringList filterOut;
    QStringList unsubscribeTopics;
    PayloadFormat outputFormat = PayloadFormat::Text;
    bool lineBuffered = false;
    bool quiet = false;
    bool debug = false; // -d: every packet on stderr, as mosquitto_pub/sub -d, with RTTs
    // sub: decoding, as the app's decoding rules (see docs/decoders.md)
    QStringList protoPaths; // --proto-path: where .proto imports are looked up
    QStringList protoFiles; // --proto: the files whose --proto-type the -t topics carry
    QString protoType;      // --proto-type: a fully qualified message type
    QString numericSpec;    // --numeric: TYPE[le|be][:SKIP] for the -t topics
    QString rulesFile;      // --rules: the app's exported decoding rules (JSON); watch: the
                            // alert rules (docs/alert-rules.md)
    bool sparkplug = false; // --sparkplug: spBv1.0 topics through a SparkplugSession

    // bench
    int clients = 1;
    int rate = 0; // messages per second per client, 0 = as fast as possible
    int payloadSize = 16;
    int intervalMs = 0; // bench conn: between connection starts
    qint64 benchCount = 0;
    // retained
    bool yes = false;       // clear: no confirmation prompt
    QString outputFile;     // snapshot: -o
    QString snapshotName;   // snapshot: --name
    int quietMs = 1000;     // how long no retained message means "all arrived"
    QStringList positional; // diff: A B
    QString diffFormat;     // diff -F: empty (text), json or csv
    // replay (the file is positional.first(); -q overrides every message's QoS)
    double replaySpeed = 1.0;    // --speed: 0 = as fast as possible
    QStringList rewrites;        // --rewrite OLD=NEW, repeatable
    int replayLoops = 1;         // --loop N
    bool dropRetain = false;     // --no-retain
    bool dropProperties = false; // --no-properties
    // watch
    bool failFast = false; // --fail-fast: end at the first alert that fires (ExitAlert)
    // probe
    QString reportFormat;                 // empty: an aligned table; "json" or "markdown"
    qint64 probeMaxPayload = 1024 * 1024; // --max-payload: the payload search's upper bound
    int probePings = 100;                 // --pings: PINGREQ round trips for the latency
    // test (the suite files are `positional`; --var goes to `variables`)
    QString junitFile; // --junit: write the results as JUnit XML here

    bool operator==(const CliOptions &) const = default;
};

} // namespace mqttdesk
