#include "ui/inspector/diff_delegate.h"

#include "ui/theme/theme.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>

namespace mqttdesk {

QColor DiffDelegate::background(DiffModel::RowKind kind, const QPalette &palette)
{
    switch (kind) {
    case DiffModel::RowKind::Added:
        return Theme::diffAdded(palette);
    case DiffModel::RowKind::Removed:
        return Theme::diffRemoved(palette);
    case DiffModel::RowKind::Changed:
        return Theme::diffChanged(palette);
    case DiffModel::RowKind::Same:
        break;
    }
    return {};
}

void DiffDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto kind = DiffModel::RowKind(index.data(DiffModel::KindRole).toInt());
    const QColor fill = background(kind, option->palette);
    if (fill.isValid())
        option->backgroundBrush = fill;
}

void DiffDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    if (index.data(DiffModel::ByteMaskRole).isValid())
        paintHexCell(painter, option, index);
    else
        QStyledItemDelegate::paint(painter, option, index);
}

void DiffDelegate::paintHexCell(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection and focus as any cell; the marks and the text on top.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                               .adjusted(margin, 0, -margin, 0);
    const QFontMetricsF metrics(opt.font);
    const qreal column = metrics.horizontalAdvance(QLatin1Char('0'));
    const quint64 mask = index.data(DiffModel::ByteMaskRole).toULongLong();
    const int count = index.data(DiffModel::ByteCountRole).toInt();
    const int perRow = index.data(DiffModel::BytesPerRowRole).toInt();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor pen =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    // A filled mark would fight the selection's colour: selected rows underline the bytes.
    const QColor mark = selected ? pen : Theme::diffByte(opt.palette);
    const qreal top = selected ? opt.rect.bottom() - 1.0 : opt.rect.top();
    const qreal height = selected ? 2.0 : opt.rect.height();
    painter->save();
    painter->setClipRect(opt.rect);
    for (int byte = 0; byte < count; ++byte) {
        if (!(mask & (quint64(1) << byte)))
            continue;
        const qreal hex = textRect.left() + DiffModel::hexColumn(byte, perRow) * column;
        const qreal ascii = textRect.left() + DiffModel::asciiColumn(byte, perRow) * column;
        painter->fillRect(QRectF(hex, top, 2 * column, height), mark);
        painter->fillRect(QRectF(ascii, top, column, height), mark);
    }
    painter->setPen(pen);
    painter->setFont(opt.font);
    painter->drawText(textRect, int(Qt::AlignLeft | Qt::AlignVCenter), text);
    painter->restore();
}

} // namespace mqttdesk
