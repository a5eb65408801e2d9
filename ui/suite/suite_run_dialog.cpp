#include "ui/suite/suite_run_dialog.h"

#include "core/suite/junit_report.h"
#include "core/suite/suite_parser.h"
#include "core/suite/suite_runner.h"
#include "core/suite/suite_text_report.h"
#include "ui/suite/suite_profile_resolver.h"
#include "ui/theme/theme.h"
#include "ui/widgets/file_field.h"
#include "ui/widgets/prompts.h"

#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

constexpr int kTestRole = Qt::UserRole;
constexpr int kStepRole = Qt::UserRole + 1; // -1 on a test's row

Theme::Text roleOf(SuiteStatus status)
{
    switch (status) {
    case SuiteStatus::Passed:
        return Theme::Text::Success;
    case SuiteStatus::Failed:
    case SuiteStatus::Error:
        return Theme::Text::Error;
    case SuiteStatus::Skipped:
        break;
    }
    return Theme::Text::Muted;
}

} // namespace

SuiteRunDialog::SuiteRunDialog(const ConnectionSettings &connection, const QString &connectionName,
                               QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_connectionName(connectionName)
    , m_file(new FileField(this))
    , m_useConnection(new QCheckBox(this))
    , m_results(new QTreeWidget(this))
    , m_detailsLabel(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_run(new QPushButton(this))
    , m_junit(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("suiteRunDialog"));
    m_file->setObjectName(QStringLiteral("suiteFile"));
    m_useConnection->setObjectName(QStringLiteral("useShownConnection"));
    m_useConnection->setChecked(true);
    m_results->setObjectName(QStringLiteral("suiteResults"));
    m_results->setColumnCount(3);
    m_results->header()->setStretchLastSection(true);
    m_details->setObjectName(QStringLiteral("suiteStepDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detailsLabel->setBuddy(m_details);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *fileLabel = new QLabel(this);
    fileLabel->setBuddy(m_file->lineEdit());
    auto *form = new QFormLayout;
    form->addRow(fileLabel, m_file);
    form->addRow(QString(), m_useConnection);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_results);
    auto *detailsBox = new QWidget(split);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_detailsLabel);
    detailsLayout->addWidget(m_details);
    split->addWidget(detailsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addStretch(1);
    buttons->addWidget(m_junit);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    setTabOrder(m_file->lineEdit(), m_file->browseButton());
    setTabOrder(m_file->browseButton(), m_useConnection);
    setTabOrder(m_useConnection, m_run);
    setTabOrder(m_run, m_results);
    setTabOrder(m_results, m_details);
    setTabOrder(m_details, m_junit);
    setTabOrder(m_junit, m_close);

    connect(m_file, &FileField::pathChosen, this, [this](const QString &path) { run(path); });
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (m_resolving)
            cancelResolving();
        else if (isRunning())
            m_runner->stop();
        else
            run(m_file->path());
    });
    connect(m_results, &QTreeWidget::currentItemChanged, this, &SuiteRunDialog::showDetails);
    connect(m_junit, &QPushButton::clicked, this, &SuiteRunDialog::exportJUnit);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    m_texts.add([this, fileLabel] {
        setWindowTitle(tr("Run test suite — %1").arg(m_connectionName));
        fileLabel->setText(tr("&Suite file:"));
        m_file->setDialogTitle(tr("Open a test suite"));
        m_file->setNameFilter(tr("Test suites (*.json);;All files (*)"));
        m_file->setPlaceholderText(tr("A suite file, e.g. docs/examples/smoke.suite.json"));
        m_useConnection->setText(tr("Run against this connection's broker (%1:%2)")
                                     .arg(m_connection.transport.host)
                                     .arg(m_connection.transport.port));
        m_useConnection->setToolTip(
            tr("Its address, transport, TLS and credentials replace those of the suite's own "
               "connections; client ids, wills and versions stay the suite's"));
        m_results->setHeaderLabels({tr("Test or step"), tr("Result"), tr("Why")});
        m_results->setAccessibleName(tr("Tests and their steps"));
        m_detailsLabel->setText(tr("&Details of the selected step:"));
        m_junit->setText(tr("Save &JUnit XML…"));
        m_close->setText(tr("Close"));
        if (m_status->text().isEmpty())
            m_status->setText(tr("Choose a suite file; it runs at once."));
        updateButtons();
    });
    resize(960, 680);
}

SuiteRunDialog::~SuiteRunDialog() = default;

bool SuiteRunDialog::isRunning() const
{
    return m_resolving || (m_runner && m_runner->isRunning());
}

