#pragma once

#include "core/storage/message_filter.h"
#include "core/storage/stored_message.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;
class QToolButton;

namespace mqttdesk {

class EventLoopLatencyProbe;
class MessageBubbleDelegate;
class MessageStreamModel;

// The conversation: filter bar (all / received / published, topic filter with wildcards,
// payload search), the bubble list, and the tools around it. The list follows the tail only
// while the user is at the bottom; otherwise new rows are counted and a "N new messages"
// button jumps back. Pause stops the view while capture goes on. Scrolling to the top
// fetches older pages.
class MessageStreamView : public QWidget
{
    Q_OBJECT
public:
    MessageStreamView(MessageStreamModel *model, qint64 profileId, QWidget *parent = nullptr);

    MessageStreamModel *model() const { return m_model; }
    QListView *listView() const { return m_list; }
    MessageBubbleDelegate *delegate() const { return m_delegate; }

    // The filter from the bar's fields; applied after a short pause in typing.
    MessageFilter currentFilter() const;
    void applyFilter();
    QString filterError() const;

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    bool isAtBottom() const;
    void jumpToNewest();

    // Writes the loaded rows matching the filter as JSON Lines; the row count or -1.
    qint64 exportTo(const QString &path, QString *error = nullptr) const;
    // Asks for a file (Prompts) and exports.
    void exportVisible();
    // Asks for confirmation (Prompts); emits clearRequested when confirmed.
    void requestClear();

    void copyPayload(int row) const;
    void savePayload(int row);
    void showAll(int row);
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

signals:
    void clearRequested();
    // "Resend" from a bubble's menu.
    void resendRequested(const mqttdesk::StoredMessage &message);
    // Once a second while diagnostics are on: "GUI latency p50 … · p99 … · max …";
    // empty when they are switched off.
    void diagnosticsUpdated(const QString &summary);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onScrolled(int value);
    void onAppended(int count);
    void onOlderPrepended(int count);
    void onPendingChanged(qint64 count);
    void showContextMenu(const QPoint &pos);
    void updateUniformity();

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
    QPushButton *m_newMessages = nullptr;
    QLabel *m_diagnosticsLabel = nullptr;
    QTimer *m_filterTimer = nullptr;
    QTimer *m_diagnosticsTimer = nullptr;
    EventLoopLatencyProbe *m_probe = nullptr;
    qint64 m_anchorId = 0; // the top row while an older page is read
    bool m_paused = false;
    bool m_adjusting = false;
};

} // namespace mqttdesk
