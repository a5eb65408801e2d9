// The Topics view of a connection: rebuilt from the stored history before anything arrives
// (and while disconnected), kept live from the real mosquitto fixture, filtered with
// wildcards and text, sorted, with the selected node's recent history paged from storage;
// "show in stream" filters the stream; the choice of view is remembered per connection and
// the texts follow a language switch.
#include "core/connection/connection.h"
#include "core/protocol/codec.h"
#include "core/settings/app_settings.h"
#include "core/topictree/topic_tree_filter_proxy.h"
#include "core/topictree/topic_tree_model.h"
#include "core/workspace/connection_services.h"
#include "stream_test_support.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/test_broker.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/charts/charts_page.h"
#include "ui/charts/charts_view.h"
#include "ui/i18n/language.h"
#include "ui/stream/connection_view.h"
#include "ui/stream/message_stream_view.h"
#include "ui/subscriptions/subscription_list_model.h"
#include "ui/subscriptions/subscription_panel.h"
#include "ui/topictree/retained_clear_dialog.h"
#include "ui/topictree/topic_detail_panel.h"
#include "ui/topictree/topic_tree_view.h"
#include "ui/widgets/decoder_combo.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUuid>

using namespace mqttdesk;

namespace {
constexpr int kWait = 15000;

ConnectionSettings settingsFor(quint16 port)
{
    ConnectionSettings s;
    s.transport.kind = TransportOptions::Kind::Tcp;
    s.transport.host = QStringLiteral("127.0.0.1");
    s.transport.port = port;
    s.transport.connectTimeoutMs = 5000;
    s.session.version = ProtocolVersion::V5;
    s.session.clientId =
        QStringLiteral("desk-topics-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    s.session.reconnect.enabled = false;
    return s;
}

StoredMessage stored(const QString &topic, const QByteArray &payload, bool retain = false)
{
    StoredMessage m = StreamTestStore::message(topic, payload);
    // Received a minute ago: StreamTestStore stamps rows in the current millisecond, and the
    // tree reads from the history only what came before its services started.
    m.receivedUs -= 60 * 1000000;
    m.retain = retain;
    return m;
}
} // namespace

class TestTopicTreeView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void rebuiltFromHistoryWhileDisconnected();
    void filterKeepsAncestorsAndSortPutsBusiestFirst();
    void recentHistoryIsPagedFromStorage();
    void liveMessagesAndShowInStream();
    void clearRetainedSubtreeFromTheTree();
    void viewChoiceIsRememberedPerConnection();
    void textsFollowTheLanguage();
    void valuesDecodedAsTheStreamShowsThem();
    void detailShowsPropertiesAndOwnRate();
    void chartThisFromTheTree();

private:
    void open(bool connect);
    QModelIndex sourceIndex(const QString &topic) const;

    TestBroker m_broker;
    std::unique_ptr<StreamTestStore> m_store;
    std::unique_ptr<ConnectionServices> m_services;
    std::unique_ptr<ConnectionView> m_view;
};

void TestTopicTreeView::initTestCase()
{
    QVERIFY2(m_broker.start(), qPrintable(m_broker.errorString()));
}

void TestTopicTreeView::cleanupTestCase()
{
    m_broker.stop();
}

void TestTopicTreeView::cleanup()
{
    if (m_services && m_services->connection()->state() != SessionState::Disconnected) {
        m_services->connection()->disconnectFromBroker();
        QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Disconnected,
                                  kWait);
    }
    m_view.reset();
    m_services.reset();
    m_store.reset();
    Language::install(*qApp, QStringLiteral("en"));
}

void TestTopicTreeView::open(bool connect)
{
    if (!m_store) {
        m_store = std::make_unique<StreamTestStore>();
        QVERIFY(m_store->isReady());
        QVERIFY(m_store->ensureProfile(1));
    }
    ConnectionServices::Options options;
    options.profileId = 1;
    options.writer = m_store->writer();
    options.databasePath = m_store->path();
    m_services = std::make_unique<ConnectionServices>(
        settingsFor(m_broker.port(TestBroker::Listener::Plain)), options);
    QSignalSpy ready(m_services.get(), &ConnectionServices::topicTreeReady);
    ConnectionView::Context context;
    context.services = m_services.get();
    m_view = std::make_unique<ConnectionView>(context);
    m_view->resize(1280, 800);
    m_view->show();
    QVERIFY(m_services->topicTreeLoaded() || ready.wait(kWait));
    if (connect) {
        m_services->connection()->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(m_services->connection()->state(), SessionState::Connected,
                                  kWait);
    }
}

