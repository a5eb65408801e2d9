#include "ui/mainwindow/main_window.h"

#include "core/alerts/alert_log_model.h"
#include "core/alerts/alert_monitor.h"
#include "core/alerts/alert_rule_store.h"
#include "core/automation/capture_import_job.h"
#include "core/automation/capture_recording_job.h"
#include "core/profile/connection_profile.h"
#include "core/profile/keychain_secret_store.h"
#include "core/publish/template_library_store.h"
#include "core/settings/app_settings.h"
#include "core/storage/data_directory.h"
#include "core/storage/database_quarantine.h"
#include "core/storage/message_writer.h"
#include "core/version.h"
#include "core/workspace/profile_catalog.h"
#include "ui/alerts/alert_rules_dialog.h"
#include "ui/alerts/alerts_panel.h"
#include "ui/automation/replay_dialog.h"
#include "ui/connections/connection_controller.h"
#include "ui/connections/connection_header.h"
#include "ui/connections/connection_list_model.h"
#include "ui/connections/connection_sidebar.h"
#include "ui/connections/connection_workspace.h"
#include "ui/connections/log_model.h"
#include "ui/connections/log_view.h"
#include "ui/connections/secrets_runner.h"
#include "ui/dialogs/keyboard_shortcuts_dialog.h"
#include "ui/dialogs/message_box_secret_consent.h"
#include "ui/dialogs/settings_dialog.h"
#include "ui/mainwindow/connection_actions.h"
#include "ui/mainwindow/keyboard_actions.h"
#include "ui/mainwindow/language_menu.h"
#include "ui/mainwindow/profile_commands.h"
#include "ui/mainwindow/status_summary.h"
#include "ui/probe/broker_probe_dialog.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"
#include "ui/suite/suite_run_dialog.h"
#include "ui/widgets/prompts.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

namespace mqttdesk {

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_dataDir(options.dataDir)
    , m_settings(options.settings)
{
    if (!m_settings) {
        m_ownedSettings = std::make_unique<AppSettings>(m_dataDir);
        m_settings = m_ownedSettings.get();
    }
    m_texts.add([this] { setWindowTitle(tr("MQTT Desk")); });
    setObjectName(QStringLiteral("mainWindow"));

    const QString dbPath = DataDirectory::databasePath(m_dataDir);
    MessageWriter::Options writerOptions;
    // A full disk (or a read-only file) may pass: storing resumes by itself once it does.
    writerOptions.retryAfterFailureMs = 10000;
    m_writer = new MessageWriter(dbPath, writerOptions, this);
    // The catalog opens (creates, migrates) the database on its own thread; the writer
    // starts once that is done (see onStorageOpened).
    m_catalog = std::make_unique<ProfileCatalog>(dbPath, m_writer);

    SecretStore *store = options.secretStore;
    if (!store) {
        m_ownedStore = std::make_unique<KeychainSecretStore>();
        store = m_ownedStore.get();
    }
    SecretConsent *consent = options.consent;
    if (!consent) {
        m_ownedConsent = std::make_unique<MessageBoxSecretConsent>(this);
        consent = m_ownedConsent.get();
    }
    m_secrets = new SecretsRunner(store, consent, this);

    m_model = new ConnectionListModel(this);
    m_log = new LogModel(this);
    m_sidebar = new ConnectionSidebar(m_model, this);
    m_workspace = new ConnectionWorkspace(m_writer, dbPath, this);
    m_import = new CaptureImportJob(m_writer, this);
    m_workspace->setSettings(m_settings);
    // One template library for the app, read from the data directory; a file that cannot be
    // read is named in the log (and on every Publish tab) and left untouched.
    m_templates = std::make_unique<TemplateLibraryStore>();
    const auto logTemplates = [this](const QString &text) {
        m_log->append(QDateTime::currentDateTimeUtc(), LogModel::Level::Warning, tr("Templates"),
                      text);
    };
    connect(m_templates.get(), &TemplateLibraryStore::loadFailed, this, logTemplates);
    connect(m_templates.get(), &TemplateLibraryStore::saveFailed, this, logTemplates);
    m_templates->load(m_dataDir);
    m_workspace->setTemplates(m_templates.get());
    // Each connection's alert rules, in the data directory (the CLI's rule file format).
    m_alertRules = std::make_unique<AlertRuleStore>(m_dataDir);
    m_workspace->setAlertRules(m_alertRules.get());
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_workspace);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({260, 1020});
    setCentralWidget(m_splitter);

