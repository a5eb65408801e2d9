#include "ui/stream/connection_view.h"

#include "core/connection/connection.h"
#include "core/protocol/codec.h"
#include "core/settings/app_settings.h"
#include "core/storage/message_history.h"
#include "core/storage/message_writer.h"
#include "core/topictree/topic_tree_model.h"
#include "core/workspace/connection_services.h"
#include "core/workspace/outgoing_message.h"
#include "core/workspace/profile_records.h"
#include "ui/brokerstats/broker_view.h"
#include "ui/charts/charts_page.h"
#include "ui/packettrace/packet_inspector_view.h"
#include "ui/publish/publish_bar.h"
#include "ui/stream/decoding_rules_dialog.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/message_stream_view.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/subscriptions/subscription_persistence.h"
#include "ui/topictree/topic_tree_view.h"
#include "ui/workbench/workbench_page.h"

#include <QDateTime>
#include <QEvent>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

// The publish bar offers this many recent messages for completion and resend.
constexpr int kPublishHistoryShown = 50;

PublishAck ackFrom(const PublishOutcome &outcome, QoS qos)
{
    return PublishAck::of(OutgoingMessage::publishState(outcome, qos)).value_or(PublishAck{});
}

} // namespace

ConnectionView::ConnectionView(const Context &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_connection(context.services->connection())
{
    ConnectionServices *services = context.services;
    m_history = std::make_unique<MessageHistory>(services->databasePath(), services->writer());
    // The history is read on workers; a database that cannot be opened says so here.
    connect(m_history.get(), &MessageHistory::errorOccurred, this, [this](const StorageError &e) {
        if (!m_openError.isError())
            m_openError = e;
    });
    // At most ~60 stream updates a second, however fast messages arrive.
    m_history->setCoalesceInterval(16);
    MessageFilter filter;
    filter.profileId = services->profileId();
    m_history->setFilter(filter);

    m_subscriptions = new SubscriptionListModel(this);
    // Page fetches, search and large previews run on a worker with its own connection,
    // so the GUI thread never waits on SQL.
    m_streamModel = new MessageStreamModel(m_history.get(), services->databasePath(), this);
    m_streamModel->setLookResolver(
        [this](const QString &topic) { return m_subscriptions->lookFor(topic); });

    m_panel = new SubscriptionPanel(m_subscriptions, this);
    m_panel->setMqtt5(context.version == ProtocolVersion::V5);
    m_stream = new MessageStreamView(m_streamModel, services->profileId(), this);
    m_publish = new PublishBar(this);
    m_publish->setMqtt5(context.version == ProtocolVersion::V5);
    m_publish->setQueueWhileOffline(context.queueWhileOffline);

    // The stream and the Topics map of the same connection share the space above the
    // publish bar; the choice is remembered per connection (setSettings).
    m_topics =
        new TopicTreeView(services->topicTree(), services->reader(), services->profileId(), this);
    m_topics->setConnection(m_connection);
    m_topics->setSnapshotContext(services->records(), {});
    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    m_views->addTab(m_stream, QString());
    m_views->addTab(m_topics, QString());
    // The broker's $SYS figures; subscribed only while this tab is shown.
    m_broker = new BrokerView(m_connection, this);
    m_views->addTab(m_broker, QString());
    // Values of topics over time; its loader thread starts when the tab is first shown.
    m_charts = new ChartsPage([services] { return services->seriesLoader(); },
                              services->profileId(), services->records(), m_history.get(), this);
    connect(m_charts, &ChartsPage::errorOccurred, this, &ConnectionView::errorOccurred);
    m_views->addTab(m_charts, QString());
    // "Chart this" in the stream, the Topics map or an inspector they opened: added to the
    // current chart, which is then shown.
    connect(m_stream, &MessageStreamView::chartRequested, m_charts, &ChartsPage::chartThis);
    connect(m_topics, &TopicTreeView::chartRequested, m_charts, &ChartsPage::chartThis);
    connect(m_charts, &ChartsPage::showRequested, this,
            [this] { m_views->setCurrentWidget(m_charts); });
    // The publish workbench: the app's template library, sent through publish() as the
    // publish bar's messages are.
    if (context.templates) {
        WorkbenchPage::Context workbench;
        workbench.store = context.templates;
        workbench.connection = m_connection;
        workbench.version = context.version;
        workbench.connectionName = context.connectionName;
        workbench.clientId = context.clientId;
        workbench.variables = context.templateVariables;
        m_workbench = new WorkbenchPage(workbench, this);
        m_workbench->setPublishBar(m_publish);
        connect(m_workbench, &WorkbenchPage::publishRequested, this,
                [this](const PublishPacket &packet) {
                    m_publish->addToHistory(packet);
                    publish(packet);
                });
        m_views->addTab(m_workbench, QString());
    }
    // Every packet sent and received; the connection traces them only while it is shown.
    m_packets = new PacketInspectorView(m_connection, this);
    m_views->addTab(m_packets, QString());
    retranslate();
    connect(m_topics, &TopicTreeView::showInStreamRequested, this, [this](const QString &filter) {
        m_stream->setTopicFilter(filter);
        showTopics(false);
    });
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        if (m_settings)
            m_settings->setTopicsView(m_context.services->profileId(), topicsShown());
    });

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_views);
    right->addWidget(m_publish);
    right->setStretchFactor(0, 1);
    right->setChildrenCollapsible(false);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_panel);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    // A narrow panel leaves the stream's filter and search boxes their full width.
    m_splitter->setSizes({300, 980});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);
    setTabOrder(m_panel, m_views);
    setTabOrder(m_views, m_publish);

    // Subscriptions and publish history live with the profile; they are read and written
    // on the services' worker, and arrive here when ready.
    if (ProfileRecords *records = services->records()) {
        m_persistence = new SubscriptionPersistence(m_subscriptions, records, this);
        connect(m_persistence, &SubscriptionPersistence::errorOccurred, this,
                &ConnectionView::errorOccurred);
        connect(m_persistence, &SubscriptionPersistence::loaded, this,
                &ConnectionView::onSubscriptionsLoaded);
        m_persistence->load();
        loadPublishHistory();
        QPointer<ConnectionView> self(this);
        records->loadDecodingRules([self](const DecodingRules &rules, const StorageError &error) {
            if (!self)
                return;
            if (error.isError())
                emit self->errorOccurred(
                    tr("The decoding rules cannot be read: %1").arg(error.message));
            self->m_streamModel->setDecodingRules(rules);
            self->m_charts->setDecodingRules(rules);
            self->m_topics->setDecodingRules(rules);
            emit self->decodingRulesLoaded();
        });
    }

    connect(m_subscriptions, &SubscriptionListModel::looksChanged, m_streamModel,
            &MessageStreamModel::refreshLooks);
    // The Topics view's last values are decoded as the stream shows the same topics.
    services->topicTree()->setFormatResolver(
        [this](const QString &topic) { return m_subscriptions->lookFor(topic).format; });
    connect(m_subscriptions, &SubscriptionListModel::looksChanged, services->topicTree(),
            &TopicTreeModel::refreshValues);
    connect(m_subscriptions, &SubscriptionListModel::changed, this,
            &ConnectionView::subscriptionsChanged);
    // Counting runs on the connection's thread; the table gets the counts.
    connect(m_subscriptions, &QAbstractItemModel::modelReset, this,
            &ConnectionView::countSubscriptions);
    connect(m_subscriptions, &SubscriptionListModel::changed, this,
            &ConnectionView::countSubscriptions);
    connect(services, &ConnectionServices::subscriptionCountsChanged, m_subscriptions,
            &SubscriptionListModel::setCounts);
    countSubscriptions();
    connect(m_subscriptions, &SubscriptionListModel::enabledChanged, this,
            [this](int row, bool enabled) {
                if (enabled)
                    subscribeRow(row);
                else
                    unsubscribeRow(row);
            });
    connect(m_panel, &SubscriptionPanel::subscriptionAdded, this, &ConnectionView::subscribeRow);
    connect(m_panel, &SubscriptionPanel::removeRequested, this, &ConnectionView::removeRow);
    connect(m_publish, &PublishBar::publishRequested, this, &ConnectionView::publish);
    connect(m_stream, &MessageStreamView::resendRequested, this, &ConnectionView::resend);
    connect(m_stream, &MessageStreamView::clearRequested, this, &ConnectionView::clearHistory);
    connect(m_stream, &MessageStreamView::decodingRulesRequested, this,
            &ConnectionView::editDecodingRules);

    if (m_connection) {
        connect(m_connection, &Connection::stateChanged, this, &ConnectionView::onStateChanged);
        connect(m_connection, &Connection::connected, this, &ConnectionView::onConnected);
        connect(m_connection, &Connection::publishProgress, this,
                &ConnectionView::onPublishProgress);
        connect(m_connection, &Connection::publishFinished, this,
                &ConnectionView::onPublishFinished);
        connect(m_connection, &Connection::subscribeFinished, this,
                &ConnectionView::onSubscribeFinished);
        m_connected = m_connection->state() == SessionState::Connected;
        m_publish->setConnected(m_connected);
    }
}

