#include "ui/inspector/hex_view.h"

#include "core/payload/hex_dump.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QRegion>
#include <QScrollBar>
#include <QStyle>
#include <QtMath>

#include <algorithm>
#include <climits>
#include <cmath>

namespace mqttdesk {

namespace {

constexpr char16_t kDigits[] = u"0123456789abcdef";

bool isPrintable(uchar b)
{
    return b >= 0x20 && b < 0x7f;
}

} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setCursor(Qt::IBeamCursor);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_texts.add([this] { setAccessibleName(tr("Hex view")); });
    updateMetrics();
}

void HexView::setData(const QByteArray &bytes)
{
    const Range before = selection();
    const qint64 cursorBefore = m_cursor;
    m_data = bytes;
    m_offsetDigits = m_data.size() > 0xffffffffLL ? 16 : 8;
    m_marks.clear();
    m_cursor = 0;
    m_anchor = -1;
    m_dragAnchor = -1;
    m_topLine = 0;
    updateLayout();
    viewport()->update();
    emitChanges(cursorBefore, before);
}

qint64 HexView::lineCount() const
{
    return (qint64(m_data.size()) + m_bytesPerLine - 1) / m_bytesPerLine;
}

int HexView::visibleLines() const
{
    return qMax(0, viewport()->height() / m_lineHeight);
}

void HexView::setCursorOffset(qint64 offset)
{
    moveCursor(offset, false);
}

void HexView::goToOffset(qint64 offset)
{
    moveCursor(offset, false);
    setTopLine(m_cursor / m_bytesPerLine);
}

HexView::Range HexView::selection() const
{
    if (m_anchor < 0)
        return {qMin(m_cursor, qint64(m_data.size())), 0};
    return {qMin(m_anchor, m_cursor), qAbs(m_cursor - m_anchor) + 1};
}

void HexView::selectRange(qint64 offset, qint64 length)
{
    const qint64 size = m_data.size();
    offset = qBound<qint64>(0, offset, size);
    length = qBound<qint64>(0, length, size - offset);
    if (length == 0) {
        moveCursor(offset, false);
        return;
    }
    const Range before = selection();
    const qint64 cursorBefore = m_cursor;
    m_anchor = offset;
    m_cursor = offset + length - 1;
    ensureCursorVisible();
    viewport()->update();
    emitChanges(cursorBefore, before);
}

QString HexView::selectedHex() const
{
    const auto [offset, length] = selection();
    if (length == 0 || length > kMaxCopyBytes)
        return {};
    // A view on the shared bytes: only the hex text is allocated.
    return QString::fromLatin1(
        QByteArray::fromRawData(m_data.constData() + offset, length).toHex(' '));
}

bool HexView::copy()
{
    const qint64 length = selection().second;
    if (length == 0)
        return false;
    if (length > kMaxCopyBytes) {
        emit copyRefused(length, kMaxCopyBytes);
        return false;
    }
    QApplication::clipboard()->setText(selectedHex());
    return true;
}

void HexView::setMarks(const QList<Range> &marks)
{
    QList<Range> sorted;
    for (const Range &mark : marks) {
        if (mark.second > 0 && mark.first >= 0)
            sorted << mark;
    }
    std::sort(sorted.begin(), sorted.end());
    m_marks.clear();
    for (const Range &mark : sorted) {
        if (!m_marks.isEmpty() && mark.first <= m_marks.last().first + m_marks.last().second) {
            Range &last = m_marks.last();
            last.second = qMax(last.first + last.second, mark.first + mark.second) - last.first;
        } else {
            m_marks << mark;
        }
    }
    viewport()->update();
}

QRect HexView::byteRect(qint64 offset, Column column) const
{
    if (offset < 0 || offset >= m_data.size())
        return {};
    const qint64 row = offset / m_bytesPerLine - m_topLine;
    const int index = int(offset % m_bytesPerLine);
    const int first = column == Column::Hex ? hexColumn(index) : asciiColumn() + index;
    const int chars = column == Column::Hex ? 2 : 1;
    const qreal x = m_margin + first * m_charWidth - horizontalScrollBar()->value();
    return QRectF(x, qreal(row * m_lineHeight), chars * m_charWidth, m_lineHeight).toAlignedRect();
}

qint64 HexView::scrollScale(qint64 lines)
{
    // Half the int range leaves room for QScrollBar's own arithmetic (value + pageStep).
    constexpr qint64 kMaxSteps = INT_MAX / 2;
    return lines <= kMaxSteps ? 1 : lines / kMaxSteps + 1;
}

QSize HexView::sizeHint() const
{
    const int frame = 2 * frameWidth();
    const int width = qCeil(2 * m_margin + lineColumns(HexDump::kBytesPerLine) * m_charWidth);
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    return {width + frame + scrollBar, 20 * m_lineHeight + frame};
}

