#include "ui/workbench/workbench_page.h"

#include "core/connection/connection.h"
#include "core/publish/compiled_template.h"
#include "core/publish/template_library_model.h"
#include "core/publish/template_library_store.h"
#include "core/publishjob/publish_job_list_model.h"
#include "core/session/connack_info.h"
#include "ui/publish/publish_bar.h"
#include "ui/theme/theme.h"
#include "ui/widgets/prompts.h"
#include "ui/workbench/collection_dialog.h"
#include "ui/workbench/publish_bar_template.h"
#include "ui/workbench/publish_jobs_view.h"
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
#include <QShortcut>
#include <QSplitter>
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
{
    setObjectName(QStringLiteral("workbenchPage"));
    m_model = new TemplateLibraryModel(context.store, this);
    m_model->setConnection(context.connectionName);
    m_jobs = new PublishJobListModel(this);
    buildActions();

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(buildLibraryPane());
    m_splitter->addWidget(buildTemplatePane());
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({230, 750});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);

    setTabOrder(m_search, m_tree);
    setTabOrder(m_tree, m_newButton);
    setTabOrder(m_newButton, m_moreButton);
    setTabOrder(m_moreButton, m_editor->firstField());
    setTabOrder(m_editor->lastField(), m_send);
    setTabOrder(m_send, m_repeat);
    setTabOrder(m_repeat, m_jobsView);

    connect(m_search, &QLineEdit::textChanged, m_model, &TemplateLibraryModel::setFilterText);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &WorkbenchPage::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, [this] {
        expandCollections();
        onCurrentChanged();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        expandCollections();
        onCurrentChanged();
    });
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (!m_model->isFiltering())
            m_collapsed.insert(index.data(TemplateLibraryModel::IdRole).toString());
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_collapsed.remove(index.data(TemplateLibraryModel::IdRole).toString());
    });
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
    expandCollections();
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

