#include "app/cli/cli_flag_table.h"

#include "app/cli/format_template.h"
#include "core/payload/numeric_array_decoder.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

using C = CliCommand;
constexpr unsigned B(C c)
{
    return CliFlagTable::bit(c);
}

constexpr unsigned kConn = B(C::Conn);
constexpr unsigned kPub = B(C::Pub);
constexpr unsigned kSub = B(C::Sub);
constexpr unsigned kBench = B(C::BenchPub) | B(C::BenchSub) | B(C::BenchConn);
constexpr unsigned kTree = B(C::Topics);
constexpr unsigned kRetained = B(C::RetainedClear) | B(C::RetainedSnapshot) | B(C::RetainedDiff);
constexpr unsigned kRecord = B(C::Record);
constexpr unsigned kReplay = B(C::Replay);
constexpr unsigned kWatch = B(C::Watch);
constexpr unsigned kProbe = B(C::Probe);
// test takes the flags that override a suite's inline connections, not all of kAll.
constexpr unsigned kTest = B(C::Test);
constexpr unsigned kAll =
    kConn | kPub | kSub | kBench | kTree | kRetained | kRecord | kReplay | kWatch | kProbe;
constexpr unsigned kTopics = kPub | kSub | B(C::BenchPub) | B(C::BenchSub) | kTree;

#define TR(text) QT_TRANSLATE_NOOP("cli", text)

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

// How the table's entries store their values (CliFlag::apply).
using Applied = std::optional<CliError>;

// "-p: the port must be ...": a value the flag does not take.
CliError badValue(const CliFlag &flag, const QString &why,
                  CliError::Kind kind = CliError::Kind::InvalidValue)
{
    return {kind, tr("%1: %2").arg(flag.name(), why)};
}

// A whole number from `min` to `max` for `store`; else the error `why` (%1: the value).
template<typename Store>
Applied number(const CliFlag &flag, const QStringList &values, qint64 min, qint64 max,
               const QString &why, Store store)
{
    bool ok = false;
    const qint64 n = values.value(0).toLongLong(&ok);
    if (!ok || n < min || n > max)
        return badValue(flag, why.arg(values.value(0)));
    store(n);
    return std::nullopt;
}

std::optional<ProtocolVersion> toVersion(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("mqttv5") || t == QLatin1String("5") || t == QLatin1String("5.0"))
        return ProtocolVersion::V5;
    if (t == QLatin1String("mqttv311") || t == QLatin1String("311") || t == QLatin1String("3.1.1"))
        return ProtocolVersion::V311;
    if (t == QLatin1String("mqttv31") || t == QLatin1String("31") || t == QLatin1String("3.1"))
        return ProtocolVersion::V31;
    return std::nullopt;
}

template<auto Member>
Applied setText(CliOptions &o, const CliFlag &, const QStringList &values)
{
    o.*Member = values.value(0);
    return std::nullopt;
}

template<auto Member>
Applied setUtf8(CliOptions &o, const CliFlag &, const QStringList &values)
{
    o.*Member = values.value(0).toUtf8();
    return std::nullopt;
}

template<auto Member>
Applied append(CliOptions &o, const CliFlag &, const QStringList &values)
{
    (o.*Member).append(values.value(0));
    return std::nullopt;
}

template<auto Member>
Applied turnOn(CliOptions &o, const CliFlag &, const QStringList &)
{
    o.*Member = true;
    return std::nullopt;
}

template<auto Member>
Applied setQos(CliOptions &o, const CliFlag &flag, const QStringList &values)
{
    return number(flag, values, 0, 2, tr("the QoS must be 0, 1 or 2, not '%1'."),
                  [&o](qint64 n) { o.*Member = QoS(n); });
}

// -m, -f, -s, -l, -n: where pub takes its message from; one of them.
template<MessageSource Source>
Applied setSource(CliOptions &o, const CliFlag &flag, const QStringList &values)
{
    if (o.source != MessageSource::None)
        return badValue(flag, tr("only one of -m, -f, -s, -l and -n can be given."),
                        CliError::Kind::ConflictingOptions);
    o.source = Source;
    if constexpr (Source == MessageSource::Argument)
        o.message = values.value(0).toUtf8();
    else if constexpr (Source == MessageSource::File)
        o.messageFile = values.value(0);
    return std::nullopt;
}