    m_logView = new LogView(m_log, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_logView);
    m_logView->hide();
    // The alerts of every open connection; a tab beside the log when both are shown.
    m_alertLog = new AlertLogModel(this);
    m_alertsPanel = new AlertsPanel(m_alertLog, m_settings, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_alertsPanel);
    tabifyDockWidget(m_logView, m_alertsPanel);
    m_alertsPanel->hide();
    connect(m_workspace, &ConnectionWorkspace::controllerOpened, m_alertsPanel,
            &AlertsPanel::addConnection);
    connect(m_alertsPanel, &AlertsPanel::messageRequested, this, &MainWindow::showAlertMessage);
    connect(m_alertsPanel, &AlertsPanel::rulesRequested, this, [this] { showAlertRules(); });

    m_actions = new ConnectionActions(this);
    // Delete and F2 act on the selected connection only while the focus is in the list:
    // elsewhere those keys belong to the widget (a template deleted or renamed in the Publish
    // tab), and two shortcuts on one key would cancel each other. The menus and the toolbar
    // still offer both.
    for (QAction *action : {m_actions->remove, m_actions->rename}) {
        removeAction(action);
        m_sidebar->view()->addAction(action);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    }
    m_keys = new KeyboardActions(this, m_sidebar, m_model, m_workspace);
    connect(m_keys->keyboardShortcuts, &QAction::triggered, this,
            &MainWindow::showKeyboardShortcuts);
    connect(m_keys->openSettings, &QAction::triggered, this, &MainWindow::showSettings);
    m_sidebar->setContextMenu(m_actions->contextMenu(this));
    m_summary = new StatusSummary(this);
    statusBar()->addPermanentWidget(m_summary);

    ProfileCommands::Services services;
    services.catalog = m_catalog.get();
    services.secrets = m_secrets;
    services.model = m_model;
    services.sidebar = m_sidebar;
    services.workspace = m_workspace;
    services.log = m_log;
    services.settings = m_settings;
    m_commands = new ProfileCommands(services, this);
    connectCommands();
    // Nothing applies until the database is open and the list is read.
    for (QAction *a :
         {m_actions->newConnection, m_actions->edit, m_actions->duplicate, m_actions->remove,
          m_actions->rename, m_actions->moveToFolder, m_actions->importProfiles,
          m_actions->exportProfiles, m_actions->connectAction, m_actions->disconnectAction})
        a->setEnabled(false);
    connect(m_sidebar, &ConnectionSidebar::selectionChanged, this, &MainWindow::selectProfile);
    connect(m_workspace, &ConnectionWorkspace::statusChanged, this,
            [this](qint64 id, ConnectionListModel::Status status) {
                onStatusChanged(id, int(status));
            });
    connect(m_workspace, &ConnectionWorkspace::statusTextChanged, m_model,
            &ConnectionListModel::setStatusText);
    connect(m_workspace, &ConnectionWorkspace::logLine, this,
            [this](const QDateTime &ts, int level, const QString &source, const QString &text) {
                m_log->append(ts, LogModel::Level(qBound(0, level, 2)), source, text);
            });

    buildMenus();
    connect(m_workspace->stack(), &QStackedWidget::currentChanged, this,
            &MainWindow::updateTabOrder);
    updateTabOrder();
    m_rateTimer = new QTimer(this);
    m_rateTimer->setInterval(1000);
    connect(m_rateTimer, &QTimer::timeout, this, &MainWindow::refreshStatusBar);
    m_rateTimer->start();
    resize(1280, 800);
    restoreState();
    selectProfile(m_sidebar->selectedProfileId());
    m_catalog->open([this](const StorageError &error) { onStorageOpened(error); });
}

MainWindow::~MainWindow()
{
    disconnect(m_sidebar, nullptr, this, nullptr);
    m_rateTimer->stop();
    // Connections (and their views) and an import end before the writer they store into.
    delete m_import;
    m_import = nullptr;
    delete m_workspace;
    m_workspace = nullptr;
    // The last template edits are written now, while a failure can still be logged.
    m_templates->flush();
    disconnect(m_templates.get(), nullptr, this, nullptr);
    // Its last requests run first (a removal waits on the writer); its answers are dropped.
    m_catalog.reset();
    m_writer->stop();
}

