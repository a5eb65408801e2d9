#include "ui/packettrace/packet_inspector_view.h"

#include "core/connection/connection.h"
#include "core/packettrace/packet_trace_filter_model.h"
#include "core/packettrace/packet_trace_json.h"
#include "core/packettrace/packet_trace_model.h"
#include "ui/theme/theme.h"
#include "ui/widgets/prompts.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

constexpr int kTypeCount = int(PacketType::Auth);

} // namespace

PacketInspectorView::PacketInspectorView(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
{
    m_model = new PacketTraceModel(this);
    // Attached to the model only while it filters (updateShownModel()).
    m_filter = new PacketTraceFilterModel(this);

    // The packet types shown: a checkable menu, one entry per type.
    m_types = new QToolButton(this);
    m_types->setObjectName(QStringLiteral("packetTypesButton"));
    m_types->setPopupMode(QToolButton::InstantPopup);
    m_types->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_types->setFocusPolicy(Qt::StrongFocus);
    m_typesMenu = new QMenu(m_types);
    QAction *all = m_typesMenu->addAction(QString());
    m_typesMenu->addSeparator();
    QList<QAction *> typeActions;
    for (int t = int(PacketType::Connect); t <= kTypeCount; ++t) {
        QAction *action = m_typesMenu->addAction(packetTypeName(PacketType(t)));
        action->setCheckable(true);
        action->setChecked(true);
        action->setData(t);
        typeActions << action;
        connect(action, &QAction::toggled, this, [this, t](bool shown) {
            m_filter->setTypeShown(PacketType(t), shown);
            updateShownModel();
            updateTypesButton();
        });
    }
    connect(all, &QAction::triggered, this, [this, typeActions] {
        for (QAction *action : typeActions)
            action->setChecked(true);
        m_filter->showAllTypes();
        updateShownModel();
        updateTypesButton();
    });
    m_types->setMenu(m_typesMenu);

    m_topic = new QLineEdit(this);
    m_topic->setObjectName(QStringLiteral("packetTopicFilter"));
    m_topic->setClearButtonEnabled(true);
    m_topic->setMinimumWidth(200);
    connect(m_topic, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setTopicFilter(text);
        updateShownModel();
    });

    m_pause = new QToolButton(this);
    m_pause->setObjectName(QStringLiteral("packetPauseButton"));
    m_pause->setCheckable(true);
    m_pause->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pause->setFocusPolicy(Qt::StrongFocus);
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        m_texts.retranslate();
    });
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("packetClearButton"));
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_pending.clear(); // what had not been shown yet goes too
        m_model->clear();
    });
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("packetExportButton"));
    connect(m_export, &QPushButton::clicked, this, &PacketInspectorView::chooseExportFile);

    auto *top = new QHBoxLayout;
    top->addWidget(m_types);
    top->addWidget(m_topic, 1);
    top->addSpacing(12);
    top->addWidget(m_pause);
    top->addWidget(m_clear);
    top->addWidget(m_export);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("packetTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // One line per row: a fixed height keeps a 10,000-row table cheap to lay out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    const QFontMetrics fm = m_table->fontMetrics();
    const auto width = [&fm](const char *sample) {
        return fm.horizontalAdvance(QLatin1String(sample)) + 16;
    };
    m_table->setColumnWidth(PacketTraceModel::Time, width("0000.000000"));
    m_table->setColumnWidth(PacketTraceModel::Direction, width("Dir"));
    m_table->setColumnWidth(PacketTraceModel::Type, width("UNSUBSCRIBE"));
    m_table->setColumnWidth(PacketTraceModel::PacketId, width("65535"));
    m_table->setColumnWidth(PacketTraceModel::Qos, width("QoS"));
    m_table->setColumnWidth(PacketTraceModel::Flags, width("DUP RETAIN"));
    m_table->setColumnWidth(PacketTraceModel::Reason, width("0x87 Not authorized"));
    m_table->setColumnWidth(PacketTraceModel::Size, width("100000"));
    m_table->setColumnWidth(PacketTraceModel::Rtt, width("1240 ms"));
    header->setSectionResizeMode(PacketTraceModel::Topic, QHeaderView::Stretch);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_followTail = value >= m_table->verticalScrollBar()->maximum(); });

    m_gauge = new QLabel(this);
    m_gauge->setObjectName(QStringLiteral("packetInFlightGauge"));
    m_gauge->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_queue = new QLabel(this);
    m_queue->setObjectName(QStringLiteral("packetQueueLabel"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("packetCountLabel"));
    Theme::setTextRole(m_count, Theme::Text::Muted);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_gauge);
    bottom->addSpacing(24);
    bottom->addWidget(m_queue);
    bottom->addStretch(1);
    bottom->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    setTabOrder(m_types, m_topic);
    setTabOrder(m_topic, m_pause);
    setTabOrder(m_pause, m_clear);
    setTabOrder(m_clear, m_export);
    setTabOrder(m_export, m_table);

    m_texts.add([this, all] {
        setAccessibleName(tr("Packets"));
        all->setText(tr("Show all types"));
        m_types->setAccessibleName(tr("Packet types shown"));
        m_types->setToolTip(tr("Choose which MQTT packet types the table lists"));
        m_topic->setPlaceholderText(tr("Filter by topic"));
        m_topic->setAccessibleName(tr("Topic filter"));
        m_topic->setToolTip(tr("Show only packets whose topic or filter contains this text; an "
                               "acknowledgement follows the topic of its PUBLISH or SUBSCRIBE"));
        m_pause->setText(m_pause->isChecked() ? tr("Resume") : tr("Pause"));
        m_pause->setAccessibleName(tr("Pause the packet list"));
        m_pause->setToolTip(tr("Stop adding packets to the table; the in-flight gauge and the "
                               "round-trip times stay live"));
        m_clear->setText(tr("Clear"));
        m_clear->setAccessibleName(tr("Clear the packet list"));
        m_clear->setToolTip(tr("Remove every packet from the table"));
        m_export->setText(tr("Export…"));
        m_export->setAccessibleName(tr("Export packets"));
        m_export->setToolTip(tr("Save the packets shown as JSON Lines, one object per packet"));
        m_table->setAccessibleName(tr("Packets sent and received"));
        m_gauge->setToolTip(tr("Our QoS 1 and 2 messages waiting for their PUBACK or PUBCOMP, "
                               "and how many the server accepts at once (its Receive Maximum)"));
        m_queue->setToolTip(tr("Messages the session holds back: not connected, or the Receive "
                               "Maximum is reached"));
        updateTypesButton();
        updateGauge();
        updateCount();
    });

    connect(m_model, &PacketTraceModel::gaugeChanged, this, &PacketInspectorView::updateGauge);
    for (QAbstractItemModel *counted : {static_cast<QAbstractItemModel *>(m_model),
                                        static_cast<QAbstractItemModel *>(m_filter)}) {
        connect(counted, &QAbstractItemModel::rowsInserted, this,
                &PacketInspectorView::updateCount);
        connect(counted, &QAbstractItemModel::rowsRemoved, this, &PacketInspectorView::updateCount);
        connect(counted, &QAbstractItemModel::modelReset, this, &PacketInspectorView::updateCount);
        connect(counted, &QAbstractItemModel::layoutChanged, this,
                &PacketInspectorView::updateCount);
    }
    if (m_connection)
        connect(m_connection, &Connection::packetsTraced, this, &PacketInspectorView::onTraced);
    m_applyTimer = new QTimer(this);
    m_applyTimer->setSingleShot(true);
    connect(m_applyTimer, &QTimer::timeout, this, &PacketInspectorView::applyPending);
}

