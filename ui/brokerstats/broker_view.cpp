#include "ui/brokerstats/broker_view.h"

#include "core/brokerstats/broker_stats_watcher.h"
#include "core/connection/connection.h"
#include "ui/brokerstats/sparkline.h"
#include "ui/theme/theme.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace mqttdesk {

namespace {

const QString kDash = QStringLiteral("—");

using Rate = BrokerStats::Rate;

// The figures shown with a sparkline, in the order of BrokerView::Figure after Heap.
constexpr std::array<Rate, BrokerStats::RateCount> kRates{
    Rate::MessagesReceived, Rate::MessagesSent, Rate::BytesReceived, Rate::BytesSent};

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(kDash, parent);
    // Figures can be copied; selectable by mouse only, so Tab does not stop at each.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")));
    return label;
}

QString count(const std::optional<qint64> &value)
{
    return value ? QLocale().toString(*value) : kDash;
}

QString number(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 1) : kDash;
}

QString bytes(qint64 value)
{
    return QLocale().formattedDataSize(value, 1);
}

} // namespace

BrokerView::BrokerView(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_watcher(new BrokerStatsWatcher(connection, this))
{
    // Header: what the broker is and how long it has run.
    auto *versionName = new QLabel(this);
    m_version = valueLabel(this);
    QFont big = m_version->font();
    big.setBold(true);
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * 1.25);
    m_version->setFont(big);
    versionName->setBuddy(m_version);
    auto *uptimeName = new QLabel(this);
    m_uptime = valueLabel(this);
    uptimeName->setBuddy(m_uptime);
    m_age = new QLabel(this);
    Theme::setTextRole(m_age, Theme::Text::Muted);
    auto *header = new QHBoxLayout;
    header->addWidget(versionName);
    header->addWidget(m_version);
    header->addSpacing(24);
    header->addWidget(uptimeName);
    header->addWidget(m_uptime);
    header->addStretch(1);
    header->addWidget(m_age);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    // Figures: counts on the left, rates with their sparklines on the right.
    m_figuresBox = new QWidget(this);
    auto *grid = new QGridLayout(m_figuresBox);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setHorizontalSpacing(12);
    std::array<QLabel *, FigureCount> names{};
    for (int i = 0; i < FigureCount; ++i) {
        names[i] = new QLabel(m_figuresBox);
        m_figures[i] = valueLabel(m_figuresBox);
        m_figures[i]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        names[i]->setBuddy(m_figures[i]);
    }
    const int firstRate = int(Figure::MessagesReceived);
    for (int i = 0; i < firstRate; ++i) {
        grid->addWidget(names[i], i, 0);
        grid->addWidget(m_figures[i], i, 1);
    }
    for (int r = 0; r < BrokerStats::RateCount; ++r) {
        const int i = firstRate + r;
        m_sparklines[r] = new Sparkline(m_figuresBox);
        m_sparklines[r]->setMaximumWidth(480); // a wide window would flatten the line
        grid->addWidget(names[i], r, 3);
        grid->addWidget(m_figures[i], r, 4);
        grid->addWidget(m_sparklines[r], r, 5);
    }
    grid->setColumnMinimumWidth(2, 24);
    grid->setColumnStretch(5, 2);
    grid->setColumnStretch(6, 1);
    // Every row as tall as a sparkline, so both columns keep one rhythm.
    for (int row = 0; row < firstRate; ++row)
        grid->setRowMinimumHeight(row, m_sparklines[0]->sizeHint().height());
    grid->setRowStretch(firstRate, 1);

    // Every $SYS topic, as a tree by level, with its latest value.
    auto *treeBox = new QWidget(this);
    auto *treeTitle = new QLabel(treeBox);
    m_model = new QStandardItemModel(0, 2, this);
    m_tree = new QTreeView(treeBox);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, 320);
    treeTitle->setBuddy(m_tree);
    auto *treeLayout = new QVBoxLayout(treeBox);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(treeTitle);
    treeLayout->addWidget(m_tree, 1);

    // The figures scroll when the window is short (1280x800 with CJK fonts, the log shown):
    // their rows would otherwise set the whole window's minimum height.
    auto *figuresScroll = new QScrollArea(this);
    figuresScroll->setObjectName(QStringLiteral("brokerFiguresScroll"));
    figuresScroll->setWidgetResizable(true);
    figuresScroll->setFrameShape(QFrame::NoFrame);
    figuresScroll->setWidget(m_figuresBox);
    figuresScroll->setMinimumHeight(3 * m_sparklines[0]->sizeHint().height());
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(figuresScroll);
    split->addWidget(treeBox);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    m_texts.add([=, this] {
        versionName->setText(tr("&Version:"));
        m_version->setAccessibleName(tr("Broker version"));
        uptimeName->setText(tr("&Uptime:"));
        m_uptime->setAccessibleName(tr("Broker uptime"));
        const std::array<QString, FigureCount> texts{
            tr("Clients connected"),       tr("Clients total"),     tr("Clients maximum"),
            tr("Subscriptions"),           tr("Retained messages"), tr("Load, 1 / 5 / 15 min"),
            tr("Heap, current / maximum"), tr("Messages received"), tr("Messages sent"),
            tr("Bytes received"),          tr("Bytes sent"),
        };
        for (int i = 0; i < FigureCount; ++i) {
            names[i]->setText(texts[i] + QLatin1Char(':'));
            m_figures[i]->setAccessibleName(texts[i]);
        }
        m_figures[int(Figure::ClientsTotal)]->setToolTip(
            tr("Clients connected plus disconnected clients with a kept session"));
        m_figures[int(Figure::ClientsMaximum)]->setToolTip(
            tr("The most clients connected at once since the broker started"));
        m_figures[int(Figure::Load)]->setToolTip(
            tr("Messages received per minute, averaged over 1, 5 and 15 minutes"));
        for (int r = 0; r < BrokerStats::RateCount; ++r) {
            m_sparklines[r]->setAccessibleName(
                tr("%1 per second, up to the last 5 minutes").arg(texts[firstRate + r]));
            m_sparklines[r]->setToolTip(m_sparklines[r]->accessibleName());
        }
        treeTitle->setText(tr("All $SYS &topics:"));
        m_tree->setAccessibleName(tr("$SYS topics"));
        m_model->setHorizontalHeaderLabels({tr("Topic"), tr("Value")});
        refresh();
    });

    connect(m_watcher, &BrokerStatsWatcher::changed, this, [this] {
        m_lastUpdateMs = QDateTime::currentMSecsSinceEpoch();
        refresh();
    });
    connect(m_watcher, &BrokerStatsWatcher::statusChanged, this, &BrokerView::updateState);
    if (connection)
        connect(connection, &Connection::stateChanged, this, &BrokerView::updateState);
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &BrokerView::updateAge);
}

