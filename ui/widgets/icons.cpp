#include "ui/widgets/icons.h"

#include "ui/theme/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <functional>

namespace mqttdesk {

namespace {

QIcon drawn(const QString &themeName, const std::function<void(QPainter &)> &paint,
            QColor color = QColor())
{
    const QIcon themed = QIcon::fromTheme(themeName);
    if (!themed.isNull())
        return themed;
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        const QColor ink =
            color.isValid() ? color : QApplication::palette().color(QPalette::WindowText);
        painter.setPen(QPen(ink, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        paint(painter);
        icon.addPixmap(pixmap);
    }
    return icon;
}

void eye(QPainter &p)
{
    QPainterPath path;
    path.moveTo(1.5, 8);
    path.quadTo(8, 1.5, 14.5, 8);
    path.quadTo(8, 14.5, 1.5, 8);
    p.drawPath(path);
    p.drawEllipse(QPointF(8, 8), 2.2, 2.2);
}

void badge(QPainter &p, const QColor &fill)
{
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawEllipse(QRectF(1, 1, 14, 14));
    p.setPen(QPen(Theme::badgeMark(fill, QApplication::palette()), 2, Qt::SolidLine, Qt::RoundCap));
}

} // namespace

QIcon Icons::add()
{
    return drawn(QStringLiteral("list-add"), [](QPainter &p) {
        p.drawLine(QPointF(8, 3), QPointF(8, 13));
        p.drawLine(QPointF(3, 8), QPointF(13, 8));
    });
}

QIcon Icons::remove()
{
    return drawn(QStringLiteral("list-remove"),
                 [](QPainter &p) { p.drawLine(QPointF(3, 8), QPointF(13, 8)); });
}

QIcon Icons::openFile()
{
    return drawn(QStringLiteral("document-open"), [](QPainter &p) {
        QPainterPath folder;
        folder.moveTo(1.5, 13.5);
        folder.lineTo(1.5, 3);
        folder.lineTo(6, 3);
        folder.lineTo(7.5, 4.5);
        folder.lineTo(14.5, 4.5);
        folder.lineTo(14.5, 13.5);
        folder.closeSubpath();
        p.drawPath(folder);
        p.drawLine(QPointF(1.5, 7), QPointF(14.5, 7));
    });
}

QIcon Icons::generate()
{
    return drawn(QStringLiteral("view-refresh"), [](QPainter &p) {
        p.drawArc(QRectF(2.5, 2.5, 11, 11), 60 * 16, 280 * 16);
        QPainterPath head;
        head.moveTo(10.5, 1.5);
        head.lineTo(11.5, 4.5);
        head.lineTo(8.5, 5.5);
        p.drawPath(head);
    });
}

QIcon Icons::showSecret()
{
    return drawn(QStringLiteral("view-visible"), eye);
}

QIcon Icons::hideSecret()
{
    return drawn(QStringLiteral("view-hidden"), [](QPainter &p) {
        eye(p);
        p.drawLine(QPointF(2.5, 13.5), QPointF(13.5, 2.5));
    });
}

QIcon Icons::error()
{
    return drawn(QStringLiteral("dialog-error"), [](QPainter &p) {
        badge(p, Theme::errorBadge(QApplication::palette()));
        p.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
        p.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5));
    });
}

QIcon Icons::warning()
{
    return drawn(QStringLiteral("dialog-warning"), [](QPainter &p) {
        badge(p, Theme::warningBadge(QApplication::palette()));
        p.drawLine(QPointF(8, 4.5), QPointF(8, 9));
        p.drawPoint(QPointF(8, 11.8));
    });
}

QIcon Icons::ok()
{
    return drawn(QStringLiteral("dialog-ok"), [](QPainter &p) {
        badge(p, Theme::successBadge(QApplication::palette()));
        p.drawLine(QPointF(4.5, 8.5), QPointF(7, 11));
        p.drawLine(QPointF(7, 11), QPointF(11.5, 5.5));
    });
}

} // namespace mqttdesk