QWidget *WorkbenchPage::buildLibraryPane()
{
    auto *pane = new QWidget(this);
    m_search = new QLineEdit(pane);
    m_search->setClearButtonEnabled(true);
    m_tree = new QTreeView(pane);
    m_tree->setObjectName(QStringLiteral("workbench.tree"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction *a : {m_newTemplate, m_newCollection, m_saveBar, m_duplicate, m_delete})
        m_tree->addAction(a);
    auto *separator = new QAction(m_tree);
    separator->setSeparator(true);
    m_tree->addAction(separator);
    for (QAction *a : {m_editCollection, m_resetCounter, m_import, m_export, m_exportAll})
        m_tree->addAction(a);

    // Return sends the selected template; Delete asks, then deletes (F2 renames: the view's
    // own edit key).
    auto *sendKey =
        new QShortcut(QKeySequence(Qt::Key_Return), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(sendKey, &QShortcut::activated, this, [this] {
        if (!m_currentId.isEmpty())
            send();
    });
    auto *enterKey =
        new QShortcut(QKeySequence(Qt::Key_Enter), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(enterKey, &QShortcut::activated, sendKey, &QShortcut::activated);
    auto *deleteKey =
        new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &WorkbenchPage::deleteSelected);

    m_newButton = new QToolButton(pane);
    m_newButton->setPopupMode(QToolButton::InstantPopup);
    auto *newMenu = new QMenu(m_newButton);
    newMenu->addActions({m_newTemplate, m_newCollection, m_saveBar});
    m_newButton->setMenu(newMenu);
    auto *duplicate = new QToolButton(pane);
    duplicate->setDefaultAction(m_duplicate);
    auto *remove = new QToolButton(pane);
    remove->setDefaultAction(m_delete);
    m_moreButton = new QToolButton(pane);
    m_moreButton->setPopupMode(QToolButton::InstantPopup);
    m_moreButton->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; }"));
    auto *more = new QMenu(m_moreButton);
    more->addActions({m_editCollection, m_resetCounter});
    more->addSeparator();
    more->addActions({m_import, m_export, m_exportAll});
    m_moreButton->setMenu(more);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(m_newButton);
    buttons->addWidget(duplicate);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(m_moreButton);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    m_texts.add([=, this] {
        m_search->setPlaceholderText(tr("Search templates"));
        m_search->setAccessibleName(tr("Search templates"));
        m_search->setToolTip(tr("Shows the templates whose name, topic or payload (or whose "
                                "collection's name) holds every word"));
        m_tree->setAccessibleName(tr("Template library"));
        m_newButton->setText(tr("New"));
        m_newButton->setToolTip(tr("New template, new collection, or the publish bar saved as "
                                   "a template"));
        m_newButton->setAccessibleName(tr("New template or collection"));
        m_moreButton->setText(tr("More"));
        m_moreButton->setToolTip(tr("Collection settings, counter, import and export"));
        m_moreButton->setAccessibleName(tr("More library actions"));
    });
    return pane;
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
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_status, 1);
    sendRow->addWidget(m_repeat);
    sendRow->addWidget(m_send);

    m_jobsView = new PublishJobsView(pane);
    m_jobsView->setModel(m_jobs);
    auto *top = new QWidget(pane);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_banner);
    topLayout->addWidget(m_placeholder, 1);
    topLayout->addWidget(split, 1);
    topLayout->addLayout(sendRow);
    auto *vertical = new QSplitter(Qt::Vertical, pane);
    vertical->addWidget(top);
    vertical->addWidget(m_jobsView);
    vertical->setStretchFactor(0, 1);
    vertical->setChildrenCollapsible(false);
    vertical->setSizes({380, 130});
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(vertical);

    connect(m_send, &QPushButton::clicked, this, &WorkbenchPage::send);
    connect(m_repeat, &QPushButton::clicked, this, &WorkbenchPage::sendRepeatedly);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, pane);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &WorkbenchPage::send);
    }
    m_texts.add([this] {
        m_send->setText(tr("Send"));
        m_send->setToolTip(tr("Publish the template's next message once (Ctrl+Return, or "
                              "Return in the library)"));
        m_repeat->setText(tr("Send repeatedly…"));
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

void WorkbenchPage::buildActions()
{
    const auto action = [this](void (WorkbenchPage::*slot)()) {
        auto *a = new QAction(this);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newTemplate = action(&WorkbenchPage::newTemplate);
    m_newCollection = action(&WorkbenchPage::newCollection);
    m_saveBar = action(&WorkbenchPage::saveBarAsTemplate);
    m_duplicate = action(&WorkbenchPage::duplicateSelected);
    m_delete = new QAction(this);
    connect(m_delete, &QAction::triggered, this, &WorkbenchPage::deleteSelected);
    m_editCollection = action(&WorkbenchPage::editCollection);
    m_resetCounter = action(&WorkbenchPage::resetCounter);
    m_import = action(&WorkbenchPage::importCollections);
    m_export = new QAction(this);
    connect(m_export, &QAction::triggered, this, [this] { exportCollections(false); });
    m_exportAll = new QAction(this);
    connect(m_exportAll, &QAction::triggered, this, [this] { exportCollections(true); });
    m_texts.add([this] {
        m_newTemplate->setText(tr("New template"));
        m_newTemplate->setToolTip(tr("New template in the selected collection"));
        m_newCollection->setText(tr("New collection…"));
        m_newCollection->setToolTip(tr("New collection of templates, with its variables"));
        m_saveBar->setText(tr("Save publish bar as template"));
        m_saveBar->setToolTip(tr("Saves what the publish bar holds (topic, QoS, retain, "
                                 "format, payload, properties) as a new template"));
        m_duplicate->setText(tr("Duplicate"));
        m_duplicate->setToolTip(tr("Copy of the selected template, right after it"));
        m_delete->setText(tr("Delete"));
        m_delete->setToolTip(tr("Delete the selected template or collection (Delete)"));
        m_editCollection->setText(tr("Collection settings…"));
        m_editCollection->setToolTip(tr("Name, connection and variables of the collection"));
        m_resetCounter->setText(tr("Reset counter"));
        m_resetCounter->setToolTip(tr("Puts {{counter}} of the selected template back to 1"));
        m_import->setText(tr("Import…"));
        m_import->setToolTip(tr("Adds the collections of a JSON file; one already here (the "
                                "same id) is replaced"));
        m_export->setText(tr("Export collection…"));
        m_export->setToolTip(tr("Writes the selected collection to a JSON file to share"));
        m_exportAll->setText(tr("Export all…"));
        m_exportAll->setToolTip(tr("Writes every collection to a JSON file to share"));
    });
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

void WorkbenchPage::setConnectionName(const QString &name)
{
    m_model->setConnection(name);
}

void WorkbenchPage::setClientId(const QString &clientId)
{
    m_clientId = clientId;
    refreshPreview();
}

void WorkbenchPage::setPublishBar(PublishBar *bar)
{
    m_bar = bar;
    updateActions();
}

void WorkbenchPage::onConnected(const ConnackInfo &info)
{
    m_maxPacket = info.maximumPacketSize;
    // The server named the client: {{client_id}} is that name.
    if (info.assignedClientIdentifier)
        m_clientId = *info.assignedClientIdentifier;
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

qsizetype WorkbenchPage::currentCollection() const
{
    return m_model->collectionOf(m_tree->currentIndex());
}

bool WorkbenchPage::selectTemplate(const QString &id)
{
    const QModelIndex index = m_model->indexOfId(id);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

QHash<QString, QString> WorkbenchPage::currentVariables() const
{
    if (!m_store)
        return {};
    const auto index = m_store->indexOf(m_currentId);
    return index ? m_store->library().variables(index->collection, {}) : QHash<QString, QString>();
}

void WorkbenchPage::onCurrentChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    const auto index = m_model->templateOf(current);
    const QString id = index ? current.data(TemplateLibraryModel::IdRole).toString() : QString();
    if (id != m_currentId) {
        m_currentId = id;
        std::optional<PublishTemplate> item;
        if (index)
            item = m_store->library().at(*index);
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
    const QModelIndex current = m_tree->currentIndex();
    const bool onTemplate = m_model->templateOf(current).has_value();
    const bool inCollection = m_model->collectionOf(current) >= 0;
    m_duplicate->setEnabled(onTemplate);
    m_delete->setEnabled(current.isValid());
    m_resetCounter->setEnabled(onTemplate);
    m_editCollection->setEnabled(inCollection);
    m_export->setEnabled(inCollection);
    m_exportAll->setEnabled(m_store && !m_store->library().isEmpty());
    m_saveBar->setEnabled(m_bar != nullptr);
    const bool sendable = onTemplate && m_connection;
    m_send->setEnabled(sendable);
    m_repeat->setEnabled(sendable);
}

void WorkbenchPage::expandCollections()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const bool closed =
            !m_model->isFiltering() &&
            m_collapsed.contains(index.data(TemplateLibraryModel::IdRole).toString());
        m_tree->setExpanded(index, !closed);
    }
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

bool WorkbenchPage::send()
{
    if (!checkSendable())
        return false;
    const PublishTemplate item = m_editor->currentTemplate();
    CompiledTemplate compiled = CompiledTemplate::compile(item, currentVariables());
    compiled.setProtocolVersion(m_version);
    compiled.setMaximumPacketSize(m_maxPacket);
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
    CompiledTemplate compiled = CompiledTemplate::compile(item, currentVariables());
    compiled.setProtocolVersion(m_version);
    compiled.setMaximumPacketSize(m_maxPacket);
    // The first message is checked here, so a job that cannot make one is not started.
    PublishDraftError error;
    if (!compiled.message(
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
    // The counter the job reached goes back into the template when it ends.
    const QString id = item.id;
    QPointer<TemplateLibraryStore> store = m_store;
    connect(job, &PublishJob::stateChanged, this, [store, id, job](PublishJob::State state) {
        if (store && (state == PublishJob::State::Finished || state == PublishJob::State::Stopped))
            store->setCounter(id, job->nextCounter());
    });
    job->start();
    setStatus(
        tr("Sending “%1” repeatedly: %2").arg(item.name, TimedPublishDialog::summary(options)));
    return job;
}

QStringList WorkbenchPage::connectionNames() const
{
    QStringList names;
    if (!m_model->connection().isEmpty())
        names << m_model->connection();
    if (m_store) {
        for (const TemplateCollection &c : m_store->collections()) {
            if (!c.connection.isEmpty() && !names.contains(c.connection))
                names << c.connection;
        }
    }
    return names;
}

void WorkbenchPage::openCollectionDialog(const TemplateCollection &collection, bool isNew)
{
    auto *dialog = new CollectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConnectionNames(connectionNames());
    dialog->setCollection(collection);
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew] {
        if (!m_store)
            return;
        const TemplateCollection result = dialog->collection();
        if (isNew) {
            const qsizetype index = m_store->addCollection(result);
            const QModelIndex row = m_model->indexOfCollection(index);
            if (row.isValid())
                m_tree->setCurrentIndex(row);
            else
                setStatus(tr("The collection “%1” is bound to another connection: it is not "
                             "shown here.")
                              .arg(result.name));
            return;
        }
        const qsizetype index = m_store->collectionIndex(result.id);
        if (index >= 0)
            m_store->updateCollection(index, result);
    });
    dialog->open();
}

void WorkbenchPage::newCollection()
{
    TemplateCollection collection;
    collection.name = tr("New collection");
    openCollectionDialog(collection, true);
}

void WorkbenchPage::editCollection()
{
    const qsizetype c = currentCollection();
    if (m_store && c >= 0)
        openCollectionDialog(m_store->collections().at(c), false);
}

void WorkbenchPage::selectAndRename(const QString &id)
{
    const QModelIndex index = m_model->indexOfId(id);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_tree->setFocus(Qt::OtherFocusReason);
    m_tree->edit(index);
}

void WorkbenchPage::newTemplate()
{
    if (!m_store)
        return;
    PublishTemplate item;
    item.name = tr("New template");
    const TemplateIndex at = m_store->addTemplate(targetCollection(), item);
    selectAndRename(m_store->library().at(at).id);
}

qsizetype WorkbenchPage::targetCollection()
{
    // The selected collection, else the first one shown, else a new one.
    qsizetype c = currentCollection();
    if (c < 0)
        c = m_model->rowCount() > 0 ? m_model->collectionOf(m_model->index(0, 0)) : -1;
    if (c < 0) {
        TemplateCollection collection;
        collection.name = tr("My templates");
        c = m_store->addCollection(collection);
    }
    return c;
}

void WorkbenchPage::saveBarAsTemplate()
{
    if (!m_bar || !m_store)
        return;
    QString error;
    PublishTemplate item = PublishBarTemplate::fromBar(*m_bar, &error);
    item.name = item.topic.isEmpty() ? tr("New template") : item.topic;
    const TemplateIndex at = m_store->addTemplate(targetCollection(), item);
    selectAndRename(m_store->library().at(at).id);
    if (!error.isEmpty())
        setStatus(tr("The publish bar's user properties are not saved: %1").arg(error), true);
}

void WorkbenchPage::duplicateSelected()
{
    const auto index = m_model->templateOf(m_tree->currentIndex());
    if (!index || !m_store)
        return;
    const TemplateIndex copy = m_store->duplicate(*index);
    selectTemplate(m_store->library().at(copy).id);
}

bool WorkbenchPage::deleteSelected()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || !m_store)
        return false;
    if (const auto index = m_model->templateOf(current)) {
        const QString name = m_store->library().at(*index).name;
        if (!Prompts::confirmDestructive(this, tr("Delete template"),
                                         tr("Delete the template “%1”?").arg(name), tr("Delete")))
            return false;
        // Looked up again: the library may have changed while the question was open.
        if (const auto now =
                m_store->indexOf(current.data(TemplateLibraryModel::IdRole).toString()))
            m_store->remove(*now);
        return true;
    }
    const qsizetype c = m_model->collectionOf(current);
    if (c < 0)
        return false;
    const TemplateCollection &collection = m_store->collections().at(c);
    const QString id = collection.id;
    const QString text = collection.templates.isEmpty()
                             ? tr("Delete the collection “%1”?").arg(collection.name)
                             : tr("Delete the collection “%1” and its %n template(s)?", nullptr,
                                  int(collection.templates.size()))
                                   .arg(collection.name);
    if (!Prompts::confirmDestructive(this, tr("Delete collection"), text, tr("Delete")))
        return false;
    if (const qsizetype now = m_store->collectionIndex(id); now >= 0)
        m_store->removeCollection(now);
    return true;
}

void WorkbenchPage::resetCounter()
{
    if (!m_store || m_currentId.isEmpty())
        return;
    m_store->resetCounter(m_currentId);
    setStatus(tr("{{counter}} starts again at 1."));
}

void WorkbenchPage::importCollections()
{
    if (!m_store)
        return;
    const QString result = TemplateLibraryTransfer::importFile(this, m_store);
    if (!result.isEmpty())
        setStatus(result);
}

void WorkbenchPage::exportCollections(bool all)
{
    if (!m_store)
        return;
    const qsizetype c = currentCollection();
    QList<TemplateCollection> collections;
    QString suggestion = QStringLiteral("templates.json");
    if (!all && c >= 0) {
        collections << m_store->collections().at(c);
        QString name = collections.first().name;
        name.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
        suggestion = name + QStringLiteral(".json");
    } else {
        collections = m_store->collections();
    }
    const QString result = TemplateLibraryTransfer::exportFile(this, collections, suggestion);
    if (!result.isEmpty())
        setStatus(result);
}

} // namespace mqttdesk
