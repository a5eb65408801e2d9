#include "core/suite/suite_runner.h"

#include "core/protocol/topic.h"
#include "core/suite/suite_client.h"

#include <QRandomGenerator>

namespace mqttdesk {

namespace {

// "mqttdesk-suite-" and 8 hex digits: 23 characters, what MQTT 3.1 allows at most.
QString uniqueClientId()
{
    return QStringLiteral("mqttdesk-suite-%1")
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

std::optional<QString> firstMismatch(const QList<MessageCheck> &checks, const ReceivedMessage &m)
{
    for (const MessageCheck &check : checks) {
        if (std::optional<QString> why = check.mismatch(m))
            return why;
    }
    return std::nullopt;
}

bool isExpectLike(SuiteStepKind kind)
{
    return kind == SuiteStepKind::Expect || kind == SuiteStepKind::ExpectNone ||
           kind == SuiteStepKind::ExpectWill;
}

} // namespace

SuiteRunner::SuiteRunner(Suite suite, QObject *parent)
    : QObject(parent)
    , m_suite(std::move(suite))
{
    qRegisterMetaType<SuiteStepResult>();
    qRegisterMetaType<SuiteTestResult>();
    qRegisterMetaType<SuiteResult>();
    m_elapsed.start();
    m_clock = [this] { return m_elapsed.elapsed(); };
    m_wallClock = [] { return QDateTime::currentDateTimeUtc(); };
    m_timer.setSingleShot(true);
    // expect_none's silence must last the whole time it names: a coarse timer may end early.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SuiteRunner::onTimeout);
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, &SuiteRunner::testDone);
}

SuiteRunner::~SuiteRunner() = default;

void SuiteRunner::later(void (SuiteRunner::*method)())
{
    // Queued: a step that ends at once does not start the next one inside its own call.
    QMetaObject::invokeMethod(this, method, Qt::QueuedConnection);
}

void SuiteRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_result = {};
    m_result.name = m_suite.name;
    m_result.fileName = m_suite.fileName;
    m_result.startedAt = m_wallClock();
    m_runStartMs = now();
    later(&SuiteRunner::nextTest);
}

void SuiteRunner::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    if (m_stepActive)
        finishStep(SuiteStatus::Error, tr("Stopped."));
}

void SuiteRunner::nextTest()
{
    ++m_test;
    if (m_test >= m_suite.tests.size()) {
        finishRun();
        return;
    }
    const SuiteTest &t = test();
    m_testResult = {};
    m_testResult.index = m_test;
    m_testResult.name = t.name;
    m_testStartMs = now();
    m_testBroken = false;
    m_step = -1;
    if (t.skip || m_stopping) {
        m_testResult.reason = m_stopping               ? tr("Not run: the run was stopped.")
                              : t.skipReason.isEmpty() ? tr("Marked \"skip\" in the suite.")
                                                       : t.skipReason;
        for (int i = 0; i < t.steps.size(); ++i) {
            SuiteStepResult s;
            s.test = m_test;
            s.index = i;
            s.kind = t.steps.at(i).kind;
            s.summary = t.steps.at(i).summary();
            s.status = SuiteStatus::Skipped;
            s.reason = m_testResult.reason;
            m_testResult.steps.append(s);
        }
        m_testResult.status = SuiteStatus::Skipped;
        m_result.tests.append(m_testResult);
        emit testFinished(m_testResult);
        later(&SuiteRunner::nextTest);
        return;
    }
    emit testStarted(m_test);
    later(&SuiteRunner::advance);
}

void SuiteRunner::advance()
{
    ++m_step;
    const SuiteTest &t = test();
    while (m_step < t.steps.size() && (m_testBroken || m_stopping)) {
        SuiteStepResult s;
        s.test = m_test;
        s.index = m_step;
        s.kind = t.steps.at(m_step).kind;
        s.summary = t.steps.at(m_step).summary();
        s.status = SuiteStatus::Skipped;
        s.reason = m_stopping ? tr("Not run: the run was stopped.")
                              : tr("Not run: an earlier step did not pass.");
        m_testResult.steps.append(s);
        emit stepFinished(s);
        ++m_step;
    }
    if (m_step >= t.steps.size()) {
        endTest();
        return;
    }
    runStep();
}

