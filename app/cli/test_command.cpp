#include "app/cli/test_command.h"

#include "app/cli/cli_client.h"
#include "app/cli/cli_exit_code.h"
#include "app/cli/profile_lookup.h"
#include "core/suite/junit_report.h"
#include "core/suite/suite_parser.h"
#include "core/suite/suite_runner.h"
#include "core/suite/suite_text_report.h"

#include <cstdio>

namespace mqttdesk {

namespace {

void printOut(const QString &text)
{
    // UTF-8 whatever the locale: the report's ✔ and ✘ are part of what CI logs show.
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

TestCommand::TestCommand(const CliOptions &options, const CliPlan &, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

TestCommand::~TestCommand() = default;

void TestCommand::applyOverrides(const CliOptions &o, Suite &suite)
{
    for (SuiteConnection &c : suite.connections) {
        if (c.isProfile())
            continue;
        ConnectionSettings &s = c.settings;
        if (!o.host.isEmpty())
            s.transport.host = o.host;
        if (o.port)
            s.transport.port = *o.port;
        if (o.protocolVersion)
            s.session.version = *o.protocolVersion;
        if (o.username)
            s.session.username = o.username;
        if (o.password)
            s.session.password = o.password;
    }
}

bool TestCommand::prepare(CliError *error)
{
    SuiteParser::Options parse;
    for (const QString &variable : std::as_const(m_options.variables)) {
        const qsizetype equals = variable.indexOf(QLatin1Char('='));
        const QString name = variable.left(equals);
        if (!SuiteVariables::isValidName(name)) {
            *error = {CliError::Kind::InvalidValue,
                      tr("--var: '%1' is not a variable name (letters, digits, _, - and ., "
                         "starting with a letter or _).")
                          .arg(name)};
            return false;
        }
        parse.variables.insert(name, variable.mid(equals + 1));
    }
    for (const QString &path : std::as_const(m_options.positional)) {
        const SuiteParser::Result r = SuiteParser::parseFile(path, parse);
        if (!r.ok()) {
            *error = {CliError::Kind::FileProblem, r.error->message()};
            return false;
        }
        Suite suite = *r.suite;
        applyOverrides(m_options, suite);
        m_suites.append(std::move(suite));
    }
    return true;
}

void TestCommand::start()
{
    runNext();
}

void TestCommand::interrupt()
{
    m_interrupted = true;
    if (m_runner && m_runner->isRunning())
        m_runner->stop(); // its finished() comes, and nothing more runs
}

void TestCommand::runNext()
{
    m_runner.reset();
    if (m_interrupted || m_next >= m_suites.size()) {
        finish();
        return;
    }
    m_runner = std::make_unique<SuiteRunner>(m_suites.at(m_next++));
    const QString dataDir = m_options.dataDir;
    m_runner->setProfileResolver(
        [dataDir](const QString &profile, QString *why) -> std::optional<ConnectionSettings> {
            // Only where the profile is: a secret the command line gives is for the inline
            // connections, not for the saved one.
            CliOptions lookup;
            lookup.dataDir = dataDir;
            lookup.profile = profile;
            CliError error;
            std::optional<ProfileLookup::Found> found = ProfileLookup::load(lookup, &error);
            if (!found) {
                *why = error.message;
                return std::nullopt;
            }
            return std::move(found->settings);
        });
    connect(m_runner.get(), &SuiteRunner::finished, this, &TestCommand::onFinished);
    m_runner->start();
}

void TestCommand::onFinished(const SuiteResult &result)
{
    m_results.append(result);
    printOut(SuiteTextReport::format(result));
    // Queued: the runner that emitted this is deleted by runNext().
    QMetaObject::invokeMethod(this, &TestCommand::runNext, Qt::QueuedConnection);
}

void TestCommand::finish()
{
    if (m_results.size() > 1)
        printOut(tr("All suites: %1").arg(SuiteTextReport::summary(m_results)) + QLatin1Char('\n'));
    if (!m_options.junitFile.isEmpty()) {
        QString why;
        if (!JUnitReport::write(m_results, m_options.junitFile, &why)) {
            if (!m_options.quiet)
                CliClient::printError(why);
            emit done(ExitUsage);
            return;
        }
    }
    bool passed = !m_interrupted && m_results.size() == m_suites.size();
    for (const SuiteResult &r : std::as_const(m_results))
        passed = passed && r.passed();
    emit done(passed ? ExitSuccess : ExitTestsFailed);
}

} // namespace mqttdesk
