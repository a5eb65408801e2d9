#pragma once

#include <QFont>
#include <QModelIndex>
#include <QStyledItemDelegate>

namespace mqttdesk {

// Paints a MessageStreamModel row, in one of two modes.
//
// Bubbles: a chat bubble, received messages on the left tinted with their subscription's
// colour, published ones on the right. A header line (topic, alias, a warning badge when a
// Sparkplug B message's context flags something, "5 props" toggle, QoS, retain, time, size,
// format, ack state), then the payload preview: as many lines as it has,
// up to previewLines(), then "… N more lines" with "Show all". An expanded bubble shows up to
// ExpandedPreviewLines and its MQTT 5 properties, one per line.
//
// Compact: one line per message, like a log: colour bar, time, QoS/retain markers, topic,
// the payload's first line, size. Every row has the same height.
//
// A bubble's height comes from the line count the model keeps with the row's preview (counted
// once, when the preview is rendered), never from measuring text, so laying out a page costs
// one render per row at most and a width change costs none: lines are clipped, not wrapped.
class MessageBubbleDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int ExpandedPreviewLines = 200;

    enum class Mode
    {
        Bubbles,
        Compact,
    };

    enum class Hit
    {
        None,
        Bubble,
        PropertiesToggle,
        ShowAll,
        Warnings, // the Sparkplug B warning badge
    };

    explicit MessageBubbleDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }
    // Payload lines of a collapsed bubble (AppSettings::previewLines()).
    void setPreviewLines(int lines) { m_previewLines = qBound(1, lines, ExpandedPreviewLines); }
    int previewLines() const { return m_previewLines; }

    // What lies under `pos` (view coordinates) in the row painted into `rowRect`.
    Hit hitTest(const QRect &rowRect, const QModelIndex &index, const QPoint &pos) const;
    // The bubble's rectangle inside the row (the whole row in compact mode).
    QRect bubbleRect(const QRect &rowRect, const QModelIndex &index) const;

    // "12 bytes", "4.2 KB": the payload size in the header, translated.
    static QString sizeText(qint64 bytes);
    // The header's facts, "QoS 1 · retained · 12:00:00.000 · 12 bytes · JSON · PUBACK",
    // dropping the format and then the size when they do not fit `room` pixels; QoS, retain,
    // time and the ack state always stay.
    static QString headerFacts(const QModelIndex &index, const QFontMetrics &fm, int room);
    // The line under the shown payload lines: "… 37 more lines"; empty when nothing is hidden.
    static QString moreText(int hiddenLines, bool truncated);
    // A compact row's marker column: ↑/↓ direction, Q0..Q2, R retained, D sent again (DUP).
    static QString compactMarkers(const QModelIndex &index);
    // What the bubble of `index` says beside "Show all" (empty: nothing, as under a picture,
    // whose thumbnail is all the preview shows).
    QString moreLine(const QModelIndex &index) const { return moreLineOf(shapeOf(index)); }

    // How every stream shows message times (Settings > Stream): a QDateTime format, in UTC
    // or local time. App-wide, as the setting is.
    static void setTimeStyle(const QString &format, bool utc);

    // Monospace font for payloads; the header uses the view's font.
    void setPayloadFont(const QFont &font) { m_mono = font; }
    const QFont &payloadFont() const { return m_mono; }
    // The width of a bubble's payload lines in a row `rowWidth` pixels wide (bubbles are as
    // wide whatever their content): what a hex preview has to fit.
    static int previewWidth(int rowWidth);

    // The tooltip of the warning badge lists the warnings; elsewhere the row's tooltip.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

signals:
    void propertiesToggled(const QModelIndex &index);
    void showAllRequested(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    // What a bubble shows, from the model's cached counts.
    struct Shape
    {
        int lines = 1;          // payload lines shown
        int hidden = 0;         // payload lines of the preview not shown
        bool truncated = false; // the preview itself leaves something out
        bool more = false;      // a "… more" line is shown
        bool picture = false;   // a thumbnail is the preview
        int properties = 0;     // property lines (expanded only)
        bool expanded = false;
    };
    struct Layout
    {
        QRect bubble;
        QRect header;
        QRect topic;
        QRect factRect;
        QString facts; // "QoS 1 · retained · 12:00:00.000 · 12 bytes · JSON"
        QRect preview;
        QRect more;
        QRect properties;
        QRect toggle;
        QRect showAll;
        QRect warnings;        // the badge, when a Sparkplug B context flags something
        Shape shape;           // what shapeOf() said, so painting asks the model once
        int propertyCount = 0; // property lines, expanded or not (the header's toggle)
    };
    Shape shapeOf(const QModelIndex &index) const;
    static QString moreLineOf(const Shape &shape);
    Layout layout(const QRect &rowRect, const QModelIndex &index, const QFont &font) const;
    int lineHeight() const;
    int compactHeight(const QFont &font) const;
    static QString propertiesToggleText(int count, bool expanded);

    void paintBubble(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index) const;
    void paintCompact(QPainter *painter, const QStyleOptionViewItem &option,
                      const QModelIndex &index) const;
    void paintThumbnail(QPainter *painter, const QRect &rect, const QModelIndex &index,
                        const QString &text, const QColor &fill) const;
    void paintPreview(QPainter *painter, const QRect &rect, const QModelIndex &index,
                      int maxLines) const;

    QFont m_mono;
    Mode m_mode = Mode::Bubbles;
    int m_previewLines = 12;
};

} // namespace mqttdesk
