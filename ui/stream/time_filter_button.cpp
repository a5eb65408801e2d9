#include "ui/stream/time_filter_button.h"

#include "ui/stream/jump_to_time_dialog.h"
#include "ui/stream/time_range_dialog.h"

#include <QEvent>
#include <QMenu>

namespace mqttdesk {

TimeFilterButton::TimeFilterButton(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("stream.time"));
    setPopupMode(QToolButton::InstantPopup);
    setCheckable(true); // checked while a range filters the stream
    auto *menu = new QMenu(this);
    m_jumpAction = menu->addAction(QString(), this, &TimeFilterButton::openJumpDialog);
    m_rangeAction = menu->addAction(QString(), this, &TimeFilterButton::openRangeDialog);
    m_clearAction = menu->addAction(QString(), this, &TimeFilterButton::clearRange);
    setMenu(menu);
    // The face says whether a range applies; a click only opens the menu.
    connect(this, &QToolButton::toggled, this, [this](bool on) {
        if (on != hasRange())
            setChecked(hasRange());
    });
    retranslate();
}

void TimeFilterButton::setRange(const std::optional<QDateTime> &from,
                                const std::optional<QDateTime> &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    retranslate();
    emit rangeChanged();
}

void TimeFilterButton::openJumpDialog()
{
    if (m_jumpDialog) {
        m_jumpDialog->raise();
        m_jumpDialog->activateWindow();
        return;
    }
    const QDateTime initial = m_initial ? m_initial() : QDateTime();
    m_jumpDialog = new JumpToTimeDialog(initial, window());
    m_jumpDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_jumpDialog, &QDialog::accepted, this,
            [this, dialog = m_jumpDialog] { emit jumpRequested(dialog->dateTime()); });
    m_jumpDialog->open();
}

void TimeFilterButton::openRangeDialog()
{
    if (m_rangeDialog) {
        m_rangeDialog->raise();
        m_rangeDialog->activateWindow();
        return;
    }
    m_rangeDialog = new TimeRangeDialog(m_from, m_to, window());
    m_rangeDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_rangeDialog, &QDialog::accepted, this,
            [this, dialog = m_rangeDialog] { setRange(dialog->from(), dialog->to()); });
    m_rangeDialog->open();
}

QString TimeFilterButton::rangeText(const std::optional<QDateTime> &from,
                                    const std::optional<QDateTime> &to, const QDate &today)
{
    const auto text = [&today](const QDateTime &t) {
        const QDateTime local = t.toLocalTime();
        return local.date() == today ? local.toString(QStringLiteral("HH:mm:ss"))
                                     : local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    if (from && to)
        return tr("%1–%2").arg(text(*from), text(*to));
    if (from)
        return tr("from %1").arg(text(*from));
    if (to)
        return tr("until %1").arg(text(*to));
    return {};
}

void TimeFilterButton::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolButton::changeEvent(event);
}

void TimeFilterButton::retranslate()
{
    const QString range = rangeText(m_from, m_to, QDate::currentDate());
    setChecked(hasRange());
    setText(range.isEmpty() ? tr("Time") : tr("Time: %1").arg(range));
    setToolTip(range.isEmpty() ? tr("Jump to a time, or show only the messages of a time range")
                               : tr("Only messages received %1 are shown").arg(range));
    setAccessibleName(range.isEmpty() ? tr("Time") : tr("Time range: %1").arg(range));
    m_jumpAction->setText(tr("&Jump to time…"));
    m_rangeAction->setText(tr("Time &range…"));
    m_clearAction->setText(tr("Show &all times"));
    m_clearAction->setEnabled(hasRange());
}

} // namespace mqttdesk
