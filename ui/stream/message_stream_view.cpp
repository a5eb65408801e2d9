#include "ui/stream/message_stream_view.h"

#include "core/payload/hex_dump.h"
#include "core/payload/payload_decoder.h"
#include "core/protocol/topic.h"
#include "core/settings/app_settings.h"
#include "ui/stream/event_loop_latency_probe.h"
#include "ui/stream/history_export_bar.h"
#include "ui/stream/message_bubble_delegate.h"
#include "ui/stream/message_payload_actions.h"
#include "ui/stream/message_stream_model.h"
#include "ui/stream/time_filter_button.h"
#include "ui/theme/theme.h"
#include "ui/widgets/decoder_combo.h"
#include "ui/widgets/prompts.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace mqttdesk {

MessageStreamView::MessageStreamView(MessageStreamModel *model, qint64 profileId, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_profileId(profileId)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QHBoxLayout;
    auto *showLabel = new QLabel(this);
    m_direction = new QComboBox(this);
    m_direction->addItems({QString(), QString(), QString()});
    showLabel->setBuddy(m_direction);
    auto *topicLabel = new QLabel(this);
    m_topicLabel = topicLabel;
    m_topicFilter = new QLineEdit(this);
    m_topicFilter->setClearButtonEnabled(true);
    topicLabel->setBuddy(m_topicFilter);
    auto *searchLabel = new QLabel(this);
    m_searchLabel = searchLabel;
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    m_pause = new QToolButton(this);
    m_pause->setCheckable(true);
    m_export = new QToolButton(this);
    m_clear = new QToolButton(this);
    m_diagnostics = new QToolButton(this);
    m_diagnostics->setCheckable(true);
    m_decoding = new QToolButton(this);
    m_compact = new QToolButton(this);
    m_compact->setCheckable(true);
    m_more = new QToolButton(this);
    m_more->setText(QStringLiteral("⋯"));
    m_texts.add([=, this] {
        showLabel->setText(tr("S&how:"));
        m_direction->setItemText(0, tr("All"));
        m_direction->setItemText(1, tr("Received"));
        m_direction->setItemText(2, tr("Published"));
        topicLabel->setText(tr("&Topic filter:"));
        m_topicFilter->setPlaceholderText(tr("e.g. sensors/#"));
        searchLabel->setText(tr("Sea&rch:"));
        m_search->setPlaceholderText(tr("words in the payload, or /regex/"));
        m_search->setToolTip(tr("Words that must all occur in the payload, or a regular "
                                "expression between slashes, e.g. /temp\\W+2[5-9]/ or "
                                "/(?i)alarm/"));
        m_pause->setText(tr("Pause"));
        m_pause->setToolTip(tr("Pause the view; messages are still received and stored"));
        m_pause->setAccessibleName(tr("Pause view"));
        m_export->setText(tr("Export…"));
        m_export->setToolTip(tr("Export every stored message that matches the filter to a JSON "
                                "Lines or CSV file"));
        m_export->setAccessibleName(tr("Export messages"));
        m_clear->setText(tr("Clear…"));
        m_clear->setToolTip(tr("Delete the stored history of this connection"));
        m_clear->setAccessibleName(tr("Clear history"));
        m_diagnostics->setText(tr("Diagnostics"));
        m_diagnostics->setToolTip(tr("Show how quickly the window responds (event-loop latency)"));
        m_diagnostics->setAccessibleName(tr("Diagnostics"));
        m_decoding->setText(tr("Decoding…"));
        m_decoding->setToolTip(tr("Decode topics with Protobuf, numeric arrays or another format "
                                  "by rule; the stored history is shown again at once"));
        m_decoding->setAccessibleName(tr("Decoding rules"));
        m_compact->setText(tr("Compact"));
        m_compact->setToolTip(tr("One line per message, like a log (remembered per connection)"));
        m_compact->setAccessibleName(tr("Compact view"));
        m_more->setToolTip(tr("More: decoding, export, clear, diagnostics"));
        m_more->setAccessibleName(tr("More stream actions"));
    });
    m_more->setPopupMode(QToolButton::InstantPopup);
    m_moreMenu = new QMenu(m_more);
    m_more->setMenu(m_moreMenu);
    m_more->setVisible(false);
    m_time = new TimeFilterButton(this);
    m_time->setInitialTime([this] {
        const QModelIndex current = m_list->currentIndex();
        return current.isValid() ? current.data(MessageStreamModel::TimeRole).toDateTime()
                                 : QDateTime::currentDateTime();
    });
    m_topicFilter->setMinimumWidth(120);
    m_search->setMinimumWidth(120);
    bar->addWidget(showLabel);
    bar->addWidget(m_direction);
    bar->addWidget(topicLabel);
    bar->addWidget(m_topicFilter, 1);
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    // Takes the room the fields leave when they sit on their own row (they stretch first).
    bar->addStretch(0);
    bar->addWidget(m_time);
    bar->addWidget(m_compact);
    bar->addWidget(m_pause);
    bar->addWidget(m_decoding);
    bar->addWidget(m_export);
    bar->addWidget(m_clear);
    bar->addWidget(m_diagnostics);
    bar->addWidget(m_more);
    layout->addLayout(bar);
    m_bar = bar;
    m_fieldsRow = new QHBoxLayout;
    layout->addLayout(m_fieldsRow);

    m_filterError = new QLabel(this);
    Theme::setTextRole(m_filterError, Theme::Text::Error);
    m_filterError->setWordWrap(true);
    m_filterError->setVisible(false);
    layout->addWidget(m_filterError);
    m_diagnosticsLabel = new QLabel(this);
    m_diagnosticsLabel->setVisible(false);
    layout->addWidget(m_diagnosticsLabel);
    m_exportBar = new HistoryExportBar(this);
    m_payloadActions = new MessagePayloadActions(m_model, this);
    connect(m_payloadActions, &MessagePayloadActions::resendRequested, this,
            &MessageStreamView::resendRequested);
    connect(m_payloadActions, &MessagePayloadActions::chartRequested, this,
            &MessageStreamView::chartRequested);
    layout->addWidget(m_exportBar);

    m_list = new QListView(this);
    m_delegate = new MessageBubbleDelegate(m_list);
    m_list->setItemDelegate(m_delegate);
    m_list->setModel(m_model);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(false);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_texts.add([this] { m_list->setAccessibleName(tr("Messages")); });
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->installEventFilter(this);
    m_list->viewport()->installEventFilter(this);
    layout->addWidget(m_list, 1);

    m_newMessages = new QPushButton(m_list);
    m_newMessages->setVisible(false);
    m_newMessages->setCursor(Qt::PointingHandCursor);

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(300);
    m_diagnosticsTimer = new QTimer(this);
    m_diagnosticsTimer->setInterval(1000);
    m_probe = new EventLoopLatencyProbe(this);

    connect(m_direction, &QComboBox::currentIndexChanged, this, &MessageStreamView::applyFilter);
    connect(m_topicFilter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_topicFilter, &QLineEdit::returnPressed, this, &MessageStreamView::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &MessageStreamView::applyFilter);
    connect(m_filterTimer, &QTimer::timeout, this, &MessageStreamView::applyFilter);
    connect(m_pause, &QToolButton::toggled, this, &MessageStreamView::setPaused);
    connect(m_compact, &QToolButton::toggled, this, &MessageStreamView::setCompact);
    connect(m_moreMenu, &QMenu::aboutToShow, this, &MessageStreamView::fillMoreMenu);
    connect(m_list, &QListView::doubleClicked, this,
            [this](const QModelIndex &index) { showAll(index.row()); });
    connect(m_export, &QToolButton::clicked, this, &MessageStreamView::exportHistory);
    // One export at a time; the stream stays usable meanwhile.
    connect(m_exportBar, &HistoryExportBar::runningChanged, m_export,
            [this](bool running) { m_export->setEnabled(!running); });
    connect(m_clear, &QToolButton::clicked, this, &MessageStreamView::requestClear);
    connect(m_decoding, &QToolButton::clicked, this, &MessageStreamView::decodingRulesRequested);
    connect(m_diagnostics, &QToolButton::toggled, this, &MessageStreamView::setDiagnosticsVisible);
    connect(m_diagnosticsTimer, &QTimer::timeout, this, [this] {
        m_diagnosticsLabel->setText(m_probe->summary());
        emit diagnosticsUpdated(m_probe->summary());
    });
    connect(m_newMessages, &QPushButton::clicked, this, &MessageStreamView::jumpToNewest);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &MessageStreamView::onScrolled);
    connect(m_list, &QListView::customContextMenuRequested, this,
            &MessageStreamView::showContextMenu);
    connect(m_model, &MessageStreamModel::rowsAppendedAtTail, this, &MessageStreamView::onAppended);
    connect(m_model, &MessageStreamModel::olderRowsPrepended, this,
            &MessageStreamView::onOlderPrepended);
    connect(m_model, &MessageStreamModel::newerRowsAppended, this,
            &MessageStreamView::onNewerAppended);
    connect(m_model, &MessageStreamModel::jumped, this, &MessageStreamView::onJumped);
    connect(m_time, &TimeFilterButton::rangeChanged, this, [this] {
        updateOverflow(); // the button names the range: it grew or shrank
        applyFilter();
    });
    connect(m_time, &TimeFilterButton::jumpRequested, this, &MessageStreamView::jumpToTime);
    connect(m_model, &MessageStreamModel::pendingCountChanged, this,
            &MessageStreamView::onPendingChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->isFollowing())
            QTimer::singleShot(0, m_list, &QListView::scrollToBottom);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                // A bubble's height changed: expanded, or a large payload's preview arrived.
                if (!isCompact() && (roles.contains(MessageStreamModel::ExpandedRole) ||
                                     roles.contains(MessageStreamModel::PreviewRole)))
                    m_list->doItemsLayout();
            });
    connect(m_delegate, &MessageBubbleDelegate::propertiesToggled, this,
            [this](const QModelIndex &index) { m_model->toggleExpanded(index.row()); });
    connect(m_delegate, &MessageBubbleDelegate::showAllRequested, this,
            [this](const QModelIndex &index) { showAll(index.row()); });

    setTabOrder(m_direction, m_topicFilter);
    setTabOrder(m_topicFilter, m_search);
    setTabOrder(m_search, m_time);
    setTabOrder(m_time, m_compact);
    setTabOrder(m_compact, m_pause);
    setTabOrder(m_pause, m_decoding);
    setTabOrder(m_decoding, m_export);
    setTabOrder(m_export, m_clear);
    setTabOrder(m_clear, m_diagnostics);
    setTabOrder(m_diagnostics, m_more);
    setTabOrder(m_more, m_list);
    updateOverflow();
    QTimer::singleShot(0, m_list, &QListView::scrollToBottom);
}

