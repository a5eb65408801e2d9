#include "ui/workbench/workbench_page.h"

#include "core/connection/connection.h"
#include "core/publish/compiled_template.h"
#include "core/publish/template_library_model.h"
#include "core/publish/template_library_store.h"
#include "core/publishjob/publish_job_list_model.h"
#include "core/request/request_client.h"
#include "core/session/connack_info.h"
#include "ui/publish/publish_bar.h"
#include "ui/theme/theme.h"
#include "ui/widgets/prompts.h"
#include "ui/widgets/shortcut_claim.h"
#include "ui/workbench/collection_dialog.h"
#include "ui/workbench/publish_bar_template.h"
#include "ui/workbench/publish_jobs_view.h"
#include "ui/workbench/request_panel.h"
#include "ui/workbench/template_editor.h"
#include "ui/workbench/template_library_transfer.h"
#include "ui/workbench/template_preview.h"
#include "ui/workbench/timed_publish_dialog.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace mqttdesk {

WorkbenchPage::WorkbenchPage(const Context &context, QWidget *parent)
    : QWidget(parent)
    , m_store(context.store)
    , m_connection(context.connection)
    , m_version(context.version)
    , m_clientId(context.clientId)
    , m_connectionVariables(context.variables)
    , m_sendMaker(CompiledTemplate(), QString())
{
    setObjectName(QStringLiteral("workbenchPage"));
    m_jobs = new PublishJobListModel(this);
    m_library = new TemplateLibraryPane(context.store, context.connectionName, this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_library);
    m_splitter->addWidget(buildTemplatePane());
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({230, 750});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);

    setTabOrder(m_library->lastField(), m_editor->firstField());
    setTabOrder(m_editor->lastField(), m_send);
    setTabOrder(m_send, m_requestButton);
    setTabOrder(m_requestButton, m_repeat);
    setTabOrder(m_repeat, m_activity);

    connect(m_library, &TemplateLibraryPane::currentChanged, this,
            &WorkbenchPage::onCurrentChanged);
    connect(m_library, &TemplateLibraryPane::sendRequested, this, &WorkbenchPage::send);
    connect(m_library, &TemplateLibraryPane::statusMessage, this, &WorkbenchPage::setStatus);
    connect(&m_sendMaker, &ScriptedMessageMaker::made, this, &WorkbenchPage::onScriptedSend);
    connect(m_editor, &TemplateEditor::edited, this, &WorkbenchPage::onEditorEdited);
    if (m_store) {
        connect(m_store, &TemplateLibraryStore::templateChanged, this,
                &WorkbenchPage::onTemplateChanged);
        connect(m_store, &TemplateLibraryStore::collectionChanged, this, [this] {
            // The variables may have changed.
            m_editor->setVariables(currentVariables());
            refreshPreview();
        });
        connect(m_store, &TemplateLibraryStore::saveFailed, this, &WorkbenchPage::showBanner);
        connect(m_store, &TemplateLibraryStore::saved, this, [this] {
            if (m_store && m_store->loadError().isEmpty())
                m_banner->setVisible(false);
        });
        if (!m_store->loadError().isEmpty())
            showBanner(m_store->loadError());
    }
    if (m_connection) {
        connect(m_connection, &Connection::stateChanged, this, &WorkbenchPage::updateActions);
        connect(m_connection, &Connection::connected, this, &WorkbenchPage::onConnected);
    }
    m_editor->setMqtt5(m_version == ProtocolVersion::V5);
    retranslate();
    onCurrentChanged();
}

WorkbenchPage::~WorkbenchPage()
{
    // Jobs end with the page: the counters they reached are kept.
    if (!m_store)
        return;
    for (int row = 0; row < m_jobs->rowCount(); ++row) {
        const PublishJob *job = m_jobs->jobAt(row);
        if (job && PublishJobListModel::isActive(job))
            m_store->setCounter(job->message().source().id, job->nextCounter());
    }
}

