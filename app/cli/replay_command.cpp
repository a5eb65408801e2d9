#include "app/cli/replay_command.h"

#include "core/automation/capture_reader.h"
#include "core/automation/replay_job.h"
#include "core/connection/connection.h"

#include <cstdio>

namespace mqttdesk {

ReplayCommand::ReplayCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_client(plan, options.quiet)
{
    connect(&m_client, &CliClient::connected, this, &ReplayCommand::onConnected);
    connect(&m_client, &CliClient::done, this, [this](int code) {
        if (m_job && !m_options.quiet) {
            const ReplayStats &s = m_job->stats();
            std::fprintf(stdout, "%s\n",
                         qPrintable(tr("%1 of %2 messages sent, %3 acknowledged, %4 failed.")
                                        .arg(s.sent)
                                        .arg(s.total)
                                        .arg(s.acknowledged)
                                        .arg(s.failed)));
            std::fflush(stdout);
        }
        emit done(code);
    });
}

ReplayCommand::~ReplayCommand() = default;

bool ReplayCommand::prepare(CliError *error)
{
    const QString path = m_options.positional.value(0);
    const CaptureReader::Result read = CaptureReader::readFile(path);
    if (!read.ok()) {
        *error = {CliError::Kind::FileProblem, read.error};
        return false;
    }
    ReplayOptions options;
    options.speed = m_options.replaySpeed;
    options.loops = m_options.replayLoops;
    options.keepRetain = !m_options.dropRetain;
    options.keepProperties = !m_options.dropProperties;
    if (m_options.qosGiven)
        options.qos = quint8(m_options.qos);
    for (const QString &text : m_options.rewrites) {
        TopicRewrite::Rule rule;
        QString why;
        if (!TopicRewrite::parse(text, &rule, &why)) {
            *error = {CliError::Kind::InvalidValue, QStringLiteral("--rewrite: ") + why};
            return false;
        }
        options.rewrite.add(rule);
    }
    m_job = std::make_unique<ReplayJob>(m_client.connection(), read.records, options);
    connect(m_job.get(), &ReplayJob::stateChanged, this, &ReplayCommand::onJobState);
    return true;
}

void ReplayCommand::start()
{
    m_client.start();
}

void ReplayCommand::interrupt()
{
    if (m_job)
        m_job->stop();
    else
        m_client.finish(ExitSuccess);
}

void ReplayCommand::onConnected()
{
    if (m_job && m_job->state() == ReplayJob::State::Idle)
        m_job->start();
}

void ReplayCommand::onJobState()
{
    switch (m_job->state()) {
    case ReplayJob::State::Finished:
        m_client.finish(m_job->stats().failed > 0 ? ExitRequest : ExitSuccess);
        break;
    case ReplayJob::State::Stopped:
        if (!m_job->stats().lastError.isEmpty() && !m_options.quiet)
            CliClient::printError(m_job->stats().lastError);
        m_client.finish(m_job->stats().sent < m_job->stats().total ? ExitConnection : ExitSuccess);
        break;
    default:
        break;
    }
}

} // namespace mqttdesk