QModelIndex TestTopicTreeView::sourceIndex(const QString &topic) const
{
    return m_services->topicTree()->indexForTopic(topic);
}

void TestTopicTreeView::rebuiltFromHistoryWhileDisconnected()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->ensureProfile(1));
    QList<StoredMessage> messages;
    for (int i = 0; i < 30; ++i)
        messages << stored(QStringLiteral("plant/line%1/temp").arg(i % 3),
                           QByteArray::number(20 + i));
    messages << stored(QStringLiteral("plant//empty"), "gap");
    messages << stored(QStringLiteral("$SYS/broker/uptime"), "42 seconds");
    messages << stored(QStringLiteral("plant/line0/mode"), "auto", true);
    QVERIFY(m_store->store(messages));

    open(false);
    QAbstractItemModelTester tester(m_services->topicTree(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    TopicTreeModel *model = m_services->topicTree();
    // Counts and last values are there before any message arrives.
    QCOMPARE(sourceIndex(QStringLiteral("plant")).data(TopicTreeModel::MessagesRole).toLongLong(),
             32);
    const QModelIndex line0 = sourceIndex(QStringLiteral("plant/line0/temp"));
    QCOMPARE(line0.data(TopicTreeModel::OwnMessagesRole).toLongLong(), 10);
    QVERIFY(line0.data(TopicTreeModel::IsTopicRole).toBool());
    QVERIFY(!sourceIndex(QStringLiteral("plant/line0")).data(TopicTreeModel::IsTopicRole).toBool());
    QVERIFY(sourceIndex(QStringLiteral("plant/line0/mode"))
                .data(TopicTreeModel::RetainedRole)
                .toBool());
    // The empty level is kept and shown with a marker, not as a blank row.
    const QModelIndex empty = sourceIndex(QStringLiteral("plant/"));
    QVERIFY(empty.isValid());
    QVERIFY(!empty.data(Qt::DisplayRole).toString().isEmpty());
    QVERIFY(sourceIndex(QStringLiteral("plant//empty")).isValid());
    // $ topics have their own root, after the others.
    TopicTreeView *topics = m_view->topicsView();
    QAbstractItemModel *shown = topics->proxy();
    QCOMPARE(shown->rowCount(), 2);
    QCOMPARE(shown->index(0, 0).data(TopicTreeModel::TopicRole).toString(),
             QStringLiteral("plant"));
    QCOMPARE(shown->index(1, 0).data(TopicTreeModel::TopicRole).toString(), QStringLiteral("$SYS"));
    Q_UNUSED(model);
}

void TestTopicTreeView::filterKeepsAncestorsAndSortPutsBusiestFirst()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->ensureProfile(1));
    QList<StoredMessage> messages;
    for (int i = 0; i < 5; ++i)
        messages << stored(QStringLiteral("site/a/temp"), "1");
    for (int i = 0; i < 9; ++i)
        messages << stored(QStringLiteral("site/b/temp"), "2");
    messages << stored(QStringLiteral("site/b/humidity"), "3");
    messages << stored(QStringLiteral("other/x"), "4");
    QVERIFY(m_store->store(messages));
    open(false);
    m_view->showTopics(true);
    TopicTreeView *topics = m_view->topicsView();
    QAbstractItemModelTester tester(topics->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModel *shown = topics->proxy();

    // Wildcards: the matches and their ancestors, nothing else.
    topics->filterField()->setText(QStringLiteral("site/+/temp"));
    QCOMPARE(shown->rowCount(), 1);
    const QModelIndex site = shown->index(0, 0);
    QCOMPARE(site.data(TopicTreeModel::TopicRole).toString(), QStringLiteral("site"));
    QCOMPARE(shown->rowCount(site), 2);
    QCOMPARE(shown->rowCount(shown->index(1, 0, site)), 1); // b/temp, not b/humidity
    QVERIFY(topics->treeView()->isExpanded(site));
    // Text: any level whose topic contains it, any case.
    topics->filterField()->setText(QStringLiteral("HUMID"));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->rowCount(shown->index(0, 0)), 1);
    topics->filterField()->clear();
    QCOMPARE(shown->rowCount(), 2);

    // Sorted by messages: the busiest first at every level.
    topics->sortBox()->setCurrentIndex(int(TopicTreeFilterProxy::SortKey::Messages));
    QCOMPARE(shown->index(0, 0).data(TopicTreeModel::TopicRole).toString(), QStringLiteral("site"));
    const QModelIndex siteSorted = shown->index(0, 0);
    QCOMPARE(shown->index(0, 0, siteSorted).data(TopicTreeModel::TopicRole).toString(),
             QStringLiteral("site/b"));
    topics->sortBox()->setCurrentIndex(int(TopicTreeFilterProxy::SortKey::Name));
    QCOMPARE(shown->index(0, 0).data(TopicTreeModel::TopicRole).toString(),
             QStringLiteral("other"));

    // Expand controls.
    topics->expandToDepth(1);
    QVERIFY(topics->treeView()->isExpanded(shown->index(1, 0)));
    QVERIFY(!topics->treeView()->isExpanded(shown->index(0, 0, shown->index(1, 0))));
    topics->expandAll();
    QVERIFY(topics->treeView()->isExpanded(shown->index(0, 0, shown->index(1, 0))));
    topics->collapseAll();
    QVERIFY(!topics->treeView()->isExpanded(shown->index(1, 0)));
}