void HexView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Base));
    const qint64 size = m_data.size();
    if (size == 0)
        return;
    painter.setFont(font());
    painter.translate(-horizontalScrollBar()->value(), 0);

    const QColor text = pal.color(QPalette::Text);
    const QColor muted = Theme::mutedText(pal);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor highlightedText = pal.color(QPalette::HighlightedText);
    const QColor markFill = Theme::mix(pal.color(QPalette::Base), Theme::warningText(pal), 0.22);
    const Range sel = selection();
    const qint64 selEnd = sel.first + sel.second;

    const int perLine = m_bytesPerLine;
    const int hexStart = hexColumn(0);
    const int ascii = asciiColumn();
    // Two buffers for every line: only their contents change, so no allocation per line.
    QString offsetText(m_offsetDigits, u'0');
    QString body;
    body.reserve(lineColumns(perLine) - hexStart);
    const auto *bytes = reinterpret_cast<const uchar *>(m_data.constData());

    const int firstRow = qMax(0, event->rect().top() / m_lineHeight);
    const int lastRow = event->rect().bottom() / m_lineHeight;
    auto mark =
        std::lower_bound(m_marks.cbegin(), m_marks.cend(), (m_topLine + firstRow) * perLine,
                         [](const Range &m, qint64 at) { return m.first + m.second <= at; });
    for (int row = firstRow; row <= lastRow; ++row) {
        const qint64 start = (m_topLine + row) * perLine;
        if (start >= size)
            break;
        const int count = int(qMin<qint64>(perLine, size - start));
        const qint64 end = start + count;
        const qreal baseline = row * m_lineHeight + m_ascent;
        const qreal x = m_margin;

        for (; mark != m_marks.cend() && mark->first < end; ++mark) {
            const int first = int(qMax(mark->first, start) - start);
            const int last = int(qMin(mark->first + mark->second, end) - start) - 1;
            if (last >= first) {
                painter.fillRect(spanRect(row, first, last, Column::Hex), markFill);
                painter.fillRect(spanRect(row, first, last, Column::Ascii), markFill);
            }
            if (mark->first + mark->second > end)
                break; // goes on on the next line
        }

        QRegion selected;
        if (sel.second > 0 && sel.first < end && selEnd > start) {
            const int first = int(qMax(sel.first, start) - start);
            const int last = int(qMin(selEnd, end) - start) - 1;
            const QRect hex = spanRect(row, first, last, Column::Hex).toAlignedRect();
            const QRect asc = spanRect(row, first, last, Column::Ascii).toAlignedRect();
            painter.fillRect(hex, highlight);
            painter.fillRect(asc, highlight);
            selected = QRegion(hex) + QRegion(asc);
        }

        for (int d = 0; d < m_offsetDigits; ++d)
            offsetText[d] =
                QChar(kDigits[(quint64(start) >> ((m_offsetDigits - 1 - d) * 4)) & 0xf]);
        // Hex padded to full width, so the ASCII column of a short last line stays aligned.
        body.fill(u' ', ascii - hexStart + count + 1);
        QChar *out = body.data();
        for (int k = 0; k < count; ++k) {
            const uchar b = bytes[start + k];
            QChar *cell = out + hexColumn(k) - hexStart;
            cell[0] = QChar(kDigits[b >> 4]);
            cell[1] = QChar(kDigits[b & 0xf]);
            out[ascii - hexStart + k] = isPrintable(b) ? QChar(char16_t(b)) : QChar(u'.');
        }
        out[ascii - hexStart - 1] = u'|';
        out[ascii - hexStart + count] = u'|';

        painter.setPen(muted);
        painter.drawText(QPointF(x, baseline), offsetText);
        const QPointF bodyAt(x + hexStart * m_charWidth, baseline);
        painter.setPen(text);
        painter.drawText(bodyAt, body);
        if (!selected.isEmpty()) {
            painter.save();
            painter.setClipRegion(selected);
            painter.setPen(highlightedText);
            painter.drawText(bodyAt, body);
            painter.restore();
        }

        if (m_cursor >= start && m_cursor < end) {
            const int index = int(m_cursor - start);
            const bool inSelection = sel.second > 0 && m_cursor >= sel.first && m_cursor < selEnd;
            painter.setPen(inSelection ? highlightedText : hasFocus() ? highlight : muted);
            painter.setBrush(Qt::NoBrush);
            for (Column column : {Column::Hex, Column::Ascii})
                painter.drawRect(
                    spanRect(row, index, index, column).toAlignedRect().adjusted(0, 0, -1, -1));
        }
    }
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateLayout();
}

