#pragma once

#include "app/cli/cli_error.h"
#include "app/cli/cli_options.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace mqttdesk {

// Every flag the CLI knows: its names, its value, the commands that accept it, its help
// line and how its value is stored. The parser and each command's --help are both driven
// by this one table, so a flag cannot be accepted without being documented.
enum class CliFlagId : quint8
{
    Help,
    Host,
    Port,
    Version,
    ClientId,
    Username,
    Password,
    KeepAlive,
    NoCleanSession,
    SessionExpiry,
    Url,
    WsPath,
    Proxy,
    Profile,
    DataDir,
    ConnectTimeout,
    CaFile,
    CaPath,
    Cert,
    Key,
    KeyPass,
    Insecure,
    TlsVersion,
    WillTopic,
    WillPayload,
    WillQos,
    WillRetain,
    Property,
    Topic,
    Qos,
    Retain,
    Message,
    File,
    Stdin,
    StdinLines,
    NullMessage,
    Repeat,
    RepeatDelay,
    Template,
    Collection,
    Var,
    Expand,
    Count,
    Timeout,
    Verbose,
    NoEol,
    NoRetained,
    Store,
    PrintFormat,
    FilterOut,
    Unsubscribe,
    OutputFormat,
    LineBuffered,
    ProtoPath,
    Proto,
    ProtoType,
    Numeric,
    Rules,
    Sparkplug,
    Quiet,
    Clients,
    Rate,
    Size,
    Interval,
    Yes,
    OutputFile,
    SnapshotName,
    QuietMs,
    Speed,
    Rewrite,
    Loop,
    NoRetain,
    NoProperties,
    FailFast,
    Json,
    Markdown,
    MaxPayload,
    Pings,
    Junit,
    Debug,
    Reconnect,
};

struct CliFlag
{
    // Stores the flag's values (as many as valueName names) in the options; why not,
    // when a value is not one the flag takes.
    using Apply = std::optional<CliError> (*)(CliOptions &options, const CliFlag &flag,
                                              const QStringList &values);

    CliFlagId id;
    const char *shortName; // "-h", or nullptr
    const char *longName;  // "--host", or nullptr
    const char *valueName; // "host"; nullptr for a switch
    unsigned commands;     // CliFlagTable::bit(command) mask
    const char *help;      // translated in the "cli" context
    Apply apply;

    // The name errors use: the short one if there is one.
    QString name() const { return QLatin1String(shortName ? shortName : longName); }
};

class CliFlagTable
{
public:
    static constexpr unsigned bit(CliCommand command) { return 1u << unsigned(command); }

    static const QList<CliFlag> &flags();
    // The flag `token` names ("-h", "--host"), or nullptr.
    static const CliFlag *find(QStringView token);
    static bool accepts(const CliFlag &flag, CliCommand command)
    {
        return (flag.commands & bit(command)) != 0;
    }

    // "sub", "bench pub", ...
    static QString commandName(CliCommand command);
    // The full help of a command: usage line, description, every flag it accepts.
    static QString help(CliCommand command);
    // One line: "Run 'mqttdesk-cli sub --help' for the list of options."
    static QString usageHint(CliCommand command);
};

} // namespace mqttdesk