void SuiteRunner::runStep()
{
    const SuiteStep &s = step();
    m_stepActive = true;
    m_current = {};
    m_current.test = m_test;
    m_current.index = m_step;
    m_current.kind = s.kind;
    m_current.summary = s.summary();
    m_stepStartMs = now();
    m_token = 0;
    m_matched.clear();
    m_seen.clear();
    emit stepStarted(m_test, m_step);
    switch (s.kind) {
    case SuiteStepKind::Connect:
        runConnect();
        break;
    case SuiteStepKind::Subscribe:
        runSubscribe();
        break;
    case SuiteStepKind::Publish:
        runPublish();
        break;
    case SuiteStepKind::Expect:
    case SuiteStepKind::ExpectNone:
        runExpect();
        break;
    case SuiteStepKind::ExpectWill:
        runExpectWill();
        break;
    case SuiteStepKind::Wait:
        m_timer.start(int(s.durationMs));
        break;
    case SuiteStepKind::Disconnect:
        runDisconnect();
        break;
    }
}

std::optional<ConnectionSettings> SuiteRunner::settingsFor(const QString &name, QString *why) const
{
    const SuiteConnection *spec = m_suite.connection(name);
    if (!spec) {
        *why = tr("The suite has no connection \"%1\".").arg(name);
        return std::nullopt;
    }
    ConnectionSettings settings = spec->settings;
    if (spec->isProfile()) {
        if (!m_profiles) {
            *why = tr("\"%1\" is the saved connection \"%2\", and saved connections cannot be "
                      "used here.")
                       .arg(name, spec->profile);
            return std::nullopt;
        }
        std::optional<ConnectionSettings> saved = m_profiles(spec->profile, why);
        if (!saved)
            return std::nullopt;
        settings = std::move(*saved);
        // A saved connection's fixed client id would make the broker drop the app's own
        // connection of that profile [MQTT-3.1.4-3]: the suite uses its own unless it says.
        settings.session.clientId = spec->settings.session.clientId;
        settings.session.reconnect.enabled = false;
        settings.name = name;
    }
    if (settings.session.clientId.isEmpty())
        settings.session.clientId = uniqueClientId();
    if (spec->will) {
        const std::optional<Will> will =
            willFor(*spec->will, spec->willDelaySeconds, settings, why);
        if (!will)
            return std::nullopt;
        settings.session.will = *will;
    }
    return settings;
}

std::optional<Will> SuiteRunner::willFor(const CompiledTemplate &source,
                                         std::optional<quint32> delaySeconds,
                                         const ConnectionSettings &settings, QString *why) const
{
    const std::optional<PublishPacket> packet = messageFor(source, settings, std::nullopt, why);
    if (!packet) {
        *why = tr("Cannot make the will: %1").arg(*why);
        return std::nullopt;
    }
    Will will;
    will.topic = packet->topic;
    will.payload = packet->payload;
    will.qos = packet->qos;
    will.retain = packet->retain;
    will.properties = packet->properties;
    if (delaySeconds)
        will.properties.setWillDelayInterval(*delaySeconds);
    return will;
}

SuiteClient *SuiteRunner::makeClient(const QString &name, const ConnectionSettings &settings)
{
    auto *c = new SuiteClient(name, settings, this);
    connect(c, &SuiteClient::connected, this, [this, c] { onConnected(c); });
    connect(c, &SuiteClient::closed, this, [this, c](const QString &e) { onClosed(c, e); });
    connect(c, &SuiteClient::messagesArrived, this, [this, c] { onMessages(c); });
    connect(c, &SuiteClient::subscribeFinished, this,
            [this, c](quint64 token, const SubscribeResult &r) { onSubscribed(c, token, r); });
    connect(c, &SuiteClient::publishFinished, this,
            [this, c](quint64 token, const PublishOutcome &o) { onPublished(c, token, o); });
    return c;
}

