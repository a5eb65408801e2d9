#include "app/cli/record_command.h"

#include "core/automation/capture_recorder.h"
#include "core/connection/connection.h"

namespace mqttdesk {

RecordCommand::RecordCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_client(plan, options.quiet)
    , m_file(options.outputFile)
{
    connect(&m_client, &CliClient::connected, this, &RecordCommand::onConnected);
    connect(&m_client, &CliClient::done, this, [this](int code) {
        m_file.flush();
        if (!m_options.quiet && m_recorder)
            CliClient::printError(tr("Messages recorded to %1: %2.")
                                      .arg(m_options.outputFile)
                                      .arg(m_recorder->recorded()));
        emit done(code);
    });
    connect(m_client.connection(), &Connection::subscribeFinished, this,
            &RecordCommand::onSubscribed);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { stop(ExitSuccess); });
}

RecordCommand::~RecordCommand() = default;

bool RecordCommand::prepare(CliError *error)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = {CliError::Kind::FileProblem,
                  tr("-o: cannot write %1: %2.").arg(m_options.outputFile, m_file.errorString())};
        return false;
    }
    m_recorder = std::make_unique<CaptureRecorder>(m_client.connection(), m_file, m_options.count);
    connect(m_recorder.get(), &CaptureRecorder::limitReached, this, [this] { stop(ExitSuccess); });
    connect(m_recorder.get(), &CaptureRecorder::writeFailed, this, [this] {
        m_client.fail(
            tr("-o: writing %1 failed: %2.").arg(m_options.outputFile, m_file.errorString()),
            ExitStorage);
    });
    const CliPlan &plan = m_client.plan();
    const QString source = QStringLiteral("%1:%2 %3")
                               .arg(plan.settings.transport.host)
                               .arg(plan.settings.transport.port)
                               .arg(plan.topics.join(QLatin1Char(' ')));
    if (!m_recorder->begin(source)) {
        *error = {CliError::Kind::FileProblem,
                  tr("-o: cannot write %1: %2.").arg(m_options.outputFile, m_file.errorString())};
        return false;
    }
    return true;
}

void RecordCommand::start()
{
    m_client.start();
}

void RecordCommand::interrupt()
{
    stop(ExitSuccess);
}

void RecordCommand::onConnected()
{
    if (m_options.timeoutSeconds > 0 && !m_timeout.isActive())
        m_timeout.start(m_options.timeoutSeconds * 1000);
    m_client.subscribeToTopics(m_options.qos);
}

void RecordCommand::onSubscribed(quint64, const SubscribeResult &result)
{
    if (result.error) {
        m_client.fail(result.error->message, ExitRequest);
        return;
    }
    for (qsizetype i = 0; i < result.reasonCodes.size(); ++i) {
        if (isSuccess(result.reasonCodes.at(i)))
            continue;
        m_client.fail(tr("The server refused the subscription to '%1': %2.")
                          .arg(result.subscriptions.value(i).filter,
                               reasonCodeText(result.reasonCodes.at(i), PacketType::Suback)),
                      ExitRequest);
        return;
    }
}

void RecordCommand::stop(int exitCode)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_timeout.stop();
    m_file.flush();
    m_client.finish(exitCode);
}

} // namespace mqttdesk
