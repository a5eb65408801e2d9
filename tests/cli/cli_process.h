#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace mqttdesk {

// The built mqttdesk-cli, run with arguments (and optional standard input).
class CliProcess
{
public:
    struct Result
    {
        int exitCode = -1;
        bool finished = false;
        QByteArray out;
        QByteArray err;
    };

    static QString program();
    // Runs to completion (at most `timeoutMs`).
    static Result run(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000);
    // Starts without waiting; the caller owns the process.
    static void start(QProcess &process, const QStringList &args);
};

} // namespace mqttdesk
