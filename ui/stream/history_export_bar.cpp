#include "ui/stream/history_export_bar.h"

#include "core/workspace/history_export_job.h"
#include "ui/widgets/prompts.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

namespace mqttdesk {

namespace {
// The outcome stays this long unless dismissed.
constexpr int kOutcomeMs = 15000;
} // namespace

HistoryExportBar::HistoryExportBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->setTextVisible(false);
    m_cancel = new QToolButton(this);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    m_hideTimer = new QTimer(this);
    m_hideTimer->setSingleShot(true);
    m_hideTimer->setInterval(kOutcomeMs);
    connect(m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    connect(m_cancel, &QToolButton::clicked, this, &HistoryExportBar::onButton);
    updateTexts();
    setVisible(false);
}

HistoryExportBar::~HistoryExportBar() = default;

void HistoryExportBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void HistoryExportBar::updateTexts()
{
    m_progress->setAccessibleName(tr("Export progress"));
    const bool running =
        m_phase == Phase::Counting || m_phase == Phase::Exporting || m_phase == Phase::Canceling;
    if (running) {
        m_cancel->setText(tr("Cancel"));
        m_cancel->setToolTip(tr("Stop the export; no file is written"));
        m_cancel->setAccessibleName(tr("Cancel export"));
    } else {
        m_cancel->setText(tr("Dismiss"));
        m_cancel->setToolTip(tr("Hide this message"));
        m_cancel->setAccessibleName(tr("Dismiss export message"));
    }
    const QString path = m_job ? QDir::toNativeSeparators(m_job->filePath()) : QString();
    const QLocale locale;
    switch (m_phase) {
    case Phase::Counting:
        m_label->setText(tr("Counting the messages to export…"));
        break;
    case Phase::Exporting:
        m_label->setText(tr("Exporting %1 of %2 messages to %3…")
                             .arg(locale.toString(m_written), locale.toString(m_total), path));
        break;
    case Phase::Canceling:
        m_label->setText(tr("Canceling the export…"));
        break;
    case Phase::Exported:
        m_label->setText(
            tr("Exported %Ln message(s) to %1.", nullptr, int(qMin<qint64>(m_rows, INT_MAX)))
                .arg(path));
        break;
    case Phase::Canceled:
        m_label->setText(tr("Export canceled; no file was written."));
        break;
    }
}

bool HistoryExportBar::isRunning() const
{
    return m_job && m_job->isRunning();
}

QString HistoryExportBar::statusText() const
{
    return isHidden() ? QString() : m_label->text();
}

bool HistoryExportBar::start(const QString &databasePath, const QString &filePath,
                             const MessageFilter &filter)
{
    if (isRunning())
        return false;
    if (!m_job || databasePath != m_databasePath) {
        delete m_job;
        m_databasePath = databasePath;
        m_job = new HistoryExportJob(databasePath, this);
        connect(m_job, &HistoryExportJob::progress, this, &HistoryExportBar::onProgress);
        connect(m_job, &HistoryExportJob::finished, this, &HistoryExportBar::onFinished);
    }
    HistoryExporter::Options options;
    options.filter = filter;
    options.format = HistoryExportJob::formatForFile(filePath);
    m_hideTimer->stop();
    m_phase = Phase::Counting;
    m_written = 0;
    m_total = -1;
    m_cancel->setEnabled(true);
    m_progress->setVisible(true);
    if (!m_job->start(filePath, options))
        return false;
    m_progress->setRange(0, 0);
    updateTexts();
    setVisible(true);
    emit runningChanged(true);
    return true;
}

void HistoryExportBar::cancel()
{
    if (!isRunning())
        return;
    m_job->cancel();
    m_phase = Phase::Canceling;
    updateTexts();
    m_cancel->setEnabled(false);
}

void HistoryExportBar::onButton()
{
    if (isRunning())
        cancel();
    else
        hide();
}

void HistoryExportBar::onProgress(qint64 written, qint64 total)
{
    if (m_job->isCanceling())
        return;
    m_written = written;
    m_total = total;
    if (total < 0) {
        m_progress->setRange(0, 0); // busy until counted
        m_phase = Phase::Counting;
        updateTexts();
        return;
    }
    // QProgressBar holds an int: scaled to per mille.
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(written * 1000 / total) : 1000);
    m_phase = Phase::Exporting;
    updateTexts();
}

void HistoryExportBar::onFinished(qint64 rows, bool canceled, const StorageError &error)
{
    const QString path = QDir::toNativeSeparators(m_job->filePath());
    m_progress->setVisible(false);
    m_cancel->setEnabled(true);
    m_rows = rows;
    m_phase = canceled ? Phase::Canceled : Phase::Exported;
    updateTexts();
    if (error.isError()) {
        hide();
        Prompts::warn(parentWidget(), tr("Export messages"),
                      tr("The messages could not be exported to %1: %2").arg(path, error.message));
    } else {
        m_hideTimer->start();
    }
    emit runningChanged(false);
    emit finished(rows, canceled, error);
}

} // namespace mqttdesk
