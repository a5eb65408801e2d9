#pragma once

#include <QWidget>

class QLabel;

namespace mqttdesk {

// The status bar's right part: the selected connection's state, messages received and
// stored, and the current receive rate.
class StatusSummary : public QWidget
{
    Q_OBJECT
public:
    explicit StatusSummary(QWidget *parent = nullptr);

    void show(const QString &state, qint64 received, qint64 stored, double ratePerSecond);
    QString text() const;

private:
    QLabel *m_state;
    QLabel *m_counts;
    QLabel *m_rate;
};

} // namespace mqttdesk
