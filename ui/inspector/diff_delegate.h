#pragma once

#include "core/inspector/diff_model.h"

#include <QStyledItemDelegate>

namespace mqttdesk {

// Paints a DiffModel's cells: each row tinted by how it differs (Theme's diff roles, so a
// dark palette needs nothing more), and in a hex row every differing byte marked in both its
// hex and its ASCII column. The view's font must be monospace: bytes are placed by column.
class DiffDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The row background for `kind`; invalid for Same (the view's own).
    static QColor background(DiffModel::RowKind kind, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintHexCell(QPainter *painter, const QStyleOptionViewItem &option,
                      const QModelIndex &index) const;
};

} // namespace mqttdesk
