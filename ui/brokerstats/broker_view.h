#pragma once

#include "core/brokerstats/broker_stats.h"
#include "ui/i18n/retranslator.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <array>

class QLabel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace mqttdesk {

class BrokerStatsWatcher;
class Connection;
class Sparkline;

// The Broker tab of a connection: what the broker publishes under `$SYS` (version, uptime,
// clients, message and byte rates with a sparkline each, subscriptions, retained messages,
// load, heap) and a tree of every `$SYS` topic with its latest value.
//
// `$SYS/#` is subscribed only while the view is shown (showEvent/hideEvent), so a broker's
// statistics cost nothing while another tab is open.
class BrokerView : public QWidget
{
    Q_OBJECT
public:
    enum class Figure
    {
        ClientsConnected,
        ClientsTotal,
        ClientsMaximum,
        Subscriptions,
        Retained,
        Load,
        Heap,
        MessagesReceived,
        MessagesSent,
        BytesReceived,
        BytesSent,
    };
    static constexpr int FigureCount = 11;
    // The sparklines span this much time, newest at the right.
    static constexpr qint64 ChartWindowUs = 5LL * 60 * 1000 * 1000;

    explicit BrokerView(Connection *connection, QWidget *parent = nullptr);
    ~BrokerView() override;

    BrokerStatsWatcher *watcher() const { return m_watcher; }
    QLabel *versionLabel() const { return m_version; }
    QLabel *uptimeLabel() const { return m_uptime; }
    QLabel *figureLabel(Figure figure) const { return m_figures[int(figure)]; }
    // The plain message shown instead of figures: not connected, silent, refused.
    QLabel *messageLabel() const { return m_message; }
    QTreeView *topicsTree() const { return m_tree; }
    Sparkline *sparkline(BrokerStats::Rate rate) const { return m_sparklines[int(rate)]; }

    static QString uptimeText(qint64 seconds);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void updateFigures();
    void updateTopics();
    void updateState();
    void updateAge();
    QStandardItem *topicItem(const QString &topic);

    QPointer<Connection> m_connection;
    BrokerStatsWatcher *m_watcher = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_uptime = nullptr;
    QLabel *m_age = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_figuresBox = nullptr;
    std::array<QLabel *, FigureCount> m_figures{};
    std::array<Sparkline *, BrokerStats::RateCount> m_sparklines{};
    QTreeView *m_tree = nullptr;
    QStandardItemModel *m_model = nullptr;
    // Topic (or a level above one) -> its row's first item, so updates go in place.
    QHash<QString, QStandardItem *> m_items;
    QTimer m_ageTimer;
    qint64 m_lastUpdateMs = 0;
    Retranslator m_texts;
};

} // namespace mqttdesk