MessageFilter MessageStreamView::currentFilter() const
{
    MessageFilter filter;
    filter.profileId = m_profileId;
    if (m_direction->currentIndex() == 1)
        filter.direction = StoredMessage::Direction::Incoming;
    else if (m_direction->currentIndex() == 2)
        filter.direction = StoredMessage::Direction::Outgoing;
    filter.topicFilter = m_topicFilter->text().trimmed();
    // "/pattern/" is a regular expression over the payload; anything else, words.
    const QString search = m_search->text().trimmed();
    if (search.size() >= 2 && search.startsWith(QLatin1Char('/')) &&
        search.endsWith(QLatin1Char('/')))
        filter.payloadRegex = search.mid(1, search.size() - 2);
    else
        filter.text = search;
    if (const auto from = m_time->from())
        filter.fromUs = from->toMSecsSinceEpoch() * 1000;
    if (const auto to = m_time->to()) // the whole last millisecond is in
        filter.toUs = to->toMSecsSinceEpoch() * 1000 + 999;
    return filter;
}

QString MessageStreamView::filterError() const
{
    return m_filterError->isHidden() ? QString() : m_filterError->text();
}

void MessageStreamView::setTopicFilter(const QString &filter)
{
    m_topicFilter->setText(filter);
    applyFilter();
}