const QList<CliFlag> kFlags = {
    {CliFlagId::Help, nullptr, "--help", nullptr, kAll | kTest | B(C::None),
     TR("show this help and exit"), turnOn<&CliOptions::help>},
    // Connection
    {CliFlagId::Host, "-h", "--host", "host", kAll | kTest, TR("broker host (default localhost)"),
     setText<&CliOptions::host>},
    {CliFlagId::Port, "-p", "--port", "port", kAll | kTest,
     TR("broker port (default 1883, 8883 for TLS, 80/443 for WebSocket)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 1, 65535, tr("the port must be a number from 1 to 65535, not '%1'."),
                       [&o](qint64 n) { o.port = quint16(n); });
     }},
    {CliFlagId::Version, "-V", "--protocol-version", "version", kAll | kTest,
     TR("MQTT version: mqttv5, mqttv311, mqttv31 (or 5, 311, 31); default mqttv311"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         o.protocolVersion = toVersion(v.value(0));
         if (!o.protocolVersion)
             return badValue(f, tr("unknown MQTT version '%1' (use mqttv5, mqttv311 or mqttv31).")
                                    .arg(v.value(0)));
         return std::nullopt;
     }},
    {CliFlagId::ClientId, "-i", "--id", "id", kAll,
     TR("client id (bench: a prefix; default: generated)"), setText<&CliOptions::clientId>},
    {CliFlagId::Username, "-u", "--username", "user", kAll | kTest, TR("user name"),
     setText<&CliOptions::username>},
    {CliFlagId::Password, "-P", "--pw", "password", kAll | kTest, TR("password"),
     setUtf8<&CliOptions::password>},
    {CliFlagId::KeepAlive, "-k", "--keepalive", "seconds", kAll,
     TR("keep alive interval in seconds (default 60, 0 = off)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 0, 65535, tr("the keep alive must be 0 to 65535 seconds, not '%1'."),
                       [&o](qint64 n) { o.keepAlive = quint16(n); });
     }},
    {CliFlagId::NoCleanSession, "-c", "--disable-clean-session", nullptr, kAll,
     TR("keep the session (clean session / clean start off)"), turnOn<&CliOptions::noCleanSession>},
    {CliFlagId::SessionExpiry, "-x", "--session-expiry-interval", "seconds", kAll,
     TR("5.0 session expiry interval in seconds (-1 = never)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         if (v.value(0) == QLatin1String("-1") || v.value(0) == QStringLiteral("\u221E")) {
             o.sessionExpiry = 0xFFFFFFFF; // never expires
             return std::nullopt;
         }
         return number(f, v, 0, 0xFFFFFFFF,
                       tr("the session expiry must be 0 to 4294967295 seconds or -1, not '%1'."),
                       [&o](qint64 n) { o.sessionExpiry = quint32(n); });
     }},
    {CliFlagId::Url, "-L", "--url", "url", kAll,
     TR("mqtt(s)://[user[:pass]@]host[:port]/topic or ws(s)://host[:port]/path"),
     setText<&CliOptions::url>},
    {CliFlagId::WsPath, nullptr, "--ws-path", "path", kAll,
     TR("WebSocket request path (default /mqtt)"), setText<&CliOptions::wsPath>},
    {CliFlagId::Proxy, nullptr, "--proxy", "url", kAll,
     TR("connect through socks5://[user:pass@]host:port or http://[user:pass@]host:port"),
     setText<&CliOptions::proxy>},
    {CliFlagId::Profile, nullptr, "--profile", "name", kAll,
     TR("use the connection saved in the app under this name; flags override it"),
     setText<&CliOptions::profile>},
    {CliFlagId::DataDir, nullptr, "--data-dir", "dir", kAll | kTest,
     TR("the app's data directory (default $MQTTDESK_DATA_DIR, then the platform's)"),
     setText<&CliOptions::dataDir>},
    {CliFlagId::ConnectTimeout, nullptr, "--connect-timeout", "seconds", kAll,
     TR("give up connecting after this many seconds (default 30)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 1, 3600, tr("the timeout must be 1 to 3600 seconds, not '%1'."),
                       [&o](qint64 n) { o.connectTimeoutMs = int(n * 1000); });
     }},
    // TLS
    {CliFlagId::CaFile, nullptr, "--cafile", "file", kAll, TR("CA certificates to trust (PEM)"),
     setText<&CliOptions::caFile>},
    {CliFlagId::CaPath, nullptr, "--capath", "dir", kAll,
     TR("directory of CA certificates to trust"), setText<&CliOptions::caPath>},
    {CliFlagId::Cert, nullptr, "--cert", "file", kAll, TR("client certificate (PEM or DER)"),
     setText<&CliOptions::certFile>},
    {CliFlagId::Key, nullptr, "--key", "file", kAll, TR("client private key (PEM or DER)"),
     setText<&CliOptions::keyFile>},
    {CliFlagId::KeyPass, nullptr, "--keypass", "passphrase", kAll,
     TR("passphrase of an encrypted --key"), setUtf8<&CliOptions::keyPassphrase>},
    {CliFlagId::Insecure, nullptr, "--insecure", nullptr, kAll,
     TR("do not verify the server certificate (unsafe)"), turnOn<&CliOptions::insecure>},
    {CliFlagId::TlsVersion, nullptr, "--tls-version", "version", kAll,
     TR("minimum TLS version: tlsv1.2 or tlsv1.3"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         const QString version = v.value(0);
         if (version != QLatin1String("tlsv1.2") && version != QLatin1String("tlsv1.3"))
             return badValue(f, tr("use tlsv1.2 or tlsv1.3, not '%1'.").arg(version));
         o.tlsVersion = version;
         return std::nullopt;
     }},
    // Will
    {CliFlagId::WillTopic, nullptr, "--will-topic", "topic", kAll, TR("topic of the will"),
     setText<&CliOptions::willTopic>},
    {CliFlagId::WillPayload, nullptr, "--will-payload", "payload", kAll, TR("payload of the will"),
     setUtf8<&CliOptions::willPayload>},
    {CliFlagId::WillQos, nullptr, "--will-qos", "qos", kAll, TR("QoS of the will (0, 1, 2)"),
     setQos<&CliOptions::willQos>},
    {CliFlagId::WillRetain, nullptr, "--will-retain", nullptr, kAll, TR("retain the will"),
     turnOn<&CliOptions::willRetain>},
    {CliFlagId::Property, "-D", "--property", "command name value", kAll,
     TR("5.0 property; command: connect, publish, subscribe, unsubscribe, disconnect, will; "
        "user-property takes a name and a value"),
     [](CliOptions &o, const CliFlag &, const QStringList &v) -> Applied {
         o.properties.append(CliProperty{v.value(0), v.value(1), v.value(2), v.value(3)});
         return std::nullopt;
     }},
    // What
    {CliFlagId::Topic, "-t", "--topic", "topic",
     kTopics | B(C::RetainedClear) | B(C::RetainedSnapshot) | kRecord | kWatch,
     TR("topic (sub, record: a filter, repeatable; bench: %c is the client number; retained: "
        "the filter; watch: subscribe to these filters instead of the rules')"),
     append<&CliOptions::topics>},
    {CliFlagId::Qos, "-q", "--qos", "qos",
     kTopics | B(C::RetainedClear) | kRecord | kReplay | kWatch,
     TR("QoS 0, 1 or 2 (default 0; replay: every message at this QoS instead of its own)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         o.qosGiven = true;
         return setQos<&CliOptions::qos>(o, f, v);
     }},
    {CliFlagId::Retain, "-r", "--retain", nullptr, kPub | B(C::BenchPub),
     TR("publish with the retain flag"), turnOn<&CliOptions::retain>},
    {CliFlagId::Message, "-m", "--message", "message", kPub, TR("the message to publish"),
     setSource<MessageSource::Argument>},
    {CliFlagId::File, "-f", "--file", "file", kPub, TR("publish the contents of a file"),
     setSource<MessageSource::File>},
    {CliFlagId::Stdin, "-s", "--stdin-file", nullptr, kPub,
     TR("publish all of standard input as one message"), setSource<MessageSource::Stdin>},
    {CliFlagId::StdinLines, "-l", "--stdin-line", nullptr, kPub,
     TR("publish each line of standard input as a message"), setSource<MessageSource::StdinLines>},
    {CliFlagId::NullMessage, "-n", "--null-message", nullptr, kPub,
     TR("publish a zero-length message"), setSource<MessageSource::Null>},
    {CliFlagId::Repeat, nullptr, "--repeat", "count", kPub, TR("publish the message N times"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 1, 1000000000, tr("the repeat count must be at least 1, not '%1'."),
                       [&o](qint64 n) { o.repeat = int(n); });
     }},
    {CliFlagId::RepeatDelay, nullptr, "--repeat-delay", "ms", kPub,
     TR("wait this long between repeats"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 0, 86400000, tr("the delay must be 0 or more milliseconds, not '%1'."),
                       [&o](qint64 n) { o.repeatDelayMs = int(n); });
     }},
    {CliFlagId::Template, nullptr, "--template", "name", kPub,
     TR("publish a saved template (\"Collection/Template\" or its name); -t, -q and -r override "
        "it"),
     setText<&CliOptions::templateName>},
    {CliFlagId::Collection, nullptr, "--collection", "file", kPub,
     TR("read --template from this exported template file instead of the app's templates"),
     setText<&CliOptions::collectionFile>},
    {CliFlagId::Var, nullptr, "--var", "name=value", kPub | kTest,
     TR("a template variable, repeatable; it wins over the collection's (test: a suite's "
        "${name}, over the suite's own)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         const QString value = v.value(0);
         if (value.indexOf(QLatin1Char('=')) < 1)
             return badValue(f, tr("give a variable as name=value, not '%1'.").arg(value));
         o.variables.append(value);
         return std::nullopt;
     }},
    {CliFlagId::Expand, nullptr, "--expand", nullptr, kPub,
     TR("expand {{variables}} in -t and -m (off by default: a literal {{ is sent as it is)"),
     turnOn<&CliOptions::expand>},
    // sub output
    {CliFlagId::Count, "-C", "--count", "count",
     kSub | B(C::BenchPub) | B(C::BenchSub) | kTree | kRecord,
     TR("sub, topics: exit after this many messages; bench pub: messages per client; bench "
        "sub: stop after this many messages in all"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 1, Q_INT64_C(1) << 40, tr("the count must be at least 1, not '%1'."),
                       [&o](qint64 n) { o.count = n; });
     }},
    {CliFlagId::Timeout, "-W", "--timeout", "seconds", kSub | kBench | kTree | kRecord,
     TR("stop after this many seconds (sub: exit status 27; topics: print the tree)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 1, 86400 * 365, tr("the timeout must be at least 1 second, not '%1'."),
                       [&o](qint64 n) { o.timeoutSeconds = int(n); });
     }},
    {CliFlagId::Verbose, "-v", "--verbose", nullptr, kSub, TR("print the topic before the payload"),
     turnOn<&CliOptions::verbose>},
    {CliFlagId::NoEol, "-N", nullptr, nullptr, kSub, TR("no line feed after each message"),
     turnOn<&CliOptions::noEol>},
    {CliFlagId::NoRetained, "-R", nullptr, nullptr, kSub, TR("do not print retained messages"),
     turnOn<&CliOptions::noRetained>},
    {CliFlagId::Store, nullptr, "--store", nullptr, kSub,
     TR("also keep every message in the --profile's history, as the app does (not while the "
        "app has that data directory open)"),
     turnOn<&CliOptions::store>},
    {CliFlagId::Reconnect, nullptr, "--reconnect", nullptr, kSub,
     TR("after a lost connection, keep reconnecting instead of exiting (one line on standard "
        "error for each loss and each reconnection; with -c the session carries over); a "
        "first connection that fails is still an error"),
     turnOn<&CliOptions::reconnect>},
    {CliFlagId::PrintFormat, "-F", nullptr, "format", kSub | kTree | B(C::RetainedDiff),
     TR("sub: print each message in this format, as mosquitto_sub -F (see Format below); "
        "topics: json prints the tree as JSON; retained diff: json or csv instead of text"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         if (o.command == CliCommand::RetainedDiff) {
             if (v.value(0) != QLatin1String("json") && v.value(0) != QLatin1String("csv"))
                 return badValue(f, tr("use json or csv, not '%1'.").arg(v.value(0)));
             o.diffFormat = v.value(0);
             return std::nullopt;
         }
         // sub: "-F json" is mosquitto_sub's "-F %j", one JSON object per message.
         if (o.command == CliCommand::Sub && v.value(0) == QLatin1String("json")) {
             o.printFormat = QStringLiteral("%j");
             return std::nullopt;
         }
         QString why;
         if (!FormatTemplate::parse(v.value(0), &why))
             return badValue(f, why);
         o.printFormat = v.value(0);
         return std::nullopt;
     }},
    {CliFlagId::FilterOut, "-T", nullptr, "filter", kSub,
     TR("do not print messages whose topic matches this filter (repeatable)"),
     append<&CliOptions::filterOut>},
    {CliFlagId::Unsubscribe, "-U", nullptr, "filter", kSub,
     TR("unsubscribe from this filter after connecting (repeatable)"),
     append<&CliOptions::unsubscribeTopics>},
    {CliFlagId::OutputFormat, nullptr, "--format", "format", kSub,
     TR("payload as text, json (indented), hex or base64 (default text)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         const std::optional<PayloadFormat> format = payloadFormatFromKey(v.value(0));
         if (!format || (*format != PayloadFormat::Text && *format != PayloadFormat::Json &&
                         *format != PayloadFormat::Hex && *format != PayloadFormat::Base64))
             return badValue(f, tr("use text, json, hex or base64, not '%1'.").arg(v.value(0)));
         o.outputFormat = *format;
         return std::nullopt;
     }},
    {CliFlagId::LineBuffered, nullptr, "--line-buffered", nullptr, kSub,
     TR("write each message out at once (default: only when stdout is a terminal)"),
     turnOn<&CliOptions::lineBuffered>},
    {CliFlagId::ProtoPath, nullptr, "--proto-path", "dir", kSub,
     TR("look up the imports of --proto files here (repeatable)"), append<&CliOptions::protoPaths>},
    {CliFlagId::Proto, nullptr, "--proto", "file", kSub,
     TR("decode the -t topics' payloads as Protobuf with this .proto file (repeatable; "
        "with --proto-type)"),
     append<&CliOptions::protoFiles>},
    {CliFlagId::ProtoType, nullptr, "--proto-type", "type", kSub,
     TR("the message type of the --proto payloads, e.g. demo.Reading"),
     setText<&CliOptions::protoType>},
    {CliFlagId::Numeric, nullptr, "--numeric", "type", kSub,
     TR("decode the -t topics' payloads as packed numbers: int8…int64, uint8…uint64, float32 "
        "or float64, then le or be, then :N to skip an N-byte header (e.g. int16be:4)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         QString why;
         if (!NumericArrayDecoder::Layout::fromSpec(v.value(0), &why))
             return badValue(f, why);
         o.numericSpec = v.value(0);
         return std::nullopt;
     }},
    {CliFlagId::Rules, nullptr, "--rules", "file", kSub | kWatch,
     TR("sub: decode as these decoding rules say (a JSON file the app exports); they follow the "
        "rules of --proto and --numeric; watch: the alert rules to judge (docs/alert-rules.md)"),
     setText<&CliOptions::rulesFile>},
    {CliFlagId::Sparkplug, nullptr, "--sparkplug", nullptr, kSub,
     TR("decode Sparkplug B (spBv1.0/...) as a host application: metric names from the "
        "births' aliases; sequence gaps, data before birth, births and deaths flagged"),
     turnOn<&CliOptions::sparkplug>},
    // replay
    {CliFlagId::Speed, nullptr, "--speed", "factor", kReplay,
     TR("replay at this speed: 1 the original timing (default), 2 twice as fast, 0 as fast as "
        "possible"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         bool ok = false;
         const double speed = v.value(0).toDouble(&ok);
         if (!ok || speed < 0 || speed > 1e6)
             return badValue(
                 f, tr("the speed must be 0 or a positive factor, not '%1'.").arg(v.value(0)));
         o.replaySpeed = speed;
         return std::nullopt;
     }},
    {CliFlagId::Rewrite, nullptr, "--rewrite", "old=new", kReplay,
     TR("replace a topic prefix, e.g. prod/=test/; repeatable, the first that matches wins"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) -> Applied {
         if (v.value(0).indexOf(QLatin1Char('=')) < 1)
             return badValue(f, tr("give a rewrite as OLD=NEW, not '%1'.").arg(v.value(0)));
         o.rewrites.append(v.value(0));
         return std::nullopt;
     }},
    {CliFlagId::Loop, nullptr, "--loop", "count", kReplay,
     TR("replay the capture this many times (default 1)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 1, 1000000, tr("the loop count must be at least 1, not '%1'."),
                       [&o](qint64 n) { o.replayLoops = int(n); });
     }},
    {CliFlagId::NoRetain, nullptr, "--no-retain", nullptr, kReplay,
     TR("publish without the retain flag the capture has"), turnOn<&CliOptions::dropRetain>},
    {CliFlagId::NoProperties, nullptr, "--no-properties", nullptr, kReplay,
     TR("publish without the MQTT 5 properties the capture has"),
     turnOn<&CliOptions::dropProperties>},
    // watch
    {CliFlagId::FailFast, nullptr, "--fail-fast", nullptr, kWatch,
     TR("exit with status 6 at the first alert that fires"), turnOn<&CliOptions::failFast>},
    // probe
    {CliFlagId::Json, nullptr, "--json", nullptr, kProbe, TR("print the report as JSON"),
     [](CliOptions &o, const CliFlag &f, const QStringList &) -> Applied {
         if (o.reportFormat == QLatin1String("markdown"))
             return badValue(f, tr("give --json or --markdown, not both."),
                             CliError::Kind::ConflictingOptions);
         o.reportFormat = QStringLiteral("json");
         return std::nullopt;
     }},
    {CliFlagId::Markdown, nullptr, "--markdown", nullptr, kProbe,
     TR("print the report as Markdown (for a ticket or a wiki)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &) -> Applied {
         if (o.reportFormat == QLatin1String("json"))
             return badValue(f, tr("give --json or --markdown, not both."),
                             CliError::Kind::ConflictingOptions);
         o.reportFormat = QStringLiteral("markdown");
         return std::nullopt;
     }},
    {CliFlagId::MaxPayload, nullptr, "--max-payload", "bytes", kProbe,
     TR("search the largest payload up to this many bytes (default 1048576)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 0, 256 * 1024 * 1024,
                       tr("the size must be 0 to 268435456 bytes, not '%1'."),
                       [&o](qint64 n) { o.probeMaxPayload = n; });
     }},
    {CliFlagId::Pings, nullptr, "--pings", "count", kProbe,
     TR("PINGREQ round trips for the latency figures (default 100, 0 = none)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 0, 100000, tr("the number of pings must be 0 to 100000, not '%1'."),
                       [&o](qint64 n) { o.probePings = int(n); });
     }},
    // test
    {CliFlagId::Junit, nullptr, "--junit", "file", kTest,
     TR("also write the results as JUnit XML to this file (for Jenkins, GitLab, ...)"),
     setText<&CliOptions::junitFile>},
    // retained
    {CliFlagId::Yes, "-y", "--yes", nullptr, B(C::RetainedClear),
     TR("clear without asking for confirmation"), turnOn<&CliOptions::yes>},
    {CliFlagId::OutputFile, "-o", "--output", "file", B(C::RetainedSnapshot) | kRecord,
     TR("write the snapshot (record: the capture) to this file"),
     [](CliOptions &o, const CliFlag &, const QStringList &v) -> Applied {
         o.outputFile = v.value(0);
         return std::nullopt;
     }},
    {CliFlagId::SnapshotName, nullptr, "--name", "name", B(C::RetainedSnapshot),
     TR("a name stored in the snapshot"),
     [](CliOptions &o, const CliFlag &, const QStringList &v) -> Applied {
         o.snapshotName = v.value(0);
         return std::nullopt;
     }},
    {CliFlagId::QuietMs, nullptr, "--quiet-ms", "ms", kRetained,
     TR("all retained messages are in when none came for this long (default 1000)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 50, 600000, tr("use 50 to 600000 milliseconds, not '%1'."),
                       [&o](qint64 n) { o.quietMs = int(n); });
     }},
    {CliFlagId::Quiet, nullptr, "--quiet", nullptr, kAll | kTest, TR("no error messages"),
     turnOn<&CliOptions::quiet>},
    {CliFlagId::Debug, "-d", "--debug", nullptr, kPub | kSub,
     TR("print every MQTT packet sent and received on standard error, as mosquitto_sub -d "
        "does, each answer with its round-trip time"),
     turnOn<&CliOptions::debug>},
    // bench
    {CliFlagId::Clients, nullptr, "--clients", "count", kBench, TR("number of clients (default 1)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 1, 100000, tr("the number of clients must be 1 to 100000, not '%1'."),
                       [&o](qint64 n) { o.clients = int(n); });
     }},
    {CliFlagId::Rate, nullptr, "--rate", "messages/s", B(C::BenchPub),
     TR("messages per second per client (default: as fast as possible)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 0, 100000000,
                       tr("the rate must be 0 or more messages per second, not '%1'."),
                       [&o](qint64 n) { o.rate = int(n); });
     }},
    {CliFlagId::Size, "-S", "--size", "bytes", B(C::BenchPub),
     TR("payload size in bytes (default 16)"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 0, 256 * 1024 * 1024,
                       tr("the size must be 0 to 268435456 bytes, not '%1'."),
                       [&o](qint64 n) { o.payloadSize = int(n); });
     }},
    {CliFlagId::Interval, nullptr, "--interval", "ms", kBench | kPub,
     TR("bench: delay between starting two clients; pub: the same as --repeat-delay"),
     [](CliOptions &o, const CliFlag &f, const QStringList &v) {
         return number(f, v, 0, 86400000, tr("the delay must be 0 or more milliseconds, not '%1'."),
                       [&o](qint64 n) {
                           if (o.command == CliCommand::Pub)
                               o.repeatDelayMs = int(n);
                           else
                               o.intervalMs = int(n);
                       });
     }},
};