void SuiteRunDialog::setProfileResolver(SuiteProfileResolver *resolver)
{
    m_profileResolver = resolver;
}

void SuiteRunDialog::cancelResolving()
{
    ++m_resolveGeneration; // the answer on its way is ignored
    m_resolving = false;
    Theme::setTextRole(m_status, Theme::Text::Normal);
    m_status->setText(tr("Stopped before the suite started."));
    updateButtons();
}

QString SuiteRunDialog::statusText() const
{
    return m_status->text();
}

bool SuiteRunDialog::run(const QString &path)
{
    if (isRunning() || path.isEmpty())
        return false;
    if (m_file->path() != path)
        m_file->setPath(path);
    SuiteParser::Result parsed = SuiteParser::parseFile(path);
    if (!parsed.suite) {
        const QString why = parsed.error ? parsed.error->message() : QString();
        m_file->setReport(FileField::State::Error, why);
        m_status->setText(tr("Not a valid test suite: %1").arg(why));
        Theme::setTextRole(m_status, Theme::Text::Error);
        return false;
    }
    Suite suite = *parsed.suite;
    m_file->setReport(FileField::State::Ok,
                      tr("%1: %2 tests").arg(suite.name).arg(suite.tests.size()));
    if (m_useConnection->isChecked()) {
        for (SuiteConnection &c : suite.connections) {
            if (c.isProfile())
                continue;
            c.settings.transport = m_connection.transport;
            c.settings.session.username = m_connection.session.username;
            c.settings.session.password = m_connection.session.password;
        }
    }
    // Saved connections the suite names ("profile") come from the app's profiles and the
    // keychain, which answer asynchronously: the run starts once they have.
    QStringList profiles;
    for (const SuiteConnection &c : suite.connections) {
        if (c.isProfile() && !profiles.contains(c.profile))
            profiles.append(c.profile);
    }
    if (profiles.isEmpty() || !m_profileResolver) {
        start(std::move(suite), path, {});
        return true;
    }
    m_resolving = true;
    const int generation = ++m_resolveGeneration;
    Theme::setTextRole(m_status, Theme::Text::Normal);
    m_status->setText(
        tr("Reading the saved connections %1…")
            .arg(QLatin1Char('"') + profiles.join(QStringLiteral("\", \"")) + QLatin1Char('"')));
    updateButtons();
    QPointer<SuiteRunDialog> self(this);
    m_profileResolver->resolve(profiles, [self, generation, suite = std::move(suite), path](
                                             const SuiteProfileResolver::Results &results) mutable {
        if (!self || generation != self->m_resolveGeneration)
            return;
        self->m_resolving = false;
        self->start(std::move(suite), path, results);
    });
    return true;
}

void SuiteRunDialog::start(Suite suite, const QString &path,
                           const QHash<QString, SuiteProfileResolver::Resolved> &profiles)
{
    m_results->clear();
    m_details->clear();
    for (const SuiteTest &test : suite.tests) {
        auto *item = new QTreeWidgetItem(m_results);
        item->setText(0, test.name);
        item->setData(0, kTestRole, int(m_results->topLevelItemCount() - 1));
        item->setData(0, kStepRole, -1);
        item->setExpanded(true);
    }
    m_hasResult = false;
    m_runner = std::make_unique<SuiteRunner>(std::move(suite));
    if (m_profileResolver) {
        m_runner->setProfileResolver(
            [profiles](const QString &profile, QString *why) -> std::optional<ConnectionSettings> {
                const auto found = profiles.constFind(profile);
                if (found == profiles.cend() || !found->settings) {
                    *why = found == profiles.cend() ? QString() : found->error;
                    return std::nullopt;
                }
                return found->settings;
            });
    }
    connect(m_runner.get(), &SuiteRunner::stepFinished, this, &SuiteRunDialog::onStep);
    connect(m_runner.get(), &SuiteRunner::testFinished, this, &SuiteRunDialog::onTest);
    connect(m_runner.get(), &SuiteRunner::finished, this, &SuiteRunDialog::onFinished);
    connect(m_runner.get(), &SuiteRunner::testStarted, this, [this](int test) {
        if (QTreeWidgetItem *item = testItem(test))
            item->setText(1, tr("Running…"));
    });
    Theme::setTextRole(m_status, Theme::Text::Normal);
    m_status->setText(tr("Running %1…").arg(QFileInfo(path).fileName()));
    m_runner->start();
    updateButtons();
}

QTreeWidgetItem *SuiteRunDialog::testItem(int test) const
{
    return m_results->topLevelItem(test);
}