void MessageStreamView::applyFilter()
{
    m_filterTimer->stop();
    const MessageFilter filter = currentFilter();
    if (!filter.topicFilter.isEmpty()) {
        if (auto error = Topic::validateFilter(filter.topicFilter)) {
            m_filterError->setText(tr("Topic filter: %1").arg(error->message()));
            m_filterError->setVisible(true);
            return;
        }
    }
    if (!filter.payloadRegex.isEmpty()) {
        const QRegularExpression regex(filter.payloadRegex);
        if (!regex.isValid()) {
            m_filterError->setText(tr("Search: the regular expression is not valid: %1 (at "
                                      "character %2)")
                                       .arg(regex.errorString())
                                       .arg(regex.patternErrorOffset() + 1));
            m_filterError->setVisible(true);
            return;
        }
    }
    m_filterError->setVisible(false);
    if (filter == m_model->filter())
        return;
    m_model->setFilter(filter);
    if (m_paused)
        m_model->setFollowing(false);
}

void MessageStreamView::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    if (paused)
        m_model->setFollowing(false);
    else if (isAtBottom())
        jumpToNewest();
    onPendingChanged(m_model->pendingCount());
}

bool MessageStreamView::isAtBottom() const
{
    const QScrollBar *bar = m_list->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void MessageStreamView::jumpToNewest()
{
    if (m_paused) {
        m_paused = false;
        m_pause->setChecked(false);
    }
    m_adjusting = true;
    m_model->followTail();
    m_list->scrollToBottom();
    m_adjusting = false;
}

void MessageStreamView::onScrolled(int value)
{
    if (m_adjusting)
        return;
    const QScrollBar *bar = m_list->verticalScrollBar();
    if (value <= bar->minimum() && m_model->canFetchOlder()) {
        // Older page (olderRowsPrepended keeps the row the user looks at in place).
        const QModelIndex top = m_list->indexAt(QPoint(4, 4));
        m_anchorId = top.isValid() ? top.data(MessageStreamModel::IdRole).toLongLong() : 0;
        m_adjusting = true;
        m_model->fetchOlder();
        m_adjusting = false;
        return;
    }
    if (isAtBottom()) {
        if (m_paused)
            return;
        if (m_model->canFetchNewer()) {
            // Newer page, read on seamlessly (onNewerAppended keeps the bottom row in place).
            const QModelIndex bottom = m_list->indexAt(QPoint(4, m_list->viewport()->height() - 4));
            m_bottomAnchorId =
                bottom.isValid() ? bottom.data(MessageStreamModel::IdRole).toLongLong() : 0;
            m_model->fetchNewer();
        } else if (!m_model->isFollowing() && m_model->reachesNewest()) {
            m_model->setFollowing(true);
        }
    } else if (m_model->isFollowing()) {
        m_model->setFollowing(false);
    }
}

void MessageStreamView::onOlderPrepended(int)
{
    const int row = m_anchorId > 0 ? m_model->rowOfId(m_anchorId) : -1;
    m_anchorId = 0;
    if (row < 0)
        return;
    const bool adjusting = std::exchange(m_adjusting, true);
    m_list->scrollTo(m_model->index(row), QAbstractItemView::PositionAtTop);
    m_adjusting = adjusting;
}

void MessageStreamView::onNewerAppended(int)
{
    // The oldest rows may have been trimmed: keep the row the user read in its place.
    const int row = m_bottomAnchorId > 0 ? m_model->rowOfId(m_bottomAnchorId) : -1;
    m_bottomAnchorId = 0;
    if (row < 0)
        return;
    const bool adjusting = std::exchange(m_adjusting, true);
    m_list->scrollTo(m_model->index(row), QAbstractItemView::PositionAtBottom);
    m_adjusting = adjusting;
}

void MessageStreamView::jumpToTime(const QDateTime &time)
{
    if (!time.isValid())
        return;
    m_model->jumpToTime(time.toMSecsSinceEpoch() * 1000);
}

void MessageStreamView::onJumped(int row)
{
    if (row < 0)
        return;
    const bool adjusting = std::exchange(m_adjusting, true);
    const QModelIndex index = m_model->index(row);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index, QAbstractItemView::PositionAtTop);
    m_adjusting = adjusting;
    m_list->setFocus();
}