PacketInspectorView::~PacketInspectorView()
{
    setTracing(false);
}

void PacketInspectorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    setTracing(true);
}

void PacketInspectorView::hideEvent(QHideEvent *event)
{
    // Packets are traced only while someone looks at them.
    setTracing(false);
    QWidget::hideEvent(event);
}

void PacketInspectorView::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

void PacketInspectorView::setTracing(bool on)
{
    if (on == m_tracing || !m_connection)
        return;
    m_tracing = on;
    // Packets went by untraced while the view was hidden: what was waiting for an answer
    // then may have had it.
    if (on && m_everTraced)
        m_model->forgetFlows();
    if (!on)
        applyPending(); // traced while shown: kept, as the batches before them
    m_everTraced = m_everTraced || on;
    m_connection->setPacketTracing(on);
}

void PacketInspectorView::onTraced(const QList<PacketTraceEntry> &entries)
{
    if (!m_tracing)
        return; // a batch already on its way when the view was hidden
    // The connection sends a batch every 16 ms while packets flow; inserting each one and
    // repainting the table (its text layout) cost the GUI thread three times what the rest of
    // the ingest does on it. Batches are shown at most kApplyIntervalMs apart; a packet after
    // a quiet spell is shown at once.
    if (m_pending.isEmpty())
        m_pending = entries; // shared, not copied
    else
        m_pending.append(entries);
    if (m_applyTimer->isActive())
        return;
    const qint64 since = m_lastApply.isValid() ? m_lastApply.elapsed() : kApplyIntervalMs;
    if (since >= kApplyIntervalMs)
        applyPending();
    else
        m_applyTimer->start(int(kApplyIntervalMs - since));
}

