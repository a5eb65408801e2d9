#include "ui/connections/connection_workspace.h"

#include "core/alerts/alert_rule_store.h"
#include "core/automation/capture_recording_job.h"
#include "core/profile/connection_profile.h"
#include "core/retained/retained_source.h"
#include "core/session/session_action.h"
#include "core/storage/message_history.h"
#include "core/storage/message_writer.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_header.h"
#include "ui/stream/connection_view.h"
#include "ui/topictree/topic_tree_view.h"

#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace mqttdesk {

ConnectionWorkspace::ConnectionWorkspace(MessageWriter *writer, const QString &databasePath,
                                         QWidget *parent)
    : QWidget(parent)
    , m_writer(writer)
    , m_databasePath(databasePath)
    , m_header(new ConnectionHeader(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setWordWrap(true);
    m_placeholder->setObjectName(QStringLiteral("workspacePlaceholder"));
    m_stack->addWidget(m_placeholder);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);
    // Polled: the counters change with every batch, and four updates a second are plenty.
    m_countersTimer = new QTimer(this);
    m_countersTimer->setInterval(250);
    connect(m_countersTimer, &QTimer::timeout, this, &ConnectionWorkspace::updateCounters);
    if (m_writer) {
        connect(m_writer, &MessageWriter::storingFailed, this,
                &ConnectionWorkspace::onStoringFailed);
        connect(m_writer, &MessageWriter::storingResumed, this,
                &ConnectionWorkspace::onStoringResumed);
    }
}

void ConnectionWorkspace::onStoringFailed(const StorageError &error)
{
    m_storageProblem = error.message;
    emit logLine(QDateTime::currentDateTimeUtc(), int(LogLevel::Warning), tr("History"),
                 tr("Messages are no longer stored: %1 They are still shown and wait in memory, "
                    "up to the writer's queue, until storing resumes by itself (tried every "
                    "10 s).")
                     .arg(error.message));
    updateCounters();
}

void ConnectionWorkspace::onStoringResumed()
{
    if (m_storageProblem.isEmpty())
        return;
    m_storageProblem.clear();
    emit logLine(QDateTime::currentDateTimeUtc(), int(LogLevel::Info), tr("History"),
                 tr("Messages are stored again."));
    updateCounters();
}

void ConnectionWorkspace::updateCounters()
{
    ConnectionController *controller = m_controllers.value(m_shown);
    if (!controller) {
        m_header->clearCounters();
        m_countersTimer->stop();
        return;
    }
    ConnectionHeader::Counters c;
    c.received = controller->received();
    c.stored = controller->stored();
    c.notStored = controller->notStored();
    c.storageProblem = m_storageProblem;
    if (const MessageHistory *history = controller->view()->history())
        c.shown = history->rowCount();
    if (const CaptureRecordingJob *recording = controller->recording();
        recording && recording->isRecording()) {
        c.recorded = recording->recorded();
        c.recordingFile = recording->filePath();
    }
    m_header->setCounters(c);
}

ConnectionWorkspace::~ConnectionWorkspace()
{
    // Controllers delete their views before their connection threads.
    for (ConnectionController *c : std::as_const(m_controllers))
        delete c;
}

