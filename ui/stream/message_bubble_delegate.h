#pragma once

#include <QFont>
#include <QModelIndex>
#include <QStyledItemDelegate>

namespace mqttdesk {

// Paints a MessageStreamModel row as a chat bubble: received messages on the left, tinted
// with their subscription's colour; published ones on the right. A header line (topic,
// alias, QoS, retain, time, size, ack state), the payload preview clipped to a fixed number
// of lines, and a footer with the properties toggle and "show all".
//
// Row heights are known without looking at the payload: every collapsed bubble has the same
// height, so the list lays out a million rows without measuring text. An expanded bubble
// adds its property lines and more preview lines.
class MessageBubbleDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int CollapsedPreviewLines = 5;
    static constexpr int ExpandedPreviewLines = 24;

    enum class Hit
    {
        None,
        Bubble,
        PropertiesToggle,
        ShowAll,
    };

    explicit MessageBubbleDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What lies under `pos` (view coordinates) in the row painted into `rowRect`.
    Hit hitTest(const QRect &rowRect, const QModelIndex &index, const QPoint &pos) const;
    // The bubble's rectangle inside the row.
    QRect bubbleRect(const QRect &rowRect, const QModelIndex &index) const;

    // "12 bytes", "4.2 KB": the payload size in the header, translated.
    static QString sizeText(qint64 bytes);

    // Monospace font for payloads; the header uses the view's font.
    void setPayloadFont(const QFont &font) { m_mono = font; }

signals:
    void propertiesToggled(const QModelIndex &index);
    void showAllRequested(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    struct Layout
    {
        QRect bubble;
        QRect header;
        QRect preview;
        QRect properties;
        QRect footer;
        QRect toggle;
        QRect showAll;
    };
    Layout layout(const QRect &rowRect, const QModelIndex &index, const QFont &font) const;
    int lineHeight() const;
    void paintPreview(QPainter *painter, const QRect &rect, const QModelIndex &index,
                      int maxLines) const;

    QFont m_mono;
};

} // namespace mqttdesk