ConnectionView::~ConnectionView()
{
    // The tree outlives the view (it belongs to the services): it must not ask the
    // subscriptions of a view that is gone.
    m_context.services->topicTree()->setFormatResolver({});
}

void ConnectionView::setSettings(AppSettings *settings)
{
    m_settings = nullptr; // restoring the choice is not a new choice
    m_stream->setSettings(settings);
    if (settings)
        showTopics(settings->topicsView(m_context.services->profileId()));
    m_settings = settings;
}

void ConnectionView::showTopics(bool topics)
{
    m_views->setCurrentWidget(topics ? static_cast<QWidget *>(m_topics) : m_stream);
}

bool ConnectionView::topicsShown() const
{
    return m_views->currentWidget() == m_topics;
}

void ConnectionView::retranslate()
{
    m_views->setAccessibleName(tr("Views of this connection"));
    m_views->setTabText(0, tr("Stream"));
    m_views->setTabToolTip(0, tr("Every message of this connection, newest at the bottom"));
    m_views->setTabText(1, tr("Topics"));
    m_views->setTabToolTip(1, tr("The map of every topic received: counts, rates, last values "
                                 "and retained messages"));
    m_views->setTabText(2, tr("Broker"));
    m_views->setTabToolTip(2, tr("What the broker publishes about itself under $SYS: version, "
                                 "clients, message rates and load"));
    m_views->setTabText(3, tr("Charts"));
    m_views->setTabToolTip(3, tr("Values from topics and JSON paths over the whole history, "
                                 "drawn live"));
    if (const int tab = m_views->indexOf(m_workbench); tab >= 0) {
        m_views->setTabText(tab, tr("Publish"));
        m_views->setTabToolTip(tab, tr("Publish templates with variables: collections, a "
                                       "preview of each message, timed sends"));
    }
    if (const int tab = m_views->indexOf(m_packets); tab >= 0) {
        m_views->setTabText(tab, tr("Packets"));
        m_views->setTabToolTip(tab, tr("Every MQTT packet sent and received, with round-trip "
                                       "times and the messages in flight"));
    }
}