#undef TR

} // namespace

const QList<CliFlag> &CliFlagTable::flags()
{
    return kFlags;
}

const CliFlag *CliFlagTable::find(QStringView token)
{
    for (const CliFlag &flag : kFlags) {
        if ((flag.shortName && token == QLatin1String(flag.shortName)) ||
            (flag.longName && token == QLatin1String(flag.longName)))
            return &flag;
    }
    return nullptr;
}

QString CliFlagTable::commandName(CliCommand command)
{
    switch (command) {
    case CliCommand::None:
        return {};
    case CliCommand::Conn:
        return QStringLiteral("conn");
    case CliCommand::Pub:
        return QStringLiteral("pub");
    case CliCommand::Sub:
        return QStringLiteral("sub");
    case CliCommand::BenchPub:
        return QStringLiteral("bench pub");
    case CliCommand::BenchSub:
        return QStringLiteral("bench sub");
    case CliCommand::BenchConn:
        return QStringLiteral("bench conn");
    case CliCommand::Topics:
        return QStringLiteral("topics");
    case CliCommand::RetainedClear:
        return QStringLiteral("retained clear");
    case CliCommand::RetainedSnapshot:
        return QStringLiteral("retained snapshot");
    case CliCommand::RetainedDiff:
        return QStringLiteral("retained diff");
    case CliCommand::Record:
        return QStringLiteral("record");
    case CliCommand::Replay:
        return QStringLiteral("replay");
    case CliCommand::Watch:
        return QStringLiteral("watch");
    case CliCommand::Probe:
        return QStringLiteral("probe");
    case CliCommand::Test:
        return QStringLiteral("test");
    }
    return {};
}

