#include "ui/mainwindow/profile_import_command.h"

#include "core/profile/profile_importer.h"
#include "core/workspace/profile_catalog.h"
#include "core/workspace/subscription_record.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_workspace.h"
#include "ui/connections/log_model.h"
#include "ui/connections/secrets_runner.h"
#include "ui/dialogs/import_conflict_dialog.h"
#include "ui/stream/connection_view.h"
#include "ui/widgets/prompts.h"

#include <QDateTime>
#include <QFileInfo>

namespace mqttdesk {

namespace {

ProfileImportCommand::ConflictHook &conflictHook()
{
    static ProfileImportCommand::ConflictHook hook;
    return hook;
}

} // namespace

void ProfileImportCommand::setConflictHook(ConflictHook hook)
{
    conflictHook() = std::move(hook);
}

ProfileImportCommand::ProfileImportCommand(const ProfileCommands::Services &services,
                                           QWidget *window, QObject *parent)
    : QObject(parent)
    , m_s(services)
    , m_window(window)
{}

bool ProfileImportCommand::start(const QString &path)
{
    if (m_running)
        return false;
    const ProfileImport imported = ProfileImporter::fromFile(path);
    if (imported.profiles.isEmpty()) {
        const QString why =
            imported.ok() ? tr("the file holds no connections") : imported.error.message();
        emit finished({}, 0, {tr("Nothing was imported from %1: %2").arg(path, why)});
        return true;
    }
    m_running = true;
    m_path = path;
    m_actions.clear();
    m_next = 0;
    m_skipped = m_added = m_replaced = 0;
    m_lastId = 0;
    m_errors.clear();
    m_s.catalog->importTargets(
        [self = QPointer<ProfileImportCommand>(this),
         imported](const QList<ImportPlan::Existing> &existing, const StorageError &error) {
            if (!self)
                return;
            if (error.isError()) {
                self->m_errors << error.message;
                self->finish();
                return;
            }
            self->plan(imported, existing);
        });
    return true;
}

void ProfileImportCommand::plan(const ProfileImport &imported,
                                const QList<ImportPlan::Existing> &existing)
{
    ImportPlan plan(existing, imported);
    askConflicts(plan);
    m_actions = plan.actions();
    m_skipped = int(plan.items().size() - m_actions.size());
    const QList<ImportPlan::ClientIdClash> clashes = plan.clientIdClashes(m_actions);
    if (!clashes.isEmpty() && askRenewClientIds(m_actions, clashes))
        ImportPlan::renewClientIds(m_actions, clashes);
    writeNext();
}

void ProfileImportCommand::askConflicts(ImportPlan &plan)
{
    const QList<int> conflicts = plan.conflicts();
    for (qsizetype i = 0; i < conflicts.size(); ++i) {
        const int item = conflicts.at(i);
        if (plan.items().at(item).choice)
            continue; // answered "for all" before
        ImportConflictDialog dialog(m_window);
        dialog.setConflict(plan.items().at(item), int(conflicts.size() - i - 1));
        runDialog(&dialog);
        plan.choose(item, dialog.choice());
        if (dialog.applyToAll())
            plan.chooseRemaining(dialog.choice());
    }
}

bool ProfileImportCommand::runDialog(ImportConflictDialog *dialog)
{
    if (const ConflictHook &hook = conflictHook()) {
        hook(dialog);
        return dialog->result() == QDialog::Accepted;
    }
    return dialog->exec() == QDialog::Accepted;
}

bool ProfileImportCommand::askRenewClientIds(const QList<ImportPlan::Action> &actions,
                                             const QList<ImportPlan::ClientIdClash> &clashes)
{
    QStringList lines;
    for (const ImportPlan::ClientIdClash &clash : clashes) {
        const ConnectionProfile &p = actions.at(clash.action).profile;
        lines << tr("“%1” would connect to %2:%3 with the client ID “%4”, as “%5” does.")
                     .arg(p.name, p.host)
                     .arg(p.port)
                     .arg(p.clientId, clash.other.name);
    }
    Prompts::Request question;
    question.parent = m_window;
    question.warning = true;
    question.title = tr("Shared client ID");
    question.text = lines.join(QLatin1Char('\n'));
    question.informativeText =
        tr("Two connections with the same client ID disconnect each other whenever both are "
           "connected. Give the imported connections new client IDs?");
    question.acceptText = tr("&New client IDs");
    question.rejectText = tr("&Keep them");
    return Prompts::ask(question);
}

void ProfileImportCommand::writeNext()
{
    if (m_next >= m_actions.size()) {
        finish();
        return;
    }
    ImportPlan::Action action = m_actions.at(m_next++);
    m_s.secrets->save(action.profile, [self = QPointer<ProfileImportCommand>(this),
                                       action](const ConnectionProfile &saved,
                                               const QString &notice) mutable {
        if (!self)
            return;
        if (!notice.isEmpty())
            self->logInfo(saved.name, notice);
        const ImportPlan::Action original = action;
        action.profile = saved;
        // An open connection's subscriptions are written by its own view (below): two
        // writers would each miss the other's rows.
        const bool open = action.kind == ImportPlan::Action::Kind::Replace &&
                          self->m_s.workspace->controller(action.key);
        if (open) {
            action.replaceSubscriptions = false;
            action.decodingRules.reset(); // the view saves them, as it does when edited
        }
        self->m_s.catalog->apply(action, [self, original](qint64 id, const StorageError &error) {
            if (!self)
                return;
            if (id == 0)
                self->m_errors << tr("%1: %2").arg(original.profile.name, error.message);
            else
                self->written(original, id);
            self->writeNext();
        });
    });
}

void ProfileImportCommand::written(const ImportPlan::Action &action, qint64 id)
{
    m_lastId = id;
    if (action.kind == ImportPlan::Action::Kind::Add) {
        ++m_added;
        logInfo(action.profile.name, tr("Connection imported"));
        return;
    }
    ++m_replaced;
    logInfo(action.profile.name, tr("Connection replaced by the imported one"));
    ConnectionController *controller = m_s.workspace->controller(id);
    if (!controller)
        return;
    if (action.replaceSubscriptions) {
        QList<SubscriptionEntry> entries;
        for (const ProfileSubscription &s : action.subscriptions)
            entries << SubscriptionRecord::fromProfile(s);
        controller->view()->restoreSubscriptions(entries);
    }
    if (action.decodingRules)
        controller->view()->applyDecodingRules(*action.decodingRules);
    // The next connect uses the new settings, with the secrets the keychain holds.
    m_s.secrets->load(action.profile, [self = QPointer<ProfileImportCommand>(this),
                                       id](const ConnectionProfile &profile, const QStringList &) {
        if (!self)
            return;
        if (ConnectionController *open = self->m_s.workspace->controller(id)) {
            for (const QString &secret :
                 {profile.password.value, profile.tls.keyPassphrase.value,
                  profile.tls.pkcs12Password.value, profile.proxy.password.value})
                self->m_s.log->addSecret(secret);
            open->applyProfile(profile);
        }
    });
}

void ProfileImportCommand::finish()
{
    m_running = false;
    const QString summary = tr("Import of %1: %2 added, %3 replaced, %4 skipped.")
                                .arg(QFileInfo(m_path).fileName())
                                .arg(m_added)
                                .arg(m_replaced)
                                .arg(m_skipped);
    emit finished(summary, m_lastId, m_errors);
}

void ProfileImportCommand::logInfo(const QString &source, const QString &text)
{
    m_s.log->append(QDateTime::currentDateTimeUtc(), LogModel::Level::Info, source, text);
}

} // namespace mqttdesk
