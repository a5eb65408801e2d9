#include "app/cli/cli_flag_table.h"

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
constexpr unsigned kAll = kConn | kPub | kSub | kBench;
constexpr unsigned kTopics = kPub | kSub | B(C::BenchPub) | B(C::BenchSub);

#define TR(text) QT_TRANSLATE_NOOP("cli", text)

const QList<CliFlag> kFlags = {
    {CliFlagId::Help, nullptr, "--help", nullptr, kAll | B(C::None), TR("show this help and exit")},
    // Connection
    {CliFlagId::Host, "-h", "--host", "host", kAll, TR("broker host (default localhost)")},
    {CliFlagId::Port, "-p", "--port", "port", kAll,
     TR("broker port (default 1883, 8883 for TLS, 80/443 for WebSocket)")},
    {CliFlagId::Version, "-V", "--protocol-version", "version", kAll,
     TR("MQTT version: mqttv5, mqttv311, mqttv31 (or 5, 311, 31); default mqttv311")},
    {CliFlagId::ClientId, "-i", "--id", "id", kAll,
     TR("client id (bench: a prefix; default: generated)")},
    {CliFlagId::Username, "-u", "--username", "user", kAll, TR("user name")},
    {CliFlagId::Password, "-P", "--pw", "password", kAll, TR("password")},
    {CliFlagId::KeepAlive, "-k", "--keepalive", "seconds", kAll,
     TR("keep alive interval in seconds (default 60, 0 = off)")},
    {CliFlagId::NoCleanSession, "-c", "--disable-clean-session", nullptr, kAll,
     TR("keep the session (clean session / clean start off)")},
    {CliFlagId::SessionExpiry, "-x", "--session-expiry-interval", "seconds", kAll,
     TR("5.0 session expiry interval in seconds (-1 = never)")},
    {CliFlagId::Url, "-L", "--url", "url", kAll,
     TR("mqtt(s)://[user[:pass]@]host[:port]/topic or ws(s)://host[:port]/path")},
    {CliFlagId::WsPath, nullptr, "--ws-path", "path", kAll,
     TR("WebSocket request path (default /mqtt)")},
    {CliFlagId::Proxy, nullptr, "--proxy", "url", kAll,
     TR("connect through socks5://[user:pass@]host:port or http://[user:pass@]host:port")},
    {CliFlagId::Profile, nullptr, "--profile", "name", kAll,
     TR("use the connection saved in the app under this name; flags override it")},
    {CliFlagId::DataDir, nullptr, "--data-dir", "dir", kAll,
     TR("the app's data directory (default $MQTTDESK_DATA_DIR, then the platform's)")},
    {CliFlagId::ConnectTimeout, nullptr, "--connect-timeout", "seconds", kAll,
     TR("give up connecting after this many seconds (default 30)")},
    // TLS
    {CliFlagId::CaFile, nullptr, "--cafile", "file", kAll, TR("CA certificates to trust (PEM)")},
    {CliFlagId::CaPath, nullptr, "--capath", "dir", kAll,
     TR("directory of CA certificates to trust")},
    {CliFlagId::Cert, nullptr, "--cert", "file", kAll, TR("client certificate (PEM or DER)")},
    {CliFlagId::Key, nullptr, "--key", "file", kAll, TR("client private key (PEM or DER)")},
    {CliFlagId::KeyPass, nullptr, "--keypass", "passphrase", kAll,
     TR("passphrase of an encrypted --key")},
    {CliFlagId::Insecure, nullptr, "--insecure", nullptr, kAll,
     TR("do not verify the server certificate (unsafe)")},
    {CliFlagId::TlsVersion, nullptr, "--tls-version", "version", kAll,
     TR("minimum TLS version: tlsv1.2 or tlsv1.3")},
    // Will
    {CliFlagId::WillTopic, nullptr, "--will-topic", "topic", kAll, TR("topic of the will")},
    {CliFlagId::WillPayload, nullptr, "--will-payload", "payload", kAll, TR("payload of the will")},
    {CliFlagId::WillQos, nullptr, "--will-qos", "qos", kAll, TR("QoS of the will (0, 1, 2)")},
    {CliFlagId::WillRetain, nullptr, "--will-retain", nullptr, kAll, TR("retain the will")},
    {CliFlagId::Property, "-D", "--property", "command name value", kAll,
     TR("5.0 property; command: connect, publish, subscribe, unsubscribe, disconnect, will; "
        "user-property takes a name and a value")},
    // What
    {CliFlagId::Topic, "-t", "--topic", "topic", kTopics,
     TR("topic (sub: a filter, repeatable; bench: %c is the client number)")},
    {CliFlagId::Qos, "-q", "--qos", "qos", kTopics, TR("QoS 0, 1 or 2 (default 0)")},
    {CliFlagId::Retain, "-r", "--retain", nullptr, kPub | B(C::BenchPub),
     TR("publish with the retain flag")},
    {CliFlagId::Message, "-m", "--message", "message", kPub, TR("the message to publish")},
    {CliFlagId::File, "-f", "--file", "file", kPub, TR("publish the contents of a file")},
    {CliFlagId::Stdin, "-s", "--stdin-file", nullptr, kPub,
     TR("publish all of standard input as one message")},
    {CliFlagId::StdinLines, "-l", "--stdin-line", nullptr, kPub,
     TR("publish each line of standard input as a message")},
    {CliFlagId::NullMessage, "-n", "--null-message", nullptr, kPub,
     TR("publish a zero-length message")},
    {CliFlagId::Repeat, nullptr, "--repeat", "count", kPub, TR("publish the message N times")},
    {CliFlagId::RepeatDelay, nullptr, "--repeat-delay", "ms", kPub,
     TR("wait this long between repeats")},
    // sub output
    {CliFlagId::Count, "-C", "--count", "count", kSub | B(C::BenchPub) | B(C::BenchSub),
     TR("sub: exit after this many messages; bench pub: messages per client; bench sub: "
        "stop after this many messages in all")},
    {CliFlagId::Timeout, "-W", "--timeout", "seconds", kSub | kBench,
     TR("stop after this many seconds (sub: exit status 27)")},
    {CliFlagId::Verbose, "-v", "--verbose", nullptr, kSub,
     TR("print the topic before the payload")},
    {CliFlagId::NoEol, "-N", nullptr, nullptr, kSub, TR("no line feed after each message")},
    {CliFlagId::NoRetained, "-R", nullptr, nullptr, kSub, TR("do not print retained messages")},
    {CliFlagId::PrintFormat, "-F", nullptr, "format", kSub,
     TR("print with a format: %t topic, %p payload, %q qos, %r retain, %l length, %m message id, "
        "%x/%X hex payload, %I ISO time, %U unix time, %j JSON, %% a percent; \\n \\t \\\\")},
    {CliFlagId::FilterOut, "-T", nullptr, "filter", kSub,
     TR("do not print messages whose topic matches this filter (repeatable)")},
    {CliFlagId::Unsubscribe, "-U", nullptr, "filter", kSub,
     TR("unsubscribe from this filter after connecting (repeatable)")},
    {CliFlagId::OutputFormat, nullptr, "--format", "format", kSub,
     TR("payload as text, json (indented), hex or base64 (default text)")},
    {CliFlagId::LineBuffered, nullptr, "--line-buffered", nullptr, kSub,
     TR("write each message out at once (default: only when stdout is a terminal)")},
    {CliFlagId::Quiet, nullptr, "--quiet", nullptr, kAll, TR("no error messages")},
    // bench
    {CliFlagId::Clients, nullptr, "--clients", "count", kBench,
     TR("number of clients (default 1)")},
    {CliFlagId::Rate, nullptr, "--rate", "messages/s", B(C::BenchPub),
     TR("messages per second per client (default: as fast as possible)")},
    {CliFlagId::Size, "-S", "--size", "bytes", B(C::BenchPub),
     TR("payload size in bytes (default 16)")},
    {CliFlagId::Interval, nullptr, "--interval", "ms", kBench,
     TR("delay between starting two clients")},
};

#undef TR

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

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
                  "\n"
                  "  --help      show this help; '<command> --help' lists its options\n"
                  "  --version   show the version\n"
                  "\n"
                  "Exit status: 0 success, 1 bad arguments, 2 cannot connect or the connection\n"
                  "broke, 3 refused by the server (e.g. wrong password), 4 a request was\n"
                  "refused, 27 timed out (-W).\n");
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
                 "and prints each message's payload on a line.\n");
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
    return out;
}

} // namespace mqttdesk
