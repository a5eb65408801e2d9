#pragma once

#include "core/protocol/packet_trace_entry.h"
#include "ui/i18n/retranslator.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;

namespace mqttdesk {

class Connection;
class PacketTraceFilterModel;
class PacketTraceModel;

// The Packets tab of a connection: every MQTT packet sent and received, one row each (time,
// direction, type, packet id, QoS, flags, reason codes, topic, size on the wire, round-trip
// time), with requests linked to their answers (PacketTrace). Above it: a filter by packet
// type and by topic, the in-flight gauge ("In flight 3 / 20 (Receive Maximum)") and the
// session's send queue, Pause, Clear and Export… (JSON Lines, the rows shown).
//
// The connection traces packets only while this view is shown (showEvent/hideEvent), so a
// connection whose Packets tab is not open pays nothing for it. View > Log packets is
// separate and keeps working beside it.
class PacketInspectorView : public QWidget
{
    Q_OBJECT
public:
    explicit PacketInspectorView(Connection *connection, QWidget *parent = nullptr);
    ~PacketInspectorView() override;

    PacketTraceModel *model() const { return m_model; }
    PacketTraceFilterModel *filterModel() const { return m_filter; }
    // What the table shows: the filter while a type is hidden or a topic typed, else the
    // model itself. modelRow() maps a row of it to the model's.
    QAbstractItemModel *shownModel() const;
    int modelRow(int shownRow) const;
    QTableView *table() const { return m_table; }
    QToolButton *typesButton() const { return m_types; }
    QMenu *typesMenu() const { return m_typesMenu; }
    QLineEdit *topicFilterEdit() const { return m_topic; }
    QLabel *gaugeLabel() const { return m_gauge; }
    QLabel *queueLabel() const { return m_queue; }
    QToolButton *pauseButton() const { return m_pause; }
    QPushButton *clearButton() const { return m_clear; }
    QPushButton *exportButton() const { return m_export; }
    // The connection is asked to trace packets (the view is shown).
    bool isTracing() const { return m_tracing; }

    // Writes the rows shown (the filters applied) to `path` as JSON Lines; the reason when
    // it cannot, empty when written.
    QString exportTo(const QString &path) const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setTracing(bool on);
    void onTraced(const QList<PacketTraceEntry> &entries);
    // Shows the batches received since the last time.
    void applyPending();
    void updateGauge();
    void updateTypesButton();
    void updateCount();
    // Puts the table on the filter or on the model, as the filters say (see shownModel()).
    void updateShownModel();
    void chooseExportFile();

    QPointer<Connection> m_connection;
    PacketTraceModel *m_model = nullptr;
    PacketTraceFilterModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QToolButton *m_types = nullptr;
    QMenu *m_typesMenu = nullptr;
    QLineEdit *m_topic = nullptr;
    QLabel *m_gauge = nullptr;
    QLabel *m_queue = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_pause = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_export = nullptr;
    // About 8 table updates a second while packets flow (see onTraced()).
    static constexpr qint64 kApplyIntervalMs = 120;
    QList<PacketTraceEntry> m_pending;
    QTimer *m_applyTimer = nullptr;
    QElapsedTimer m_lastApply;
    bool m_tracing = false;
    bool m_everTraced = false;
    // The table shows the newest rows as they come, until the user scrolls up.
    bool m_followTail = true;
    Retranslator m_texts;
};

} // namespace mqttdesk
