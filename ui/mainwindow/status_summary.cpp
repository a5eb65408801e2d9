#include "ui/mainwindow/status_summary.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace mqttdesk {

StatusSummary::StatusSummary(QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_rate(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->setSpacing(16);
    layout->addWidget(m_state);
    layout->addWidget(m_counts);
    layout->addWidget(m_rate);
    m_state->setObjectName(QStringLiteral("statusState"));
    m_counts->setObjectName(QStringLiteral("statusCounts"));
    m_rate->setObjectName(QStringLiteral("statusRate"));
    show(tr("No connection"), 0, 0, 0);
}

void StatusSummary::show(const QString &state, qint64 received, qint64 stored, double ratePerSecond)
{
    const QLocale locale;
    m_state->setText(state);
    m_counts->setText(
        tr("Received %1 · Stored %2").arg(locale.toString(received), locale.toString(stored)));
    m_rate->setText(
        tr("%1 msg/s").arg(locale.toString(ratePerSecond, 'f', ratePerSecond < 10 ? 1 : 0)));
}

QString StatusSummary::text() const
{
    return QStringList{m_state->text(), m_counts->text(), m_rate->text()}.join(
        QStringLiteral(" | "));
}

} // namespace mqttdesk
