#pragma once

#include "core/payload/decoding_rules.h"
#include "core/protocol/packets.h"
#include "core/protocol/protocol_version.h"
#include "core/session/session_state.h"
#include "core/storage/storage_error.h"
#include "core/workspace/subscription_entry.h"

#include <QHash>
#include <QJsonArray>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <memory>

class QLabel;
class QSplitter;
class QTabWidget;

namespace mqttdesk {

class Connection;
class AppSettings;
class BrokerView;
class ChartsPage;
class ConnectionServices;
class MessageHistory;
class MessageStreamModel;
class MessageStreamView;
class MessageWriter;
class PacketInspectorView;
class PublishBar;
class SubscriptionListModel;
class SubscriptionPanel;
class SubscriptionPersistence;
class TemplateLibraryStore;
class TopicTreeView;
class WorkbenchPage;
struct ConnackInfo;
struct PublishOutcome;
struct StoredMessage;
struct SubscribeResult;

// Everything of one open connection: the subscriptions panel, the stream and the publish bar,
// wired to its Connection and to storage. The main window hosts one per open connection.
//
// The subscriptions are saved with the profile (SubscriptionStore) and restored when the
// view is created; the enabled ones are subscribed on connect. The publish history is kept
// per profile too (PublishHistoryStore): the publish bar completes topics from it and
// resends from it.
//
// Received messages reach storage and the subscription counts on the connection's thread
// (ConnectionServices); the stream shows what storage committed. Published messages are stored once
// their outcome is final, with the ack state shown on the bubble.
class ConnectionView : public QWidget
{
    Q_OBJECT
public:
    struct Context
    {
        // The profile's connection, storage and counters; not owned, must outlive the view.
        ConnectionServices *services = nullptr;
        ProtocolVersion version = ProtocolVersion::V5;
        bool queueWhileOffline = true; // the profile's offline mode
        // The app's template library (outlives the view); nullptr: no Publish tab.
        TemplateLibraryStore *templates = nullptr;
        QString connectionName; // the profile's name: template collections bound to it
        QString clientId;       // what {{client_id}} expands to
        // The profile's template variables: they win over a collection's.
        QList<StringPair> templateVariables;
    };

    explicit ConnectionView(const Context &context, QWidget *parent = nullptr);
    ~ConnectionView() override;

    // The first error reading the history (the view then shows nothing stored).
    StorageError openError() const { return m_openError; }
    // The saved subscriptions have arrived (they load on a worker).
    bool hasLoadedSubscriptions() const { return m_subscriptionsLoaded; }

    SubscriptionListModel *subscriptions() const { return m_subscriptions; }
    SubscriptionPanel *subscriptionPanel() const { return m_panel; }
    MessageStreamModel *streamModel() const { return m_streamModel; }
    MessageStreamView *streamView() const { return m_stream; }
    TopicTreeView *topicsView() const { return m_topics; }
    BrokerView *brokerView() const { return m_broker; }
    ChartsPage *chartsPage() const { return m_charts; }
    // The Publish tab (templates); nullptr without a template library in the context.
    WorkbenchPage *workbenchPage() const { return m_workbench; }
    // The Packets tab: every MQTT packet of the connection, traced while it is shown.
    PacketInspectorView *packetInspector() const { return m_packets; }
    QTabWidget *views() const { return m_views; }
    // Shows the stream (false) or the Topics view (true).
    void showTopics(bool topics);
    bool topicsShown() const;

    // Remembers compact mode and the Topics/stream choice per connection; may be nullptr.
    void setSettings(AppSettings *settings);
    PublishBar *publishBar() const { return m_publish; }
    MessageHistory *history() const { return m_history.get(); }

    // The subscriptions in their JSON form (export); restoring replaces them, saves them
    // with the profile and subscribes when connected.
    QJsonArray subscriptionsJson() const;
    void restoreSubscriptions(const QJsonArray &saved);
    // The same from entries (an import that replaces this connection's subscriptions).
    void restoreSubscriptions(const QList<SubscriptionEntry> &entries);

    // Publishes as the publish bar does (and records it in the publish history); the token.
    quint64 publish(const PublishPacket &packet);
    // Deletes the stored history of this connection (after the confirmation), on a worker;
    // historyCleared() tells the outcome.
    void clearHistory();
    // Opens the decoding rules dialog; on OK the rules are saved with the profile and the
    // stream is shown with them.
    void editDecodingRules();
    // Saves `rules` with the profile and shows the stream with them (decodingRulesSaved()).
    void applyDecodingRules(const mqttdesk::DecodingRules &rules);

signals:
    void subscriptionsChanged();
    void errorOccurred(const QString &message);
    void historyCleared(const mqttdesk::StorageError &error);
    // The saved subscriptions and the publish history arrived from storage.
    void subscriptionsLoaded();
    void publishHistoryLoaded();
    // The profile's decoding rules arrived from storage / were saved.
    void decodingRulesLoaded();
    void decodingRulesSaved();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onStateChanged(SessionState state);
    void onConnected(const ConnackInfo &info);
    void onPublishProgress(quint64 token, const PublishOutcome &outcome);
    void onPublishFinished(quint64 token, const PublishOutcome &outcome);
    void onSubscribeFinished(quint64 token, const SubscribeResult &result);
    void subscribeRow(int row);
    void unsubscribeRow(int row);
    void removeRow(int row);
    // Unsubscribes the row where the server or the session may hold it.
    void dropFromSession(int row);
    void resend(const StoredMessage &message);
    void recordInHistory(const PublishPacket &packet);
    void loadPublishHistory();
    void countSubscriptions();
    // After the model took restored rows: saved with the profile, subscribed when connected.
    void subscriptionsRestored();
    void onSubscriptionsLoaded();

    Context m_context;
    QPointer<Connection> m_connection;
    std::unique_ptr<MessageHistory> m_history;
    SubscriptionPersistence *m_persistence = nullptr;
    StorageError m_openError;
    SubscriptionListModel *m_subscriptions = nullptr;
    MessageStreamModel *m_streamModel = nullptr;
    SubscriptionPanel *m_panel = nullptr;
    MessageStreamView *m_stream = nullptr;
    TopicTreeView *m_topics = nullptr;
    BrokerView *m_broker = nullptr;
    ChartsPage *m_charts = nullptr;
    WorkbenchPage *m_workbench = nullptr;
    PacketInspectorView *m_packets = nullptr;
    QTabWidget *m_views = nullptr;
    AppSettings *m_settings = nullptr;
    PublishBar *m_publish = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_connected = false;
    bool m_subscriptionsLoaded = false;
    // A publish in progress: its QoS, and the writer ticket of its history row.
    struct InFlight
    {
        QoS qos = QoS::AtMostOnce;
        quint64 ticket = 0;
    };
    void storePublishState(const InFlight &flight, const PublishOutcome &outcome);
    QHash<quint64, InFlight> m_inFlight; // by token
    // Rows the session holds as granted: after a reconnect it restores them itself
    // (resumed session, or its own resubscribe), so the view does not subscribe twice.
    QSet<quint64> m_sessionUids;
};

} // namespace mqttdesk
