#pragma once

#include "core/automation/capture_record.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace mqttdesk {

class Connection;
class FileField;
class ReplayJob;
class WorkerJob;

// Connection > Replay capture…: publishes a capture file (mqttdesk-cli record's, or the
// history exported as JSON Lines) over the shown connection through ReplayJob, the CLI's
// replay: original timing or faster, topic rewrite, QoS override, loops; progress, pause and
// stop. The file is read on a worker thread; the job runs on the GUI thread's event loop but
// hands messages over in chunks, so the window stays responsive.
class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    ReplayDialog(Connection *connection, const QString &connectionName, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    // Reads `path` (on a worker thread); loaded() follows.
    void openCapture(const QString &path);
    ReplayJob *job() const { return m_job.get(); }
    QPushButton *startButton() const { return m_start; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *stopButton() const { return m_stop; }

signals:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void startReplay();
    void showProgress();
    void updateButtons();

    QPointer<Connection> m_connection;
    QString m_connectionName;
    QList<CaptureRecord> m_records;
    std::unique_ptr<WorkerJob> m_reader; // reads the file; joined with the dialog
    std::unique_ptr<ReplayJob> m_job;
    Retranslator m_texts;

    FileField *m_file;
    QLabel *m_summary;
    QDoubleSpinBox *m_speed;
    QCheckBox *m_fastest;
    QLineEdit *m_rewrite;
    QComboBox *m_qos;
    QSpinBox *m_loops;
    QCheckBox *m_keepRetain;
    QCheckBox *m_keepProperties;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_stop;
    QPushButton *m_close;
};

} // namespace mqttdesk