void SuiteRunDialog::onStep(const SuiteStepResult &step)
{
    QTreeWidgetItem *parent = testItem(step.test);
    if (!parent)
        return;
    auto *item = new QTreeWidgetItem(parent);
    item->setText(0, step.summary);
    item->setText(1, SuiteTextReport::mark(step.status) + QLatin1Char(' ') +
                         SuiteTextReport::duration(step.durationMs));
    item->setForeground(1, Theme::text(roleOf(step.status), palette()));
    item->setText(2, step.reason);
    item->setToolTip(2, step.reason);
    item->setData(0, kTestRole, step.test);
    item->setData(0, kStepRole, step.index);
    item->setData(1, Qt::UserRole, int(step.status));
    parent->setExpanded(true);
}

void SuiteRunDialog::onTest(const SuiteTestResult &test)
{
    QTreeWidgetItem *item = testItem(test.index);
    if (!item)
        return;
    item->setText(1, SuiteTextReport::mark(test.status) + QLatin1Char(' ') +
                         SuiteTextReport::duration(test.durationMs));
    item->setForeground(1, Theme::text(roleOf(test.status), palette()));
    item->setText(2, test.reason);
    item->setData(1, Qt::UserRole, int(test.status));
    m_results->resizeColumnToContents(0);
}

void SuiteRunDialog::onFinished(const SuiteResult &result)
{
    m_result = result;
    m_hasResult = true;
    const QString summary = SuiteTextReport::summary({result});
    m_status->setText(result.passed() ? tr("Passed: %1").arg(summary)
                                      : tr("Did not pass: %1").arg(summary));
    Theme::setTextRole(m_status, result.passed() ? Theme::Text::Success : Theme::Text::Error);
    // The first problem, selected: what a user looks at first.
    for (int t = 0; t < m_results->topLevelItemCount(); ++t) {
        QTreeWidgetItem *test = m_results->topLevelItem(t);
        for (int s = 0; s < test->childCount(); ++s) {
            const auto status = SuiteStatus(test->child(s)->data(1, Qt::UserRole).toInt());
            if (status == SuiteStatus::Failed || status == SuiteStatus::Error) {
                m_results->setCurrentItem(test->child(s));
                updateButtons();
                emit runFinished(result);
                return;
            }
        }
    }
    updateButtons();
    emit runFinished(result);
}

void SuiteRunDialog::showDetails()
{
    const QTreeWidgetItem *item = m_results->currentItem();
    if (!item || !m_runner) {
        m_details->clear();
        return;
    }
    const int test = item->data(0, kTestRole).toInt();
    const int step = item->data(0, kStepRole).toInt();
    const SuiteResult &result = m_hasResult ? m_result : m_runner->result();
    if (test < 0 || test >= result.tests.size()) {
        m_details->clear();
        return;
    }
    const SuiteTestResult &t = result.tests.at(test);
    if (step < 0) {
        m_details->setPlainText(SuiteTextReport::formatTest(t));
        return;
    }
    for (const SuiteStepResult &s : t.steps)
        if (s.index == step) {
            QStringList lines{s.summary};
            lines << SuiteTextReport::stepDetails(s);
            if (lines.size() == 1) // a step that passed: the message it sent or matched
                for (const ReceivedMessage &m : s.messages)
                    lines << QStringLiteral("  ") + SuiteTextReport::messageLine(m);
            m_details->setPlainText(lines.join(QLatin1Char('\n')));
            return;
        }
    m_details->clear();
}

void SuiteRunDialog::exportJUnit()
{
    if (!m_hasResult)
        return;
    const QString suggestion =
        QDir(QFileInfo(m_file->path()).absolutePath())
            .filePath(QFileInfo(m_file->path()).completeBaseName() + QStringLiteral(".junit.xml"));
    const QString path = Prompts::saveFileName(this, tr("Save JUnit XML"), suggestion,
                                               tr("JUnit XML (*.xml);;All files (*)"));
    if (path.isEmpty())
        return;
    QString why;
    if (!JUnitReport::write({m_result}, path, &why)) {
        Prompts::warn(this, tr("Save JUnit XML"), tr("Cannot write %1: %2").arg(path, why));
        return;
    }
    m_status->setText(tr("JUnit XML saved to %1.").arg(path));
}

void SuiteRunDialog::updateButtons()
{
    const bool running = isRunning();
    m_run->setText(running ? tr("S&top") : tr("&Run"));
    m_run->setEnabled(running || !m_file->path().isEmpty());
    m_useConnection->setEnabled(!running);
    m_junit->setEnabled(m_hasResult && !running);
}

void SuiteRunDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

} // namespace mqttdesk
