#pragma once

#include "core/payload/decoding_rules.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/i18n/retranslator.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QToolButton;
class QTreeView;

namespace mqttdesk {

class Connection;
class HistoryReader;
class ProfileRecords;
class RetainedClearDialog;
class RetainedSnapshotDialog;
struct RetainedLiveSource;
class TopicDetailPanel;
class TopicTreeFilterProxy;
class TopicTreeModel;

// The Topics pane of a connection: the live map of every topic the connection received
// (TopicTreeModel, fed in core on the connection's thread), with a filter, an order, expand
// controls and, for the selected node, its last message and recent history
// (TopicDetailPanel). The view tells the model which nodes are expanded, so only visible
// rows are refreshed.
class TopicTreeView : public QWidget
{
    Q_OBJECT
public:
    // `reader` may be null (no history: the detail shows no recent messages).
    TopicTreeView(TopicTreeModel *model, HistoryReader *reader, qint64 profileId,
                  QWidget *parent = nullptr);

    QTreeView *treeView() const { return m_tree; }
    TopicTreeFilterProxy *proxy() const { return m_proxy; }
    TopicDetailPanel *detail() const { return m_detail; }
    QLineEdit *filterField() const { return m_filter; }
    QComboBox *sortBox() const { return m_sort; }

    void setFilterText(const QString &text);
    // Expands every level up to `depth` (1: the roots' children show) and collapses below.
    void expandToDepth(int depth);
    void expandAll();
    void collapseAll();
    // Selects the node of `topic` (expanding its ancestors); false when it is not shown.
    bool selectTopic(const QString &topic);

    // The connection that "Clear retained" publishes on (may be null: no clearing).
    void setConnection(Connection *connection);
    // Opens the "Clear retained" dialog for the node's own retained message, or for every
    // retained topic at and below it (`subtree`). Returns the dialog (null: nothing to clear).
    RetainedClearDialog *clearRetained(const QModelIndex &proxyIndex, bool subtree);
    // Where "Retained snapshots…" stores snapshots (may be null) and which brokers it can
    // compare live (called when the dialog opens; this connection's among them).
    using LiveSources = std::function<QList<RetainedLiveSource>()>;
    void setSnapshotContext(ProfileRecords *records, LiveSources sources);
    void setLiveSources(LiveSources sources) { m_liveSources = std::move(sources); }
    // The connection's decoding rules: "Chart this" reads a topic as the stream shows it.
    void setDecodingRules(const DecodingRules &rules) { m_rules = rules; }
    // Opens "Retained snapshots" with `filter` in its filter field (empty: "#").
    RetainedSnapshotDialog *openSnapshots(const QString &filter = {});
    QToolButton *snapshotsButton() const { return m_snapshots; }
    // The context menu's actions for a node (tests drive them).
    QMenu *contextMenuFor(const QModelIndex &proxyIndex);
    // "Chart this" on a topic: a last payload that is a plain number is charted at once
    // (chartRequested; returns null); otherwise ChartSeriesDialog opens (returned) with the
    // topic and a guess at what to read (the first number of its JSON), charted on OK.
    // `subtree`: "topic/#" with a line per topic, always asked, guessed from the first topic
    // below.
    ChartSeriesDialog *chartThis(const QModelIndex &proxyIndex, bool subtree);

signals:
    // "Show in stream": the stream's topic filter (a topic, or "topic/#" for a subtree).
    void showInStreamRequested(const QString &topicFilter);
    // "Chart this", here or in the inspector the detail panel opens: the series to add.
    void chartRequested(const mqttdesk::ChartSeriesSpec &spec);

protected:
    void changeEvent(QEvent *event) override;

private:
    // How the stream shows a topic's messages: the subscription's "Display as" other than
    // Auto first, then the first decoding rule whose filter matches.
    struct Shown
    {
        QString decoder;
        QJsonObject options;
        bool byRule = false;
    };
    Shown shownAs(const QString &topic) const;
    void setExpandedRecursively(const QModelIndex &parent, int depth, int maxDepth);
    void onExpanded(const QModelIndex &index, bool expanded);
    void onCurrentChanged(const QModelIndex &current);
    void updateCount();
    void showContextMenu(const QPoint &pos);

    TopicTreeModel *m_model;
    DecodingRules m_rules;
    TopicTreeFilterProxy *m_proxy;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_sort = nullptr;
    QToolButton *m_expand = nullptr;
    QMenu *m_expandMenu = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_snapshots = nullptr;
    QTreeView *m_tree = nullptr;
    TopicDetailPanel *m_detail = nullptr;
    QPointer<Connection> m_connection;
    QPointer<ProfileRecords> m_records;
    LiveSources m_liveSources;
    qint64 m_profileId = 0;
    Retranslator m_texts;
};

} // namespace mqttdesk