void MessageStreamView::onAppended(int)
{
    if (m_model->isFollowing()) {
        m_adjusting = true;
        m_list->scrollToBottom();
        m_adjusting = false;
    }
}

void MessageStreamView::onPendingChanged(qint64 count)
{
    if (count <= 0) {
        m_newMessages->setVisible(false);
        return;
    }
    m_newMessages->setText(tr("%n new message(s) ↓", nullptr, int(qMin<qint64>(count, INT_MAX))));
    m_newMessages->setAccessibleName(m_newMessages->text());
    m_newMessages->adjustSize();
    const QRect area = m_list->viewport()->geometry();
    m_newMessages->move(area.center().x() - m_newMessages->width() / 2,
                        area.bottom() - m_newMessages->height() - 12);
    m_newMessages->setVisible(true);
    m_newMessages->raise();
}

void MessageStreamView::updateLayoutMode()
{
    // Compact rows all have one height: layout is O(1) per row. Bubbles follow their content.
    const bool compact = isCompact();
    m_delegate->setMode(compact ? MessageBubbleDelegate::Mode::Compact
                                : MessageBubbleDelegate::Mode::Bubbles);
    m_list->setUniformItemSizes(compact);
    m_list->doItemsLayout();
    m_list->viewport()->update();
    if (m_model->isFollowing())
        QTimer::singleShot(0, m_list, &QListView::scrollToBottom);
}