void SuiteRunner::discard(SuiteClient *client)
{
    if (!client)
        return;
    if (m_clients.value(client->name()) == client)
        m_clients.remove(client->name());
    if (client == m_willClient)
        m_willClient = nullptr;
    disconnect(client, nullptr, this, nullptr);
    // Deleted later: this may run inside one of its own signals.
    client->deleteLater();
}

SuiteClient *SuiteRunner::requireClient()
{
    const QString &name = step().connection;
    SuiteClient *c = m_clients.value(name);
    if (c && c->isConnected())
        return c;
    if (c && !c->lastError().isEmpty())
        finishStep(SuiteStatus::Error, tr("%1 is not connected: %2").arg(name, c->lastError()));
    else
        finishStep(SuiteStatus::Error, tr("%1 is not connected.").arg(name));
    return nullptr;
}

void SuiteRunner::runConnect()
{
    const SuiteStep &s = step();
    QString why;
    const std::optional<ConnectionSettings> settings = settingsFor(s.connection, &why);
    if (!settings) {
        finishStep(SuiteStatus::Error, why);
        return;
    }
    discard(m_clients.value(s.connection)); // lost in an earlier step: a new one
    SuiteClient *c = makeClient(s.connection, *settings);
    m_clients.insert(s.connection, c);
    c->open();
    // The connection's own timeouts end it first; this is the backstop.
    m_timer.start(
        int(settings->transport.connectTimeoutMs + settings->session.connectTimeoutMs + 1000));
}

void SuiteRunner::runSubscribe()
{
    const SuiteStep &s = step();
    SuiteClient *c = requireClient();
    if (!c)
        return;
    Subscription subscription;
    subscription.filter = s.filter;
    subscription.options.qos = s.qos;
    m_token = c->connection()->subscribe({subscription});
    m_timer.start(m_operationTimeoutMs);
}

std::optional<PublishPacket> SuiteRunner::messageFor(const CompiledTemplate &source,
                                                     const ConnectionSettings &settings,
                                                     std::optional<quint32> maximumPacketSize,
                                                     QString *why) const
{
    CompiledTemplate message = source;
    message.setProtocolVersion(settings.session.version);
    message.setMaximumPacketSize(maximumPacketSize);
    const TemplateContext context(m_counter++, m_wallClock().toMSecsSinceEpoch(),
                                  settings.session.clientId, nullptr);
    PublishDraftError error;
    std::optional<PublishPacket> packet = message.message(context, &error);
    if (!packet)
        *why = error.message();
    return packet;
}

void SuiteRunner::runPublish()
{
    SuiteClient *c = requireClient();
    if (!c)
        return;
    QString why;
    const std::optional<PublishPacket> packet =
        messageFor(step().message, c->settings(),
                   c->connack() ? c->connack()->maximumPacketSize : std::nullopt, &why);
    if (!packet) {
        finishStep(SuiteStatus::Error, tr("Cannot publish: %1").arg(why));
        return;
    }
    ReceivedMessage sent;
    sent.message = *packet;
    m_current.messages = {sent};
    m_token = c->connection()->publish(*packet);
    m_timer.start(m_operationTimeoutMs);
}

void SuiteRunner::runExpect()
{
    SuiteClient *c = requireClient();
    if (!c)
        return;
    scan(c);
    if (m_stepActive)
        m_timer.start(int(step().durationMs));
}

void SuiteRunner::runExpectWill()
{
    const SuiteStep &s = step();
    SuiteClient *observer = requireClient();
    if (!observer)
        return;
    m_willPhase = WillPhase::Subscribing;
    Subscription subscription;
    subscription.filter = s.filter;
    subscription.options.qos = s.qos;
    m_token = observer->connection()->subscribe({subscription});
    m_timer.start(m_operationTimeoutMs);
}

