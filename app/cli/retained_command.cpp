#include "app/cli/retained_command.h"

#include "app/cli/cli_exit_code.h"
#include "core/retained/retained_diff.h"

#include <cstdio>
#include <unistd.h>

namespace mqttdesk {

namespace {

// retained diff: 0 equal, 1 different, 2 an error (as diff(1)); clear: 1 some failed.
constexpr int ExitDifferent = 1;
constexpr int ExitTrouble = 2;

void print(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printBytes(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

RetainedCommand::RetainedCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_plan(plan)
{}

RetainedCommand::~RetainedCommand() = default;

bool RetainedCommand::prepare(CliError *)
{
    return true;
}

bool RetainedCommand::readSnapshots()
{
    // An unreadable snapshot is an error of the comparison (exit status 2, as diff(1)), not
    // a usage error.
    auto readSnapshot = [this](const QString &path) -> std::optional<RetainedSnapshot> {
        auto result = RetainedSnapshot::readFile(path);
        if (auto *bad = std::get_if<RetainedSnapshotError>(&result)) {
            failNow(bad->toString(), ExitTrouble);
            return std::nullopt;
        }
        return std::get<RetainedSnapshot>(std::move(result));
    };
    m_snapshotA = readSnapshot(m_options.positional.value(0));
    if (!m_snapshotA)
        return false;
    if (m_options.positional.value(1) != QLatin1String("live")) {
        m_snapshotB = readSnapshot(m_options.positional.value(1));
        if (!m_snapshotB)
            return false;
    }
    return true;
}

void RetainedCommand::start()
{
    switch (m_options.command) {
    case CliCommand::RetainedClear:
        // Without a terminal nobody can answer the prompt: refuse before touching the broker.
        if (!m_options.yes && !::isatty(STDIN_FILENO)) {
            failNow(tr("retained clear: standard input is not a terminal, so there is no one to "
                       "confirm; add --yes to clear without asking."),
                    ExitTrouble);
            return;
        }
        collect(m_options.topics.value(0));
        return;
    case CliCommand::RetainedSnapshot:
        collect(m_options.topics.value(0));
        return;
    case CliCommand::RetainedDiff:
        if (!readSnapshots())
            return;
        if (m_snapshotB) {
            const int code = printDiff(*m_snapshotA, *m_snapshotB);
            QMetaObject::invokeMethod(
                this, [this, code] { finish(code); }, Qt::QueuedConnection);
        } else {
            collect(m_snapshotA->filter);
        }
        return;
    default:
        failNow(tr("not a retained command."), ExitTrouble);
        return;
    }
}

void RetainedCommand::interrupt()
{
    finish(ExitTrouble);
}

void RetainedCommand::collect(const QString &filter)
{
    m_client = std::make_unique<CliClient>(m_plan, m_options.quiet);
    connect(m_client.get(), &CliClient::done, this, [this](int code) {
        m_finished = true;
        emit done(code);
    });
    connect(m_client.get(), &CliClient::connected, this, [this, filter] {
        m_collector = std::make_unique<RetainedCollector>(m_client->connection());
        connect(m_collector.get(), &RetainedCollector::finished, this,
                &RetainedCommand::onCollected);
        connect(m_collector.get(), &RetainedCollector::failed, this,
                [this](const QString &error) { m_client->fail(error, ExitTrouble); });
        RetainedCollector::Options options;
        options.filter = filter;
        options.version = m_plan.settings.session.version;
        options.quietMs = m_options.quietMs;
        options.name = m_options.snapshotName;
        options.broker = QStringLiteral("%1:%2")
                             .arg(m_plan.settings.transport.host)
                             .arg(m_plan.settings.transport.port);
        m_collector->start(options);
    });
    m_client->start();
}

void RetainedCommand::onCollected(const RetainedSnapshot &snapshot)
{
    switch (m_options.command) {
    case CliCommand::RetainedSnapshot:
        if (const auto error = snapshot.writeFile(m_options.outputFile)) {
            m_client->fail(*error, ExitTrouble);
            return;
        }
        print(tr("%n retained topic(s) under %1 written to %2\n", nullptr,
                 int(snapshot.topics.size()))
                  .arg(snapshot.filter, m_options.outputFile));
        finish(ExitSuccess);
        return;
    case CliCommand::RetainedClear:
        clear(snapshot);
        return;
    case CliCommand::RetainedDiff:
        finish(printDiff(*m_snapshotA, snapshot));
        return;
    default:
        finish(ExitTrouble);
        return;
    }
}

void RetainedCommand::clear(const RetainedSnapshot &snapshot)
{
    const QStringList topics = snapshot.topics.keys();
    if (topics.isEmpty()) {
        print(tr("No retained messages under %1.\n").arg(snapshot.filter));
        finish(ExitSuccess);
        return;
    }
    for (const QString &topic : topics)
        print(topic + QLatin1Char('\n'));
    if (!m_options.yes) {
        print(tr("Clear these %n retained message(s)? [y/N] ", nullptr, int(topics.size())));
        // The connection runs on its own thread, so waiting here for the answer is fine.
        char answer[64] = {};
        const bool yes =
            std::fgets(answer, sizeof answer, stdin) && (answer[0] == 'y' || answer[0] == 'Y');
        if (!yes) {
            print(tr("Nothing cleared.\n"));
            finish(ExitTrouble);
            return;
        }
    }
    m_clearer = std::make_unique<RetainedClearer>(m_client->connection());
    connect(m_clearer.get(), &RetainedClearer::finished, this, &RetainedCommand::onCleared);
    m_clearer->start(topics, quint8(m_options.qos));
}

void RetainedCommand::onCleared(const RetainedClearer::Result &result)
{
    print(tr("cleared %1 of %2\n").arg(result.cleared).arg(result.total));
    for (const RetainedClearer::Failure &failure : result.failures)
        CliClient::printError(tr("not cleared: %1: %2").arg(failure.topic, failure.reason));
    finish(result.failures.isEmpty() ? ExitSuccess : ExitDifferent);
}

int RetainedCommand::printDiff(const RetainedSnapshot &a, const RetainedSnapshot &b)
{
    const RetainedDiff diff = RetainedDiff::compare(a, b);
    if (m_options.diffFormat == QLatin1String("json"))
        printBytes(diff.toJson());
    else if (m_options.diffFormat == QLatin1String("csv"))
        printBytes(diff.toCsv());
    else
        print(diff.toText());
    return diff.isEqual() ? ExitSuccess : ExitDifferent;
}

void RetainedCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    if (m_client) {
        m_client->finish(exitCode);
        return;
    }
    m_finished = true;
    emit done(exitCode);
}

void RetainedCommand::failNow(const QString &text, int exitCode)
{
    CliClient::printError(text);
    // done() must come from the event loop, which is not running yet.
    QMetaObject::invokeMethod(
        this, [this, exitCode] { finish(exitCode); }, Qt::QueuedConnection);
}

} // namespace mqttdesk