void HexView::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateLayout();
    }
    if (event->type() == QEvent::PaletteChange)
        viewport()->update();
    QAbstractScrollArea::changeEvent(event);
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectRange(0, m_data.size());
        return;
    }
    const qint64 size = m_data.size();
    const qint64 perLine = m_bytesPerLine;
    const qint64 lineStart = m_cursor - m_cursor % perLine;
    const qint64 page = qMax(1, visibleLines()) * perLine;
    struct Move
    {
        QKeySequence::StandardKey move;
        QKeySequence::StandardKey select;
        qint64 target;
    };
    const Move moves[] = {
        {QKeySequence::MoveToPreviousChar, QKeySequence::SelectPreviousChar, m_cursor - 1},
        {QKeySequence::MoveToNextChar, QKeySequence::SelectNextChar, m_cursor + 1},
        {QKeySequence::MoveToPreviousLine, QKeySequence::SelectPreviousLine,
         m_cursor >= perLine ? m_cursor - perLine : m_cursor},
        // Down from the line above a short last line lands on the last byte.
        {QKeySequence::MoveToNextLine, QKeySequence::SelectNextLine,
         lineStart + perLine < size ? m_cursor + perLine : m_cursor},
        {QKeySequence::MoveToPreviousPage, QKeySequence::SelectPreviousPage,
         m_cursor >= page ? m_cursor - page : m_cursor % perLine},
        {QKeySequence::MoveToNextPage, QKeySequence::SelectNextPage, m_cursor + page},
        {QKeySequence::MoveToStartOfLine, QKeySequence::SelectStartOfLine, lineStart},
        {QKeySequence::MoveToEndOfLine, QKeySequence::SelectEndOfLine, lineStart + perLine - 1},
        {QKeySequence::MoveToStartOfDocument, QKeySequence::SelectStartOfDocument, 0},
        {QKeySequence::MoveToEndOfDocument, QKeySequence::SelectEndOfDocument, size - 1},
    };
    for (const Move &move : moves) {
        const bool extend = event->matches(move.select);
        if (!extend && !event->matches(move.move))
            continue;
        const bool paging = move.move == QKeySequence::MoveToPreviousPage ||
                            move.move == QKeySequence::MoveToNextPage;
        // A page key scrolls the view along with the cursor, as in an editor.
        if (paging)
            setTopLine(m_topLine + (move.target - m_cursor) / perLine);
        moveCursor(move.target, extend);
        event->accept();
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    if (m_data.isEmpty())
        return;
    const qint64 offset = byteAt(event->position().toPoint());
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    m_dragAnchor = extend ? (m_anchor >= 0 ? m_anchor : m_cursor) : offset;
    moveCursor(offset, extend);
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_dragAnchor < 0 || m_data.isEmpty())
        return;
    // Past the viewport's edge byteAt() answers a line out of sight: the move scrolls.
    const qint64 offset = byteAt(event->position().toPoint());
    if (offset == m_cursor && m_anchor < 0)
        return;
    const Range before = selection();
    const qint64 cursorBefore = m_cursor;
    m_anchor = m_dragAnchor;
    m_cursor = offset;
    ensureCursorVisible();
    viewport()->update();
    emitChanges(cursorBefore, before);
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_dragAnchor = -1;
}

void HexView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const qint64 length = selection().second;
    QAction *copyAction = menu.addAction(tr("&Copy as hex"), this, &HexView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(length > 0 && length <= kMaxCopyBytes);
    QAction *all =
        menu.addAction(tr("Select &all"), this, [this] { selectRange(0, m_data.size()); });
    all->setShortcut(QKeySequence::SelectAll);
    all->setEnabled(!m_data.isEmpty());
    menu.exec(event->globalPos());
}

void HexView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void HexView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void HexView::scrollContentsBy(int, int)
{
    // The scrollbar moved (the user, or a range change): follow it, unless it is being set
    // from m_topLine (which a scaled scrollbar only approximates).
    if (!m_syncingScrollBars)
        m_topLine = qMin(qint64(verticalScrollBar()->value()) * m_scale, maxTopLine());
    viewport()->update();
}

void HexView::updateMetrics()
{
    const QFontMetricsF metrics(font());
    m_charWidth = metrics.horizontalAdvance(u'0');
    m_lineHeight = qMax(1, qCeil(metrics.lineSpacing()));
    m_ascent = qCeil(metrics.ascent());
    m_margin = qCeil(m_charWidth / 2);
    viewport()->update();
}

void HexView::updateLayout()
{
    const int extraDigits = m_offsetDigits - 8;
    const int columns = int((viewport()->width() - 2 * m_margin) / m_charWidth) - extraDigits;
    const int perLine = HexDump::bytesPerLineFor(columns);
    if (perLine != m_bytesPerLine) {
        m_topLine = m_topLine * m_bytesPerLine / perLine;
        m_bytesPerLine = perLine;
        viewport()->update();
    }
    updateScrollBars();
}