void TestTopicTreeView::recentHistoryIsPagedFromStorage()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->ensureProfile(1));
    QList<StoredMessage> messages;
    for (int i = 0; i < 120; ++i)
        messages << stored(QStringLiteral("meter/power"), QByteArray::number(i));
    messages << stored(QStringLiteral("meter/power/detail"), "{\"phase\": 3}");
    QVERIFY(m_store->store(messages));
    open(false);
    m_view->showTopics(true);
    TopicTreeView *topics = m_view->topicsView();
    TopicDetailPanel *detail = topics->detail();
    QSignalSpy loaded(detail, &TopicDetailPanel::recentLoaded);
    QVERIFY(topics->selectTopic(QStringLiteral("meter/power")));
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(detail->recent().size(), TopicDetailPanel::kPageSize);
    // Newest first, on that exact topic only; the payload of the newest is shown.
    QCOMPARE(detail->recent().first().payload, QByteArray("119"));
    for (const StoredMessage &m : detail->recent())
        QCOMPARE(m.topic, QStringLiteral("meter/power"));
    QCOMPARE(detail->payloadView()->toPlainText(), QStringLiteral("119"));
    QVERIFY(detail->loadOlderButton()->isEnabled());
    detail->loadOlder();
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(detail->recent().size(), 2 * TopicDetailPanel::kPageSize);
    detail->loadOlder();
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(detail->recent().size(), 120);
    QCOMPARE(detail->recent().last().payload, QByteArray("0"));
    QVERIFY(!detail->loadOlderButton()->isEnabled());
    // Picking an older message shows its payload.
    detail->recentList()->setCurrentItem(detail->recentList()->topLevelItem(119));
    QCOMPARE(detail->payloadView()->toPlainText(), QStringLiteral("0"));
}

void TestTopicTreeView::liveMessagesAndShowInStream()
{
    open(true);
    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    // Retained before the subscription: it arrives with the retain flag (a live one would
    // not carry it with Retain As Published 0).
    QCOMPARE(MosquittoPub::publish(port, QStringLiteral("live/room/door"), "open",
                                   {QStringLiteral("-r")})
                 .exitCode,
             0);
    SubscriptionPanel *panel = m_view->subscriptionPanel();
    panel->filterEdit()->setText(QStringLiteral("live/#"));
    QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_view->subscriptions()->at(0).state),
                              int(SubscriptionEntry::State::Active), kWait);
    m_view->showTopics(true);
    TopicTreeModel *model = m_services->topicTree();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(MosquittoPub::publish(port, QStringLiteral("live/room/temp"),
                                       QByteArray::number(21 + i))
                     .exitCode,
                 0);
    QTRY_COMPARE_WITH_TIMEOUT(sourceIndex(QStringLiteral("live/room/temp"))
                                  .data(TopicTreeModel::OwnMessagesRole)
                                  .toLongLong(),
                              3, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(
        sourceIndex(QStringLiteral("live/room/door")).data(TopicTreeModel::RetainedRole).toBool(),
        kWait);
    QCOMPARE(sourceIndex(QStringLiteral("live")).data(TopicTreeModel::MessagesRole).toLongLong(),
             4);
    QVERIFY(
        !sourceIndex(QStringLiteral("live/room/temp")).data(TopicTreeModel::RetainedRole).toBool());

    // "Show subtree in stream": the stream's filter, and the stream in front.
    TopicTreeView *topics = m_view->topicsView();
    QVERIFY(topics->selectTopic(QStringLiteral("live/room")));
    emit topics->detail()->showInStreamRequested(QStringLiteral("live/room/#"));
    QVERIFY(!m_view->topicsShown());
    QCOMPARE(m_view->streamView()->currentFilter().topicFilter, QStringLiteral("live/room/#"));
}

