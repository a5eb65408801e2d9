#pragma once

#include "core/brokerstats/broker_stats.h"

#include <QWidget>

#include <deque>

namespace mqttdesk {

// A small painted line of a rate over the last few minutes: no axes, the newest point at the
// right edge, zero at the bottom. Colours come from the palette and Theme.
class Sparkline : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QWidget *parent = nullptr);

    // The points to draw; x spans at most windowUs up to the newest point.
    void setPoints(const std::deque<BrokerStats::RatePoint> &points, qint64 windowUs);
    qsizetype pointCount() const { return qsizetype(m_points.size()); }

    QSize sizeHint() const override { return {240, 28}; }
    QSize minimumSizeHint() const override { return {60, 24}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::deque<BrokerStats::RatePoint> m_points;
    qint64 m_windowUs = 1;
};

} // namespace mqttdesk
