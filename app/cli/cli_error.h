#pragma once

#include "app/cli/cli_options.h"

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// A command line that cannot be run: found before connecting, printed as one line with the
// command's usage hint, exit status 1. A kind the code and the tests can branch on, and a
// translated message that names the flag and what is wrong.
struct CliError
{
    enum class Kind : quint8
    {
        // The words of the command line.
        UnknownCommand,     // not conn, pub, sub or bench pub|sub|conn
        UnknownOption,      // a flag the command does not take
        UnexpectedArgument, // a word that is not a flag
        MissingValue,       // a flag without its value
        InvalidValue,       // a value out of range or not one of the choices
        ConflictingOptions, // flags that exclude each other (-m and -n, ...)
        MissingOption,      // something the command needs (a topic, a message, --key, ...)
        InvalidTopic,       // a topic name or filter that breaks the MQTT rules
        InvalidProperty,    // a -D property: unknown, not for that packet, twice, out of range

        // What the command line points at.
        FileProblem,    // a file, directory or standard input that cannot be read
        TlsProblem,     // certificate and key files that do not make a TLS configuration
        ProfileProblem, // --profile: no such saved connection, or it cannot be read
        HistoryProblem, // --store: the history is in use or cannot be opened (exit 5)
    };

    Kind kind = Kind::InvalidValue;
    QString message;
    // The command it was given for: its usage hint goes with the message.
    CliCommand command = CliCommand::None;

    // "UnknownOption" ... (not translated)
    static QString kindName(Kind kind);
    // "mqttdesk-cli: <message>" and the usage hint, on standard error.
    void print() const;
};

} // namespace mqttdesk