BrokerView::~BrokerView()
{
    // The watcher is deleted with the other children by ~QWidget, and stopping it announces
    // its status: that must not reach this view, which is then no longer a BrokerView.
    m_watcher->disconnect(this);
}

void BrokerView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_watcher->start();
    m_ageTimer.start();
    updateState();
}

void BrokerView::hideEvent(QHideEvent *event)
{
    // $SYS/# is subscribed only while someone looks at it.
    m_watcher->stop();
    m_ageTimer.stop();
    QWidget::hideEvent(event);
}

void BrokerView::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

QString BrokerView::uptimeText(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return tr("%1 d %2 h %3 min").arg(days).arg(hours).arg(minutes);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    return tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
}

void BrokerView::refresh()
{
    updateFigures();
    updateTopics();
    updateState();
    updateAge();
}

void BrokerView::updateFigures()
{
    const BrokerStats &s = m_watcher->stats();
    QString version = s.version.value_or(QString());
    if (!version.isEmpty() && s.flavour() == BrokerStats::Flavour::Mosquitto)
        version = QStringLiteral("mosquitto %1").arg(version);
    else if (!version.isEmpty() && s.flavour() == BrokerStats::Flavour::Emqx)
        version = QStringLiteral("EMQX %1").arg(version);
    m_version->setText(version.isEmpty() ? kDash : version);
    m_uptime->setText(s.uptimeSeconds ? uptimeText(*s.uptimeSeconds) : kDash);

    auto set = [this](Figure f, const QString &text) { m_figures[int(f)]->setText(text); };
    set(Figure::ClientsConnected, count(s.clientsConnected));
    set(Figure::ClientsTotal, count(s.clientsTotal));
    set(Figure::ClientsMaximum, count(s.clientsMaximum));
    set(Figure::Subscriptions, count(s.subscriptions));
    set(Figure::Retained, count(s.retained));
    if (s.load1 || s.load5 || s.load15)
        set(Figure::Load,
            QStringLiteral("%1 / %2 / %3").arg(number(s.load1), number(s.load5), number(s.load15)));
    else
        set(Figure::Load, kDash);
    if (s.heapCurrent && s.heapMaximum)
        set(Figure::Heap,
            QStringLiteral("%1 / %2").arg(bytes(*s.heapCurrent), bytes(*s.heapMaximum)));
    else if (s.heapCurrent)
        set(Figure::Heap, bytes(*s.heapCurrent));
    else
        set(Figure::Heap, kDash);

    for (int r = 0; r < BrokerStats::RateCount; ++r) {
        const Rate rate = kRates[r];
        const std::optional<double> perSecond = s.rate(rate);
        QString text = kDash;
        if (perSecond) {
            const bool isBytes = rate == Rate::BytesReceived || rate == Rate::BytesSent;
            // Two decimals below one a second, so a quiet broker does not read 0.0/s.
            text = tr("%1/s").arg(
                isBytes ? bytes(qint64(*perSecond + 0.5))
                        : QLocale().toString(*perSecond, 'f', *perSecond < 1 ? 2 : 1));
        }
        set(static_cast<Figure>(int(Figure::MessagesReceived) + r), text);
        m_sparklines[r]->setPoints(s.history(rate), ChartWindowUs);
    }
}