void MainWindow::connectCommands()
{
    connect(m_commands, &ProfileCommands::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    auto selected = [this] { return m_sidebar->selectedProfileId(); };
    connect(m_actions->newConnection, &QAction::triggered, m_commands,
            &ProfileCommands::newConnection);
    connect(m_actions->edit, &QAction::triggered, this,
            [this, selected] { m_commands->edit(selected()); });
    connect(m_actions->duplicate, &QAction::triggered, this,
            [this, selected] { m_commands->duplicate(selected()); });
    connect(m_actions->remove, &QAction::triggered, this,
            [this, selected] { m_commands->remove(selected()); });
    connect(m_actions->rename, &QAction::triggered, this, [this, selected] {
        if (selected())
            m_commands->rename(selected());
        else
            m_commands->renameFolder(m_sidebar->selectedFolder());
    });
    connect(m_actions->moveToFolder, &QAction::triggered, this,
            [this, selected] { m_commands->moveToFolder(selected()); });
    connect(m_workspace, &ConnectionWorkspace::recordingFailed, this,
            [this](qint64, const QString &error) {
                Prompts::warn(this, tr("Recording stopped"), error);
            });
    connect(m_workspace->header(), &ConnectionHeader::stopRecordingRequested, this,
            [this](qint64 profileId) {
                if (ConnectionController *controller = m_workspace->controller(profileId))
                    controller->recording()->stop();
            });
    connect(m_workspace, &ConnectionWorkspace::serverReferencePolicyChosen, m_commands,
            &ProfileCommands::rememberServerReferencePolicy);
    connect(m_actions->importProfiles, &QAction::triggered, m_commands,
            &ProfileCommands::importProfiles);
    connect(m_actions->exportProfiles, &QAction::triggered, m_commands,
            &ProfileCommands::exportProfiles);
    connect(m_actions->connectAction, &QAction::triggered, this,
            [this, selected] { m_commands->connectProfile(selected()); });
    connect(m_actions->disconnectAction, &QAction::triggered, this,
            [this, selected] { m_commands->disconnectProfile(selected()); });
    connect(m_workspace->header(), &ConnectionHeader::connectRequested, m_commands,
            &ProfileCommands::connectProfile);
    connect(m_workspace->header(), &ConnectionHeader::disconnectRequested, m_commands,
            &ProfileCommands::disconnectProfile);
    connect(m_workspace->header(), &ConnectionHeader::editRequested, m_commands,
            &ProfileCommands::edit);
    connect(m_sidebar, &ConnectionSidebar::activated, m_commands, [this](qint64 id) {
        if (m_model->status(id) == ConnectionListModel::Status::Disconnected ||
            m_model->status(id) == ConnectionListModel::Status::Error)
            m_commands->connectProfile(id);
    });
    connect(m_commands, &ProfileCommands::profilesChanged, this,
            [this] { selectProfile(m_sidebar->selectedProfileId()); });
}

void MainWindow::onStorageOpened(const StorageError &error)
{
    // A damaged file is offered to be moved aside, once, before anything else opens it (the
    // writer starts below). Asked on the next turn: the window is up by then.
    if (DatabaseQuarantine::isDamage(error) && !m_offeredFreshHistory) {
        m_offeredFreshHistory = true;
        QTimer::singleShot(0, this, [this, error] { offerFreshHistory(error); });
        return;
    }
    m_openError = error;
    // The writer opens its own connection on the file: only once the schema is there.
    m_writer->start();
    if (error.isError()) {
        m_log->append({}, LogModel::Level::Warning, tr("Storage"), error.message);
        m_loaded = true;
        emit loaded();
        return;
    }
    m_storageReady = true;
    for (QAction *a :
         {m_actions->newConnection, m_actions->importProfiles, m_actions->exportProfiles})
        a->setEnabled(true);
    m_commands->reload([this] { onFirstList(); });
}

void MainWindow::offerFreshHistory(const StorageError &error)
{
    const QString path = DataDirectory::databasePath(m_dataDir);
    Prompts::Request question;
    question.kind = Prompts::Kind::Question;
    question.parent = this;
    question.title = tr("History file damaged");
    question.text = tr("MQTT Desk cannot use its history file %1.").arg(path);
    question.informativeText =
        error.message + QStringLiteral("\n\n") +
        tr("Move it aside and start with a new, empty history? The file is kept under a new "
           "name beside it (nothing is deleted), but the connections and messages in it are no "
           "longer shown.");
    question.detailedText = error.detail;
    question.acceptText = tr("Move Aside and Start Fresh");
    question.rejectText = tr("Continue Without History");
    question.warning = true;
    if (!Prompts::ask(question)) {
        onStorageOpened(error); // as before: said in the log, no history
        return;
    }
    m_catalog->moveAside([this, error](const std::optional<QString> &movedTo, const QString &why) {
        if (!movedTo) {
            m_log->append(QDateTime::currentDateTimeUtc(), LogModel::Level::Warning, tr("Storage"),
                          tr("The damaged history file could not be moved aside: %1").arg(why));
            onStorageOpened(error);
            return;
        }
        m_log->append(QDateTime::currentDateTimeUtc(), LogModel::Level::Info, tr("Storage"),
                      tr("The damaged history file was moved to %1; a new, empty history was "
                         "started.")
                          .arg(*movedTo));
        m_catalog->open([this](const StorageError &reopened) { onStorageOpened(reopened); });
    });
}

void MainWindow::onFirstList()
{
    restoreSelection();
    m_restored = true;
    selectProfile(m_sidebar->selectedProfileId());
    m_loaded = true;
    emit loaded();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(QString());
    file->addAction(m_actions->newConnection);
    file->addSeparator();
    file->addAction(m_actions->importProfiles);
    file->addAction(m_actions->exportProfiles);
    file->addSeparator();
    file->addAction(m_keys->openSettings);
    file->addSeparator();
    QAction *quit = file->addAction(QString(), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *connection = menuBar()->addMenu(QString());
    connection->addAction(m_actions->connectAction);
    connection->addAction(m_actions->disconnectAction);
    connection->addSeparator();
    connection->addAction(m_actions->edit);
    connection->addAction(m_actions->duplicate);
    connection->addAction(m_actions->rename);
    connection->addAction(m_actions->moveToFolder);
    connection->addSeparator();
    connection->addAction(m_actions->remove);
    connection->addSeparator();
    QAction *record = connection->addAction(QString(), this, [this] { toggleRecording(); });
    record->setObjectName(QStringLiteral("actionRecord"));
    QAction *replay = connection->addAction(QString(), this, [this] { showReplay(); });
    replay->setObjectName(QStringLiteral("actionReplay"));
    QAction *probe = connection->addAction(QString(), this, [this] { showBrokerProbe(); });
    probe->setObjectName(QStringLiteral("actionTestBroker"));
    QAction *suite = connection->addAction(QString(), this, [this] { showSuiteRun(); });
    suite->setObjectName(QStringLiteral("actionRunSuite"));
    QAction *import = connection->addAction(QString(), this, [this] { importCapture(); });
    import->setObjectName(QStringLiteral("actionImportCapture"));
    connection->addSeparator();
    QAction *alertRules = connection->addAction(QString(), this, [this] { showAlertRules(); });
    alertRules->setObjectName(QStringLiteral("actionAlertRules"));
    connect(connection, &QMenu::aboutToShow, alertRules, [this, alertRules] {
        alertRules->setEnabled(m_workspace->controller(m_workspace->shownProfileId()));
    });
    m_texts.add([alertRules] { alertRules->setText(tr("&Alert rules…")); });
    // Both work on the shown connection; Record becomes Stop while it records.
    const auto updateRecord = [this, record] {
        ConnectionController *shown = m_workspace->controller(m_workspace->shownProfileId());
        const bool recording = shown && shown->recording()->isRecording();
        record->setText(recording ? tr("Stop &recording") : tr("&Record to capture…"));
    };
    connect(connection, &QMenu::aboutToShow, replay,
            [this, replay, record, probe, suite, import, updateRecord] {
                replay->setEnabled(m_workspace->controller(m_workspace->shownProfileId()));
                record->setEnabled(m_workspace->controller(m_workspace->shownProfileId()));
                probe->setEnabled(m_workspace->controller(m_workspace->shownProfileId()));
                suite->setEnabled(m_workspace->controller(m_workspace->shownProfileId()));
                import->setEnabled(m_sidebar->selectedProfileId() != 0 && !m_import->isRunning());
                updateRecord();
            });

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("connectionToolbar"));
    toolbar->setMovable(false);
    // Icons with their words unless the user chose icons only (Settings > Appearance).
    const auto applyToolbarStyle = [this, toolbar] {
        toolbar->setToolButtonStyle(m_settings->toolbarText() ? Qt::ToolButtonTextBesideIcon
                                                              : Qt::ToolButtonIconOnly);
    };
    applyToolbarStyle();
    connect(m_settings, &AppSettings::changed, toolbar, [applyToolbarStyle](AppSettings::Key key) {
        if (key == AppSettings::Key::ToolbarText)
            applyToolbarStyle();
    });
    for (QAction *a : {m_actions->newConnection, m_actions->edit, m_actions->duplicate,
                       m_actions->rename, m_actions->moveToFolder, m_actions->remove})
        toolbar->addAction(a);
    toolbar->addSeparator();
    toolbar->addAction(m_actions->connectAction);
    toolbar->addAction(m_actions->disconnectAction);
    toolbar->addSeparator();
    toolbar->addAction(m_actions->importProfiles);
    toolbar->addAction(m_actions->exportProfiles);
    toolbar->addSeparator();
    toolbar->addAction(m_keys->openSettings);
    addToolBar(Qt::TopToolBarArea, toolbar);

    QMenu *view = menuBar()->addMenu(QString());
    QAction *sidebar = view->addAction(QString());
    sidebar->setCheckable(true);
    sidebar->setChecked(true);
    sidebar->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(sidebar, &QAction::toggled, m_sidebar, &QWidget::setVisible);
    QAction *log = m_logView->toggleViewAction();
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(log);
    // Its text is the panel's (&Alerts); its title counts the active alerts.
    QAction *alerts = m_alertsPanel->toggleViewAction();
    alerts->setObjectName(QStringLiteral("actionAlerts"));
    alerts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    view->addAction(alerts);
    view->addAction(toolbar->toggleViewAction());
    view->addSeparator();
    view->addAction(m_keys->compactMode);
    view->addSeparator();
    QAction *packets = view->addAction(QString());
    packets->setObjectName(QStringLiteral("logPacketsAction"));
    packets->setCheckable(true);
    // Kept with the data directory's settings, off unless the user turns it on: a line per
    // packet slows floods and pushes connection events out of the log.
    auto applyPacketLogging = [this, packets] {
        const bool on = m_settings->logPackets();
        packets->setChecked(on);
        if (m_workspace)
            m_workspace->setPacketLogging(on);
    };
    applyPacketLogging();
    connect(packets, &QAction::toggled, m_settings, &AppSettings::setLogPackets);
    connect(m_settings, &AppSettings::changed, this, [applyPacketLogging](AppSettings::Key key) {
        if (key == AppSettings::Key::LogPackets)
            applyPacketLogging();
    });
    view->addSeparator();
    m_languageMenu = new LanguageMenu(m_settings, view);
    view->addMenu(m_languageMenu);

    QMenu *go = menuBar()->addMenu(QString());
    go->addAction(m_keys->focusPublishTopic);
    go->addAction(m_keys->focusSearch);
    go->addAction(m_keys->jumpToNewest);
    go->addSeparator();
    go->addAction(m_keys->nextConnection);
    go->addAction(m_keys->previousConnection);

    QMenu *help = menuBar()->addMenu(QString());
    help->addAction(m_keys->keyboardShortcuts);
    help->addSeparator();
    QAction *about = help->addAction(QString(), this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);

    m_texts.add([=] {
        file->setTitle(tr("&File"));
        quit->setText(tr("&Quit"));
        connection->setTitle(tr("&Connection"));
        replay->setText(tr("&Replay capture…"));
        import->setText(tr("&Import capture into history…"));
        probe->setText(tr("&Test broker…"));
        suite->setText(tr("Run test &suite…"));
        probe->setToolTip(tr("Find out what the broker supports: versions, QoS, retain, "
                             "shared subscriptions, will, largest payload, latency"));
        updateRecord();
        toolbar->setWindowTitle(tr("Connections"));
        view->setTitle(tr("&View"));
        sidebar->setText(tr("&Sidebar"));
        log->setText(tr("&Log"));
        packets->setText(tr("Log &packets"));
        packets->setToolTip(tr("Also log every MQTT packet sent and received (slows down "
                               "floods)"));
        go->setTitle(tr("&Go"));
        help->setTitle(tr("&Help"));
        about->setText(tr("&About MQTT Desk"));
        aboutQt->setText(tr("About &Qt"));
    });
}

void MainWindow::updateTabOrder()
{
    // Sidebar, then the header, then the shown connection (its stream area, then its publish
    // bar: ConnectionView's own order). A view added later would otherwise come last.
    ConnectionHeader *header = m_workspace->header();
    QWidget::setTabOrder(m_sidebar->view(), header->connectButton());
    QWidget::setTabOrder(header->connectButton(), header->editButton());
    if (QWidget *shown = m_workspace->stack()->currentWidget())
        QWidget::setTabOrder(header->editButton(), shown);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_actions->retranslate();
        m_keys->retranslate();
        m_texts.retranslate();
        // Texts the models and the header compute from the state.
        emit m_log->headerDataChanged(Qt::Horizontal, 0, LogModel::ColumnCount - 1);
        m_model->retranslate();
        selectProfile(m_sidebar->selectedProfileId());
    }
    QMainWindow::changeEvent(event);
}

