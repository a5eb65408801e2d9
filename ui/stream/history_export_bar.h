#pragma once

#include "core/storage/message_filter.h"
#include "core/storage/storage_error.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace mqttdesk {

class HistoryExportJob;

// The stream's inline export strip. While an export runs (HistoryExportJob, on its own
// thread) it shows "Exporting N of M messages…", a progress bar and Cancel, and the stream
// stays usable; then the outcome, which hides by itself after a while. A failure is shown
// through Prompts::warn. Hidden while idle. Its texts follow a language switch at once, the
// progress line included.
class HistoryExportBar : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryExportBar(QWidget *parent = nullptr);
    ~HistoryExportBar() override;

    // Exports every message of `databasePath` matching `filter` to `filePath` (CSV for a
    // ".csv" name, JSON Lines otherwise); false when an export is already running.
    bool start(const QString &databasePath, const QString &filePath, const MessageFilter &filter);
    // Stops the running export; no file is written.
    void cancel();
    bool isRunning() const;

    QString statusText() const;
    QProgressBar *progressBar() const { return m_progress; }
    QToolButton *cancelButton() const { return m_cancel; }
    HistoryExportJob *job() const { return m_job; }

signals:
    void runningChanged(bool running);
    // The export ended: `rows` written, canceled, or failed with `error`.
    void finished(qint64 rows, bool canceled, const mqttdesk::StorageError &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Phase
    {
        Counting,
        Exporting,
        Canceling,
        Exported,
        Canceled,
    };
    void onProgress(qint64 written, qint64 total);
    // The label and button texts for the current phase, in the current language.
    void updateTexts();
    void onFinished(qint64 rows, bool canceled, const StorageError &error);
    void onButton();

    HistoryExportJob *m_job = nullptr;
    QString m_databasePath;
    QLabel *m_label = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QTimer *m_hideTimer = nullptr;
    Phase m_phase = Phase::Counting;
    qint64 m_written = 0;
    qint64 m_total = -1;
    qint64 m_rows = 0;
};

} // namespace mqttdesk
