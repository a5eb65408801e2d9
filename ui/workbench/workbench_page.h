#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/protocol_version.h"
#include "core/publish/template_library_store.h"
#include "core/publishjob/publish_job.h"
#include "ui/i18n/retranslator.h"
#include "ui/publish/publish_bar.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QToolButton;
class QTreeView;

namespace mqttdesk {

class Connection;
class PublishJobListModel;
class PublishJobsView;
class TemplateEditor;
class TemplateLibraryModel;
class TemplatePreview;
struct ConnackInfo;
struct PublishTemplate;
struct TemplateCollection;

// The publish workbench of one connection (its "Publish" tab): the app's template library
// as a tree (searchable; only the collections offered on this connection) with its actions,
// the selected template's editor with its problems inline, a live preview of the message it
// sends next, Send (one message through the connection view, so it is stored and shown as the
// publish bar's are; {{counter}} then advances) and Send repeatedly… (a PublishJob, listed
// below with its progress; its counter is stored back when it ends).
//
// Keys: Delete deletes the selected item (after a confirmation), F2 renames it, Return in
// the tree and Ctrl+Return anywhere send the selected template.
class WorkbenchPage : public QWidget
{
    Q_OBJECT
public:
    struct Context
    {
        TemplateLibraryStore *store = nullptr; // the app's, outlives the page
        Connection *connection = nullptr;      // nullptr: nothing can be sent
        ProtocolVersion version = ProtocolVersion::V5;
        QString connectionName; // the profile's name: collections bound to it are offered
        QString clientId;       // {{client_id}}
    };

    explicit WorkbenchPage(const Context &context, QWidget *parent = nullptr);
    ~WorkbenchPage() override; // stores the counters of jobs still running

    // The profile was renamed / its client id changed.
    void setConnectionName(const QString &name);
    void setClientId(const QString &clientId);
    // The bar "Save publish bar as template" reads (nullptr: the action is disabled).
    void setPublishBar(PublishBar *bar);

    // The selected template's id (empty: none), and selecting one by id.
    QString currentTemplateId() const { return m_currentId; }
    bool selectTemplate(const QString &id);
    // The collection the selection is in (a collection or one of its templates); -1: none.
    qsizetype currentCollection() const;

    // Publishes the selected template once; false (the reason shown, nothing published) when
    // it has errors, the connection is not up, or the expanded message is refused.
    bool send();
    // Asks how (TimedPublishDialog) and starts a job for the selected template.
    void sendRepeatedly();
    // Starts a job for the selected template with `options`; nullptr when refused (as send()).
    PublishJob *startJob(const PublishJobOptions &options);

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

    TemplateLibraryStore *store() const { return m_store; }
    TemplateLibraryModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *searchEdit() const { return m_search; }
    TemplateEditor *editor() const { return m_editor; }
    TemplatePreview *preview() const { return m_preview; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *repeatButton() const { return m_repeat; }
    PublishJobListModel *jobs() const { return m_jobs; }
    PublishJobsView *jobsView() const { return m_jobsView; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *bannerLabel() const { return m_banner; }
    QString statusText() const;

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
    // One expanded message to publish (ConnectionView::publish).
    void publishRequested(const mqttdesk::PublishPacket &packet);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildLibraryPane();
    QWidget *buildTemplatePane();
    void buildActions();
    void retranslate();
    void onCurrentChanged();
    void onTemplateChanged(const QString &id);
    void onEditorEdited();
    void onConnected(const ConnackInfo &info);
    void refreshPreview();
    void updatePlaceholder();
    void updateActions();
    void expandCollections();
    void setStatus(const QString &text, bool error = false);
    void showBanner(const QString &text);
    // The variables the current template sees (its collection's).
    QHash<QString, QString> currentVariables() const;
    // Checks the current template can be sent now; false with the reason shown.
    bool checkSendable();
    QStringList connectionNames() const;
    // Opens the collection dialog for `collection`; `apply` takes the result.
    void openCollectionDialog(const TemplateCollection &collection, bool isNew);
    // Where a new template goes: the selected collection, the first shown, or a new one.
    qsizetype targetCollection();
    // Selects the model row of `id` and starts renaming it in place.
    void selectAndRename(const QString &id);

    QPointer<TemplateLibraryStore> m_store;
    QPointer<Connection> m_connection;
    ProtocolVersion m_version;
    QString m_clientId;
    std::optional<quint32> m_maxPacket;
    QPointer<PublishBar> m_bar;
    PublishJobOptions m_lastOptions;

    TemplateLibraryModel *m_model = nullptr;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
    QToolButton *m_newButton = nullptr;
    QToolButton *m_moreButton = nullptr;
    TemplateEditor *m_editor = nullptr;
    TemplatePreview *m_preview = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_repeat = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_editArea = nullptr; // the editor and the preview
    QWidget *m_editorScroll = nullptr;
    PublishJobListModel *m_jobs = nullptr;
    PublishJobsView *m_jobsView = nullptr;

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

    QString m_currentId;       // the template in the editor
    QSet<QString> m_collapsed; // collections the user closed
    Retranslator m_texts;
};

} // namespace mqttdesk