void ConnectionView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConnectionView::onSubscriptionsLoaded()
{
    m_subscriptionsLoaded = true;
    countSubscriptions();
    emit subscriptionsLoaded();
    // Connected before the saved subscriptions arrived: subscribe them now.
    if (m_connected) {
        for (int row = 0; row < m_subscriptions->rowCount(); ++row) {
            if (m_subscriptions->at(row).state == SubscriptionEntry::State::Inactive)
                subscribeRow(row);
        }
    }
}

void ConnectionView::countSubscriptions()
{
    m_context.services->setSubscriptionFilters(m_subscriptions->countedFilters());
}

QJsonArray ConnectionView::subscriptionsJson() const
{
    return m_subscriptions->toJson();
}

void ConnectionView::restoreSubscriptions(const QJsonArray &saved)
{
    m_subscriptions->loadJson(saved);
    subscriptionsRestored();
}

void ConnectionView::restoreSubscriptions(const QList<SubscriptionEntry> &entries)
{
    m_subscriptions->loadEntries(entries);
    subscriptionsRestored();
}

void ConnectionView::subscriptionsRestored()
{
    m_sessionUids.clear();
    if (m_persistence)
        m_persistence->replaceAll();
    if (m_connected) {
        for (int row = 0; row < m_subscriptions->rowCount(); ++row)
            subscribeRow(row);
    }
}