void TestTopicTreeView::clearRetainedSubtreeFromTheTree()
{
    open(true);
    const quint16 port = m_broker.port(TestBroker::Listener::Plain);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(MosquittoPub::publish(port, QStringLiteral("ret/dev/%1").arg(i), "kept",
                                       {QStringLiteral("-r")})
                     .exitCode,
                 0);
    SubscriptionPanel *panel = m_view->subscriptionPanel();
    panel->filterEdit()->setText(QStringLiteral("ret/#"));
    QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_view->subscriptions()->at(0).state),
                              int(SubscriptionEntry::State::Active), kWait);
    TopicTreeModel *model = m_services->topicTree();
    QTRY_COMPARE_WITH_TIMEOUT(model->retainedTopicsUnder(sourceIndex(QStringLiteral("ret"))).size(),
                              5, kWait);
    m_view->showTopics(true);
    TopicTreeView *topics = m_view->topicsView();
    const QModelIndex node = topics->proxy()->mapFromSource(sourceIndex(QStringLiteral("ret")));
    QVERIFY(node.isValid());
    // The menu names the count and offers the subtree, not the level's own (it has none).
    QMenu *menu = topics->contextMenuFor(node);
    QAction *subtree = nullptr;
    QAction *own = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text().contains(QStringLiteral("subtree (5")))
            subtree = action;
        else if (action->text().startsWith(QStringLiteral("Clear retained")))
            own = action;
    }
    QVERIFY(subtree && subtree->isEnabled());
    QVERIFY(own && !own->isEnabled());
    delete menu;

    RetainedClearDialog *dialog = topics->clearRetained(node, true);
    QVERIFY(dialog);
    QCOMPARE(dialog->topics().size(), 5);
    QSignalSpy done(dialog, &RetainedClearDialog::clearingDone);
    dialog->startClearing();
    QVERIFY(done.wait(kWait));
    QCOMPARE(done.first().at(0).toInt(), 5);
    // What was cleared is no longer marked (the empty messages come back to the tree without
    // the retain flag, so the tree learns it from the clearing itself).
    QTRY_COMPARE_WITH_TIMEOUT(model->retainedTopicsUnder(sourceIndex(QStringLiteral("ret"))).size(),
                              0, kWait);
    dialog->close();
}

void TestTopicTreeView::viewChoiceIsRememberedPerConnection()
{
    QTemporaryDir dir;
    AppSettings settings(dir.path());
    open(false);
    m_view->setSettings(&settings);
    QVERIFY(!m_view->topicsShown());
    m_view->views()->setCurrentIndex(1);
    QVERIFY(m_view->topicsShown());
    QVERIFY(settings.topicsView(1));
    QVERIFY(!settings.topicsView(2));
    m_view.reset();
    m_services.reset();
    open(false);
    m_view->setSettings(&settings);
    QVERIFY(m_view->topicsShown());
}

void TestTopicTreeView::textsFollowTheLanguage()
{
    open(false);
    QTabWidget *views = m_view->views();
    QCOMPARE(views->tabText(1), QStringLiteral("Topics"));
    Language::install(*qApp, QStringLiteral("zh_CN"));
    QTRY_VERIFY(views->tabText(1) != QStringLiteral("Topics"));
    QVERIFY(m_view->topicsView()->filterField()->placeholderText() !=
            QStringLiteral("e.g. sensors/+/temp, # or any text"));
    Language::install(*qApp, QStringLiteral("en"));
    QTRY_COMPARE(views->tabText(1), QStringLiteral("Topics"));
}

