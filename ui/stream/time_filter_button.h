#pragma once

#include "ui/stream/jump_to_time_dialog.h"
#include "ui/stream/time_range_dialog.h"

#include <QDateTime>
#include <QPointer>
#include <QToolButton>

#include <functional>
#include <optional>

namespace mqttdesk {

// The stream toolbar's "Time" button: a menu with "Jump to time…", "Time range…" and
// "Show all times". It holds the time range of the stream's filter and names it on its face
// ("Time: 10:02–11:30") so a filtered stream never looks complete. The dialogs open
// window-modal without a nested event loop; their answers come back as signals.
class TimeFilterButton : public QToolButton
{
    Q_OBJECT
public:
    explicit TimeFilterButton(QWidget *parent = nullptr);

    std::optional<QDateTime> from() const { return m_from; }
    std::optional<QDateTime> to() const { return m_to; }
    bool hasRange() const { return m_from || m_to; }
    // Emits rangeChanged when the range differs.
    void setRange(const std::optional<QDateTime> &from, const std::optional<QDateTime> &to);
    void clearRange() { setRange(std::nullopt, std::nullopt); }

    // Where "Jump to time…" starts (e.g. the selected message's time); now when unset.
    void setInitialTime(std::function<QDateTime()> initial) { m_initial = std::move(initial); }
    void openJumpDialog();
    void openRangeDialog();
    JumpToTimeDialog *jumpDialog() const { return m_jumpDialog; }
    TimeRangeDialog *rangeDialog() const { return m_rangeDialog; }

    // "10:02:00–11:30:00", "from 10:02:00", "until 11:30:00"; the date is added to a time not
    // on `today`.
    static QString rangeText(const std::optional<QDateTime> &from,
                             const std::optional<QDateTime> &to, const QDate &today);

signals:
    void jumpRequested(const QDateTime &time);
    void rangeChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    std::optional<QDateTime> m_from;
    std::optional<QDateTime> m_to;
    std::function<QDateTime()> m_initial;
    QPointer<JumpToTimeDialog> m_jumpDialog;
    QPointer<TimeRangeDialog> m_rangeDialog;
    QAction *m_jumpAction = nullptr;
    QAction *m_rangeAction = nullptr;
    QAction *m_clearAction = nullptr;
};

} // namespace mqttdesk