QWidget *WorkbenchPage::buildTemplatePane()
{
    auto *pane = new QWidget(this);
    m_banner = new QLabel(pane);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTextRole(m_banner, Theme::Text::Error);
    m_banner->setVisible(false);
    m_placeholder = new QLabel(pane);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    Theme::setTextRole(m_placeholder, Theme::Text::Muted);

    m_editor = new TemplateEditor(pane);
    auto *scroll = new QScrollArea(pane);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_editorScroll = scroll;
    m_preview = new TemplatePreview(pane);
    auto *split = new QSplitter(Qt::Horizontal, pane);
    m_editArea = split;
    split->addWidget(scroll);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    m_status = new QLabel(pane);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_send = new QPushButton(pane);
    m_send->setObjectName(QStringLiteral("workbench.send"));
    m_repeat = new QPushButton(pane);
    m_repeat->setObjectName(QStringLiteral("workbench.repeat"));
    m_requestButton = new QPushButton(pane);
    m_requestButton->setObjectName(QStringLiteral("workbench.request"));
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_status, 1);
    sendRow->addWidget(m_repeat);
    sendRow->addWidget(m_requestButton);
    sendRow->addWidget(m_send);

    m_jobsView = new PublishJobsView(pane);
    m_jobsView->setModel(m_jobs);
    m_requests = new RequestPanel(pane);
    if (m_connection) {
        m_requestClient = new RequestClient(m_connection, this);
        m_requestClient->setProtocolVersion(m_version);
        m_requestClient->setClientId(m_clientId);
        m_requests->setClient(m_requestClient);
    }
    m_requests->setMqtt5(m_version == ProtocolVersion::V5);
    m_activity = new QTabWidget(pane);
    m_activity->setDocumentMode(true);
    m_activity->addTab(m_jobsView, QString());
    m_activity->addTab(m_requests, QString());
    // Room for the tab bar, a header and a few rows: the pane's own minimum (the request form,
    // its two views) would otherwise make the whole window taller than a small screen.
    m_activity->setMinimumHeight(8 * fontMetrics().height());
    auto *top = new QWidget(pane);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_banner);
    topLayout->addWidget(m_placeholder, 1);
    topLayout->addWidget(split, 1);
    topLayout->addLayout(sendRow);
    auto *vertical = new QSplitter(Qt::Vertical, pane);
    m_vertical = vertical;
    vertical->addWidget(top);
    vertical->addWidget(m_activity);
    vertical->setStretchFactor(0, 1);
    vertical->setChildrenCollapsible(false);
    vertical->setSizes({380, 130});
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(vertical);

    connect(m_send, &QPushButton::clicked, this, &WorkbenchPage::send);
    connect(m_repeat, &QPushButton::clicked, this, &WorkbenchPage::sendRepeatedly);
    connect(m_requestButton, &QPushButton::clicked, this, &WorkbenchPage::sendAsRequest);
    connect(m_activity, &QTabWidget::currentChanged, this, &WorkbenchPage::makeRoomForActivity);
    // Ctrl+Return sends from anywhere in the pane, although the window connects with it.
    new ShortcutClaim(
        pane, {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
        [this] { send(); });
    m_texts.add([this] {
        m_send->setText(tr("Send"));
        m_send->setToolTip(tr("Publish the template's next message once (Ctrl+Return, or "
                              "Return in the library)"));
        m_repeat->setText(tr("Send repeatedly…"));
        m_requestButton->setText(tr("Send as request"));
        m_requestButton->setToolTip(
            tr("Publish the template with a response topic and correlation data, wait for the "
               "reply and show it with the round-trip time (options in the Requests tab)"));
        m_activity->setTabText(0, tr("Timed sends"));
        m_activity->setTabText(1, tr("Requests"));
        m_activity->setAccessibleName(tr("Timed sends and requests"));
        m_status->setAccessibleName(tr("Send status"));
        m_banner->setAccessibleName(tr("Template library problem"));
        m_editArea->setAccessibleName(tr("Template and preview"));
        m_editorScroll->setAccessibleName(tr("Template editor"));
        m_repeat->setToolTip(tr("Publish the template again and again: every so often, a "
                                "number of times or until stopped"));
        updatePlaceholder();
    });
    return pane;
}

void WorkbenchPage::retranslate()
{
    m_texts.retranslate();
    updateActions();
}

void WorkbenchPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WorkbenchPage::setClientId(const QString &clientId)
{
    m_clientId = clientId;
    if (m_requestClient)
        m_requestClient->setClientId(clientId);
    refreshPreview();
}

void WorkbenchPage::setConnectionVariables(const QList<StringPair> &variables)
{
    if (m_connectionVariables == variables)
        return;
    m_connectionVariables = variables;
    if (m_editor->hasTemplate())
        m_editor->setVariables(currentVariables());
    refreshPreview();
}

void WorkbenchPage::onConnected(const ConnackInfo &info)
{
    m_maxPacket = info.maximumPacketSize;
    // The server named the client: {{client_id}} is that name.
    if (info.assignedClientIdentifier) {
        m_clientId = *info.assignedClientIdentifier;
        if (m_requestClient)
            m_requestClient->setClientId(m_clientId);
    }
    updateActions();
    refreshPreview();
}

QString WorkbenchPage::statusText() const
{
    return m_status->text();
}

void WorkbenchPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    Theme::setTextRole(m_status, error ? Theme::Text::Error : Theme::Text::Muted);
}

void WorkbenchPage::showBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

QHash<QString, QString> WorkbenchPage::currentVariables() const
{
    if (!m_store)
        return {};
    const auto index = m_store->indexOf(m_currentId);
    return index ? m_store->library().variables(index->collection, m_connectionVariables)
                 : QHash<QString, QString>();
}

