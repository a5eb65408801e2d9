#include "ui/workbench/template_library_pane.h"

#include "core/publish/template_library_model.h"
#include "ui/publish/publish_bar.h"
#include "ui/widgets/prompts.h"
#include "ui/workbench/collection_dialog.h"
#include "ui/workbench/publish_bar_template.h"
#include "ui/workbench/template_library_transfer.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QShortcut>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace mqttdesk {

TemplateLibraryPane::TemplateLibraryPane(TemplateLibraryStore *store, const QString &connectionName,
                                         QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_model = new TemplateLibraryModel(store, this);
    m_model->setConnection(connectionName);
    buildActions();
    build();
    setTabOrder(m_search, m_tree);
    setTabOrder(m_tree, m_newButton);
    setTabOrder(m_newButton, m_moreButton);

    connect(m_search, &QLineEdit::textChanged, m_model, &TemplateLibraryModel::setFilterText);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        emit currentChanged();
    });
    const auto relaidOut = [this] {
        expandCollections();
        updateActions();
        emit currentChanged();
    };
    connect(m_model, &QAbstractItemModel::layoutChanged, this, relaidOut);
    connect(m_model, &QAbstractItemModel::modelReset, this, relaidOut);
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (!m_model->isFiltering())
            m_collapsed.insert(index.data(TemplateLibraryModel::IdRole).toString());
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_collapsed.remove(index.data(TemplateLibraryModel::IdRole).toString());
    });
    m_texts.retranslate();
    expandCollections();
    updateActions();
}

void TemplateLibraryPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_texts.retranslate();
    QWidget::changeEvent(event);
}

QWidget *TemplateLibraryPane::lastField() const
{
    return m_moreButton;
}

QString TemplateLibraryPane::currentTemplateId() const
{
    const QModelIndex current = m_tree->currentIndex();
    return m_model->templateOf(current) ? current.data(TemplateLibraryModel::IdRole).toString()
                                        : QString();
}

void TemplateLibraryPane::updateActions()
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
}

void TemplateLibraryPane::build()
{
    auto *pane = this;
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
        if (!currentTemplateId().isEmpty())
            emit sendRequested();
    });
    auto *enterKey =
        new QShortcut(QKeySequence(Qt::Key_Enter), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(enterKey, &QShortcut::activated, sendKey, &QShortcut::activated);
    auto *deleteKey =
        new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &TemplateLibraryPane::deleteSelected);

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
}

void TemplateLibraryPane::buildActions()
{
    const auto action = [this](void (TemplateLibraryPane::*slot)()) {
        auto *a = new QAction(this);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newTemplate = action(&TemplateLibraryPane::newTemplate);
    m_newCollection = action(&TemplateLibraryPane::newCollection);
    m_saveBar = action(&TemplateLibraryPane::saveBarAsTemplate);
    m_duplicate = action(&TemplateLibraryPane::duplicateSelected);
    m_delete = new QAction(this);
    connect(m_delete, &QAction::triggered, this, &TemplateLibraryPane::deleteSelected);
    m_editCollection = action(&TemplateLibraryPane::editCollection);
    m_resetCounter = action(&TemplateLibraryPane::resetCounter);
    m_import = action(&TemplateLibraryPane::importCollections);
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

QStringList TemplateLibraryPane::connectionNames() const
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

void TemplateLibraryPane::openCollectionDialog(const TemplateCollection &collection, bool isNew)
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
                emit statusMessage(
                    tr("The collection “%1” is bound to another connection: it is not "
                       "shown here.")
                        .arg(result.name),
                    false);
            return;
        }
        const qsizetype index = m_store->collectionIndex(result.id);
        if (index >= 0)
            m_store->updateCollection(index, result);
    });
    dialog->open();
}

void TemplateLibraryPane::newCollection()
{
    TemplateCollection collection;
    collection.name = tr("New collection");
    openCollectionDialog(collection, true);
}

void TemplateLibraryPane::editCollection()
{
    const qsizetype c = currentCollection();
    if (m_store && c >= 0)
        openCollectionDialog(m_store->collections().at(c), false);
}

void TemplateLibraryPane::selectAndRename(const QString &id)
{
    const QModelIndex index = m_model->indexOfId(id);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_tree->setFocus(Qt::OtherFocusReason);
    m_tree->edit(index);
}

void TemplateLibraryPane::newTemplate()
{
    if (!m_store)
        return;
    PublishTemplate item;
    item.name = tr("New template");
    const TemplateIndex at = m_store->addTemplate(targetCollection(), item);
    selectAndRename(m_store->library().at(at).id);
}

qsizetype TemplateLibraryPane::targetCollection()
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

void TemplateLibraryPane::saveBarAsTemplate()
{
    if (!m_bar || !m_store)
        return;
    QString error;
    PublishTemplate item = PublishBarTemplate::fromBar(*m_bar, &error);
    item.name = item.topic.isEmpty() ? tr("New template") : item.topic;
    const TemplateIndex at = m_store->addTemplate(targetCollection(), item);
    selectAndRename(m_store->library().at(at).id);
    if (!error.isEmpty())
        emit statusMessage(tr("The publish bar's user properties are not saved: %1").arg(error),
                           true);
}

void TemplateLibraryPane::duplicateSelected()
{
    const auto index = m_model->templateOf(m_tree->currentIndex());
    if (!index || !m_store)
        return;
    const TemplateIndex copy = m_store->duplicate(*index);
    selectTemplate(m_store->library().at(copy).id);
}

bool TemplateLibraryPane::deleteSelected()
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

void TemplateLibraryPane::resetCounter()
{
    const QString id = currentTemplateId();
    if (!m_store || id.isEmpty())
        return;
    m_store->resetCounter(id);
    emit statusMessage(tr("{{counter}} starts again at 1."), false);
}

void TemplateLibraryPane::importCollections()
{
    if (!m_store)
        return;
    const QString result = TemplateLibraryTransfer::importFile(this, m_store);
    if (!result.isEmpty())
        emit statusMessage(result, false);
}

void TemplateLibraryPane::exportCollections(bool all)
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
        emit statusMessage(result, false);
}

void TemplateLibraryPane::expandCollections()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const bool closed =
            !m_model->isFiltering() &&
            m_collapsed.contains(index.data(TemplateLibraryModel::IdRole).toString());
        m_tree->setExpanded(index, !closed);
    }
}

qsizetype TemplateLibraryPane::currentCollection() const
{
    return m_model->collectionOf(m_tree->currentIndex());
}

bool TemplateLibraryPane::selectTemplate(const QString &id)
{
    const QModelIndex index = m_model->indexOfId(id);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void TemplateLibraryPane::setConnectionName(const QString &name)
{
    m_model->setConnection(name);
}

void TemplateLibraryPane::setPublishBar(PublishBar *bar)
{
    m_bar = bar;
    m_saveBar->setEnabled(m_bar != nullptr);
}

} // namespace mqttdesk