void SuiteRunner::connectWillClient()
{
    const SuiteStep &s = step();
    QString why;
    std::optional<ConnectionSettings> settings = settingsFor(s.willConnection, &why);
    if (!settings) {
        finishStep(SuiteStatus::Error, why);
        return;
    }
    // Its own client id always: the will client must not take over a connection of the test.
    settings->session.clientId = uniqueClientId();
    settings->name = s.willConnection + QStringLiteral(" (will)");
    const std::optional<Will> will = willFor(s.message, s.willDelaySeconds, *settings, &why);
    if (!will) {
        finishStep(SuiteStatus::Error, why);
        return;
    }
    settings->session.will = *will;
    m_willPhase = WillPhase::Connecting;
    m_willClient = makeClient(s.willConnection, *settings);
    m_willClient->open();
    m_timer.start(
        int(settings->transport.connectTimeoutMs + settings->session.connectTimeoutMs + 1000));
}

void SuiteRunner::runDisconnect()
{
    SuiteClient *c = requireClient();
    if (!c)
        return;
    c->close(step().reason);
    m_timer.start(m_operationTimeoutMs);
}

void SuiteRunner::finishStep(SuiteStatus status, const QString &reason)
{
    if (!m_stepActive)
        return;
    m_stepActive = false;
    m_timer.stop();
    m_current.status = status;
    if (!reason.isEmpty())
        m_current.reason = reason;
    m_current.durationMs = now() - m_stepStartMs;
    if (status == SuiteStatus::Failed || status == SuiteStatus::Error)
        m_testBroken = true;
    if (m_willClient)
        discard(m_willClient);
    m_testResult.steps.append(m_current);
    emit stepFinished(m_current);
    later(&SuiteRunner::advance);
}

void SuiteRunner::scan(SuiteClient *client)
{
    const SuiteStep &s = step();
    QList<ReceivedMessage> &buffer = client->buffer();
    QList<ReceivedMessage> kept;
    kept.reserve(buffer.size());
    bool done = false;
    for (const ReceivedMessage &m : std::as_const(buffer)) {
        if (done || !Topic::matches(s.filter, m.message.topic)) {
            kept.append(m);
            continue;
        }
        // A will comes after its client was dropped; what came before on the filter (a
        // retained message) is not it.
        if (s.kind == SuiteStepKind::ExpectWill && m.receivedUs < m_willAfterUs)
            continue;
        if (const std::optional<QString> why = firstMismatch(s.checks, m)) {
            m_seen.append({m, *why});
            if (m_seen.size() > kSeenKept)
                m_seen.removeFirst();
            continue;
        }
        m_matched.append(m);
        if (s.kind != SuiteStepKind::ExpectNone && m_matched.size() >= s.count)
            done = true;
    }
    buffer = std::move(kept);

    if (s.kind == SuiteStepKind::ExpectNone) {
        if (m_matched.isEmpty())
            return;
        m_current.expected = tr("nothing on %1").arg(s.filter);
        for (const ReceivedMessage &m : std::as_const(m_matched))
            m_current.received.append({m, tr("came while none was expected")});
        finishStep(SuiteStatus::Failed,
                   tr("A message came on %1, where none was expected for %2 ms.")
                       .arg(s.filter)
                       .arg(s.durationMs));
        return;
    }
    if (m_matched.size() >= s.count) {
        m_current.messages = m_matched;
        finishStep(SuiteStatus::Passed);
    }
}

