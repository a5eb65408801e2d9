#pragma once

#include "core/payload/payload_format.h"

#include "core/storage/stored_message.h"
#include "ui/charts/chart_series_dialog.h"
#include "ui/i18n/retranslator.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace mqttdesk {

class HistoryReader;

// The selected node of the Topics view: its full topic, counts, rate and retained state
// (read from the model), its last message in full and its recent history on that exact
// topic, paged from storage on the reader's thread. "Show in stream" filters the stream to
// the topic or its subtree.
class TopicDetailPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 50;
    // Payload bytes shown in the panel; "Open in viewer" shows all of it.
    static constexpr qsizetype kShownBytes = 64 * 1024;

    TopicDetailPanel(HistoryReader *reader, qint64 profileId, QWidget *parent = nullptr);

    // A node of a TopicTreeModel.
    void showNode(const QModelIndex &index);
    // The node's numbers changed (its message stays until a new one is stored).
    void updateNumbers(const QModelIndex &index);
    void clear();

    QString topic() const { return m_topic; }
    // The recent messages on the topic loaded so far, newest first.
    const StoredMessageList &recent() const { return m_recent; }
    QTreeWidget *recentList() const { return m_list; }
    QPlainTextEdit *payloadView() const { return m_payload; }
    QPushButton *loadOlderButton() const { return m_older; }

    // Loads the newest page of the topic's history again (new messages arrived).
    void reload();
    void loadOlder();

signals:
    void showInStreamRequested(const QString &topicFilter);
    // "Chart this" in the inspector it opened: the series to add.
    void chartRequested(const mqttdesk::ChartSeriesSpec &spec);
    // A page arrived (tests wait on it).
    void recentLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fetch(bool older);
    void showMessage(int row);
    void openViewer();
    void updateFacts();

    HistoryReader *m_reader;
    qint64 m_profileId;
    QString m_topic;
    bool m_isTopic = false;
    QPersistentModelIndex m_index;
    StoredMessageList m_recent;
    bool m_hasOlder = false;
    quint64 m_generation = 0;
    int m_shown = -1;
    PayloadFormat m_format = PayloadFormat::Auto; // the topic's, as the stream shows it

    QLabel *m_title = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_messageFacts = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QPushButton *m_viewer = nullptr;
    QPushButton *m_showTopic = nullptr;
    QPushButton *m_showSubtree = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_older = nullptr;
    QLabel *m_status = nullptr;
    Retranslator m_texts;
};

} // namespace mqttdesk
