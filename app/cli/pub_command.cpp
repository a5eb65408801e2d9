#include "app/cli/pub_command.h"

#include <QFile>

namespace mqttdesk {

namespace {

// Messages handed to the connection and not yet finished: enough to keep a QoS 1/2
// window full, small enough to bound memory for a huge -l input.
constexpr int kPublishWindow = 4096;
// QoS 2 over 3.1.1, which has no Receive Maximum: what brokers take in flight by default
// (mosquitto's max_inflight_messages); more incomplete QoS 2 flows make mosquitto drop the
// connection. 5.0 needs no limit here: the session keeps to the server's Receive Maximum.
constexpr int kV311Qos2Window = 20;

int windowFor(const CliOptions &options, const CliPlan &plan)
{
    return options.qos == QoS::ExactlyOnce && plan.settings.session.version != ProtocolVersion::V5
               ? kV311Qos2Window
               : kPublishWindow;
}

} // namespace

PubCommand::PubCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_client(plan, options.quiet)
    , m_repeatsLeft(options.repeat)
    , m_window(windowFor(options, plan))
{
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
    m_client.finish(ExitSuccess);
}

void PubCommand::onConnected()
{
    if (m_started)
        return;
    m_started = true;
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