void MessageStreamView::setSettings(AppSettings *settings)
{
    m_settings = settings;
    if (!settings)
        return;
    m_delegate->setPreviewLines(settings->previewLines());
    applyLook();
    connect(settings, &AppSettings::changed, this, [this](AppSettings::Key key) {
        if (!m_settings)
            return;
        switch (key) {
        case AppSettings::Key::PreviewLines:
            m_delegate->setPreviewLines(m_settings->previewLines());
            if (!isCompact())
                m_list->doItemsLayout();
            break;
        case AppSettings::Key::StreamFontSize:
        case AppSettings::Key::PayloadFont:
        case AppSettings::Key::TimestampsUtc:
        case AppSettings::Key::TimestampFormat:
            applyLook();
            break;
        case AppSettings::Key::CompactByDefault:
            setCompact(m_settings->compactStream(m_profileId));
            break;
        default:
            break;
        }
    });
    setCompact(settings->compactStream(m_profileId));
}

void MessageStreamView::applyLook()
{
    // Settings > Stream: the size of both fonts, the payload's family, the time style.
    MessageBubbleDelegate::setTimeStyle(m_settings->timestampFormat(), m_settings->timestampsUtc());
    QFont font = QWidget::font();
    const int points = m_settings->streamFontSize();
    if (points > 0)
        font.setPointSize(points);
    m_list->setFont(points > 0 ? font : QFont());
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!m_settings->payloadFont().isEmpty()) {
        mono.setFamilies({m_settings->payloadFont()});
        mono.setStyleHint(QFont::Monospace);
    }
    if (points > 0)
        mono.setPointSize(points);
    m_delegate->setPayloadFont(mono);
    m_list->doItemsLayout();
    m_list->viewport()->update();
}

void MessageStreamView::setCompact(bool compact)
{
    if (m_compact->isChecked() != compact)
        m_compact->setChecked(compact); // comes back here through toggled
    if (m_settings)
        m_settings->setCompactStream(m_profileId, compact);
    if ((m_delegate->mode() == MessageBubbleDelegate::Mode::Compact) != compact)
        updateLayoutMode();
}

bool MessageStreamView::isCompact() const
{
    return m_compact->isChecked();
}

void MessageStreamView::setCommandSettings(const ConnectionSettings &settings)
{
    m_payloadActions->setCommandSettings(settings);
}

void MessageStreamView::copyAsCommand(int row)
{
    m_payloadActions->copyAsCommand(row);
}