void HexView::updateScrollBars()
{
    m_scale = scrollScale(lineCount());
    m_topLine = qBound<qint64>(0, m_topLine, maxTopLine());
    m_syncingScrollBars = true;
    QScrollBar *vertical = verticalScrollBar();
    vertical->setRange(0, int((maxTopLine() + m_scale - 1) / m_scale));
    vertical->setPageStep(int(qMax<qint64>(1, visibleLines() / m_scale)));
    vertical->setSingleStep(1);
    vertical->setValue(int(m_topLine / m_scale));
    QScrollBar *horizontal = horizontalScrollBar();
    const int width = qCeil(2 * m_margin + lineColumns(m_bytesPerLine) * m_charWidth);
    horizontal->setRange(0, qMax(0, width - viewport()->width()));
    horizontal->setPageStep(viewport()->width());
    horizontal->setSingleStep(qMax(1, qRound(m_charWidth)));
    m_syncingScrollBars = false;
}

void HexView::setTopLine(qint64 line)
{
    line = qBound<qint64>(0, line, maxTopLine());
    if (line == m_topLine)
        return;
    m_topLine = line;
    m_syncingScrollBars = true;
    verticalScrollBar()->setValue(int(m_topLine / m_scale));
    m_syncingScrollBars = false;
    viewport()->update();
}

qint64 HexView::maxTopLine() const
{
    return qMax<qint64>(0, lineCount() - visibleLines());
}

void HexView::moveCursor(qint64 offset, bool extend)
{
    const qint64 size = m_data.size();
    if (size == 0)
        return;
    offset = qBound<qint64>(0, offset, size - 1);
    const Range before = selection();
    const qint64 cursorBefore = m_cursor;
    if (!extend)
        m_anchor = -1;
    else if (m_anchor < 0)
        m_anchor = m_cursor;
    m_cursor = offset;
    ensureCursorVisible();
    viewport()->update();
    emitChanges(cursorBefore, before);
}

void HexView::emitChanges(qint64 cursorBefore, const Range &selectionBefore)
{
    if (cursorBefore != m_cursor)
        emit cursorMoved(m_cursor);
    // An empty selection only follows the cursor: that is no change of selection.
    const Range now = selection();
    if (now != selectionBefore && (now.second > 0 || selectionBefore.second > 0))
        emit selectionChanged();
}

void HexView::ensureCursorVisible()
{
    const qint64 line = m_cursor / m_bytesPerLine;
    const int shown = qMax(1, visibleLines());
    if (line < m_topLine)
        setTopLine(line);
    else if (line >= m_topLine + shown)
        setTopLine(line - shown + 1);
}

qint64 HexView::byteAt(const QPoint &pos) const
{
    const qint64 row = qint64(std::floor(qreal(pos.y()) / m_lineHeight));
    const qreal column = (pos.x() + horizontalScrollBar()->value() - m_margin) / m_charWidth;
    int index = m_bytesPerLine - 1;
    if (column >= asciiColumn() - 1) {
        index = qBound(0, int(std::floor(column - asciiColumn())), m_bytesPerLine - 1);
    } else {
        // Each hex cell owns half a space either side; the gap after 8 goes to the right.
        for (int k = 0; k < m_bytesPerLine; ++k) {
            if (column < hexColumn(k) + 2.5) {
                index = k;
                break;
            }
        }
    }
    const qint64 line = qMax<qint64>(0, m_topLine + row);
    return qBound<qint64>(0, line * m_bytesPerLine + index, m_data.size() - 1);
}

int HexView::hexColumn(int index) const
{
    return m_offsetDigits + 2 + 3 * index + (index >= 8 ? 1 : 0);
}

int HexView::asciiColumn() const
{
    return hexColumn(0) + 3 * m_bytesPerLine + (m_bytesPerLine > 8 ? 1 : 0) + 2;
}

int HexView::lineColumns(int bytesPerLine) const
{
    // HexDump's line without its line feed, and its offset as wide as ours.
    return HexDump::lineLength(bytesPerLine) - 1 + m_offsetDigits - 8;
}

QRectF HexView::spanRect(int row, int first, int last, Column column) const
{
    qreal left = 0;
    qreal right = 0;
    if (column == Column::Hex) {
        left = hexColumn(first) - 0.5;
        right = hexColumn(last) + 2.5;
    } else {
        left = asciiColumn() + first;
        right = asciiColumn() + last + 1;
    }
    return {m_margin + left * m_charWidth, qreal(row * m_lineHeight), (right - left) * m_charWidth,
            qreal(m_lineHeight)};
}

} // namespace mqttdesk