QString CliFlagTable::usageHint(CliCommand command)
{
    const QString name = command == CliCommand::None
                             ? QStringLiteral("mqttdesk-cli")
                             : QStringLiteral("mqttdesk-cli ") + commandName(command);
    return tr("Run '%1 --help' for the list of options.").arg(name);
}

QString CliFlagTable::help(CliCommand command)
{
    QString out;
    switch (command) {
    case CliCommand::None:
        return tr("Usage: mqttdesk-cli <command> [options]\n"
                  "\n"
                  "MQTT Desk command-line client.\n"
                  "\n"
                  "Commands:\n"
                  "  conn        connect, print the CONNACK and its properties, disconnect\n"
                  "  pub         publish a message\n"
                  "  sub         subscribe and print the messages\n"
                  "  bench pub   publish load from N clients and measure it\n"
                  "  bench sub   subscribe with N clients and count what arrives\n"
                  "  bench conn  connect N clients and measure connection times\n"
                  "  topics      subscribe and print the tree of the topics received\n"
                  "  retained clear     remove the retained messages under a filter\n"
                  "  retained snapshot  save the retained messages under a filter to a file\n"
                  "  retained diff      compare two snapshots, or a snapshot with the broker\n"
                  "  record      subscribe and save the messages to a capture file\n"
                  "  replay      publish a capture file again, on its original timing\n"
                  "  watch       judge alert rules against what arrives, print each alert\n"
                  "  probe       test what a broker supports: versions, QoS, retain, ...\n"
                  "  test        run test suites (publish, then expect messages) and report\n"
                  "\n"
                  "  --help      show this help; '<command> --help' lists its options\n"
                  "  --version   show the version\n"
                  "\n"
                  "Exit status: 0 success, 1 bad arguments, 2 cannot connect or the connection\n"
                  "broke, 3 refused by the server (e.g. wrong password), 4 a request was\n"
                  "refused, 5 the history cannot be stored (--store), 6 an alert fired\n"
                  "(watch --fail-fast), 7 a test failed (test), 27 timed out (-W).\n");
    case CliCommand::Conn:
        out = tr("Usage: mqttdesk-cli conn [options]\n\nConnects, prints the CONNACK with all "
                 "its properties, then disconnects.\n");
        break;
    case CliCommand::Pub:
        out = tr("Usage: mqttdesk-cli pub -t topic {-m message | -f file | -s | -l | -n} "
                 "[options]\n\nPublishes a message (or one per line of standard input with "
                 "-l).\n");
        break;
    case CliCommand::Sub:
        out = tr("Usage: mqttdesk-cli sub -t filter [-t filter ...] [options]\n\nSubscribes "
                 "and prints each message's payload on a line. With --proto, --numeric or\n"
                 "--rules (and --sparkplug for spBv1.0 topics) the payloads they cover are\n"
                 "printed decoded (JSON on one line); a\n"
                 "payload that does not decode prints why on standard error and its bytes in\n"
                 "hex, and the command goes on.\n");
        break;
    case CliCommand::BenchPub:
        out = tr("Usage: mqttdesk-cli bench pub -t topic [--clients N] [-C count] [--rate R] "
                 "[-S bytes] [options]\n\nPublishes from N clients, prints a line each second "
                 "and a summary: messages per second, latency percentiles (QoS 1/2), errors.\n");
        break;
    case CliCommand::BenchSub:
        out = tr("Usage: mqttdesk-cli bench sub -t filter [--clients N] [-C count] [-W s] "
                 "[options]\n\nSubscribes with N clients and counts what arrives, with a line "
                 "each second and a summary.\n");
        break;
    case CliCommand::BenchConn:
        out = tr("Usage: mqttdesk-cli bench conn [--clients N] [--interval ms] "
                 "[options]\n\nConnects N clients and reports connection times and errors.\n");
        break;
    case CliCommand::Topics:
        out = tr("Usage: mqttdesk-cli topics -t filter [-t filter ...] [-W seconds | -C count] "
                 "[-F json] [options]\n\nSubscribes, builds the tree of the topics received "
                 "(the app's Topics view) and prints it at the end (-W, -C or Ctrl-C): each "
                 "level with its messages (and those on the topic itself), messages per second "
                 "over the last 10 s, and R when the broker holds a retained message.\n");
        break;
    case CliCommand::RetainedClear:
        out = tr("Usage: mqttdesk-cli retained clear -t filter [--yes] [-q qos] [options]\n\n"
                 "Lists the retained messages under the filter, asks for confirmation (refused\n"
                 "when standard input is not a terminal, unless --yes), then removes them by\n"
                 "publishing an empty retained message to each topic. Exit status: 0 all\n"
                 "cleared, 1 some could not be cleared, 2 refused or cannot connect.\n");
        break;
    case CliCommand::RetainedSnapshot:
        out = tr("Usage: mqttdesk-cli retained snapshot -t filter -o file [--name name] "
                 "[options]\n\nSaves the retained messages under the filter to a JSON file.\n");
        break;
    case CliCommand::RetainedDiff:
        out = tr("Usage: mqttdesk-cli retained diff A B [-F json|csv] [options]\n\n"
                 "Compares two snapshot files; B may be 'live' to compare A with the broker\n"
                 "now (under A's filter, with the connection options). Prints what was added,\n"
                 "removed and changed. Exit status: 0 equal, 1 different, 2 an error.\n");
        break;
    case CliCommand::Record:
        out = tr("Usage: mqttdesk-cli record -t filter [-t filter ...] -o file [-C count | -W "
                 "seconds] [options]\n\nSubscribes and writes every message to a capture file "
                 "(JSON Lines: time, topic, QoS, retain, payload, MQTT 5 properties; see "
                 "docs/capture-format.md) until -C messages, -W seconds or Ctrl-C.\n");
        break;
    case CliCommand::Replay:
        out = tr("Usage: mqttdesk-cli replay file [--speed X] [--rewrite old=new] [-q qos] "
                 "[--loop N] [options]\n\nPublishes a capture file (record's, or the app's "
                 "history export in JSON Lines) again, on its original timing or --speed times "
                 "faster, and prints how many were sent and acknowledged. Exit status: 0 all "
                 "acknowledged, 4 some were refused, 2 the connection broke.\n");
        break;
    case CliCommand::Watch:
        out = tr("Usage: mqttdesk-cli watch --rules file [-t filter ...] [--fail-fast] "
                 "[options]\n\nSubscribes to the filters of the alert rules (or to the -t "
                 "filters), judges every message, the clock and the connection against the "
                 "rules (docs/alert-rules.md) and prints each alert that fires or clears as one "
                 "JSON line; publishes the rules' actions. A lost connection is reconnected "
                 "(connection-lost rules fire meanwhile). Runs until Ctrl-C. Exit status: 0 "
                 "ended by Ctrl-C, 6 an alert fired with --fail-fast, 2 the connection could "
                 "not be made or given up.\n");
        break;
    case CliCommand::Probe:
        out = tr("Usage: mqttdesk-cli probe [connection options | --profile name] [--json | "
                 "--markdown] [--max-payload bytes] [--pings N]\n\nTests what the broker "
                 "supports, over connections of its own (client ids and topics under "
                 "mqttdesk/probe/<random>/): MQTT 3.1, 3.1.1 and 5.0, what the 5.0 CONNACK "
                 "announces, then QoS 0/1/2 round trips, retained messages, wildcard and shared "
                 "subscriptions, subscription identifiers, topic aliases, the will, session "
                 "resume, the largest payload and PINGREQ round-trip times. Each line is "
                 "Supported, Not supported, Announced but broken or Skipped. Retained probe "
                 "messages are cleared. Every version is tried whatever -V says; -i, -c, -x and "
                 "the will options are not used. Exit status: 0 the test ran (whatever the "
                 "broker supports), 2 no connection could be made, 3 every version was "
                 "refused.\n");
        break;
    case CliCommand::Test:
        out = tr("Usage: mqttdesk-cli test SUITE... [--junit file] [--var name=value ...] "
                 "[-h host] [-p port] [options]\n\nRuns the tests of each suite file "
                 "(docs/test-suites.md) in order: connects, subscribes, publishes and expects "
                 "messages (payload, JSON paths, QoS, retain, user properties), expects silence "
                 "or a will, and prints each step with a check mark or a cross and the reason. "
                 "Every file is checked before anything connects. --var sets a suite's "
                 "${name} (over the file's \"variables\"). -h, -p, -V, -u and -P replace the "
                 "host, port, protocol, user name and password of every connection the suites "
                 "give inline; a connection that names a saved \"profile\" is used as saved "
                 "(--data-dir). Exit status: 0 every test passed (or was skipped), 7 a test "
                 "failed, had an error or the run was stopped (Ctrl-C), 1 bad arguments or a "
                 "suite file that cannot be read or is not valid (the error names the test, the "
                 "step and the field).\n");
        break;
    }
    out += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n');
    for (const CliFlag &flag : kFlags) {
        if (!accepts(flag, command))
            continue;
        QString names = flag.shortName ? QLatin1String(flag.shortName) : QString();
        if (flag.longName)
            names +=
                (names.isEmpty() ? QString() : QStringLiteral(", ")) + QLatin1String(flag.longName);
        if (flag.valueName)
            names += QStringLiteral(" <") + QLatin1String(flag.valueName) + QLatin1Char('>');
        out += QStringLiteral("  ") + names.leftJustified(34) + QLatin1Char(' ') + tr(flag.help) +
               QLatin1Char('\n');
    }
    if (command == CliCommand::Sub) {
        out += QLatin1Char('\n') +
               tr("Format (-F), the fields of mosquitto_sub 2.0:\n"
                  "  %t topic   %p payload   %x %X payload in hex   %l payload length   %q QoS\n"
                  "  %r retained (0 or 1)   %m message id   %I ISO 8601 local time\n"
                  "  %U Unix time with nanoseconds   %% a percent sign\n"
                  "  %j JSON, the payload as a string (-F json is the same)   %J JSON, the\n"
                  "  payload as JSON; with decoding (--proto, --numeric, --rules) both add\n"
                  "  \"decoded\" (the decoded value) or \"decodeError\" (why not)\n"
                  "  MQTT 5.0 properties (blank when absent): %A topic alias, %C content type,\n"
                  "  %D correlation data, %E message expiry interval, %F payload format\n"
                  "  indicator, %P user properties (key:value, space-separated), %R response\n"
                  "  topic, %S subscription identifier\n"
                  "  As in printf: %-20t left-aligned, %05l zero-padded, %.8t at most 8\n"
                  "  bytes; a width also cuts %p, %x and %X to fit.\n"
                  "  @X is strftime's %X (@Y-@m-@d @H:@M:@S @z), @N nanoseconds, @@ an @.\n"
                  "  Escapes: \\n \\t \\r \\v \\a \\e (escape) \\0 (NUL) \\\\\n");
    }
    return out;
}

} // namespace mqttdesk
