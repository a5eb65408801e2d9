#pragma once

#include "core/publish/template_library_store.h"
#include "ui/i18n/retranslator.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QAction;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace mqttdesk {

class PublishBar;
class TemplateLibraryModel;
struct TemplateCollection;

// The library side of the publish workbench: the app's templates as a tree (only the
// collections offered on this connection), a search field, and what can be done to the
// library: new template or collection, the publish bar saved as a template, duplicate,
// delete (after a question), rename in place (F2), collection settings, reset the counter,
// import and export. Closed collections stay closed while the library changes.
//
// Keys: Delete deletes the selected item, F2 renames it, Return asks to send the selected
// template (sendRequested()).
class TemplateLibraryPane : public QWidget
{
    Q_OBJECT
public:
    TemplateLibraryPane(TemplateLibraryStore *store, const QString &connectionName,
                        QWidget *parent = nullptr);

    // The profile was renamed: the collections bound to the new name are offered.
    void setConnectionName(const QString &name);
    // The bar "Save publish bar as template" reads (nullptr: the action is disabled).
    void setPublishBar(PublishBar *bar);

    // The selected template's id (empty: a collection or nothing is selected).
    QString currentTemplateId() const;
    bool selectTemplate(const QString &id);
    // The collection the selection is in (a collection or one of its templates); -1: none.
    qsizetype currentCollection() const;

    void newCollection();
    void editCollection();
    void newTemplate();
    void saveBarAsTemplate();
    void duplicateSelected();
    // Asks first; false when declined or nothing is selected.
    bool deleteSelected();
    void resetCounter();
    void importCollections();
    // The selected collection (all of them when none is selected, or `all`).
    void exportCollections(bool all);

    TemplateLibraryModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *searchEdit() const { return m_search; }
    // The last of the pane's widgets in the tab order.
    QWidget *lastField() const;

    QAction *newCollectionAction() const { return m_newCollection; }
    QAction *newTemplateAction() const { return m_newTemplate; }
    QAction *saveBarAction() const { return m_saveBar; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *editCollectionAction() const { return m_editCollection; }
    QAction *resetCounterAction() const { return m_resetCounter; }
    QAction *importAction() const { return m_import; }
    QAction *exportAction() const { return m_export; }
    QAction *exportAllAction() const { return m_exportAll; }

signals:
    // The selection moved, or the library changed under it.
    void currentChanged();
    // Return on a template.
    void sendRequested();
    // What an action did or why it could not (for the page's status line).
    void statusMessage(const QString &text, bool error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void buildActions();
    void updateActions();
    void expandCollections();
    QStringList connectionNames() const;
    // Opens the collection dialog for `collection`; `apply` takes the result.
    void openCollectionDialog(const TemplateCollection &collection, bool isNew);
    // Where a new template goes: the selected collection, the first shown, or a new one.
    qsizetype targetCollection();
    // Selects the model row of `id` and starts renaming it in place.
    void selectAndRename(const QString &id);

    QPointer<TemplateLibraryStore> m_store;
    QPointer<PublishBar> m_bar;
    TemplateLibraryModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
    QToolButton *m_newButton = nullptr;
    QToolButton *m_moreButton = nullptr;

    QAction *m_newCollection = nullptr;
    QAction *m_newTemplate = nullptr;
    QAction *m_saveBar = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_editCollection = nullptr;
    QAction *m_resetCounter = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QAction *m_exportAll = nullptr;

    QSet<QString> m_collapsed; // collections the user closed
    Retranslator m_texts;
};

} // namespace mqttdesk
