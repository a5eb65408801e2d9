#pragma once

#include "core/storage/storage_error.h"
#include "ui/i18n/retranslator.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QDateTime;
class QSplitter;
class QTimer;

namespace mqttdesk {

class AlertLogModel;
class AlertRuleStore;
class AlertRulesDialog;
class AlertsPanel;
class AppSettings;
class ConnectionActions;
class ConnectionListModel;
class ConnectionSidebar;
class ConnectionWorkspace;
class KeyboardActions;
class KeyboardShortcutsDialog;
class SettingsDialog;
class CaptureImportJob;
class BrokerProbeDialog;
class ReplayDialog;
class SuiteProfileResolver;
class SuiteRunDialog;
class LanguageMenu;
class LogModel;
class LogView;
class MessageWriter;
class ProfileCommands;
class ProfileCatalog;
class SecretConsent;
class SecretStore;
class SecretsRunner;
class StatusSummary;
class TemplateLibraryStore;

// The application's main window: the connection sidebar, the selected connection's
// workspace, the menus, toolbar, log dock and status bar. It wires parts together and keeps
// the window state; the work is done by ProfileCommands, ConnectionWorkspace and core.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;                    // holds the database and the settings
        AppSettings *settings = nullptr;    // nullptr: its own, in dataDir
        SecretStore *secretStore = nullptr; // nullptr: the OS keychain
        SecretConsent *consent = nullptr;   // nullptr: ask in a message box
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The saved connections are loaded (on a worker thread) after the window is built:
    // loaded() says when they are in the sidebar, or when opening the database failed.
    bool isLoaded() const { return m_loaded; }
    // The database could not be opened (the window then has no connections); known once
    // loaded.
    StorageError openError() const { return m_openError; }
    // On the first start (no saved connection yet), adds a ready "Local broker" profile for
    // 127.0.0.1:`port`. Returns true when it did; call it once loaded (false before).
    bool offerLocalBroker(quint16 port);

    ConnectionListModel *connectionModel() const { return m_model; }
    ConnectionSidebar *sidebar() const { return m_sidebar; }
    ConnectionWorkspace *workspace() const { return m_workspace; }
    ConnectionActions *actions() const { return m_actions; }
    // Focus moves, jump to newest, compact mode, next/previous connection, the shortcut list.
    KeyboardActions *keyboardActions() const { return m_keys; }
    // Help > Keyboard shortcuts: shown (created on first use) and returned.
    KeyboardShortcutsDialog *showKeyboardShortcuts();
    // File > Settings (Ctrl+,): the one settings dialog, shown and raised.
    SettingsDialog *showSettings();
    // Connection > Replay capture…: over the shown connection (nullptr: none shown).
    ReplayDialog *showReplay();
    // Connection > Test broker…: the broker capability test for the shown connection's broker.
    BrokerProbeDialog *showBrokerProbe();
    // Connection > Run test suite…: a send-and-expect suite against the shown connection's broker.
    SuiteRunDialog *showSuiteRun();
    // Connection > Alert rules…: the shown connection's rules (nullptr: none shown).
    AlertRulesDialog *showAlertRules();
    // The Alerts panel's link: selects the connection and shows its stream at `time`. False
    // when it has no view to show (deleted, or its history is still opening).
    bool showAlertMessage(qint64 profileId, const QDateTime &time);
    // View > Alerts, over the alert log of every connection.
    AlertsPanel *alertsPanel() const { return m_alertsPanel; }
    AlertLogModel *alertLog() const { return m_alertLog; }
    // Connection > Record to capture… / Stop recording, for the shown connection: asks for a
    // file and starts recording, or stops the recording under way. False when nothing started.
    bool toggleRecording();
    // Connection > Import capture…: a capture file into the selected connection's history (it
    // need not be open). False when nothing started.
    bool importCapture();
    CaptureImportJob *captureImport() const { return m_import; }
    ProfileCommands *commands() const { return m_commands; }
    ProfileCatalog *catalog() const { return m_catalog.get(); }
    LogModel *logModel() const { return m_log; }
    StatusSummary *statusSummary() const { return m_summary; }
    QSplitter *splitter() const { return m_splitter; }
    LanguageMenu *languageMenu() const { return m_languageMenu; }
    AppSettings *settings() const { return m_settings; }
    // The publish templates every connection's Publish tab shares (templates.json).
    TemplateLibraryStore *templates() const { return m_templates.get(); }

signals:
    // The first list of saved connections is shown, or opening the database failed.
    void loaded();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void connectCommands();
    void onStorageOpened(const StorageError &error);
    // The history file is damaged: asks whether to move it aside and start a new one.
    void offerFreshHistory(const StorageError &error);
    void onFirstList();
    void selectProfile(qint64 profileId);
    void updateTabOrder();
    void onStatusChanged(qint64 profileId, int status);
    void refreshStatusBar();
    void restoreState();
    void restoreSelection();
    void saveState() const;
    void showAbout();

    QString m_dataDir;
    std::unique_ptr<AppSettings> m_ownedSettings;
    AppSettings *m_settings = nullptr;
    StorageError m_openError;
    std::unique_ptr<ProfileCatalog> m_catalog;         // ends before the writer it removes through
    std::unique_ptr<TemplateLibraryStore> m_templates; // outlives the views (m_workspace)
    std::unique_ptr<AlertRuleStore> m_alertRules;      // outlives the connections
    std::unique_ptr<SecretStore> m_ownedStore;
    std::unique_ptr<SecretConsent> m_ownedConsent;
    MessageWriter *m_writer = nullptr;
    SecretsRunner *m_secrets = nullptr;
    ConnectionListModel *m_model = nullptr;
    LogModel *m_log = nullptr;
    ConnectionSidebar *m_sidebar = nullptr;
    ConnectionWorkspace *m_workspace = nullptr;
    QSplitter *m_splitter = nullptr;
    LogView *m_logView = nullptr;
    ConnectionActions *m_actions = nullptr;
    KeyboardActions *m_keys = nullptr;
    QPointer<KeyboardShortcutsDialog> m_shortcutsDialog;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<ReplayDialog> m_replayDialog;
    QPointer<AlertRulesDialog> m_alertRulesDialog;
    AlertLogModel *m_alertLog = nullptr;
    AlertsPanel *m_alertsPanel = nullptr;
    qint64 m_replayProfile = 0;
    QPointer<BrokerProbeDialog> m_probeDialog;
    QPointer<SuiteRunDialog> m_suiteDialog;
    qint64 m_suiteProfile = 0;
    SuiteProfileResolver *m_suiteProfiles = nullptr; // a suite's saved connections, for its dialog
    qint64 m_probeProfile = 0;
    CaptureImportJob *m_import = nullptr;
    ProfileCommands *m_commands = nullptr;
    StatusSummary *m_summary = nullptr;
    QTimer *m_rateTimer = nullptr;
    qint64 m_lastReceived = -1;
    qint64 m_lastRateProfile = 0;
    LanguageMenu *m_languageMenu = nullptr;
    Retranslator m_texts;
    bool m_storageReady = false; // the database is open: the profile actions apply
    bool m_loaded = false;       // see isLoaded()
    bool m_offeredFreshHistory = false;
    bool m_restored = false; // restoreSelection() ran: selections are remembered from now on
};

} // namespace mqttdesk
