#pragma once

#include "core/connection/connection_settings.h"
#include "core/storage/message_filter.h"
#include "core/storage/stored_message.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/i18n/retranslator.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;

namespace mqttdesk {

class AppSettings;
class EventLoopLatencyProbe;
class HistoryExportBar;
class MessageComparer;
class MessageBubbleDelegate;
class MessagePayloadActions;
class MessageStreamModel;
class TimeFilterButton;

// The conversation: filter bar (all / received / published, topic filter with wildcards,
// payload search), the bubble list, and the tools around it. The list follows the tail only
// while the user is at the bottom; otherwise new rows are counted and a "N new messages"
// button jumps back. Pause stops the view while capture goes on. Scrolling to the top
// fetches older pages.
class MessageStreamView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMinFieldWidth = 200;

    MessageStreamView(MessageStreamModel *model, qint64 profileId, QWidget *parent = nullptr);

    MessageStreamModel *model() const { return m_model; }
    QListView *listView() const { return m_list; }
    MessageComparer *comparer() const;
    MessagePayloadActions *payloadActions() const { return m_payloadActions; }
    MessageBubbleDelegate *delegate() const { return m_delegate; }

    // The filter from the bar's fields; applied after a short pause in typing.
    MessageFilter currentFilter() const;
    void applyFilter();
    // Puts `filter` in the bar's topic filter field and applies it at once ("show in stream").
    void setTopicFilter(const QString &filter);
    QString filterError() const;

    // Remembers compact mode per connection and reads the bubble's preview lines; may be
    // nullptr (tests): compact mode is then not remembered.
    void setSettings(AppSettings *settings);
    // One row per message (a log) instead of bubbles.
    void setCompact(bool compact);
    bool isCompact() const;
    // The connection's address and TLS files, for "Copy as mosquitto_pub command" (secrets
    // are dropped).
    void setCommandSettings(const ConnectionSettings &settings);
    // Copies the message of `row` as a mosquitto_pub command line, once its whole payload is
    // at hand.
    void copyAsCommand(int row);

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    bool isAtBottom() const;
    void jumpToNewest();
    // Shows the stored messages around `time` and selects the first at or after it.
    void jumpToTime(const QDateTime &time);
    TimeFilterButton *timeButton() const { return m_time; }
    // The filter fields sit on a row of their own when the bar is too narrow for them.
    bool fieldsOnOwnRow() const { return m_fieldsOnOwnRow; }

    // Exports every stored message matching the stream's filter (not only the loaded rows)
    // to `path` on a worker thread, JSON Lines or CSV by the name's extension; progress and
    // Cancel show in the export strip. false when an export is already running.
    bool startExport(const QString &path);
    // Asks for a file (Prompts) and starts the export.
    void exportHistory();
    HistoryExportBar *exportBar() const { return m_exportBar; }
    // Asks for confirmation (Prompts); emits clearRequested when confirmed.
    void requestClear();

    // Through MessagePayloadActions (payloadActions()): each acts once the row's whole
    // payload is at hand; a failed read is shown (Prompts::warn).
    void copyPayload(int row);
    void savePayload(int row);
    void showAll(int row);
    void resend(int row);
    // Payload reads asked for and not answered yet.
    int pendingPayloadReads() const;
    // Runs the event-loop latency probe and shows its figures under the filter bar (and
    // through diagnosticsUpdated, e.g. for a status bar); off by default.
    void setDiagnosticsVisible(bool visible);
    bool isDiagnosticsVisible() const;
    EventLoopLatencyProbe *latencyProbe() const { return m_probe; }

    QLineEdit *topicFilterEdit() const { return m_topicFilter; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *directionBox() const { return m_direction; }
    QPushButton *newMessagesButton() const { return m_newMessages; }
    QToolButton *pauseButton() const { return m_pause; }
    QToolButton *exportButton() const { return m_export; }
    QToolButton *compactButton() const { return m_compact; }
    // "⋯": Export, Clear and Diagnostics, rarely used, so that the filter fields keep room.
    QToolButton *moreButton() const { return m_more; }

signals:
    void clearRequested();
    // "Decoding…": the user wants to edit the connection's decoding rules.
    void decodingRulesRequested();
    // "Resend" from a bubble's menu.
    void resendRequested(const mqttdesk::StoredMessage &message);
    // "Chart this" from a bubble's menu or its Show all dialog: the series to add.
    void chartRequested(const mqttdesk::ChartSeriesSpec &spec);
    // Once a second while diagnostics are on: "GUI latency p50 … · p99 … · max …";
    // empty when they are switched off.
    void diagnosticsUpdated(const QString &summary);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onScrolled(int value);
    void onAppended(int count);
    void onOlderPrepended(int count);
    void onNewerAppended(int count);
    void onJumped(int row);
    void onPendingChanged(qint64 count);
    void showContextMenu(const QPoint &pos);
    void updateLayoutMode();
    void applyLook();
    // Keeps the filter fields at least kMinFieldWidth wide each: first Export, Clear and
    // Diagnostics go behind "⋯", then the fields move to a row of their own.
    void updateOverflow();
    void placeFields(bool ownRow);
    void fillMoreMenu();
    // Hex previews show as many bytes a line as the bubbles' width holds with their ASCII.
    void updateHexBytesPerLine();

    MessageStreamModel *m_model;
    qint64 m_profileId;
    MessageBubbleDelegate *m_delegate = nullptr;
    QListView *m_list = nullptr;
    QComboBox *m_direction = nullptr;
    QLineEdit *m_topicFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_filterError = nullptr;
    QToolButton *m_pause = nullptr;
    QToolButton *m_clear = nullptr;
    QToolButton *m_export = nullptr;
    QToolButton *m_diagnostics = nullptr;
    QToolButton *m_decoding = nullptr;
    QToolButton *m_compact = nullptr;
    QToolButton *m_more = nullptr;
    QMenu *m_moreMenu = nullptr;
    QHBoxLayout *m_bar = nullptr;
    QHBoxLayout *m_fieldsRow = nullptr;
    QLabel *m_topicLabel = nullptr;
    QLabel *m_searchLabel = nullptr;
    TimeFilterButton *m_time = nullptr;
    bool m_fieldsOnOwnRow = false;
    Retranslator m_texts;
    AppSettings *m_settings = nullptr;
    QPushButton *m_newMessages = nullptr;
    QLabel *m_diagnosticsLabel = nullptr;
    HistoryExportBar *m_exportBar = nullptr;
    MessagePayloadActions *m_payloadActions = nullptr;
    QTimer *m_filterTimer = nullptr;
    QTimer *m_diagnosticsTimer = nullptr;
    EventLoopLatencyProbe *m_probe = nullptr;
    qint64 m_anchorId = 0;       // the top row while an older page is read
    qint64 m_bottomAnchorId = 0; // the bottom row while a newer page is read
    bool m_paused = false;
    bool m_adjusting = false;
};

} // namespace mqttdesk