void WorkbenchPage::onCurrentChanged()
{
    const QString id = m_library->currentTemplateId();
    if (id != m_currentId) {
        m_currentId = id;
        std::optional<PublishTemplate> item;
        if (!id.isEmpty() && m_store)
            item = m_store->templateById(id);
        m_editor->setVariables(currentVariables());
        m_editor->setTemplate(item);
    }
    updatePlaceholder();
    refreshPreview();
    updateActions();
}

void WorkbenchPage::updatePlaceholder()
{
    m_placeholder->setText(
        m_store && m_store->library().isEmpty()
            ? tr("No templates yet. Save the publish bar as a template, or make a collection "
                 "and a template with New.")
            : tr("Select a template to edit it, preview its next message and send it."));
    m_placeholder->setVisible(m_currentId.isEmpty());
    m_editArea->setVisible(!m_currentId.isEmpty());
}

void WorkbenchPage::onTemplateChanged(const QString &id)
{
    if (id != m_currentId || !m_store)
        return;
    const auto item = m_store->templateById(id);
    // An edit from this editor comes back as it is; another (a rename in the tree, the
    // counter after a send, another connection's page) is shown.
    if (item && *item != m_editor->currentTemplate())
        m_editor->setTemplate(item);
    refreshPreview();
}

void WorkbenchPage::onEditorEdited()
{
    if (!m_store)
        return;
    if (const auto index = m_store->indexOf(m_currentId))
        m_store->updateTemplate(*index, m_editor->currentTemplate());
    setStatus(QString());
    refreshPreview();
}

void WorkbenchPage::refreshPreview()
{
    if (m_currentId.isEmpty() || !m_editor->hasTemplate()) {
        m_preview->clear();
        return;
    }
    CompiledTemplate compiled = m_editor->compiled();
    compiled.setMaximumPacketSize(m_maxPacket);
    const TemplateContext context(m_editor->currentTemplate().counter,
                                  QDateTime::currentMSecsSinceEpoch(), m_clientId, nullptr);
    m_preview->showMessage(compiled, context);
}

void WorkbenchPage::updateActions()
{
    const bool sendable = !m_currentId.isEmpty() && m_connection;
    m_send->setEnabled(sendable && !m_sendMaker.isBusy());
    m_repeat->setEnabled(sendable);
    m_requestButton->setEnabled(sendable && m_requestClient);
}

bool WorkbenchPage::checkSendable()
{
    if (m_currentId.isEmpty()) {
        setStatus(tr("Select a template to send."), true);
        return false;
    }
    if (!m_editor->isSendable()) {
        const auto &errors = m_editor->compiled().errors();
        setStatus(errors.isEmpty() ? m_editor->userPropertiesError() : errors.first().message(),
                  true);
        m_editor->focusFirstError();
        return false;
    }
    // The connection's own state (its signals reach the page a moment later).
    if (!m_connection || m_connection->state() != SessionState::Connected) {
        setStatus(tr("Not connected: connect first to send this template."), true);
        return false;
    }
    return true;
}

CompiledTemplate WorkbenchPage::compiledCurrent() const
{
    CompiledTemplate compiled =
        CompiledTemplate::compile(m_editor->currentTemplate(), currentVariables());
    compiled.setProtocolVersion(m_version);
    compiled.setMaximumPacketSize(m_maxPacket);
    return compiled;
}

bool WorkbenchPage::send()
{
    if (!checkSendable())
        return false;
    const PublishTemplate item = m_editor->currentTemplate();
    CompiledTemplate compiled = compiledCurrent();
    if (compiled.hasScript()) {
        // The script runs on a worker; onScriptedSend() publishes what it made.
        if (m_sendMaker.isBusy())
            return false;
        m_sendingId = item.id;
        m_sendMaker.setMessage(std::move(compiled), m_clientId);
        m_sendMaker.make({MessageOrder{item.counter, QDateTime::currentMSecsSinceEpoch()}});
        setStatus(tr("Running the script of “%1”…").arg(item.name));
        updateActions();
        return true;
    }
    const TemplateContext context(item.counter, QDateTime::currentMSecsSinceEpoch(), m_clientId,
                                  nullptr);
    PublishDraftError error;
    const std::optional<PublishPacket> packet = compiled.message(context, &error);
    if (!packet) {
        setStatus(error.message(), true);
        m_editor->focusDraftError(error);
        return false;
    }
    emit publishRequested(*packet);
    m_store->setCounter(item.id, item.counter + 1);
    setStatus(tr("Sent “%1” to %2 ({{counter}} was %3).")
                  .arg(item.name, packet->topic, QLocale().toString(qulonglong(item.counter))));
    return true;
}

