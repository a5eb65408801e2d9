#pragma once

#include "ui/i18n/retranslator.h"

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QRect>

namespace mqttdesk {

// A hex dump of a payload of any size MQTT allows (256 MB): the layout of HexDump (offset,
// hex bytes split 8 + 8, ASCII), but painted line by line for what is on screen only, so no
// text is built beyond the visible lines and opening 100 MB costs no more than opening 100
// bytes. 16, 8 or 4 bytes a line, whatever keeps the ASCII column in sight at the width.
// A byte cursor moves with the keys (Shift selects) and the mouse (a drag selects); the
// selection is copied as hex text. Marked ranges (a diff, an error offset) get a tint.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // Offset and length in bytes.
    using Range = QPair<qint64, qint64>;
    enum class Column
    {
        Hex,
        Ascii,
    };

    // Copying more is refused: 16 MiB as hex are already 48 M characters on the clipboard.
    static constexpr qint64 kMaxCopyBytes = 16 * 1024 * 1024;

    explicit HexView(QWidget *parent = nullptr);

    // Shares `bytes` (no copy); the cursor goes to the first byte, selection and marks go.
    void setData(const QByteArray &bytes);
    const QByteArray &data() const { return m_data; }

    int bytesPerLine() const { return m_bytesPerLine; }
    qint64 lineCount() const;
    // Lines the viewport shows whole.
    int visibleLines() const;
    qint64 firstVisibleOffset() const { return m_topLine * m_bytesPerLine; }

    qint64 cursorOffset() const { return m_cursor; }
    // Moves the cursor (clearing the selection) and scrolls it into view.
    void setCursorOffset(qint64 offset);
    // Moves the cursor there and scrolls its line to the top (as far as the end allows).
    void goToOffset(qint64 offset);

    // The selected bytes; length 0 when nothing is selected.
    Range selection() const;
    // Selects `length` bytes from `offset` (clamped to the data), the cursor on the last one.
    void selectRange(qint64 offset, qint64 length);
    // The selected bytes as "0a 1b ..."; empty when nothing is selected or more than
    // kMaxCopyBytes are.
    QString selectedHex() const;
    // Puts selectedHex() on the clipboard; false when nothing is selected or the selection
    // is too large (then copyRefused() tells).
    bool copy();

    // Ranges painted with a subtle tint; overlapping ones are merged, empty ones dropped.
    void setMarks(const QList<Range> &marks);
    const QList<Range> &marks() const { return m_marks; }

    // Where byte `offset` is drawn, in viewport coordinates (outside the viewport when it is
    // scrolled away; empty for an offset outside the data).
    QRect byteRect(qint64 offset, Column column = Column::Hex) const;

    // Lines per vertical scrollbar step: 1, unless the line count would not fit QScrollBar's
    // int range comfortably.
    static qint64 scrollScale(qint64 lines);

    QSize sizeHint() const override;

signals:
    void cursorMoved(qint64 offset);
    void selectionChanged();
    void copyRefused(qint64 selectedBytes, qint64 limit);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateMetrics();
    // Bytes per line for the width, keeping the top byte on the top line.
    void updateLayout();
    void updateScrollBars();
    void setTopLine(qint64 line);
    qint64 maxTopLine() const;
    void moveCursor(qint64 offset, bool extend);
    void ensureCursorVisible();
    void emitChanges(qint64 cursorBefore, const Range &selectionBefore);
    qint64 byteAt(const QPoint &pos) const;
    // Character columns of the layout for the current bytes per line.
    int hexColumn(int index) const;
    int asciiColumn() const;
    int lineColumns(int bytesPerLine) const;
    // The pixel span of bytes `first`..`last` (indices in a line) in one column.
    QRectF spanRect(int row, int first, int last, Column column) const;

    QByteArray m_data;
    QList<Range> m_marks; // sorted, disjoint
    int m_bytesPerLine = 16;
    int m_offsetDigits = 8;
    qint64 m_topLine = 0;
    qint64 m_scale = 1;
    qint64 m_cursor = 0;
    qint64 m_anchor = -1;     // the selection's other end; -1: nothing selected
    qint64 m_dragAnchor = -1; // the byte a mouse drag started on
    bool m_syncingScrollBars = false;
    qreal m_charWidth = 8;
    int m_lineHeight = 16;
    int m_ascent = 12;
    int m_margin = 4;
    Retranslator m_texts;
};

} // namespace mqttdesk
