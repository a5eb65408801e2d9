#include "app/cli/pub_command.h"

#include "app/cli/pub_template_loader.h"
#include "core/publishjob/publish_job.h"

#include <QFile>

namespace mqttdesk {

PubCommand::PubCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_client(plan, options.quiet)
    , m_repeatsLeft(options.repeat)
    , m_window(PublishJob::defaultWindow(options.qos, plan.settings.session.version))
{
    if (options.debug)
        m_debug = std::make_unique<PacketDebugPrinter>(m_client.connection());
    connect(&m_client, &CliClient::connected, this, &PubCommand::onConnected);
    connect(&m_client, &CliClient::done, this, &PubCommand::done);
    connect(m_client.connection(), &Connection::publishFinished, this, &PubCommand::onFinished);
    m_repeatTimer.setSingleShot(true);
    // "--repeat-delay 150" means at least 150 ms: a coarse timer may fire 5 % early.
    m_repeatTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_repeatTimer, &QTimer::timeout, this, &PubCommand::publishRepeats);
}

PubCommand::~PubCommand() = default;

bool PubCommand::prepare(CliError *error)
{
    if (!readMessage(error))
        return false;
    if (m_options.templateName.isEmpty() && !m_options.expand)
        return true;
    m_template = PubTemplateLoader::load(m_options, m_client.plan(), m_payload, error);
    return m_template.has_value();
}

bool PubCommand::readMessage(CliError *error)
{
    switch (m_options.source) {
    case MessageSource::Argument:
        m_payload = m_options.message;
        return true;
    case MessageSource::File: {
        QFile file(m_options.messageFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = {
                CliError::Kind::FileProblem,
                tr("-f: cannot read '%1': %2.").arg(m_options.messageFile, file.errorString())};
            return false;
        }
        m_payload = file.readAll();
        return true;
    }
    case MessageSource::Stdin: {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = {CliError::Kind::FileProblem, tr("-s: cannot read standard input.")};
            return false;
        }
        m_payload = in.readAll();
        return true;
    }
    default:
        return true;
    }
}

void PubCommand::start()
{
    m_client.start();
}

void PubCommand::interrupt()
{
    if (m_job)
        m_job->stop();
    m_client.finish(ExitSuccess);
}

void PubCommand::onConnected(const ConnackInfo &info)
{
    if (m_started)
        return;
    m_started = true;
    if (m_template) {
        startJob(info);
        return;
    }
    if (m_options.source == MessageSource::StdinLines) {
        m_repeatsLeft = 0; // --repeat applies to a single message, not to -l
        m_reader = std::make_unique<StdinLineReader>(m_window);
        connect(m_reader.get(), &StdinLineReader::linesRead, this, &PubCommand::onLines);
        connect(m_reader.get(), &StdinLineReader::endOfInput, this, [this] {
            m_inputDone = true;
            finishIfDone();
        });
        m_reader->start();
        return;
    }
    publishRepeats();
}

void PubCommand::startJob(const ConnackInfo &info)
{
    m_template->setMaximumPacketSize(info.maximumPacketSize);
    PublishJobOptions options;
    options.count = m_options.repeat;
    options.intervalMs = m_options.repeatDelayMs;
    options.clientId = info.clientId;
    m_job = new PublishJob(m_client.connection(), *m_template, options, this);
    connect(m_job, &PublishJob::settled, this, &PubCommand::onJobSettled);
    // A template's script that fails on one message: said at once, the others still go.
    connect(m_job, &PublishJob::messageFailed, this, [this](const QString &error) {
        if (!m_options.quiet)
            CliClient::printError(tr("warning: %1").arg(error));
    });
    m_job->start();
}

void PubCommand::onJobSettled()
{
    const PublishJobStats &stats = m_job->stats();
    if (m_job->state() == PublishJob::State::Finished && stats.failed == 0) {
        m_client.finish(ExitSuccess);
        return;
    }
    if (!stats.lastError.isEmpty())
        m_client.fail(stats.lastError, ExitRequest);
    else
        m_client.finish(ExitSuccess); // stopped by an interrupt
}

void PubCommand::publishRepeats()
{
    // Without a delay the repeats go out back to back, at most a window at a time.
    while (m_repeatsLeft > 0 && m_outstanding < m_window) {
        --m_repeatsLeft;
        publish(m_payload);
        if (m_options.repeatDelayMs > 0) {
            if (m_repeatsLeft > 0)
                m_repeatTimer.start(m_options.repeatDelayMs);
            break;
        }
    }
    m_inputDone = m_repeatsLeft == 0;
}

void PubCommand::onLines(const QList<QByteArray> &lines)
{
    for (const QByteArray &line : lines)
        publish(line);
}

void PubCommand::publish(const QByteArray &payload)
{
    PublishPacket p;
    p.topic = m_client.plan().topics.value(0);
    p.payload = payload;
    p.qos = m_options.qos;
    p.retain = m_options.retain;
    p.properties = m_client.plan().properties.publish;
    ++m_outstanding;
    m_client.connection()->publish(std::move(p));
}

void PubCommand::onFinished(quint64, const PublishOutcome &outcome)
{
    if (m_job)
        return; // the job counts its own
    --m_outstanding;
    if (m_reader)
        m_reader->release(1);
    if (outcome.status == PublishStatus::Failed) {
        m_client.fail(outcome.error
                          ? outcome.error->message
                          : tr("The server refused the message: %1.")
                                .arg(reasonCodeText(outcome.reasonCode, PacketType::Puback)),
                      ExitRequest);
        return;
    }
    if (m_repeatsLeft > 0 && m_options.repeatDelayMs == 0)
        publishRepeats();
    finishIfDone();
}

void PubCommand::finishIfDone()
{
    if (m_inputDone && m_outstanding == 0)
        m_client.finish(ExitSuccess);
}

} // namespace mqttdesk
