#include "ui/mainwindow/profile_commands.h"

#include "core/profile/profile_exporter.h"
#include "core/settings/app_settings.h"
#include "core/workspace/profile_catalog.h"
#include "core/workspace/profile_repository.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_tester.h"
#include "ui/connections/connection_workspace.h"
#include "ui/connections/log_model.h"
#include "ui/connections/secrets_runner.h"
#include "ui/dialogs/connection_dialog.h"
#include "ui/mainwindow/profile_import_command.h"
#include "ui/widgets/prompts.h"

#include <QDateTime>
#include <QTreeView>

#include <memory>

namespace mqttdesk {

namespace {

ProfileCommands::DialogHook &dialogHook()
{
    static ProfileCommands::DialogHook hook;
    return hook;
}

// Every secret value of a profile, so the log can scrub them.
QStringList secretValues(const ConnectionProfile &p)
{
    return {p.password.value, p.tls.keyPassphrase.value, p.tls.pkcs12Password.value,
            p.proxy.password.value};
}

} // namespace

void ProfileCommands::setDialogHook(DialogHook hook)
{
    dialogHook() = std::move(hook);
}

ProfileCommands::ProfileCommands(const Services &services, QWidget *window)
    : QObject(window)
    , m_s(services)
    , m_window(window)
    , m_tester(new ConnectionTester(this))
    , m_import(new ProfileImportCommand(services, window, this))
{
    connect(m_tester, &ConnectionTester::finished, this, [this](bool success, const QString &text) {
        if (m_testingDialog)
            m_testingDialog->showTestResult(success, text);
        logInfo(tr("Test connection"), text);
    });
    connect(m_import, &ProfileImportCommand::finished, this,
            [this](const QString &summary, qint64 lastId, const QStringList &errors) {
                if (!errors.isEmpty())
                    fail(tr("Import connections"), errors.join(QLatin1Char('\n')));
                if (summary.isEmpty())
                    return;
                reload([this, summary, lastId] {
                    if (lastId)
                        m_s.sidebar->select(lastId);
                    emit notice(summary);
                });
            });
}

QList<ConnectionProfile> ProfileCommands::otherProfiles(qint64 profileId) const
{
    QList<ConnectionProfile> others;
    for (const StoredProfile &stored : m_s.model->profiles()) {
        if (stored.id == profileId)
            continue;
        if (const auto profile = ProfileRepository::fromStored(stored))
            others << *profile;
    }
    return others;
}

void ProfileCommands::reload(std::function<void()> then)
{
    m_s.catalog->list(guarded([this, then = std::move(then)](const QList<StoredProfile> &profiles,
                                                             const StorageError &error) {
        if (error.isError())
            fail(tr("Connections"), error.message);
        // The selection as it is now, not when the list was asked for.
        const qint64 selected = m_s.sidebar->selectedProfileId();
        m_s.model->setProfiles(profiles);
        if (selected)
            m_s.sidebar->select(selected);
        emit profilesChanged();
        if (then)
            then();
    }));
}

bool ProfileCommands::runDialog(ConnectionDialog *dialog)
{
    connect(dialog, &ConnectionDialog::testConnectionRequested, this,
            [this, dialog](const ConnectionProfile &profile) {
                m_testingDialog = dialog;
                for (const QString &s : secretValues(profile))
                    m_s.log->addSecret(s);
                logInfo(profile.name,
                        tr("Testing the connection to %1:%2").arg(profile.host).arg(profile.port));
                m_tester->start(profile);
            });
    if (const DialogHook &hook = dialogHook()) {
        hook(dialog);
        return dialog->result() == QDialog::Accepted;
    }
    return dialog->exec() == QDialog::Accepted;
}

void ProfileCommands::newConnection()
{
    ConnectionProfile profile;
    profile.name = tr("New connection");
    profile.folder = m_s.sidebar->selectedFolder();
    profile.clientId = QStringLiteral("mqttdesk-%1").arg(profile.id.toString(QUuid::Id128).left(8));
    if (m_s.settings)
        applyDefaults(*m_s.settings, &profile);
    auto *dialog = new ConnectionDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    dialog->setWindowTitle(tr("New connection"));
    dialog->setProfile(profile);
    dialog->setOtherProfiles(otherProfiles(0));
    const bool accepted = runDialog(dialog);
    const ConnectionProfile result = dialog->profile();
    dialog->deleteLater();
    if (accepted)
        create(result);
}

void ProfileCommands::applyDefaults(const AppSettings &settings, ConnectionProfile *profile)
{
    profile->reconnect.enabled = settings.reconnectEnabled();
    profile->reconnect.minBackoffMs = settings.reconnectMinMs();
    profile->reconnect.maxBackoffMs = qMax(settings.reconnectMinMs(), settings.reconnectMaxMs());
    const QString proxy = settings.proxyKind();
    profile->proxy.type = proxy == QLatin1String("http")     ? ProxyType::Http
                          : proxy == QLatin1String("socks5") ? ProxyType::Socks5
                                                             : ProxyType::None;
    if (profile->proxy.type != ProxyType::None) {
        profile->proxy.host = settings.proxyHost();
        profile->proxy.port = settings.proxyPort();
    }
    profile->retention = retentionDefault(settings);
}

RetentionBudget ProfileCommands::retentionDefault(const AppSettings &settings)
{
    RetentionBudget budget;
    switch (settings.retentionMode()) {
    case AppSettings::RetentionMode::KeepAll:
        break;
    case AppSettings::RetentionMode::Days:
        budget.maxAgeSeconds = qint64(settings.retentionDays()) * 24 * 3600;
        break;
    case AppSettings::RetentionMode::Messages:
        budget.maxMessages = settings.retentionMessages();
        break;
    }
    return budget;
}

void ProfileCommands::applyRetentionToAll(const RetentionBudget &budget)
{
    const QList<StoredProfile> stored = m_s.model->profiles();
    if (stored.isEmpty())
        return;
    struct Progress
    {
        qsizetype left = 0;
        int changed = 0;
        QString error;
    };
    auto progress = std::make_shared<Progress>();
    progress->left = stored.size();
    const auto finish = [this, progress] {
        if (--progress->left > 0)
            return;
        if (!progress->error.isEmpty())
            fail(tr("History retention"), progress->error);
        emit notice(tr("%n connection(s) now keep the history set in Settings.", nullptr,
                       progress->changed));
        reload();
    };
    for (const StoredProfile &entry : stored) {
        const qint64 id = entry.id;
        // The stored profile (secrets as stored), with only its budget changed.
        m_s.catalog->profile(
            id, guarded([this, id, budget, progress,
                         finish](const std::optional<ConnectionProfile> &found, const QString &) {
                if (!found || found->retention == budget) {
                    finish();
                    return;
                }
                ConnectionProfile profile = *found;
                profile.retention = budget;
                m_s.catalog->save(
                    id, profile,
                    guarded([this, id, budget, progress, finish](const StorageError &error) {
                        if (error.isError()) {
                            progress->error = error.message;
                        } else {
                            ++progress->changed;
                            if (ConnectionController *c = m_s.workspace->controller(id))
                                c->setRetention(budget);
                        }
                        finish();
                    }));
            }));
    }
}

void ProfileCommands::rememberServerReferencePolicy(qint64 profileId, int policy)
{
    // The stored profile (secrets as stored), with this one field changed.
    m_s.catalog->profile(
        profileId, guarded([this, profileId, policy](const std::optional<ConnectionProfile> &stored,
                                                     const QString &) {
            if (!stored)
                return;
            ConnectionProfile profile = *stored;
            profile.serverReferencePolicy = ServerReferencePolicy(policy);
            m_s.catalog->save(profileId, profile, guarded([this](const StorageError &error) {
                                  if (error.isError())
                                      fail(tr("Edit connection"), error.message);
                                  else
                                      reload();
                              }));
        }));
}

void ProfileCommands::addProfile(const ConnectionProfile &profile)
{
    create(profile);
}

void ProfileCommands::create(const ConnectionProfile &profile)
{
    m_s.secrets->save(profile, [this](const ConnectionProfile &saved, const QString &notice) {
        m_s.catalog->create(saved,
                            guarded([this, saved, notice](qint64 id, const StorageError &error) {
                                if (id == 0) {
                                    fail(tr("New connection"), error.message);
                                    return;
                                }
                                if (!notice.isEmpty())
                                    emit this->notice(notice);
                                reload([this, id, name = saved.name] {
                                    m_s.sidebar->select(id);
                                    logInfo(name, tr("Connection saved"));
                                });
                            }));
    });
}

void ProfileCommands::edit(qint64 profileId)
{
    if (m_removing.contains(profileId))
        return;
    m_s.catalog->profile(
        profileId, guarded([this, profileId](const std::optional<ConnectionProfile> &stored,
                                             const QString &error) {
            if (!stored) {
                fail(tr("Edit connection"), error);
                return;
            }
            m_s.secrets->load(*stored, [this, profileId](const ConnectionProfile &profile,
                                                         const QStringList &problems) {
                for (const QString &problem : problems)
                    logInfo(profile.name, problem);
                auto *dialog = new ConnectionDialog(m_window);
                dialog->setWindowTitle(tr("Edit connection"));
                dialog->setProfile(profile);
                dialog->setOtherProfiles(otherProfiles(profileId));
                const bool accepted = runDialog(dialog);
                const ConnectionProfile result = dialog->profile();
                dialog->deleteLater();
                if (accepted)
                    saveEdited(profileId, result);
            });
        }));
}

void ProfileCommands::saveEdited(qint64 profileId, const ConnectionProfile &profile)
{
    m_s.secrets->save(
        profile, [this, profileId, profile](const ConnectionProfile &saved, const QString &notice) {
            m_s.catalog->save(
                profileId, saved,
                guarded([this, profileId, profile, notice](const StorageError &error) {
                    if (error.isError()) {
                        fail(tr("Edit connection"), error.message);
                        return;
                    }
                    if (!notice.isEmpty())
                        emit this->notice(notice);
                    reload([this, profileId, profile] { applyEdited(profileId, profile); });
                }));
        });
}

void ProfileCommands::applyEdited(qint64 profileId, const ConnectionProfile &profile)
{
    // `profile` still holds the secrets in clear; what was stored may not.
    ConnectionController *controller = m_s.workspace->controller(profileId);
    if (!controller)
        return;
    controller->applyProfile(profile);
    for (const QString &s : secretValues(profile))
        m_s.log->addSecret(s);
    if (controller->isOpen() &&
        Prompts::confirm(
            m_window, tr("Reconnect"),
            tr("%1 is connected. Reconnect now with the new settings?").arg(profile.name),
            tr("Reconnect"))) {
        logInfo(profile.name, tr("Reconnecting with the new settings"));
        controller->disconnectFromBroker();
        controller->connectToBroker();
    }
}

void ProfileCommands::duplicate(qint64 profileId)
{
    const auto original = m_s.model->profile(profileId);
    if (!original || m_removing.contains(profileId))
        return;
    m_s.catalog->duplicate(
        profileId, tr("%1 (copy)").arg(original->name),
        guarded([this](const ProfileCatalog::Duplicate &copy, const StorageError &error) {
            if (copy.id == 0) {
                fail(tr("Duplicate connection"), error.message);
                return;
            }
            const qint64 copyId = copy.id;
            const auto show = [this, copyId] {
                reload([this, copyId] { m_s.sidebar->select(copyId); });
            };
            if (!copy.source || !copy.copy) {
                show();
                return;
            }
            // The copy has its own keychain entries: the secrets are copied over before the
            // copy is listed, so that nothing the user does to it (a rename, an edit) can be
            // overwritten by this save.
            m_s.secrets->load(*copy.source, [this, copyId, show, target = *copy.copy](
                                                const ConnectionProfile &withSecrets,
                                                const QStringList &) mutable {
                target.password = withSecrets.password;
                target.tls.keyPassphrase = withSecrets.tls.keyPassphrase;
                target.tls.pkcs12Password = withSecrets.tls.pkcs12Password;
                target.proxy.password = withSecrets.proxy.password;
                m_s.secrets->save(target, [this, copyId, show](const ConnectionProfile &saved,
                                                               const QString &) {
                    m_s.catalog->save(copyId, saved, guarded([this, show](const StorageError &e) {
                                          if (e.isError())
                                              fail(tr("Duplicate connection"), e.message);
                                          show();
                                      }));
                });
            });
        }));
}

void ProfileCommands::remove(qint64 profileId)
{
    const auto placement = m_s.model->profile(profileId);
    if (!placement || m_removing.contains(profileId))
        return;
    if (!Prompts::confirm(m_window, tr("Delete connection"),
                          tr("Delete %1 with its subscriptions and its whole message "
                             "history? This cannot be undone.")
                              .arg(placement->name),
                          tr("Delete")))
        return;
    // The writer drops what it still queues for the profile (ProfileStore::remove): no
    // need to wait for it to be written first.
    m_s.workspace->close(profileId);
    m_removing.insert(profileId);
    m_s.catalog->remove(profileId, guarded([this, profileId, name = placement->name](
                                               const std::optional<ConnectionProfile> &removed,
                                               const StorageError &error) {
                            m_removing.remove(profileId);
                            if (error.isError()) {
                                fail(tr("Delete connection"), error.message);
                                return;
                            }
                            if (removed)
                                m_s.secrets->forget(*removed);
                            logInfo(name, tr("Connection deleted"));
                            reload();
                        }));
}

void ProfileCommands::rename(qint64 profileId)
{
    const auto placement = m_s.model->profile(profileId);
    if (!placement || m_removing.contains(profileId))
        return;
    const auto name =
        Prompts::text(m_window, tr("Rename connection"), tr("&Name:"), placement->name);
    if (!name || name->trimmed().isEmpty() || *name == placement->name)
        return;
    m_s.catalog->rename(profileId, name->trimmed(), guarded([this](const StorageError &error) {
                            if (error.isError())
                                fail(tr("Rename connection"), error.message);
                            reload();
                        }));
}

void ProfileCommands::moveToFolder(qint64 profileId)
{
    const auto placement = m_s.model->profile(profileId);
    if (!placement || m_removing.contains(profileId))
        return;
    const auto folder =
        Prompts::text(m_window, tr("Move to folder"), tr("&Folder (empty for the top level):"),
                      placement->folder, m_s.model->folders());
    if (!folder || folder->trimmed() == placement->folder)
        return;
    m_s.catalog->moveToFolder(profileId, folder->trimmed(),
                              guarded([this, profileId](const StorageError &error) {
                                  if (error.isError())
                                      fail(tr("Move to folder"), error.message);
                                  reload([this, profileId] { m_s.sidebar->select(profileId); });
                              }));
}

void ProfileCommands::renameFolder(const QString &folder)
{
    if (folder.isEmpty())
        return;
    const auto name = Prompts::text(m_window, tr("Rename folder"),
                                    tr("&Folder (empty for the top level):"), folder);
    if (!name || name->trimmed() == folder)
        return;
    const QString to = name->trimmed();
    m_s.catalog->renameFolder(folder, to, guarded([this, to](const StorageError &error) {
                                  if (error.isError())
                                      fail(tr("Rename folder"), error.message);
                                  reload([this, to] {
                                      const QModelIndex renamed = m_s.model->folderIndex(to);
                                      if (renamed.isValid())
                                          m_s.sidebar->view()->setCurrentIndex(renamed);
                                  });
                              }));
}

void ProfileCommands::importProfiles()
{
    const QString path = Prompts::openFileName(m_window, tr("Import connections"), QString(),
                                               tr("Connection files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_import->start(path);
}

void ProfileCommands::exportProfiles()
{
    const QString path = Prompts::saveFileName(m_window, tr("Export connections"),
                                               QStringLiteral("mqttdesk-connections.json"),
                                               tr("Connection files (*.json)"));
    if (path.isEmpty())
        return;
    m_s.catalog->exportable(guarded([this, path](const QList<ConnectionProfile> &profiles,
                                                 const QList<ProfileSubscription> &subscriptions,
                                                 const ProfileExporter::RulesByProfile &rules,
                                                 const StorageError &error) {
        if (error.isError()) {
            fail(tr("Export connections"), error.message);
            return;
        }
        // Secrets stay out: the file may be shared.
        if (const auto problem =
                ProfileExporter::writeFile(path, profiles, false, subscriptions, rules)) {
            fail(tr("Export connections"), *problem);
            return;
        }
        emit notice(tr("Exported %n connection(s) to %1", nullptr, int(profiles.size())).arg(path));
    }));
}

void ProfileCommands::connectProfile(qint64 profileId)
{
    if (m_removing.contains(profileId))
        return;
    m_s.catalog->profile(
        profileId, guarded([this, profileId](const std::optional<ConnectionProfile> &stored,
                                             const QString &error) {
            if (!stored) {
                fail(tr("Connect"), error);
                return;
            }
            m_s.secrets->load(*stored, [this, profileId](const ConnectionProfile &profile,
                                                         const QStringList &problems) {
                if (m_removing.contains(profileId))
                    return; // deleted while its secrets were read
                for (const QString &s : secretValues(profile))
                    m_s.log->addSecret(s);
                for (const QString &problem : problems)
                    logInfo(profile.name, problem);
                ConnectionController *controller = m_s.workspace->open(profileId, profile);
                const auto placement = m_s.model->profile(profileId);
                if (m_s.workspace->shownProfileId() == profileId && placement)
                    m_s.workspace->showProfile(profileId, placement->name,
                                               m_s.model->indexOf(profileId)
                                                   .data(ConnectionListModel::HostPortRole)
                                                   .toString(),
                                               m_s.model->status(profileId));
                logInfo(profile.name,
                        tr("Connecting to %1:%2").arg(profile.host).arg(profile.port));
                controller->connectToBroker();
            });
        }));
}

void ProfileCommands::openHistory(qint64 profileId)
{
    if (m_removing.contains(profileId) || m_openingHistory.contains(profileId) ||
        m_s.workspace->controller(profileId))
        return;
    m_openingHistory.insert(profileId);
    m_s.catalog->profile(
        profileId,
        guarded([this, profileId](const std::optional<ConnectionProfile> &stored, const QString &) {
            m_openingHistory.remove(profileId);
            // Deleted meanwhile, or connected first (with its secrets): nothing to do. A
            // profile that cannot be read keeps the placeholder; Connect reports why.
            if (!stored || m_removing.contains(profileId) || m_s.workspace->controller(profileId))
                return;
            m_s.workspace->open(profileId, *stored);
            const auto placement = m_s.model->profile(profileId);
            if (m_s.workspace->shownProfileId() == profileId && placement)
                m_s.workspace->showProfile(profileId, placement->name,
                                           m_s.model->indexOf(profileId)
                                               .data(ConnectionListModel::HostPortRole)
                                               .toString(),
                                           m_s.model->status(profileId));
        }));
}

void ProfileCommands::disconnectProfile(qint64 profileId)
{
    if (ConnectionController *controller = m_s.workspace->controller(profileId)) {
        logInfo(controller->name(), tr("Disconnecting"));
        controller->disconnectFromBroker();
    }
}

void ProfileCommands::fail(const QString &title, const QString &message)
{
    m_s.log->append(QDateTime::currentDateTimeUtc(), LogModel::Level::Warning, title, message);
    Prompts::inform(m_window, title, message);
}

void ProfileCommands::logInfo(const QString &source, const QString &text)
{
    m_s.log->append(QDateTime::currentDateTimeUtc(), LogModel::Level::Info, source, text);
}

} // namespace mqttdesk
