#include "ui/brokerstats/sparkline.h"

#include "ui/theme/theme.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace mqttdesk {

namespace {
constexpr qint64 kMinimumSpanUs = 30LL * 1000 * 1000;
}

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(minimumSizeHint().height());
}

void Sparkline::setPoints(const std::deque<BrokerStats::RatePoint> &points, qint64 windowUs)
{
    m_points = points;
    m_windowUs = std::max<qint64>(windowUs, 1);
    update();
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
    const QColor muted = Theme::mutedText(palette());
    // The zero line, faint, so an empty or idle line still shows where it would be.
    p.setPen(QPen(Theme::mix(muted, palette().color(QPalette::Window), 0.6), 1));
    p.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));
    if (m_points.size() < 2)
        return;

    double top = 0;
    for (const BrokerStats::RatePoint &pt : m_points)
        top = std::max(top, pt.perSecond);
    if (top <= 0)
        top = 1;
    const qint64 newest = m_points.back().atUs;
    // A history shorter than the window (the view was just opened) is spread over the
    // width, down to half a minute, rather than squeezed into the right edge.
    const qint64 span =
        std::clamp<qint64>(newest - m_points.front().atUs, kMinimumSpanUs, m_windowUs);
    auto at = [&](const BrokerStats::RatePoint &pt) {
        const double x = area.right() - area.width() * double(newest - pt.atUs) / double(span);
        const double y = area.bottom() - area.height() * (pt.perSecond / top);
        return QPointF(std::max(x, area.left()), y);
    };
    QPainterPath line;
    line.moveTo(at(m_points.front()));
    for (auto it = std::next(m_points.begin()); it != m_points.end(); ++it)
        line.lineTo(at(*it));
    QPainterPath fill = line;
    fill.lineTo(QPointF(at(m_points.back()).x(), area.bottom()));
    fill.lineTo(QPointF(at(m_points.front()).x(), area.bottom()));
    fill.closeSubpath();

    const QColor accent = palette().color(QPalette::Highlight);
    p.fillPath(fill, Theme::mix(accent, palette().color(QPalette::Window), 0.8));
    p.setPen(QPen(accent, 1.5));
    p.drawPath(line);
}

} // namespace mqttdesk