void TestTopicTreeView::valuesDecodedAsTheStreamShowsThem()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->ensureProfile(1));
    QVERIFY(m_store->store({stored(QStringLiteral("plant/raw"), "AB")}));
    open(false);
    const auto value = [this] {
        return m_services->topicTree()
            ->indexForTopic(QStringLiteral("plant/raw"), TopicTreeModel::ValueColumn)
            .data()
            .toString();
    };
    QCOMPARE(value(), QStringLiteral("AB"));
    // A subscription shown as hex in the stream: the tree's value and the detail follow.
    SubscriptionEntry entry;
    entry.subscription.filter = QStringLiteral("plant/#");
    entry.format = PayloadFormat::Hex;
    m_view->subscriptions()->add(entry);
    QTRY_VERIFY2(value().contains(QStringLiteral("41 42")), qPrintable(value()));
    TopicTreeView *topics = m_view->topicsView();
    QSignalSpy loaded(topics->detail(), &TopicDetailPanel::recentLoaded);
    QVERIFY(topics->selectTopic(QStringLiteral("plant/raw")));
    QVERIFY(loaded.wait(kWait));
    QVERIFY(
        topics->detail()->recentList()->topLevelItem(0)->text(3).contains(QStringLiteral("41 42")));
}

void TestTopicTreeView::detailShowsPropertiesAndOwnRate()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->ensureProfile(1));
    StoredMessage m = stored(QStringLiteral("plant/props"), "{}");
    Properties properties;
    properties.setContentType(QStringLiteral("application/json"));
    properties.addUserProperty(QStringLiteral("<b>site</b>"), QStringLiteral("north"));
    m.properties = encodeProperties(properties);
    QVERIFY(!m.properties.isEmpty());
    QVERIFY(m_store->store({m, stored(QStringLiteral("plant/props/sub"), "1")}));
    open(false);
    TopicTreeView *topics = m_view->topicsView();
    QSignalSpy loaded(topics->detail(), &TopicDetailPanel::recentLoaded);
    QVERIFY(topics->selectTopic(QStringLiteral("plant/props")));
    QVERIFY(loaded.wait(kWait));
    const auto *facts = topics->detail()->findChild<QLabel *>(QStringLiteral("messageFacts"));
    QVERIFY(facts);
    QVERIFY2(facts->text().contains(QStringLiteral("Content Type: application/json")),
             qPrintable(facts->text()));
    // Shown as text, never as markup.
    QVERIFY(facts->text().contains(QStringLiteral("<b>site</b> = north")));
    QCOMPARE(facts->textFormat(), Qt::PlainText);
    // A topic with topics below: its own rate is named apart from the subtree's.
    const QModelIndex node = sourceIndex(QStringLiteral("plant/props"));
    QCOMPARE(node.data(TopicTreeModel::OwnRateRole).toDouble(), 0.0);
    QVERIFY(node.siblingAtColumn(TopicTreeModel::RateColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("on this topic")));
}