void WorkbenchPage::onScriptedSend(const QList<MadeMessage> &messages)
{
    updateActions();
    const QString id = std::exchange(m_sendingId, QString());
    const std::optional<PublishTemplate> item = m_store ? m_store->templateById(id) : std::nullopt;
    if (messages.isEmpty() || !item)
        return;
    const MadeMessage &made = messages.first();
    if (!made.packet) {
        setStatus(tr("“%1” was not sent: %2").arg(item->name, made.error), true);
        return;
    }
    // The connection may have gone while the script ran.
    if (!m_connection || m_connection->state() != SessionState::Connected) {
        setStatus(tr("Not connected: connect first to send this template."), true);
        return;
    }
    emit publishRequested(*made.packet);
    m_store->setCounter(id, qMax(item->counter, made.counter + 1));
    setStatus(
        tr("Sent “%1” to %2 ({{counter}} was %3).")
            .arg(item->name, made.packet->topic, QLocale().toString(qulonglong(made.counter))));
}

void WorkbenchPage::makeRoomForActivity()
{
    // The requests' form and views need more height than the timed sends' table: the tab
    // grows to show them (up to 3/5 of the page), and the user's own sizes stay otherwise.
    const int need = m_activity->currentWidget()->minimumSizeHint().height() +
                     m_activity->tabBar()->sizeHint().height();
    QList<int> sizes = m_vertical->sizes();
    if (sizes.size() != 2 || sizes.at(1) >= need)
        return;
    const int total = sizes.at(0) + sizes.at(1);
    sizes[1] = qMin(need, total * 3 / 5);
    sizes[0] = total - sizes.at(1);
    m_vertical->setSizes(sizes);
}

quint64 WorkbenchPage::sendAsRequest()
{
    if (!checkSendable() || !m_requestClient)
        return 0;
    const PublishTemplate item = m_editor->currentTemplate();
    const CompiledTemplate compiled = compiledCurrent();
    if (compiled.hasScript()) {
        // The request's expansion (one {{uuid}} for its topic, correlation and payload)
        // happens in RequestClient, on this thread: a script cannot take part in it.
        setStatus(tr("A template with a script cannot be sent as a request yet: use Send, or "
                     "remove the script."),
                  true);
        return 0;
    }
    QString error;
    const quint64 id = m_requestClient->send(compiled, m_requests->options(), item.counter,
                                             currentVariables(), &error);
    if (id == 0) {
        setStatus(error, true);
        return 0;
    }
    m_store->setCounter(item.id, item.counter + 1);
    m_activity->setCurrentWidget(m_requests);
    m_requests->showRequest(id);
    setStatus(tr("Sent “%1” as a request: waiting for the reply.").arg(item.name));
    return id;
}

void WorkbenchPage::sendRepeatedly()
{
    if (!checkSendable())
        return;
    auto *dialog = new TimedPublishDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    PublishJobOptions options = m_lastOptions;
    options.clientId = m_clientId;
    dialog->setOptions(options);
    const QString id = m_currentId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        m_lastOptions = dialog->options();
        if (id == m_currentId)
            startJob(m_lastOptions);
    });
    dialog->open();
}

PublishJob *WorkbenchPage::startJob(const PublishJobOptions &options)
{
    if (!checkSendable())
        return nullptr;
    const PublishTemplate item = m_editor->currentTemplate();
    CompiledTemplate compiled = compiledCurrent();
    // The first message is checked here, so a job that cannot make one is not started. A
    // script's messages are checked as they are made (the job shows their errors).
    PublishDraftError error;
    if (!compiled.hasScript() &&
        !compiled.message(
            TemplateContext(item.counter, QDateTime::currentMSecsSinceEpoch(), m_clientId, nullptr),
            &error)) {
        setStatus(error.message(), true);
        m_editor->focusDraftError(error);
        return nullptr;
    }
    PublishJobOptions jobOptions = options;
    jobOptions.clientId = m_clientId;
    auto *job = new PublishJob(m_connection, std::move(compiled), jobOptions);
    m_jobs->addJob(job);
    // The counter the job reached goes back into the template when it ends (once every
    // message it made is accounted for). Messages sent by hand meanwhile took values too:
    // the larger of the two is kept, so no value is used twice.
    const QString id = item.id;
    QPointer<TemplateLibraryStore> store = m_store;
    connect(job, &PublishJob::settled, this, [store, id, job] {
        if (!store)
            return;
        const std::optional<PublishTemplate> now = store->templateById(id);
        store->setCounter(id, qMax(now ? now->counter : 1, job->nextCounter()));
    });
    job->start();
    setStatus(
        tr("Sending “%1” repeatedly: %2").arg(item.name, TimedPublishDialog::summary(options)));
    return job;
}

} // namespace mqttdesk