KeyboardShortcutsDialog *MainWindow::showKeyboardShortcuts()
{
    if (!m_shortcutsDialog)
        m_shortcutsDialog = new KeyboardShortcutsDialog(this, this);
    else
        m_shortcutsDialog->rebuild();
    m_shortcutsDialog->show();
    m_shortcutsDialog->raise();
    m_shortcutsDialog->activateWindow();
    return m_shortcutsDialog;
}

bool MainWindow::toggleRecording()
{
    ConnectionController *controller = m_workspace->controller(m_workspace->shownProfileId());
    if (!controller)
        return false;
    CaptureRecordingJob *job = controller->recording();
    if (job->isRecording()) {
        job->stop();
        return false;
    }
    QString name = controller->name();
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString suggestion =
        QDir(QDir::homePath())
            .filePath(name + QLatin1Char(' ') +
                      QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HHmmss")) +
                      QStringLiteral(".jsonl"));
    const QString path = Prompts::saveFileName(this, tr("Record to capture"), suggestion,
                                               tr("Capture files (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!job->start(path, tr("%1 (%2)").arg(controller->name(), controller->brokerAddress()),
                    &error)) {
        Prompts::warn(this, tr("Record to capture"), error);
        return false;
    }
    m_workspace->updateCounters();
    return true;
}