void SuiteRunner::failExpect()
{
    const SuiteStep &s = step();
    QStringList checks;
    for (const MessageCheck &check : s.checks)
        checks.append(check.describe());
    const QString what = checks.isEmpty() ? tr("any message") : checks.join(QStringLiteral("; "));
    m_current.expected = s.count > 1 ? tr("%1 messages on %2: %3").arg(s.count).arg(s.filter, what)
                                     : tr("on %1: %2").arg(s.filter, what);
    m_current.messages = m_matched;
    m_current.received = m_seen;
    QString reason;
    if (s.kind == SuiteStepKind::ExpectWill && m_seen.isEmpty())
        reason = tr("The will did not arrive on %1 within %2 ms.").arg(s.filter).arg(s.durationMs);
    else if (m_seen.isEmpty() && m_matched.isEmpty())
        reason = tr("Nothing arrived on %1 within %2 ms.").arg(s.filter).arg(s.durationMs);
    else if (s.count > 1)
        reason = tr("%1 of %2 messages on %3 passed the checks within %4 ms.")
                     .arg(m_matched.size())
                     .arg(s.count)
                     .arg(s.filter)
                     .arg(s.durationMs);
    else
        reason =
            tr("No message on %1 passed the checks within %2 ms.").arg(s.filter).arg(s.durationMs);
    if (m_seen.isEmpty()) {
        // Nothing on the filter: what did come may show a wrong topic.
        if (SuiteClient *c = m_clients.value(s.connection)) {
            const QList<ReceivedMessage> &others = c->buffer();
            for (qsizetype i = qMax<qsizetype>(0, others.size() - 3); i < others.size(); ++i)
                m_current.received.append({others.at(i), tr("another topic")});
        }
    }
    finishStep(SuiteStatus::Failed, reason);
}

void SuiteRunner::onTimeout()
{
    if (!m_stepActive)
        return;
    const SuiteStep &s = step();
    switch (s.kind) {
    case SuiteStepKind::Wait:
    case SuiteStepKind::ExpectNone:
        finishStep(SuiteStatus::Passed);
        return;
    case SuiteStepKind::Expect:
        failExpect();
        return;
    case SuiteStepKind::ExpectWill:
        if (m_willPhase == WillPhase::Waiting)
            failExpect();
        else if (m_willPhase == WillPhase::Connecting)
            finishStep(SuiteStatus::Error, tr("The will client did not connect in time."));
        else
            finishStep(
                SuiteStatus::Error,
                tr("No SUBACK for %1 within %2 ms.").arg(s.filter).arg(m_operationTimeoutMs));
        return;
    case SuiteStepKind::Connect:
        finishStep(SuiteStatus::Error, tr("%1 did not connect in time.").arg(s.connection));
        return;
    case SuiteStepKind::Subscribe:
        finishStep(SuiteStatus::Error,
                   tr("No SUBACK for %1 within %2 ms.").arg(s.filter).arg(m_operationTimeoutMs));
        return;
    case SuiteStepKind::Publish:
        finishStep(SuiteStatus::Error,
                   tr("The publish was not acknowledged within %1 ms.").arg(m_operationTimeoutMs));
        return;
    case SuiteStepKind::Disconnect:
        finishStep(
            SuiteStatus::Error,
            tr("%1 did not close within %2 ms.").arg(s.connection).arg(m_operationTimeoutMs));
        return;
    }
}

void SuiteRunner::onConnected(SuiteClient *client)
{
    if (!m_stepActive)
        return;
    const SuiteStep &s = step();
    if (s.kind == SuiteStepKind::Connect && m_clients.value(s.connection) == client) {
        finishStep(SuiteStatus::Passed);
        return;
    }
    if (s.kind == SuiteStepKind::ExpectWill && client == m_willClient &&
        m_willPhase == WillPhase::Connecting) {
        // The receiving side goes by the wall clock of Connection::messagesReceived.
        m_willAfterUs = QDateTime::currentMSecsSinceEpoch() * 1000;
        m_willPhase = WillPhase::Waiting;
        m_willClient->abort();
        if (SuiteClient *observer = m_clients.value(s.connection))
            scan(observer);
        if (m_stepActive)
            m_timer.start(int(s.durationMs));
    }
}