void ConnectionView::onStateChanged(SessionState state)
{
    const bool connected = state == SessionState::Connected;
    if (connected == m_connected)
        return;
    m_connected = connected;
    m_publish->setConnected(connected);
    if (!connected)
        m_subscriptions->markInactive();
    // A closed connection (not one waiting to reconnect) starts the next one afresh.
    if (state == SessionState::Disconnected)
        m_sessionUids.clear();
}

void ConnectionView::onConnected(const ConnackInfo &info)
{
    m_connected = true;
    m_publish->setConnected(true);
    m_publish->setMaximumPacketSize(info.maximumPacketSize);
    // What the session already holds is restored without us: a resumed session keeps the
    // server's subscriptions, otherwise the session resubscribes them itself (its result
    // comes with token 0). Subscribing those again would redeliver retained messages
    // [MQTT-3.8.4-3]. Everything else enabled is subscribed now, except what this connection
    // already sent: stateChanged(Connected) comes first, and a subscription added between
    // the two signals went out at once (it is pending, or already granted).
    for (int row = 0; row < m_subscriptions->rowCount(); ++row) {
        const SubscriptionEntry &e = m_subscriptions->at(row);
        if (!e.enabled)
            continue;
        if (!m_sessionUids.contains(e.uid)) {
            const bool sentNow =
                (e.state == SubscriptionEntry::State::Pending && e.pendingToken != 0) ||
                e.state == SubscriptionEntry::State::Active;
            if (!sentNow)
                subscribeRow(row);
        } else if (info.sessionPresent)
            m_subscriptions->markActive(row);
        else
            m_subscriptions->markPending(row, 0);
    }
}

void ConnectionView::subscribeRow(int row)
{
    if (!m_connection || !m_connected || row < 0 || row >= m_subscriptions->rowCount())
        return;
    const SubscriptionEntry &e = m_subscriptions->at(row);
    if (!e.enabled)
        return;
    const bool v5 = m_context.version == ProtocolVersion::V5;
    const quint64 token =
        m_connection->subscribe({e.subscription}, v5 ? e.subscriptionIdentifier : std::nullopt,
                                v5 ? e.userProperties : QList<StringPair>{});
    m_subscriptions->markPending(row, token);
}

void ConnectionView::unsubscribeRow(int row)
{
    if (row < 0 || row >= m_subscriptions->rowCount())
        return;
    dropFromSession(row);
    m_subscriptions->markDisabled(row);
}

void ConnectionView::removeRow(int row)
{
    if (row < 0 || row >= m_subscriptions->rowCount())
        return;
    if (m_subscriptions->at(row).enabled)
        dropFromSession(row);
    m_subscriptions->removeAt(row);
}

void ConnectionView::dropFromSession(int row)
{
    const SubscriptionEntry &e = m_subscriptions->at(row);
    const bool known = m_sessionUids.remove(e.uid);
    if (!m_connection)
        return;
    // While reconnecting the request waits for CONNACK, after the session's resubscribe.
    const bool reconnecting = known && m_connection->state() != SessionState::Disconnected;
    if (m_connected || reconnecting)
        m_connection->unsubscribe({e.subscription.filter});
}

void ConnectionView::onSubscribeFinished(quint64, const SubscribeResult &result)
{
    m_subscriptions->applySubscribeResult(result);
    for (int i = 0; i < result.subscriptions.size(); ++i) {
        const QString &filter = result.subscriptions.at(i).filter;
        const int row = m_subscriptions->rowOfFilter(filter);
        const bool granted = !result.error && i < result.reasonCodes.size() &&
                             quint8(result.reasonCodes.at(i)) < 0x80;
        if (row >= 0 && m_subscriptions->at(row).enabled) {
            if (m_subscriptions->at(row).state == SubscriptionEntry::State::Active)
                m_sessionUids.insert(m_subscriptions->at(row).uid);
            else
                m_sessionUids.remove(m_subscriptions->at(row).uid);
        } else if (result.resubscribe && granted && m_connection && m_connected) {
            // The session restored a subscription the user removed or switched off since.
            m_connection->unsubscribe({filter});
        }
    }
}