bool MainWindow::importCapture()
{
    const qint64 profileId = m_sidebar->selectedProfileId();
    const std::optional<StoredProfile> profile = m_model->profile(profileId);
    if (!profile || m_import->isRunning())
        return false;
    const QString path =
        Prompts::openFileName(this, tr("Import capture into %1").arg(profile->name),
                              QDir::homePath(), tr("Capture files (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return false;
    m_log->append(QDateTime::currentDateTimeUtc(), LogModel::Level::Info, profile->name,
                  tr("Importing %1 into the history…").arg(path));
    const QString name = profile->name;
    // One answer per import: the connection is disconnected when it ends.
    connect(
        m_import, &CaptureImportJob::finished, this,
        [this, name, path](qint64 imported, const QString &error) {
            if (error.isEmpty()) {
                m_log->append(
                    QDateTime::currentDateTimeUtc(), LogModel::Level::Info, name,
                    tr("Imported %n message(s) from %1 into the history.", nullptr, int(imported))
                        .arg(path));
                return;
            }
            m_log->append(QDateTime::currentDateTimeUtc(), LogModel::Level::Warning, name, error);
            Prompts::warn(this, tr("Import capture"),
                          tr("%1 could not be imported completely: %2").arg(path, error));
        },
        Qt::SingleShotConnection);
    return m_import->start(path, profileId);
}

AlertRulesDialog *MainWindow::showAlertRules()
{
    ConnectionController *controller = m_workspace->controller(m_workspace->shownProfileId());
    if (!controller)
        return nullptr;
    if (m_alertRulesDialog) {
        m_alertRulesDialog->raise();
        m_alertRulesDialog->activateWindow();
        return m_alertRulesDialog;
    }
    m_alertRulesDialog =
        new AlertRulesDialog(m_alertRules.get(), controller->profileId(), controller->name(), this);
    m_alertRulesDialog->setAttribute(Qt::WA_DeleteOnClose);
    // Applied at once to the connection's monitor, if it is still open.
    connect(m_alertRulesDialog, &AlertRulesDialog::rulesSaved, this,
            [this](qint64 profileId, const QList<AlertRule> &rules) {
                if (ConnectionController *c = m_workspace->controller(profileId))
                    if (AlertMonitor *monitor = c->alertMonitor())
                        monitor->setRules(rules);
            });
    m_alertRulesDialog->open();
    return m_alertRulesDialog;
}

bool MainWindow::showAlertMessage(qint64 profileId, const QDateTime &time)
{
    if (!m_model->profile(profileId))
        return false; // the connection was deleted since
    m_sidebar->select(profileId);
    ConnectionController *controller = m_workspace->controller(profileId);
    if (!controller)
        return false; // its view opens with its history; the row is selected at least
    ConnectionView *view = controller->view();
    view->views()->setCurrentWidget(view->streamView());
    view->streamView()->jumpToTime(time);
    return true;
}

BrokerProbeDialog *MainWindow::showBrokerProbe()
{
    ConnectionController *controller = m_workspace->controller(m_workspace->shownProfileId());
    if (!controller)
        return nullptr;
    if (m_probeDialog && m_probeProfile != controller->profileId())
        delete m_probeDialog; // its probe cancels
    if (!m_probeDialog) {
        m_probeDialog = new BrokerProbeDialog(controller->settings(), controller->name(), this);
        m_probeProfile = controller->profileId();
    }
    m_probeDialog->show();
    m_probeDialog->raise();
    m_probeDialog->activateWindow();
    return m_probeDialog;
}

SuiteRunDialog *MainWindow::showSuiteRun()
{
    ConnectionController *controller = m_workspace->controller(m_workspace->shownProfileId());
    if (!controller)
        return nullptr;
    if (m_suiteDialog && m_suiteProfile != controller->profileId())
        delete m_suiteDialog; // stops its run
    if (!m_suiteDialog) {
        m_suiteDialog = new SuiteRunDialog(controller->settings(), controller->name(), this);
        if (!m_suiteProfiles)
            m_suiteProfiles = new SuiteProfileResolver(m_catalog.get(), m_secrets, this);
        m_suiteDialog->setProfileResolver(m_suiteProfiles);
        m_suiteProfile = controller->profileId();
    }
    m_suiteDialog->show();
    m_suiteDialog->raise();
    m_suiteDialog->activateWindow();
    return m_suiteDialog;
}

ReplayDialog *MainWindow::showReplay()
{
    ConnectionController *controller = m_workspace->controller(m_workspace->shownProfileId());
    if (!controller)
        return nullptr;
    // One per connection: another connection gets a new one.
    if (m_replayDialog && m_replayProfile != controller->profileId())
        delete m_replayDialog; // stops its replay
    if (!m_replayDialog) {
        m_replayDialog = new ReplayDialog(controller->connection(), controller->name(), this);
        m_replayProfile = controller->profileId();
    }
    m_replayDialog->show();
    m_replayDialog->raise();
    m_replayDialog->activateWindow();
    return m_replayDialog;
}

SettingsDialog *MainWindow::showSettings()
{
    if (!m_settingsDialog) {
        SettingsDialog::Options options;
        options.settings = m_settings;
        options.dataDir = m_dataDir;
        options.databasePath = DataDirectory::databasePath(m_dataDir);
        m_settingsDialog = new SettingsDialog(options, this);
        connect(m_settingsDialog, &SettingsDialog::applyRetentionToAllRequested, this, [this] {
            m_commands->applyRetentionToAll(ProfileCommands::retentionDefault(*m_settings));
        });
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
    return m_settingsDialog;
}

void MainWindow::showAbout()
{
    Prompts::about(
        this, tr("About MQTT Desk"),
        tr("<h3>MQTT Desk %1</h3><p>A native desktop MQTT client.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(versionString(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

void MainWindow::selectProfile(qint64 profileId)
{
    if (!m_workspace)
        return;
    const auto placement = m_model->profile(profileId);
    const auto status = m_model->status(profileId);
    // Saved at once, not only on close: an app that is killed restarts on the same row.
    if (placement && m_restored)
        m_settings->setLastConnection(profileId);
    m_workspace->showProfile(
        placement ? profileId : 0, placement ? placement->name : QString(),
        m_model->indexOf(profileId).data(ConnectionListModel::HostPortRole).toString(), status);
    // Its history is there to read without a connection.
    if (placement && m_storageReady)
        m_commands->openHistory(profileId);
    const bool open = status == ConnectionListModel::Status::Connected ||
                      status == ConnectionListModel::Status::Connecting;
    if (m_storageReady)
        m_actions->update(placement ? profileId : 0, open,
                          !placement && !m_sidebar->selectedFolder().isEmpty());
    m_keys->update();
    m_lastReceived = -1;
    refreshStatusBar();
}

void MainWindow::onStatusChanged(qint64 profileId, int status)
{
    m_model->setStatus(profileId, ConnectionListModel::Status(status));
    if (profileId == m_sidebar->selectedProfileId())
        selectProfile(profileId);
}

void MainWindow::refreshStatusBar()
{
    const qint64 id = m_sidebar->selectedProfileId();
    ConnectionController *c = m_workspace ? m_workspace->controller(id) : nullptr;
    if (!c) {
        m_summary->show(id ? ConnectionListModel::statusText(m_model->status(id))
                           : tr("No connection"),
                        0, 0, 0);
        return;
    }
    const qint64 received = c->received();
    double rate = 0;
    if (m_lastReceived >= 0 && m_lastRateProfile == id)
        rate = double(received - m_lastReceived) * 1000.0 / m_rateTimer->interval();
    m_lastReceived = received;
    m_lastRateProfile = id;
    m_summary->show(tr("%1: %2").arg(c->name(), c->statusText(false)), received, c->stored(), rate);
}

bool MainWindow::offerLocalBroker(quint16 port)
{
    if (!m_loaded || !m_storageReady || m_model->rowCount() > 0)
        return false;
    if (m_settings->localBrokerOffered())
        return false;
    m_settings->setLocalBrokerOffered(true);
    ConnectionProfile profile;
    profile.name = tr("Local broker");
    profile.host = QStringLiteral("127.0.0.1");
    profile.port = port;
    profile.clientId = QStringLiteral("mqttdesk-%1").arg(profile.id.toString(QUuid::Id128).left(8));
    m_commands->addProfile(profile);
    return true;
}

void MainWindow::restoreState()
{
    if (m_settings->contains(AppSettings::Key::WindowGeometry))
        restoreGeometry(m_settings->windowGeometry());
    QMainWindow::restoreState(m_settings->windowState());
    if (m_settings->contains(AppSettings::Key::SplitterState))
        m_splitter->restoreState(m_settings->splitterState());
    // Kept for the folders of the list that is still loading.
    m_sidebar->setCollapsedFolders(m_settings->collapsedFolders());
}

void MainWindow::restoreSelection()
{
    const qint64 last = m_settings->lastConnection();
    if (last)
        m_sidebar->select(last);
    // Nothing (valid) to restore: the first connection is current, so that the highlighted
    // row and the header agree (the tree would otherwise make its first row, possibly a
    // folder, current on focus, and the header would say "No connection selected").
    if (m_sidebar->selectedProfileId() == 0)
        m_sidebar->selectFirstProfile();
}

void MainWindow::saveState() const
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(QMainWindow::saveState());
    m_settings->setSplitterState(m_splitter->saveState());
    if (m_restored) // closed before the list arrived: the saved choice stays
        m_settings->setLastConnection(m_sidebar->selectedProfileId());
    m_settings->setCollapsedFolders(m_sidebar->collapsedFolders());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    for (ConnectionController *c : m_workspace->controllers())
        c->disconnectFromBroker();
    event->accept();
}

} // namespace mqttdesk