void PacketInspectorView::applyPending()
{
    m_applyTimer->stop();
    if (m_pending.isEmpty())
        return;
    m_lastApply.start();
    QList<PacketTraceEntry> entries = std::exchange(m_pending, {});
    const QScrollBar *bar = m_table->verticalScrollBar();
    const bool follow = m_followTail || bar->value() >= bar->maximum();
    m_model->append(std::move(entries));
    if (follow && !m_model->isPaused())
        m_table->scrollToBottom();
    if (m_connection)
        m_queue->setText(
            tr("Queued %1").arg(QLocale().toString(qlonglong(m_connection->queuedCount()))));
}

void PacketInspectorView::updateGauge()
{
    const int inFlight = m_model->inFlight();
    const int maximum = m_model->receiveMaximum();
    m_gauge->setText(tr("In flight %1 / %2 (Receive Maximum)")
                         .arg(QLocale().toString(inFlight), QLocale().toString(maximum)));
    m_gauge->setAccessibleName(m_gauge->text());
    // A full window holds every further QoS 1/2 message back [MQTT-3.3.4-9].
    Theme::setTextRole(m_gauge, inFlight >= maximum ? Theme::Text::Warning : Theme::Text::Normal);
    // Also on a language change (retranslate calls this), not only at the next batch.
    if (m_connection)
        m_queue->setText(
            tr("Queued %1").arg(QLocale().toString(qlonglong(m_connection->queuedCount()))));
}

void PacketInspectorView::updateTypesButton()
{
    int shown = 0;
    for (int t = int(PacketType::Connect); t <= kTypeCount; ++t)
        shown += m_filter->isTypeShown(PacketType(t)) ? 1 : 0;
    m_types->setText(shown == kTypeCount ? tr("Types: all")
                                         : tr("Types: %1 of %2").arg(shown).arg(kTypeCount));
}

QAbstractItemModel *PacketInspectorView::shownModel() const
{
    return m_table->model();
}

int PacketInspectorView::modelRow(int shownRow) const
{
    if (m_table->model() != m_filter)
        return shownRow;
    return m_filter->mapToSource(m_filter->index(shownRow, 0)).row();
}

void PacketInspectorView::updateShownModel()
{
    // Without a filter the table reads the model directly: a QSortFilterProxyModel maps every
    // row of a flood, inserted and dropped again, for nothing (a third of this view's cost on
    // the GUI thread during one).
    const bool filtering = m_filter->isFiltering();
    QAbstractItemModel *wanted = filtering ? static_cast<QAbstractItemModel *>(m_filter) : m_model;
    if (m_table->model() == wanted)
        return;
    QHeaderView *header = m_table->horizontalHeader();
    QList<int> widths;
    for (int column = 0; column < header->count(); ++column)
        widths << header->sectionSize(column);
    QItemSelectionModel *oldSelection = m_table->selectionModel();
    if (filtering)
        m_filter->setSourceModel(m_model);
    m_table->setModel(wanted);
    if (!filtering)
        m_filter->setSourceModel(nullptr);
    delete oldSelection; // setModel() made a new one and leaves the old to its owner
    // A new model resets the header's sections: keep the widths the user saw.
    for (int column = 0; column < widths.size() && column < header->count(); ++column)
        header->resizeSection(column, widths.at(column));
    header->setSectionResizeMode(PacketTraceModel::Topic, QHeaderView::Stretch);
    if (m_followTail)
        m_table->scrollToBottom();
    updateCount();
}

void PacketInspectorView::updateCount()
{
    const QLocale locale;
    m_count->setText(tr("%1 of %2 packets shown (the last %3 are kept)")
                         .arg(locale.toString(shownModel()->rowCount()),
                              locale.toString(m_model->rowCount()),
                              locale.toString(qlonglong(m_model->capacity()))));
}

QString PacketInspectorView::exportTo(const QString &path) const
{
    QList<PacketTraceRecord> records;
    const int rows = shownModel()->rowCount();
    records.reserve(rows);
    for (int row = 0; row < rows; ++row)
        records.append(m_model->record(modelRow(row)));
    return PacketTraceJson::save(path, records);
}

void PacketInspectorView::chooseExportFile()
{
    const QString path = Prompts::saveFileName(
        this, tr("Export packets"), QDir::home().filePath(QStringLiteral("packets.jsonl")),
        tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    applyPending(); // everything traced until now, as the user expects of "export"
    if (const QString error = exportTo(path); !error.isEmpty())
        Prompts::warn(this, tr("Export packets"), error);
}

} // namespace mqttdesk
