#include "ui/stream/message_bubble_delegate.h"

#include "core/payload/json_highlighter.h"
#include "core/payload/payload_format.h"
#include "core/storage/stored_message.h"
#include "ui/stream/message_stream_model.h"
#include "ui/theme/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace mqttdesk {

namespace {

constexpr int kMargin = 6;  // around the bubble inside the row
constexpr int kPadding = 8; // inside the bubble
constexpr int kRadius = 8;
constexpr double kMaxWidthShare = 0.72;

// Received: a tint of the subscription colour; published: of the highlight.
QColor bubbleFill(const QModelIndex &index, const QPalette &pal)
{
    if (index.data(MessageStreamModel::DirectionRole).toInt() ==
        int(StoredMessage::Direction::Outgoing))
        return Theme::bubbleOutgoing(pal);
    return Theme::bubbleIncoming(index.data(MessageStreamModel::ColourRole).value<QColor>(), pal);
}

} // namespace

QString MessageBubbleDelegate::sizeText(qint64 bytes)
{
    // QLocale spells "bytes" only through Qt's own catalogue, which may not be loaded.
    // Two source texts rather than "%n byte(s)": English reads right with no catalogue.
    if (bytes == 1)
        return tr("1 byte");
    if (bytes < 1024)
        return tr("%1 bytes").arg(QLocale().toString(bytes));
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

MessageBubbleDelegate::MessageBubbleDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_mono(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{}

int MessageBubbleDelegate::lineHeight() const
{
    return QFontMetrics(m_mono).lineSpacing();
}

QSize MessageBubbleDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const int header = QFontMetrics(option.font).lineSpacing();
    const int line = lineHeight();
    const bool expanded = index.data(MessageStreamModel::ExpandedRole).toBool();
    int height =
        2 * kMargin + 2 * kPadding + header + 4 + CollapsedPreviewLines * line + 4 + header;
    if (expanded) {
        const int props = int(index.data(MessageStreamModel::PropertiesRole).toStringList().size());
        height +=
            (ExpandedPreviewLines - CollapsedPreviewLines) * line + qMax(1, props) * header + 4;
    }
    return {qMax(200, option.rect.width()), height};
}

MessageBubbleDelegate::Layout MessageBubbleDelegate::layout(const QRect &rowRect,
                                                            const QModelIndex &index,
                                                            const QFont &font) const
{
    Layout l;
    const int header = QFontMetrics(font).lineSpacing();
    const int line = lineHeight();
    const bool outgoing = index.data(MessageStreamModel::DirectionRole).toInt() ==
                          int(StoredMessage::Direction::Outgoing);
    const bool expanded = index.data(MessageStreamModel::ExpandedRole).toBool();
    const int width = qMax(160, int(rowRect.width() * kMaxWidthShare));
    const QRect inner = rowRect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    l.bubble = QRect(outgoing ? inner.right() - width + 1 : inner.left(), inner.top(),
                     qMin(width, inner.width()), inner.height());
    const QRect content = l.bubble.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    l.header = QRect(content.left(), content.top(), content.width(), header);
    int y = l.header.bottom() + 1 + 4;
    const int previewLines = expanded ? ExpandedPreviewLines : CollapsedPreviewLines;
    l.preview = QRect(content.left(), y, content.width(), previewLines * line);
    y = l.preview.bottom() + 1 + 4;
    if (expanded) {
        const int props = int(index.data(MessageStreamModel::PropertiesRole).toStringList().size());
        l.properties = QRect(content.left(), y, content.width(), qMax(1, props) * header);
        y = l.properties.bottom() + 1 + 4;
    }
    l.footer = QRect(content.left(), y, content.width(), header);
    const QFontMetrics fm(font);
    const QString toggleText = expanded ? tr("▾ Properties") : tr("▸ Properties");
    l.toggle = QRect(l.footer.left(), l.footer.top(), fm.horizontalAdvance(toggleText) + 4, header);
    const QString showAll = tr("Show all");
    const int showAllWidth = fm.horizontalAdvance(showAll) + 4;
    l.showAll = QRect(l.footer.right() - showAllWidth + 1, l.footer.top(), showAllWidth, header);
    return l;
}

QRect MessageBubbleDelegate::bubbleRect(const QRect &rowRect, const QModelIndex &index) const
{
    return layout(rowRect, index, QApplication::font()).bubble;
}

void MessageBubbleDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QPalette &pal = option.palette;
    const Layout l = layout(option.rect, index, option.font);
    const bool outgoing = index.data(MessageStreamModel::DirectionRole).toInt() ==
                          int(StoredMessage::Direction::Outgoing);

    // Bubble: a pale tint of the subscription colour (received) or the highlight (published).
    const QColor accent =
        outgoing ? Theme::bubbleOutgoingBorder(pal)
                 : Theme::bubbleIncomingBorder(
                       index.data(MessageStreamModel::ColourRole).value<QColor>(), pal);
    const QColor fill = bubbleFill(index, pal);
    QPainterPath path;
    path.addRoundedRect(l.bubble, kRadius, kRadius);
    painter->fillPath(path, fill);
    painter->setPen(
        QPen(option.state & QStyle::State_Selected ? pal.color(QPalette::Highlight) : accent,
             option.state & QStyle::State_Selected ? 2.0 : 1.0));
    painter->drawPath(path);
    // The subscription colour as a stripe on the bubble's outer edge.
    const QRect stripe = outgoing ? QRect(l.bubble.right() - 3, l.bubble.top() + kRadius, 4,
                                          l.bubble.height() - 2 * kRadius)
                                  : QRect(l.bubble.left(), l.bubble.top() + kRadius, 4,
                                          l.bubble.height() - 2 * kRadius);
    painter->fillRect(stripe, accent);

    // Header: topic (elided) then the facts, right-aligned.
    const QFontMetrics fm(option.font);
    QStringList facts;
    const QString alias = index.data(MessageStreamModel::AliasRole).toString();
    facts << tr("QoS %1").arg(index.data(MessageStreamModel::QosRole).toInt());
    if (index.data(MessageStreamModel::RetainRole).toBool())
        facts << tr("retained");
    facts << QLocale().toString(index.data(MessageStreamModel::TimeRole).toDateTime().time(),
                                QStringLiteral("HH:mm:ss.zzz"));
    facts << sizeText(index.data(MessageStreamModel::PayloadSizeRole).toLongLong());
    facts << payloadFormatName(PayloadFormat(index.data(MessageStreamModel::FormatRole).toInt()));
    const QString ack = index.data(MessageStreamModel::AckRole).toString();
    if (!ack.isEmpty())
        facts << ack;
    const QString factText = facts.join(QStringLiteral(" · "));
    const int factWidth = qMin(fm.horizontalAdvance(factText) + 12, l.header.width() / 2);
    QRect factRect(l.header.right() - factWidth + 1, l.header.top(), factWidth, l.header.height());
    QRect topicRect(l.header.left(), l.header.top(), l.header.width() - factWidth - 8,
                    l.header.height());
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(Theme::onBubble(pal.color(QPalette::Text), fill));
    QString topic = index.data(MessageStreamModel::TopicRole).toString();
    if (!alias.isEmpty())
        topic = alias + QStringLiteral(" — ") + topic;
    painter->drawText(topicRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(topic, Qt::ElideMiddle, topicRect.width()));
    painter->setFont(option.font);
    const bool failed = index.data(MessageStreamModel::AckFailedRole).toBool();
    painter->setPen(Theme::onBubble(
        failed ? Theme::errorText(pal) : pal.color(QPalette::PlaceholderText), fill));
    painter->drawText(factRect, Qt::AlignRight | Qt::AlignVCenter,
                      fm.elidedText(factText, Qt::ElideLeft, factRect.width()));

    const bool expanded = index.data(MessageStreamModel::ExpandedRole).toBool();
    paintPreview(painter, l.preview, index,
                 expanded ? ExpandedPreviewLines : CollapsedPreviewLines);
    painter->setFont(option.font); // the preview leaves the monospace font set

    if (expanded) {
        painter->setPen(Theme::onBubble(pal.color(QPalette::Text), fill));
        QStringList props = index.data(MessageStreamModel::PropertiesRole).toStringList();
        if (props.isEmpty())
            props << tr("No MQTT 5 properties");
        int y = l.properties.top();
        for (const QString &p : std::as_const(props)) {
            painter->drawText(QRect(l.properties.left(), y, l.properties.width(), fm.lineSpacing()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              fm.elidedText(p, Qt::ElideRight, l.properties.width()));
            y += fm.lineSpacing();
        }
    }

    painter->setPen(Theme::onBubble(pal.color(QPalette::Link), fill));
    painter->drawText(l.toggle, Qt::AlignLeft | Qt::AlignVCenter,
                      expanded ? tr("▾ Properties") : tr("▸ Properties"));
    if (index.data(MessageStreamModel::TruncatedRole).toBool() || expanded)
        painter->drawText(l.showAll, Qt::AlignRight | Qt::AlignVCenter, tr("Show all"));
    painter->restore();
}

void MessageBubbleDelegate::paintPreview(QPainter *painter, const QRect &rect,
                                         const QModelIndex &index, int maxLines) const
{
    const auto *model = qobject_cast<const MessageStreamModel *>(index.model());
    const QString text = index.data(MessageStreamModel::PreviewRole).toString();
    const QPalette pal = QApplication::palette();
    const QColor fill = bubbleFill(index, pal);
    painter->setFont(m_mono);
    const QFontMetrics fm(m_mono);
    const int line = fm.lineSpacing();
    if (text.isEmpty()) {
        painter->setPen(Theme::onBubble(pal.color(QPalette::PlaceholderText), fill));
        painter->drawText(QRect(rect.left(), rect.top(), rect.width(), line),
                          Qt::AlignLeft | Qt::AlignVCenter, tr("(empty payload)"));
        return;
    }
    QList<JsonSpan> spans;
    if (model) {
        if (const auto *row = model->rowAt(index.row()); row && row->preview)
            spans = row->preview->spans;
    }
    // Once per bubble rather than per run: each is checked for contrast against the fill.
    QColor spanColours[int(JsonTokenKind::Punctuation) + 1];
    for (int kind = 0; kind <= int(JsonTokenKind::Punctuation); ++kind)
        spanColours[kind] = Theme::jsonText(JsonTokenKind(kind), pal, fill);
    const QColor plain = Theme::onBubble(pal.color(QPalette::Text), fill);
    painter->save();
    painter->setClipRect(rect);
    qsizetype start = 0;
    qsizetype spanIndex = 0;
    for (int n = 0; n < maxLines && start <= text.size(); ++n) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        const int y = rect.top() + n * line;
        int x = rect.left();
        qsizetype pos = start;
        // Plain runs between coloured spans; spans are sorted and never cross lines.
        while (spanIndex < spans.size() &&
               spans.at(spanIndex).start + spans.at(spanIndex).length <= start)
            ++spanIndex;
        while (pos < end && x < rect.right()) {
            qsizetype runEnd = end;
            QColor colour = plain;
            if (spanIndex < spans.size()) {
                const JsonSpan &s = spans.at(spanIndex);
                if (s.start <= pos) {
                    runEnd = qMin(end, s.start + s.length);
                    colour = spanColours[int(s.kind)];
                    if (runEnd <= pos) {
                        ++spanIndex;
                        continue;
                    }
                } else {
                    runEnd = qMin(end, s.start);
                }
            }
            const QString run = text.mid(pos, qMin<qsizetype>(runEnd - pos, 400));
            painter->setPen(colour);
            painter->drawText(QPoint(x, y + fm.ascent()), run);
            x += fm.horizontalAdvance(run);
            pos = runEnd;
            if (spanIndex < spans.size() &&
                pos >= spans.at(spanIndex).start + spans.at(spanIndex).length)
                ++spanIndex;
        }
        start = end + 1;
        if (end >= text.size())
            break;
    }
    painter->restore();
}

MessageBubbleDelegate::Hit MessageBubbleDelegate::hitTest(const QRect &rowRect,
                                                          const QModelIndex &index,
                                                          const QPoint &pos) const
{
    const Layout l = layout(rowRect, index, QApplication::font());
    if (l.toggle.contains(pos))
        return Hit::PropertiesToggle;
    if (l.showAll.contains(pos))
        return Hit::ShowAll;
    return l.bubble.contains(pos) ? Hit::Bubble : Hit::None;
}

bool MessageBubbleDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                        const QStyleOptionViewItem &option,
                                        const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            switch (hitTest(option.rect, index, mouse->position().toPoint())) {
            case Hit::PropertiesToggle:
                emit propertiesToggled(index);
                return true;
            case Hit::ShowAll:
                emit showAllRequested(index);
                return true;
            case Hit::None:
            case Hit::Bubble:
                break;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace mqttdesk