void TestTopicTreeView::chartThisFromTheTree()
{
    m_store = std::make_unique<StreamTestStore>();
    QVERIFY(m_store->ensureProfile(1));
    QVERIFY(m_store->store(
        {stored(QStringLiteral("boiler/flow/temp"), "21.5"),
         stored(QStringLiteral("boiler/state"), R"({"name":"b1","temp":"48.5","bar":1.6})"),
         stored(QStringLiteral("plant/mp"), QByteArray::fromHex("81a17605"))}));
    open(false);
    TopicTreeView *topics = m_view->topicsView();
    m_view->showTopics(true);
    ChartsPage *charts = m_view->chartsPage();
    auto action = [topics](const QModelIndex &node, const QString &name) {
        QMenu *menu = topics->contextMenuFor(node);
        menu->deleteLater();
        return menu->findChild<QAction *>(name);
    };
    auto nodeOf = [this, topics](const QString &topic) {
        return topics->proxy()->mapFromSource(sourceIndex(topic));
    };

    // A number: charted at once, in the Charts tab, which is shown.
    QAction *number =
        action(nodeOf(QStringLiteral("boiler/flow/temp")), QStringLiteral("chartThis"));
    QVERIFY(number && number->isEnabled());
    QCOMPARE(number->text(), QStringLiteral("Chart this"));
    number->trigger();
    QCOMPARE(m_view->views()->currentWidget(), charts);
    QTRY_VERIFY(charts->chartsView() && charts->isRestored());
    QTRY_COMPARE(charts->chartsView()->seriesSpecs().size(), 1);
    ChartSeriesSpec spec = charts->chartsView()->seriesSpecs().first();
    QCOMPARE(spec.topicFilter, QStringLiteral("boiler/flow/temp"));
    QCOMPARE(spec.extractor.kind, ExtractorSpec::Kind::Text);
    QVERIFY(!spec.perTopic);

    // JSON: asked, with the first number's path; charted on OK.
    m_view->showTopics(true);
    QSignalSpy requested(topics, &TopicTreeView::chartRequested);
    QAction *json = action(nodeOf(QStringLiteral("boiler/state")), QStringLiteral("chartThis"));
    QCOMPARE(json->text(), QStringLiteral("Chart this…"));
    ChartSeriesDialog *dialog = topics->chartThis(nodeOf(QStringLiteral("boiler/state")), false);
    QVERIFY(dialog);
    QCOMPARE(dialog->filterEdit()->text(), QStringLiteral("boiler/state"));
    QCOMPARE(ExtractorSpec::Kind(dialog->kindCombo()->currentData().toInt()),
             ExtractorSpec::Kind::JsonPath);
    QCOMPARE(dialog->pathEdit()->text(), QStringLiteral("$.temp"));
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->okButton()->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(m_view->views()->currentWidget(), charts);
    QCOMPARE(charts->chartsView()->seriesSpecs().size(), 2);
    spec = charts->chartsView()->seriesSpecs().last();
    QCOMPARE(spec.topicFilter, QStringLiteral("boiler/state"));
    QCOMPARE(spec.extractor.path, QStringLiteral("$.temp"));

    // A branch: "boiler/#" with a line per topic, asked; a topic-less level has no
    // "Chart this" of its own.
    QAction *own = action(nodeOf(QStringLiteral("boiler")), QStringLiteral("chartThis"));
    QVERIFY(own && !own->isEnabled());
    QAction *subtree = action(nodeOf(QStringLiteral("boiler")), QStringLiteral("chartSubtree"));
    QVERIFY(subtree && subtree->isEnabled());
    dialog = topics->chartThis(nodeOf(QStringLiteral("boiler")), true);
    QVERIFY(dialog);
    QCOMPARE(dialog->filterEdit()->text(), QStringLiteral("boiler/#"));
    QVERIFY(dialog->perTopicCheck()->isChecked());
    // Cancelled: nothing is charted.
    dialog->reject();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(charts->chartsView()->seriesSpecs().size(), 2);
    QVERIFY(!action(nodeOf(QStringLiteral("boiler/flow/temp")), QStringLiteral("chartSubtree"))
                 ->isEnabled());
    // The stream's "Chart this" goes the same way.
    m_view->showTopics(false);
    ChartSeriesSpec fromStream;
    fromStream.topicFilter = QStringLiteral("boiler/flow/temp");
    fromStream.name = QStringLiteral("From the stream");
    emit m_view->streamView()->chartRequested(fromStream);
    QCOMPARE(m_view->views()->currentWidget(), charts);
    QCOMPARE(charts->chartsView()->seriesSpecs().size(), 3);
    QCOMPARE(charts->chartsView()->seriesSpecs().last(), fromStream);

    // Under a decoding rule (MessagePack {"v": 5} on plant/mp), the dialog reads the field
    // as the rules show it, as the stream does.
    DecodingRules rules;
    QVERIFY(rules.append({QStringLiteral("plant/#"), QStringLiteral("msgpack"), {}}));
    m_view->applyDecodingRules(rules);
    dialog = topics->chartThis(nodeOf(QStringLiteral("plant/mp")), false);
    QVERIFY(dialog);
    QCOMPARE(ExtractorSpec::Kind(dialog->kindCombo()->currentData().toInt()),
             ExtractorSpec::Kind::Decoded);
    QCOMPARE(DecoderCombo::currentId(dialog->decoderCombo()), QStringLiteral("rules"));
    QCOMPARE(dialog->pathEdit()->text(), QStringLiteral("$.v"));
    dialog->reject();
}

QTEST_MAIN(TestTopicTreeView)
#include "tst_topic_tree_view.moc"