QStandardItem *BrokerView::topicItem(const QString &topic)
{
    if (QStandardItem *item = m_items.value(topic))
        return item;
    const qsizetype slash = topic.lastIndexOf(QLatin1Char('/'));
    QStandardItem *parent = slash > 0 ? topicItem(topic.left(slash)) : m_model->invisibleRootItem();
    const QString level = slash > 0 ? topic.mid(slash + 1) : topic;
    // Siblings stay sorted by name, whatever order the broker publishes them in.
    int row = 0;
    while (row < parent->rowCount() &&
           QString::compare(parent->child(row)->text(), level, Qt::CaseInsensitive) < 0)
        ++row;
    auto *item = new QStandardItem(level);
    item->setToolTip(topic);
    parent->insertRow(row, {item, new QStandardItem});
    m_items.insert(topic, item);
    // `$SYS` and the broker's own level open, the rest stays folded.
    if (topic.count(QLatin1Char('/')) < 2)
        m_tree->expand(item->index());
    return item;
}

void BrokerView::updateTopics()
{
    for (const BrokerStats::TopicValue &t : m_watcher->stats().topics()) {
        QStandardItem *item = topicItem(t.topic);
        QStandardItem *parent = item->parent() ? item->parent() : m_model->invisibleRootItem();
        QStandardItem *value = parent->child(item->row(), 1);
        if (value && value->text() != t.value) {
            value->setText(t.value);
            value->setToolTip(t.value);
        }
    }
}

void BrokerView::updateState()
{
    const bool connected = m_connection && m_connection->state() == SessionState::Connected;
    QString message;
    if (!connected) {
        message = tr("Not connected.");
    } else {
        switch (m_watcher->status()) {
        case BrokerStatsWatcher::Status::Silent:
            message = tr("This broker published no $SYS topics within %1 s. mosquitto publishes "
                         "them unless sys_interval is 0; EMQX and HiveMQ need them enabled.")
                          .arg(QLocale().toString(m_watcher->silenceTimeout() / 1000.0, 'g', 3));
            break;
        case BrokerStatsWatcher::Status::Refused:
            message = m_watcher->errorString();
            break;
        case BrokerStatsWatcher::Status::Waiting:
            if (!m_watcher->stats().hasAny())
                message = tr("Waiting for the broker's $SYS topics…");
            break;
        case BrokerStatsWatcher::Status::Stopped:
        case BrokerStatsWatcher::Status::Receiving:
            break;
        }
    }
    const bool problem = !connected || m_watcher->status() == BrokerStatsWatcher::Status::Silent ||
                         m_watcher->status() == BrokerStatsWatcher::Status::Refused;
    Theme::setTextRole(m_message, problem ? Theme::Text::Warning : Theme::Text::Muted);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void BrokerView::updateAge()
{
    if (m_lastUpdateMs == 0) {
        m_age->clear();
        return;
    }
    const qint64 seconds =
        std::max<qint64>(0, (QDateTime::currentMSecsSinceEpoch() - m_lastUpdateMs) / 1000);
    m_age->setText(seconds < 120 ? tr("Updated %1 s ago").arg(seconds)
                                 : tr("Updated %1 min ago").arg(seconds / 60));
}

} // namespace mqttdesk