void MessageStreamView::changeEvent(QEvent *event)
{
    if (m_texts.handle(event)) {
        // Texts computed from the state: the filter's error, the new-messages button, and
        // the bubbles (painted with translated words); the bar's widths changed too.
        if (!m_filterError->isHidden())
            applyFilter();
        onPendingChanged(m_model->pendingCount());
        m_list->viewport()->update();
        updateOverflow();
    }
    QWidget::changeEvent(event);
}

void MessageStreamView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateOverflow();
}

void MessageStreamView::updateOverflow()
{
    const QList<QWidget *> rare{m_decoding, m_export, m_clear, m_diagnostics};
    const QList<QWidget *> fields{m_topicLabel, m_topicFilter, m_searchLabel, m_search};
    const int spacing = qMax(0, m_bar->spacing());
    const auto widthOf = [spacing](QWidget *w) { return w->sizeHint().width() + spacing; };
    // The bar's other widgets (Show, Time, Compact, Pause) always stay on the first row.
    int fixed = 0;
    for (QWidget *w : QList<QWidget *>{m_direction, m_time, m_compact, m_pause})
        fixed += widthOf(w);
    for (int i = 0; i < m_bar->count(); ++i) {
        QWidget *w = m_bar->itemAt(i)->widget();
        if (w && qobject_cast<QLabel *>(w) && !fields.contains(w))
            fixed += widthOf(w); // "Show:"
    }
    int rareWidth = 0;
    for (QWidget *w : rare)
        rareWidth += widthOf(w);
    const int moreWidth = widthOf(m_more);
    const int labels = widthOf(m_topicLabel) + widthOf(m_searchLabel);
    const int fieldsWidth = labels + 2 * (kMinFieldWidth + spacing);
    const int room = width();
    // With a margin, so that a width near the threshold does not flip the layout back and
    // forth (the fields' own row changes the bar's minimum width).
    const int hysteresis = m_fieldsOnOwnRow ? 16 : 0;
    const bool ownRow = room < fixed + fieldsWidth + moreWidth + hysteresis;
    const int firstRow = ownRow ? room - fixed : room - fixed - fieldsWidth;
    const bool overflow = firstRow < rareWidth;
    placeFields(ownRow);
    for (QWidget *w : rare)
        w->setVisible(!overflow);
    m_more->setVisible(overflow);
}

void MessageStreamView::placeFields(bool ownRow)
{
    if (ownRow == m_fieldsOnOwnRow)
        return;
    m_fieldsOnOwnRow = ownRow;
    const QList<QWidget *> fields{m_topicLabel, m_topicFilter, m_searchLabel, m_search};
    for (QWidget *w : fields) {
        m_bar->removeWidget(w);
        m_fieldsRow->removeWidget(w);
    }
    if (ownRow) {
        for (QWidget *w : fields)
            m_fieldsRow->addWidget(w, w == m_topicFilter || w == m_search ? 1 : 0);
        return;
    }
    // Back after "Show" and its box, where they were.
    int at = m_bar->indexOf(m_direction) + 1;
    for (QWidget *w : fields)
        m_bar->insertWidget(at++, w, w == m_topicFilter || w == m_search ? 1 : 0);
}

void MessageStreamView::updateHexBytesPerLine()
{
    // A row is as wide as the viewport; the payload font is monospace.
    const QFontMetricsF metrics(m_delegate->payloadFont());
    const int room = MessageBubbleDelegate::previewWidth(m_list->viewport()->width());
    m_model->setHexBytesPerLine(
        HexDump::bytesPerLineFor(int(room / metrics.horizontalAdvance(QLatin1Char('0')))));
}

void MessageStreamView::fillMoreMenu()
{
    m_moreMenu->clear();
    m_moreMenu->addAction(m_decoding->text(), this, &MessageStreamView::decodingRulesRequested);
    QAction *exportAction =
        m_moreMenu->addAction(m_export->text(), this, &MessageStreamView::exportHistory);
    exportAction->setEnabled(m_export->isEnabled());
    m_moreMenu->addAction(m_clear->text(), this, &MessageStreamView::requestClear);
    QAction *diagnostics = m_moreMenu->addAction(m_diagnostics->text());
    diagnostics->setCheckable(true);
    diagnostics->setChecked(m_diagnostics->isChecked());
    connect(diagnostics, &QAction::toggled, this, &MessageStreamView::setDiagnosticsVisible);
}

