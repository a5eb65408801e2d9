#include "tests/cli/cli_process.h"

namespace mqttdesk {

QString CliProcess::program()
{
    return QStringLiteral(MQTTDESK_CLI_PATH);
}

CliProcess::Result CliProcess::run(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    start(p, args);
    Result r;
    if (!p.waitForStarted(timeoutMs))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void CliProcess::start(QProcess &process, const QStringList &args)
{
    process.setProgram(program());
    process.setArguments(args);
    process.start();
}

} // namespace mqttdesk
