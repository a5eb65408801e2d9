#pragma once

#include "core/publishjob/publish_job.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>

#include <limits>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace mqttdesk {

// "Send repeatedly": how a timed send of a template runs. The interval between messages (0:
// as fast as flow control allows), how many (0: until stopped), the jitter, and what a
// disconnect does (stop the job, or pause it until the connection is back). It remembers
// nothing itself: the caller sets the options to show and reads them back after exec(). The
// options it has no field for (window, client id) come back as they were set.
class TimedPublishDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TimedPublishDialog(QWidget *parent = nullptr);

    void setOptions(const PublishJobOptions &options);
    PublishJobOptions options() const;

    // The largest interval and jitter the fields take (a day) and the largest count.
    static constexpr int kMaxIntervalMs = 24 * 60 * 60 * 1000;
    static constexpr int kMaxCount = std::numeric_limits<int>::max();

    QSpinBox *intervalSpin() const { return m_interval; }
    QSpinBox *countSpin() const { return m_count; }
    QSpinBox *jitterSpin() const { return m_jitter; }
    QComboBox *onDisconnectCombo() const { return m_onDisconnect; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *startButton() const { return m_start; }

    // What the options do, in a sentence: "Sends 100 messages, one every 50 ms (± 10 ms)."
    static QString summary(const PublishJobOptions &options);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateFields();

    QSpinBox *m_interval;
    QSpinBox *m_count;
    QSpinBox *m_jitter;
    QComboBox *m_onDisconnect;
    QLabel *m_summary;
    QPushButton *m_start = nullptr;
    PublishJobOptions m_options; // the fields without a widget
    Retranslator m_texts;
};

} // namespace mqttdesk
