#pragma once

#include "ui/connections/connection_list_model.h"
#include "ui/i18n/retranslator.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace mqttdesk {

// Above the conversation area: the selected connection's name, host:port and status, the
// Connect/Disconnect button (Cancel while connecting or reconnecting) and the edit button.
class ConnectionHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionHeader(QWidget *parent = nullptr);

    // profileId 0 shows the "no connection selected" state. `error` is the connection's last
    // error: shown as "Failed: <error>" when the status is Error, and after the status while it
    // reconnects (Connecting). `statusText` replaces the status word (a reconnect countdown).
    void show(qint64 profileId, const QString &name, const QString &hostPort,
              ConnectionListModel::Status status, const QString &error = {},
              const QString &statusText = {});

    // What the shown connection has received since it was opened, what its history holds,
    // what the stream shows under its filter (-1: still counting) and what could not be
    // stored (shown, in the error colour, only when there is some).
    struct Counters
    {
        qint64 received = 0;
        qint64 stored = 0;
        qint64 shown = -1;
        qint64 notStored = 0;
        // Connection > Record to capture…: messages recorded so far (-1: not recording), and
        // the file.
        qint64 recorded = -1;
        QString recordingFile;
        // Why the history does not store now (a full disk, ...); empty while it does.
        QString storageProblem;
        bool operator==(const Counters &) const = default;
    };
    void setCounters(const Counters &counters);
    // Hides the counters (no connection open).
    void clearCounters();
    QString countersText() const;
    QString notStoredText() const;
    QString notStoredToolTip() const;
    // The recording indicator (a button that stops it); hidden when not recording.
    QToolButton *recordingButton() const { return m_recording; }

    qint64 profileId() const { return m_profileId; }
    QPushButton *connectButton() const { return m_connect; }
    QToolButton *editButton() const { return m_edit; }
    QString statusText() const;

signals:
    void connectRequested(qint64 profileId);
    void disconnectRequested(qint64 profileId);
    void editRequested(qint64 profileId);
    void stopRecordingRequested(qint64 profileId);

protected:
    void changeEvent(QEvent *event) override;

private:
    qint64 m_profileId = 0;
    ConnectionListModel::Status m_status = ConnectionListModel::Status::Disconnected;
    QLabel *m_dot;
    QLabel *m_name;
    QLabel *m_statusLabel;
    QLabel *m_counters;
    QLabel *m_notStored;
    QPushButton *m_connect;
    QToolButton *m_edit;
    QToolButton *m_recording;
    Retranslator m_texts;
};

} // namespace mqttdesk
