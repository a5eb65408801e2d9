#include "app/cli/probe_command.h"

#include "app/cli/cli_client.h"
#include "app/cli/cli_exit_code.h"

#include <cstdio>

namespace mqttdesk {

namespace {

ProbeOptions probeOptions(const CliOptions &o)
{
    ProbeOptions p;
    p.maxPayloadBytes = o.probeMaxPayload;
    p.pings = o.probePings;
    return p;
}

void write(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

ProbeCommand::ProbeCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_probe(plan.settings, probeOptions(options))
{
    connect(&m_probe, &BrokerProbe::checkFinished, this, [this](const ProbeCheckResult &r) {
        if (m_options.quiet)
            return;
        // Progress for a person waiting; the report itself goes to standard output.
        const int total = int(ProbeCheckResult::allChecks().size());
        write(stderr,
              tr("[%1/%2] %3: %4\n")
                  .arg(int(r.check) + 1)
                  .arg(total)
                  .arg(ProbeCheckResult::title(r.check), ProbeCheckResult::outcomeText(r.outcome))
                  .toLocal8Bit());
    });
    connect(&m_probe, &BrokerProbe::finished, this, &ProbeCommand::onFinished);
}

bool ProbeCommand::prepare(CliError *)
{
    return true;
}

void ProbeCommand::start()
{
    m_probe.start();
}

void ProbeCommand::interrupt()
{
    m_probe.cancel();
}

int ProbeCommand::exitCodeFor(const ProbeReport &report)
{
    if (report.connected())
        return ExitSuccess;
    return report.refusal() ? ExitRefused : ExitConnection;
}

void ProbeCommand::onFinished(const ProbeReport &report)
{
    if (m_options.reportFormat == QLatin1String("json"))
        write(stdout, report.toJson());
    else if (m_options.reportFormat == QLatin1String("markdown"))
        write(stdout, report.toMarkdown().toUtf8());
    else
        write(stdout, report.toText().toLocal8Bit());
    const int code = exitCodeFor(report);
    if (code != ExitSuccess && !m_options.quiet) {
        const ProbeCheckResult *first = report.result(ProbeCheck::ConnectV31);
        CliClient::printError(tr("No protocol version was accepted by %1: %2")
                                  .arg(report.broker, first ? first->detail : QString()));
    }
    emit done(code);
}

} // namespace mqttdesk
