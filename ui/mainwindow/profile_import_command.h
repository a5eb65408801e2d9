#pragma once

#include "core/profile/import_plan.h"
#include "ui/mainwindow/profile_commands.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace mqttdesk {

class ImportConflictDialog;

// File > Import: reads the file, plans it against the saved connections (ImportPlan), asks
// about each clash (ImportConflictDialog, "for all" included) and about client ids the
// import would share, then writes the plan one action after another: secrets to the keychain,
// the profile and its subscriptions through the catalog. A replaced connection that is open
// takes its new subscriptions through its view, whose persistence is then the only writer.
class ProfileImportCommand : public QObject
{
    Q_OBJECT
public:
    // Test seam: called with each conflict dialog instead of exec(); the hook clicks a button
    // (or rejects it: skip).
    using ConflictHook = std::function<void(ImportConflictDialog *)>;
    static void setConflictHook(ConflictHook hook);

    ProfileImportCommand(const ProfileCommands::Services &services, QWidget *window,
                         QObject *parent = nullptr);

    // Imports `path`; a second import while one runs is ignored (false).
    bool start(const QString &path);
    bool isRunning() const { return m_running; }

signals:
    // Done: what happened in a sentence, the last profile written (0: none), and what failed
    // (empty when nothing did).
    void finished(const QString &summary, qint64 lastProfileId, const QStringList &errors);

private:
    void plan(const ProfileImport &imported, const QList<ImportPlan::Existing> &existing);
    void askConflicts(ImportPlan &plan);
    bool runDialog(ImportConflictDialog *dialog);
    // Asks whether the clashing profiles get fresh client ids.
    bool askRenewClientIds(const QList<ImportPlan::Action> &actions,
                           const QList<ImportPlan::ClientIdClash> &clashes);
    void writeNext();
    void written(const ImportPlan::Action &action, qint64 id);
    void finish();
    void logInfo(const QString &source, const QString &text);

    ProfileCommands::Services m_s;
    QWidget *m_window;
    bool m_running = false;
    QString m_path;
    QList<ImportPlan::Action> m_actions;
    qsizetype m_next = 0;
    int m_skipped = 0;
    int m_added = 0;
    int m_replaced = 0;
    qint64 m_lastId = 0;
    QStringList m_errors;
};

} // namespace mqttdesk