void SuiteRunner::onClosed(SuiteClient *client, const QString &error)
{
    if (client == m_willClient) {
        if (m_stepActive && m_willPhase == WillPhase::Connecting)
            finishStep(SuiteStatus::Error, tr("The will client cannot connect: %1").arg(error));
        return;
    }
    if (m_closingTest) {
        discard(client);
        if (--m_closing <= 0)
            testDone();
        return;
    }
    if (!m_stepActive || step().connection != client->name() ||
        m_clients.value(client->name()) != client)
        return; // the next step that needs it says so
    switch (step().kind) {
    case SuiteStepKind::Connect:
        finishStep(SuiteStatus::Error, tr("Cannot connect %1: %2").arg(client->name(), error));
        return;
    case SuiteStepKind::Disconnect:
        discard(client);
        finishStep(SuiteStatus::Passed);
        return;
    default:
        finishStep(SuiteStatus::Error,
                   tr("The connection %1 was lost: %2").arg(client->name(), error));
        return;
    }
}

void SuiteRunner::onMessages(SuiteClient *client)
{
    if (!m_stepActive || !isExpectLike(step().kind) || step().connection != client->name() ||
        m_clients.value(client->name()) != client)
        return;
    if (step().kind == SuiteStepKind::ExpectWill && m_willPhase != WillPhase::Waiting)
        return;
    scan(client);
}

void SuiteRunner::onSubscribed(SuiteClient *client, quint64 token, const SubscribeResult &result)
{
    if (!m_stepActive || token != m_token || m_clients.value(step().connection) != client)
        return;
    const SuiteStep &s = step();
    if (s.kind != SuiteStepKind::Subscribe &&
        !(s.kind == SuiteStepKind::ExpectWill && m_willPhase == WillPhase::Subscribing))
        return;
    if (result.error) {
        finishStep(SuiteStatus::Error, result.error->message);
        return;
    }
    for (const ReasonCode code : result.reasonCodes) {
        if (!isSuccess(code)) {
            finishStep(SuiteStatus::Error,
                       tr("The server refused the subscription to %1: %2.")
                           .arg(s.filter, reasonCodeText(code, PacketType::Suback)));
            return;
        }
    }
    if (s.kind == SuiteStepKind::ExpectWill)
        connectWillClient();
    else
        finishStep(SuiteStatus::Passed);
}

void SuiteRunner::onPublished(SuiteClient *client, quint64 token, const PublishOutcome &outcome)
{
    if (!m_stepActive || token != m_token || step().kind != SuiteStepKind::Publish ||
        m_clients.value(step().connection) != client)
        return;
    if (outcome.status != PublishStatus::Failed) {
        finishStep(SuiteStatus::Passed);
        return;
    }
    finishStep(SuiteStatus::Error,
               outcome.error ? outcome.error->message
                             : tr("The server refused the message: %1.")
                                   .arg(reasonCodeText(outcome.reasonCode, PacketType::Puback)));
}

void SuiteRunner::endTest()
{
    // Every connection of the test says goodbye; those already lost are dropped.
    m_closingTest = true;
    m_closing = 0;
    const QList<SuiteClient *> clients = m_clients.values();
    for (SuiteClient *c : clients) {
        if (c->isConnected()) {
            ++m_closing;
            c->close();
        } else {
            discard(c);
        }
    }
    if (m_closing == 0)
        testDone();
    else
        m_closeTimer.start(kCloseTimeoutMs);
}

void SuiteRunner::testDone()
{
    if (!m_closingTest)
        return;
    m_closingTest = false;
    m_closeTimer.stop();
    const QList<SuiteClient *> left = m_clients.values();
    for (SuiteClient *c : left)
        discard(c);
    m_testResult.durationMs = now() - m_testStartMs;
    m_testResult.status = SuiteStatus::Passed;
    if (const SuiteStepResult *problem = m_testResult.firstProblem()) {
        m_testResult.status = problem->status;
        m_testResult.reason = problem->reason;
    }
    m_result.tests.append(m_testResult);
    emit testFinished(m_testResult);
    later(&SuiteRunner::nextTest);
}

void SuiteRunner::finishRun()
{
    m_running = false;
    m_result.durationMs = now() - m_runStartMs;
    emit finished(m_result);
}

} // namespace mqttdesk
