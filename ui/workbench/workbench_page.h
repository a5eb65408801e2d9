#pragma once

#include "core/protocol/packets.h"
#include "core/protocol/protocol_version.h"
#include "core/publish/template_library_store.h"
#include "core/publishjob/publish_job.h"
#include "ui/i18n/retranslator.h"
#include "ui/publish/publish_bar.h"
#include "ui/workbench/template_library_pane.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace mqttdesk {

class Connection;
class PublishJobListModel;
class PublishJobsView;
class RequestClient;
class RequestPanel;
class TemplateEditor;
class TemplateLibraryModel;
class TemplatePreview;
struct ConnackInfo;
struct PublishTemplate;

// The publish workbench of one connection (its "Publish" tab): the app's template library
// (TemplateLibraryPane), the selected template's editor with its problems inline, a live
// preview of the message it sends next, Send (one message through the connection view, so
// it is stored and shown as the publish bar's are; {{counter}} then advances) and Send
// repeatedly… (a PublishJob, listed below with its progress; its counter is stored back when
// it ends). A template with an outgoing script is made on a worker (ScriptedMessageMaker):
// Send then publishes a moment later.
//
// Keys: those of the library, and Ctrl+Return anywhere sends the selected template.
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
        // The profile's own variables: they win over the collection's.
        QList<StringPair> variables;
    };

    explicit WorkbenchPage(const Context &context, QWidget *parent = nullptr);
    ~WorkbenchPage() override; // stores the counters of jobs still running

    // The profile was renamed / its client id changed.
    void setConnectionName(const QString &name) { m_library->setConnectionName(name); }
    void setClientId(const QString &clientId);
    // The profile's variables changed.
    void setConnectionVariables(const QList<StringPair> &variables);
    // The bar "Save publish bar as template" reads (nullptr: the action is disabled).
    void setPublishBar(PublishBar *bar) { m_library->setPublishBar(bar); }

    // The selected template's id (empty: none), and selecting one by id.
    QString currentTemplateId() const { return m_currentId; }
    bool selectTemplate(const QString &id) { return m_library->selectTemplate(id); }
    // The collection the selection is in (a collection or one of its templates); -1: none.
    qsizetype currentCollection() const { return m_library->currentCollection(); }

    // Publishes the selected template once; false (the reason shown, nothing published) when
    // it has errors, the connection is not up, or the expanded message is refused. A
    // scripted template: true when its script was started (publishRequested() follows, or
    // the script's error is shown); false while the previous one still runs.
    bool send();
    // Sends the selected template as a request (RequestClient, with the Requests tab's
    // options) and shows it in that tab with its reply when it comes; the request's id, 0
    // when refused (the reason shown).
    quint64 sendAsRequest();
    // Asks how (TimedPublishDialog) and starts a job for the selected template.
    void sendRepeatedly();
    // Starts a job for the selected template with `options`; nullptr when refused (as send()).
    PublishJob *startJob(const PublishJobOptions &options);

    // Asks first; false when declined or nothing is selected.
    bool deleteSelected() { return m_library->deleteSelected(); }

    TemplateLibraryStore *store() const { return m_store; }
    TemplateLibraryPane *library() const { return m_library; }
    TemplateLibraryModel *model() const { return m_library->model(); }
    QTreeView *tree() const { return m_library->tree(); }
    QLineEdit *searchEdit() const { return m_library->searchEdit(); }
    TemplateEditor *editor() const { return m_editor; }
    TemplatePreview *preview() const { return m_preview; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *repeatButton() const { return m_repeat; }
    QPushButton *requestButton() const { return m_requestButton; }
    RequestPanel *requestPanel() const { return m_requests; }
    RequestClient *requestClient() const { return m_requestClient; }
    // The timed sends and the requests, below the editor.
    QTabWidget *activityTabs() const { return m_activity; }
    PublishJobListModel *jobs() const { return m_jobs; }
    PublishJobsView *jobsView() const { return m_jobsView; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *bannerLabel() const { return m_banner; }
    QString statusText() const;

    QAction *newCollectionAction() const { return m_library->newCollectionAction(); }
    QAction *newTemplateAction() const { return m_library->newTemplateAction(); }
    QAction *saveBarAction() const { return m_library->saveBarAction(); }
    QAction *duplicateAction() const { return m_library->duplicateAction(); }
    QAction *deleteAction() const { return m_library->deleteAction(); }
    QAction *editCollectionAction() const { return m_library->editCollectionAction(); }
    QAction *resetCounterAction() const { return m_library->resetCounterAction(); }
    QAction *importAction() const { return m_library->importAction(); }
    QAction *exportAction() const { return m_library->exportAction(); }
    QAction *exportAllAction() const { return m_library->exportAllAction(); }

signals:
    // One expanded message to publish (ConnectionView::publish).
    void publishRequested(const mqttdesk::PublishPacket &packet);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildTemplatePane();
    void retranslate();
    void onCurrentChanged();
    void onTemplateChanged(const QString &id);
    void onEditorEdited();
    void onConnected(const ConnackInfo &info);
    void refreshPreview();
    void updatePlaceholder();
    void updateActions();
    void setStatus(const QString &text, bool error = false);
    void showBanner(const QString &text);
    // The variables the current template sees (its collection's).
    QHash<QString, QString> currentVariables() const;
    // Checks the current template can be sent now; false with the reason shown.
    bool checkSendable();
    // The current template compiled for this connection.
    CompiledTemplate compiledCurrent() const;
    // Gives the activity tabs the height the current one needs.
    void makeRoomForActivity();
    // A scripted template's message made for Send.
    void onScriptedSend(const QList<MadeMessage> &messages);

    QPointer<TemplateLibraryStore> m_store;
    QPointer<Connection> m_connection;
    ProtocolVersion m_version;
    QString m_clientId;
    QList<StringPair> m_connectionVariables;
    std::optional<quint32> m_maxPacket;
    PublishJobOptions m_lastOptions;

    TemplateLibraryPane *m_library = nullptr;
    QSplitter *m_splitter = nullptr;
    TemplateEditor *m_editor = nullptr;
    TemplatePreview *m_preview = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_repeat = nullptr;
    QPushButton *m_requestButton = nullptr;
    QTabWidget *m_activity = nullptr;
    QSplitter *m_vertical = nullptr; // the template above, the activity tabs below
    RequestPanel *m_requests = nullptr;
    RequestClient *m_requestClient = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_editArea = nullptr; // the editor and the preview
    QWidget *m_editorScroll = nullptr;
    PublishJobListModel *m_jobs = nullptr;
    PublishJobsView *m_jobsView = nullptr;

    // Makes a scripted template's message for Send (one at a time).
    ScriptedMessageMaker m_sendMaker;
    QString m_sendingId; // the template whose scripted message is being made

    QString m_currentId; // the template in the editor
    Retranslator m_texts;
};

} // namespace mqttdesk