ConnectionController *ConnectionWorkspace::open(qint64 profileId, const ConnectionProfile &profile)
{
    if (ConnectionController *existing = m_controllers.value(profileId)) {
        existing->applyProfile(profile);
        return existing;
    }
    ConnectionController::Options options;
    options.profileId = profileId;
    options.writer = m_writer;
    options.databasePath = m_databasePath;
    options.packetLogging = m_packetLogging;
    options.settings = m_settings;
    options.templates = m_templates;
    options.alertRules = m_alertRules;
    auto *controller = new ConnectionController(profile, options);
    m_controllers.insert(profileId, controller);
    m_stack->addWidget(controller->view());
    connect(controller, &ConnectionController::statusChanged, this,
            [this](qint64 id, ConnectionListModel::Status status) {
                if (id == m_shown)
                    showProfile(id, m_shownName, m_shownHostPort, status);
                emit statusChanged(id, status);
            });
    connect(controller, &ConnectionController::statusTextChanged, this,
            [this, controller](qint64 id, const QString &text) {
                if (id == m_shown)
                    showHeader(controller->status()); // the reconnect countdown ticks
                emit statusTextChanged(id, text);
            });
    connect(controller, &ConnectionController::logLine, this, &ConnectionWorkspace::logLine);
    connect(controller, &ConnectionController::brokerAddressChanged, this,
            [this, controller](qint64 id) {
                if (id == m_shown)
                    showHeader(controller->status());
            });
    connect(controller, &ConnectionController::serverReferencePolicyChosen, this,
            &ConnectionWorkspace::serverReferencePolicyChosen);
    connect(controller, &ConnectionController::recordingFailed, this,
            &ConnectionWorkspace::recordingFailed);
    // The header shows a recording at once, not at the next counters tick.
    connect(controller->recording(), &CaptureRecordingJob::finished, this,
            &ConnectionWorkspace::updateCounters);
    // A retained comparison may ask any open connection's broker (staging against
    // production), each over a connection of its own.
    controller->view()->topicsView()->setLiveSources([this] {
        QList<RetainedLiveSource> sources;
        for (const ConnectionController *c : std::as_const(m_controllers))
            sources.append(c->liveSource());
        std::sort(sources.begin(), sources.end(),
                  [](const RetainedLiveSource &a, const RetainedLiveSource &b) {
                      return a.name.localeAwareCompare(b.name) < 0;
                  });
        return sources;
    });
    emit controllerOpened(controller);
    return controller;
}

void ConnectionWorkspace::setPacketLogging(bool enabled)
{
    m_packetLogging = enabled;
    for (ConnectionController *c : std::as_const(m_controllers))
        c->setPacketLogging(enabled);
}

void ConnectionWorkspace::close(qint64 profileId)
{
    // The profile is deleted: its alert rules go with it (a new profile may get its id).
    if (m_alertRules)
        m_alertRules->remove(profileId);
    ConnectionController *controller = m_controllers.take(profileId);
    if (!controller)
        return;
    controller->disconnectFromBroker();
    m_stack->removeWidget(controller->view());
    delete controller;
    if (m_shown == profileId)
        showProfile(0, {}, {}, ConnectionListModel::Status::Disconnected);
}

void ConnectionWorkspace::showHeader(ConnectionListModel::Status status)
{
    const ConnectionController *controller = m_controllers.value(m_shown);
    // While connecting or connected: the address it is at (a fallback, a DNS SRV target,
    // a server reference's), which may not be the profile's main one.
    const bool live = status == ConnectionListModel::Status::Connected ||
                      status == ConnectionListModel::Status::Connecting;
    const QString hostPort = controller && live && !controller->brokerAddress().isEmpty()
                                 ? controller->brokerAddress()
                                 : m_shownHostPort;
    m_header->show(m_shown, m_shownName, hostPort, status,
                   controller ? controller->lastError() : QString(),
                   controller ? controller->statusText(false) : QString());
}

void ConnectionWorkspace::showProfile(qint64 profileId, const QString &name,
                                      const QString &hostPort, ConnectionListModel::Status status)
{
    m_shown = profileId;
    m_shownName = name;
    m_shownHostPort = hostPort;
    ConnectionController *controller = m_controllers.value(profileId);
    showHeader(status);
    updateCounters();
    if (controller) {
        m_countersTimer->start();
        m_stack->setCurrentWidget(controller->view());
        return;
    }
    m_placeholder->setText(
        profileId == 0
            ? tr("No connection selected.")
            : tr("Not connected. Press Connect to open %1 and see its messages here.").arg(name));
    m_stack->setCurrentWidget(m_placeholder);
}

} // namespace mqttdesk
