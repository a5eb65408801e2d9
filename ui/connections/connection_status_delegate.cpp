#include "ui/connections/connection_status_delegate.h"

#include "ui/connections/connection_list_model.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QPainter>

namespace mqttdesk {

namespace {
constexpr int kMargin = 6;
constexpr int kDot = 10;
} // namespace

QColor ConnectionStatusDelegate::statusColor(int status, const QPalette &palette)
{
    switch (ConnectionListModel::Status(status)) {
    case ConnectionListModel::Status::Connected:
        return Theme::statusConnected(palette);
    case ConnectionListModel::Status::Connecting:
        return Theme::statusConnecting(palette);
    case ConnectionListModel::Status::Error:
        return Theme::statusError(palette);
    case ConnectionListModel::Status::Disconnected:
        break;
    }
    return Theme::statusDisconnected(palette);
}

void ConnectionStatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QRect r = opt.rect.adjusted(kMargin, 0, -kMargin, 0);

    if (index.data(ConnectionListModel::IsFolderRole).toBool()) {
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(text);
        painter->drawText(r, Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetrics(bold).elidedText(name, Qt::ElideRight, r.width()));
        painter->restore();
        return;
    }

    const int status = index.data(ConnectionListModel::StateRole).toInt();
    const QRect dot(r.left(), r.center().y() - kDot / 2, kDot, kDot);
    painter->setPen(Qt::NoPen);
    painter->setBrush(statusColor(status, opt.palette));
    painter->drawEllipse(dot);
    r.setLeft(dot.right() + kMargin + 2);

    const QFontMetrics fm(opt.font);
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.85);
    const QFontMetrics sfm(small);
    const int top = opt.rect.top() + (opt.rect.height() - fm.height() - sfm.height()) / 2;
    painter->setPen(text);
    painter->setFont(opt.font);
    painter->drawText(QRect(r.left(), top, r.width(), fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(name, Qt::ElideRight, r.width()));
    QColor dim = text;
    dim.setAlphaF(0.65f);
    painter->setPen(dim);
    painter->setFont(small);
    const QString hostPort = index.data(ConnectionListModel::HostPortRole).toString();
    painter->drawText(QRect(r.left(), top + fm.height(), r.width(), sfm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(hostPort, Qt::ElideMiddle, r.width()));
    painter->restore();
}

QSize ConnectionStatusDelegate::sizeHint(const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    if (index.data(ConnectionListModel::IsFolderRole).toBool())
        return QSize(160, fm.height() + 2 * kMargin);
    return QSize(160, int(fm.height() * 1.85) + 2 * kMargin);
}

} // namespace mqttdesk