bool MessageStreamView::startExport(const QString &path)
{
    // The filter the stream shows (not fields still being typed).
    return m_exportBar->start(m_model->databasePath(), path, m_model->filter());
}

void MessageStreamView::exportHistory()
{
    if (m_exportBar->isRunning())
        return;
    const QString path =
        Prompts::saveFileName(this, tr("Export messages"), QStringLiteral("messages.jsonl"),
                              tr("JSON Lines (*.jsonl);;CSV (*.csv);;All files (*)"));
    if (!path.isEmpty())
        startExport(path);
}

void MessageStreamView::requestClear()
{
    if (m_settings && !m_settings->confirmClearHistory()) {
        emit clearRequested(); // Settings > History: the user asked not to be asked
        return;
    }
    if (Prompts::confirmDestructive(
            this, tr("Clear history"),
            tr("Delete every stored message of this connection? This cannot "
               "be undone."),
            tr("Delete history")))
        emit clearRequested();
}

void MessageStreamView::copyPayload(int row)
{
    m_payloadActions->copyPayload(row);
}

void MessageStreamView::savePayload(int row)
{
    m_payloadActions->savePayload(row);
}

void MessageStreamView::showAll(int row)
{
    m_payloadActions->showAll(row);
}

void MessageStreamView::resend(int row)
{
    m_payloadActions->resend(row);
}

int MessageStreamView::pendingPayloadReads() const
{
    return m_payloadActions->pendingPayloadReads();
}

MessageComparer *MessageStreamView::comparer() const
{
    return m_payloadActions->comparer();
}

void MessageStreamView::setDiagnosticsVisible(bool visible)
{
    if (m_diagnostics->isChecked() != visible)
        m_diagnostics->setChecked(visible);
    m_diagnosticsLabel->setVisible(visible);
    if (visible) {
        m_probe->reset();
        if (!m_probe->isRunning())
            m_probe->start();
        m_diagnosticsTimer->start();
        m_diagnosticsLabel->setText(m_probe->summary());
        emit diagnosticsUpdated(m_probe->summary());
    } else {
        m_diagnosticsTimer->stop();
        m_probe->stop();
        emit diagnosticsUpdated(QString());
    }
}

bool MessageStreamView::isDiagnosticsVisible() const
{
    return m_diagnostics->isChecked();
}

void MessageStreamView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    const int row = index.row();
    QMenu menu(this);
    m_payloadActions->addMessageActions(&menu, row);
    QMenu *formats = menu.addMenu(tr("&Display as"));
    for (const PayloadDecoder *decoder :
         DecoderCombo::decoders(DecoderCombo::Offer::PayloadFormats)) {
        const PayloadFormat f = payloadFormatFromKey(decoder->id()).value_or(PayloadFormat::Auto);
        formats->addAction(decoder->name(), this,
                           [this, row, f] { m_model->setRowFormat(row, f); });
    }
    menu.addAction(tr("Show/hide &properties"), this,
                   [this, row] { m_model->toggleExpanded(row); });
    menu.addSeparator();
    m_payloadActions->addResendAction(&menu, row);
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

bool MessageStreamView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) && m_list->currentIndex().isValid()) {
            copyPayload(m_list->currentIndex().row());
            return true;
        }
        if (key->key() == Qt::Key_Space && m_list->currentIndex().isValid()) {
            m_model->toggleExpanded(m_list->currentIndex().row());
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_list->currentIndex().isValid()) {
            showAll(m_list->currentIndex().row());
            return true;
        }
    }
    if (watched == m_list && event->type() == QEvent::Resize)
        onPendingChanged(m_model->pendingCount());
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        updateHexBytesPerLine();
    return QWidget::eventFilter(watched, event);
}

} // namespace mqttdesk