quint64 ConnectionView::publish(const PublishPacket &packet)
{
    if (!m_connection)
        return 0;
    recordInHistory(packet);
    // Stored as it goes out, so the history has it even if no acknowledgement ever comes;
    // its publish state follows (onPublishProgress/onPublishFinished).
    InFlight flight{packet.qos, 0};
    if (MessageWriter *writer = m_context.services->writer()) {
        const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
        if (!writer->enqueue(OutgoingMessage::stored(packet, m_context.services->profileId(),
                                                     m_context.version, nowUs),
                             &flight.ticket))
            emit errorOccurred(tr("The message is sent but was not stored in the history: "
                                  "the storage queue is full."));
    }
    const quint64 token = m_connection->publish(packet);
    m_inFlight.insert(token, flight);
    return token;
}

void ConnectionView::recordInHistory(const PublishPacket &packet)
{
    ProfileRecords *records = m_context.services->records();
    if (!records)
        return;
    const PublishHistoryEntry entry =
        OutgoingMessage::historyEntry(packet, records->profileId(), m_context.version,
                                      QDateTime::currentMSecsSinceEpoch() * 1000);
    QPointer<ConnectionView> self(this);
    records->recordPublish(entry, [self](const StorageError &error) {
        if (self && error.isError())
            emit self->errorOccurred(
                tr("The message was not added to the publish history: %1").arg(error.message));
    });
}

void ConnectionView::loadPublishHistory()
{
    QPointer<ConnectionView> self(this);
    m_context.services->records()->loadPublishHistory(
        kPublishHistoryShown,
        [self](const QList<PublishHistoryEntry> &entries, const StorageError &error) {
            if (!self)
                return;
            if (error.isError()) {
                emit self->errorOccurred(
                    tr("The publish history could not be read: %1").arg(error.message));
                return;
            }
            QList<PublishPacket> packets;
            packets.reserve(entries.size());
            for (const PublishHistoryEntry &e : entries)
                packets.append(OutgoingMessage::packet(e));
            self->m_publish->setHistory(packets);
            emit self->publishHistoryLoaded();
        });
}

void ConnectionView::resend(const StoredMessage &message)
{
    const PublishPacket packet = OutgoingMessage::packet(message, m_context.version);
    m_publish->addToHistory(packet);
    publish(packet);
}

void ConnectionView::onPublishProgress(quint64 token, const PublishOutcome &outcome)
{
    const auto it = m_inFlight.constFind(token);
    if (it == m_inFlight.cend())
        return;
    m_publish->showAck(ackFrom(outcome, it->qos));
    storePublishState(*it, outcome);
}

void ConnectionView::onPublishFinished(quint64 token, const PublishOutcome &outcome)
{
    const auto it = m_inFlight.find(token);
    if (it == m_inFlight.end())
        return;
    const InFlight flight = it.value();
    m_inFlight.erase(it);
    m_publish->showAck(ackFrom(outcome, flight.qos));
    storePublishState(flight, outcome);
}

void ConnectionView::storePublishState(const InFlight &flight, const PublishOutcome &outcome)
{
    MessageWriter *writer = m_context.services->writer();
    if (writer && flight.ticket != 0)
        writer->updateOutgoing(flight.ticket, OutgoingMessage::publishState(outcome, flight.qos));
}

void ConnectionView::editDecodingRules()
{
    auto *dialog = new DecodingRulesDialog(m_streamModel->decodingRules(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { applyDecodingRules(dialog->rules()); });
    dialog->open();
}

void ConnectionView::applyDecodingRules(const DecodingRules &rules)
{
    // Shown at once; kept with the profile on the worker.
    m_streamModel->setDecodingRules(rules);
    m_charts->setDecodingRules(rules);
    m_topics->setDecodingRules(rules);
    ProfileRecords *records = m_context.services->records();
    if (!records)
        return;
    QPointer<ConnectionView> self(this);
    records->saveDecodingRules(rules, [self](const StorageError &error) {
        if (!self)
            return;
        if (error.isError())
            emit self->errorOccurred(
                tr("The decoding rules were not saved: %1").arg(error.message));
        emit self->decodingRulesSaved();
    });
}

void ConnectionView::clearHistory()
{
    QPointer<ConnectionView> self(this);
    m_context.services->clearHistory([self](const StorageError &error) {
        if (!self)
            return;
        if (error.isError())
            emit self->errorOccurred(error.message);
        else
            self->m_streamModel->followTail();
        self->m_charts->historyCleared();
        emit self->historyCleared(error);
    });
}

} // namespace mqttdesk
