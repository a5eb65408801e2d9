#include "ui/stream/message_bubble_delegate.h"

#include "core/payload/json_highlighter.h"
#include "core/payload/payload_format.h"
#include "core/storage/stored_message.h"
#include "ui/stream/message_stream_model.h"
#include "ui/theme/theme.h"
#include "ui/widgets/icons.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace mqttdesk {

namespace {

constexpr int kMargin = 6;  // left and right of the bubble inside the row
constexpr int kMarginV = 1; // above and below it: 2 px between bubbles
constexpr int kPadX = 8;    // inside the bubble
constexpr int kPadY = 3;
constexpr int kGap = 1; // between the header, the payload and the properties
constexpr int kRadius = 7;
constexpr double kMaxWidthShare = 0.8;
constexpr int kMinTopicWidth = 80;
constexpr int kCompactPad = 2;

// Every bubble of a row this wide is as wide: a share of the row, inside its margins.
int bubbleWidth(int rowWidth)
{
    return qMin(qMax(160, int(rowWidth * kMaxWidthShare)), rowWidth - 2 * kMargin);
}

bool isOutgoing(const QModelIndex &index)
{
    return index.data(MessageStreamModel::DirectionRole).toInt() ==
           int(StoredMessage::Direction::Outgoing);
}

// Received: a tint of the subscription colour; published: of the highlight.
QColor bubbleFill(const QModelIndex &index, const QPalette &pal)
{
    if (isOutgoing(index))
        return Theme::bubbleOutgoing(pal);
    return Theme::bubbleIncoming(index.data(MessageStreamModel::ColourRole).value<QColor>(), pal);
}

QColor accentOf(const QModelIndex &index, const QPalette &pal)
{
    if (isOutgoing(index))
        return Theme::bubbleOutgoingBorder(pal);
    return Theme::bubbleIncomingBorder(index.data(MessageStreamModel::ColourRole).value<QColor>(),
                                       pal);
}

// Settings > Stream > Timestamps: one style for every stream of the app.
QString g_timeFormat = QStringLiteral("HH:mm:ss.zzz");
bool g_timeUtc = false;

QString timeText(const QModelIndex &index)
{
    const QDateTime time = index.data(MessageStreamModel::TimeRole).toDateTime();
    return QLocale().toString(g_timeUtc ? time.toUTC() : time.toLocalTime(), g_timeFormat);
}

// The compact time column fits the widest time of the format.
QString widestTime()
{
    return QLocale().toString(QDateTime(QDate(2000, 12, 28), QTime(20, 58, 58, 888), Qt::UTC),
                              g_timeFormat);
}

QString topicText(const QModelIndex &index)
{
    QString topic = index.data(MessageStreamModel::TopicRole).toString();
    const QString alias = index.data(MessageStreamModel::AliasRole).toString();
    if (!alias.isEmpty())
        topic = alias + QStringLiteral(" — ") + topic;
    return topic;
}

// The start of a preview on one line: line breaks and the indentation after them become one
// space, so pretty-printed JSON reads as `{ "t": 21.5, "unit": "C" }`.
QString oneLine(const QString &text, qsizetype maxChars)
{
    QString out;
    out.reserve(qMin(text.size(), maxChars));
    bool breaking = false;
    for (qsizetype i = 0; i < text.size() && out.size() < maxChars; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n')) {
            breaking = true;
            continue;
        }
        if (breaking && (c == QLatin1Char(' ') || c == QLatin1Char('\t')))
            continue;
        if (breaking && !out.isEmpty())
            out += QLatin1Char(' ');
        breaking = false;
        out += c;
    }
    return out;
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

QString MessageBubbleDelegate::moreText(int hiddenLines, bool truncated)
{
    // Singular and plural as two source texts, like sizeText(): English reads right with no
    // catalogue loaded.
    if (hiddenLines > 0 && truncated)
        return hiddenLines == 1 ? tr("… at least 1 more line")
                                : tr("… at least %1 more lines").arg(hiddenLines);
    if (hiddenLines > 0)
        return hiddenLines == 1 ? tr("… 1 more line") : tr("… %1 more lines").arg(hiddenLines);
    if (truncated)
        return tr("… the payload goes on");
    return QString();
}

QString MessageBubbleDelegate::moreLineOf(const Shape &shape)
{
    // Under a thumbnail only Show all: the picture is there, and its preview lines are its own.
    return shape.picture ? QString() : moreText(shape.hidden, shape.truncated);
}

QString MessageBubbleDelegate::propertiesToggleText(int count, bool expanded)
{
    return (expanded ? QStringLiteral("▾ ") : QStringLiteral("▸ ")) +
           (count == 1 ? tr("1 prop") : tr("%1 props").arg(count));
}

MessageBubbleDelegate::MessageBubbleDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_mono(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{}

void MessageBubbleDelegate::setTimeStyle(const QString &format, bool utc)
{
    g_timeFormat = format.isEmpty() ? QStringLiteral("HH:mm:ss.zzz") : format;
    g_timeUtc = utc;
}

int MessageBubbleDelegate::lineHeight() const
{
    return QFontMetrics(m_mono).lineSpacing();
}

int MessageBubbleDelegate::compactHeight(const QFont &font) const
{
    return qMax(QFontMetrics(font).lineSpacing(), lineHeight()) + 2 * kCompactPad;
}

MessageBubbleDelegate::Shape MessageBubbleDelegate::shapeOf(const QModelIndex &index) const
{
    Shape s;
    // Straight from the model's row, no QVariant: a layout asks this for every loaded row.
    const auto *model = qobject_cast<const MessageStreamModel *>(index.model());
    const int total = model ? model->previewLineCount(index.row()) : 1;
    s.truncated = model ? model->isTruncated(index.row())
                        : index.data(MessageStreamModel::TruncatedRole).toBool();
    s.expanded = model ? model->isExpanded(index.row())
                       : index.data(MessageStreamModel::ExpandedRole).toBool();
    const int cap = s.expanded ? ExpandedPreviewLines : m_previewLines;
    // "… 1 more line" would take the room of the line itself: show it instead.
    s.lines = total <= cap + 1 ? total : cap;
    s.hidden = total - s.lines;
    s.more = s.hidden > 0 || s.truncated;
    // A picture is named beside its thumbnail (the row was rendered above, by the count).
    const MessageStreamModel::Row *row = model ? model->rowAt(index.row()) : nullptr;
    s.picture = row && row->image;
    if (s.expanded)
        s.properties = int(index.data(MessageStreamModel::PropertiesRole).toStringList().size());
    return s;
}

QSize MessageBubbleDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const int width = qMax(200, option.rect.width());
    if (m_mode == Mode::Compact)
        return {width, compactHeight(option.font)};
    const int header = QFontMetrics(option.font).lineSpacing();
    const Shape s = shapeOf(index);
    int height = 2 * kMarginV + 2 * kPadY + header + kGap + s.lines * lineHeight();
    if (s.more)
        height += header;
    if (s.properties > 0)
        height += kGap + s.properties * header;
    return {width, height};
}

MessageBubbleDelegate::Layout MessageBubbleDelegate::layout(const QRect &rowRect,
                                                            const QModelIndex &index,
                                                            const QFont &font) const
{
    Layout l;
    if (m_mode == Mode::Compact) {
        l.bubble = rowRect;
        return l;
    }
    const QFontMetrics fm(font);
    const int header = fm.lineSpacing();
    const Shape &s = l.shape = shapeOf(index);
    const int width = bubbleWidth(rowRect.width());
    const QRect inner = rowRect.adjusted(kMargin, kMarginV, -kMargin, -kMarginV);
    l.bubble = QRect(isOutgoing(index) ? inner.right() - width + 1 : inner.left(), inner.top(),
                     width, inner.height());
    const QRect content = l.bubble.adjusted(kPadX, kPadY, -kPadX, -kPadY);
    l.header = QRect(content.left(), content.top(), content.width(), header);
    int y = l.header.bottom() + 1 + kGap;
    l.preview = QRect(content.left(), y, content.width(), s.lines * lineHeight());
    y = l.preview.bottom() + 1;
    if (s.more) {
        l.more = QRect(content.left(), y, content.width(), header);
        const int showAllWidth = fm.horizontalAdvance(tr("Show all")) + 4;
        l.showAll = QRect(l.more.right() - showAllWidth + 1, y, showAllWidth, header);
        y = l.more.bottom() + 1;
    }
    if (s.properties > 0)
        l.properties = QRect(content.left(), y + kGap, content.width(), s.properties * header);
    // Header: the facts keep their room (QoS and time are never dropped), the properties
    // toggle sits left of them where there are properties, and the topic takes what is left.
    const int props = l.propertyCount =
        int(index.data(MessageStreamModel::PropertiesRole).toStringList().size());
    const int toggleWidth =
        props > 0 ? fm.horizontalAdvance(propertiesToggleText(props, true)) + 8 : 0;
    const bool warned = !index.data(MessageStreamModel::WarningsRole).toStringList().isEmpty();
    const int badgeWidth = warned ? header + 4 : 0;
    const int factRoom = qMax(0, l.header.width() - kMinTopicWidth - toggleWidth - badgeWidth - 12);
    l.facts = headerFacts(index, fm, factRoom);
    const int factWidth = qMin(fm.horizontalAdvance(l.facts) + 4, factRoom);
    l.factRect = QRect(l.header.right() - factWidth + 1, l.header.top(), factWidth, header);
    int topicRight = l.factRect.left() - 8;
    if (props > 0) {
        l.toggle = QRect(l.factRect.left() - 4 - toggleWidth, l.header.top(), toggleWidth, header);
        topicRight = l.toggle.left() - 4;
    }
    if (warned) {
        l.warnings = QRect(topicRight - header + 1, l.header.top(), header, header);
        topicRight = l.warnings.left() - 4;
    }
    l.topic = QRect(l.header.left(), l.header.top(), qMax(0, topicRight - l.header.left()), header);
    return l;
}

int MessageBubbleDelegate::previewWidth(int rowWidth)
{
    return qMax(0, bubbleWidth(rowWidth) - 2 * kPadX);
}

QString MessageBubbleDelegate::headerFacts(const QModelIndex &index, const QFontMetrics &fm,
                                           int room)
{
    const QString qos = tr("QoS %1").arg(index.data(MessageStreamModel::QosRole).toInt());
    const QString retained =
        index.data(MessageStreamModel::RetainRole).toBool() ? tr("retained") : QString();
    // A redelivery MQTT allows for QoS 1 (the broker resent it after a cut): kept and shown.
    const QString dup = index.data(MessageStreamModel::DupRole).toBool() ? tr("DUP") : QString();
    const QString time = timeText(index);
    const QString ack = index.data(MessageStreamModel::AckRole).toString();
    // The least useful fact goes first when room is short.
    QStringList optional{index.data(MessageStreamModel::DecoderNameRole).toString(),
                         sizeText(index.data(MessageStreamModel::PayloadSizeRole).toLongLong())};
    forever
    {
        QStringList facts{qos};
        if (!retained.isEmpty())
            facts << retained;
        if (!dup.isEmpty())
            facts << dup;
        facts << time << optional;
        if (!ack.isEmpty())
            facts << ack;
        const QString text = facts.join(QStringLiteral(" · "));
        if (fm.horizontalAdvance(text) <= room || optional.isEmpty())
            return text;
        optional.removeFirst();
    }
}

QString MessageBubbleDelegate::compactMarkers(const QModelIndex &index)
{
    // D: the redelivery MQTT allows for QoS 1 after a cut, as DUP in the bubble header.
    QString markers = isOutgoing(index) ? QStringLiteral("↑") : QStringLiteral("↓");
    markers += QStringLiteral(" Q%1").arg(index.data(MessageStreamModel::QosRole).toInt());
    if (index.data(MessageStreamModel::RetainRole).toBool())
        markers += QStringLiteral(" R");
    if (index.data(MessageStreamModel::DupRole).toBool())
        markers += QStringLiteral(" D");
    return markers;
}

QRect MessageBubbleDelegate::bubbleRect(const QRect &rowRect, const QModelIndex &index) const
{
    return layout(rowRect, index, QApplication::font()).bubble;
}

void MessageBubbleDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    painter->save();
    if (m_mode == Mode::Compact)
        paintCompact(painter, option, index);
    else
        paintBubble(painter, option, index);
    painter->restore();
}

void MessageBubbleDelegate::paintBubble(QPainter *painter, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QPalette &pal = option.palette;
    const Layout l = layout(option.rect, index, option.font);
    const Shape &s = l.shape;
    const bool outgoing = isOutgoing(index);
    const bool selected = option.state & QStyle::State_Selected;

    const QColor accent = accentOf(index, pal);
    const QColor fill = bubbleFill(index, pal);
    QPainterPath path;
    path.addRoundedRect(l.bubble, kRadius, kRadius);
    painter->fillPath(path, fill);
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : accent, selected ? 2.0 : 1.0));
    painter->drawPath(path);
    // The subscription colour as a stripe on the bubble's outer edge.
    const int stripeHeight = qMax(0, l.bubble.height() - 2 * kRadius);
    const QRect stripe =
        outgoing ? QRect(l.bubble.right() - 3, l.bubble.top() + kRadius, 4, stripeHeight)
                 : QRect(l.bubble.left(), l.bubble.top() + kRadius, 4, stripeHeight);
    painter->fillRect(stripe, accent);

    const QFontMetrics fm(option.font);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(Theme::onBubble(pal.color(QPalette::Text), fill));
    painter->drawText(
        l.topic, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(topicText(index), Qt::ElideMiddle, l.topic.width()));
    painter->setFont(option.font);
    if (l.toggle.isValid()) {
        painter->setPen(Theme::onBubble(pal.color(QPalette::Link), fill));
        painter->drawText(l.toggle, Qt::AlignRight | Qt::AlignVCenter,
                          propertiesToggleText(l.propertyCount, s.expanded));
    }
    if (l.warnings.isValid())
        Icons::warning().paint(painter, l.warnings.adjusted(1, 1, -1, -1));
    const bool failed = index.data(MessageStreamModel::AckFailedRole).toBool();
    painter->setPen(Theme::onBubble(
        failed ? Theme::errorText(pal) : pal.color(QPalette::PlaceholderText), fill));
    painter->drawText(l.factRect, Qt::AlignRight | Qt::AlignVCenter,
                      fm.elidedText(l.facts, Qt::ElideLeft, l.factRect.width()));

    paintPreview(painter, l.preview, index, s.lines);
    painter->setFont(option.font); // the preview leaves the monospace font set

    if (s.more) {
        painter->setPen(Theme::onBubble(pal.color(QPalette::PlaceholderText), fill));
        const QRect text = l.more.adjusted(0, 0, -l.showAll.width() - 8, 0);
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(moreLineOf(s), Qt::ElideRight, text.width()));
        painter->setPen(Theme::onBubble(pal.color(QPalette::Link), fill));
        painter->drawText(l.showAll, Qt::AlignRight | Qt::AlignVCenter, tr("Show all"));
    }
    if (s.properties > 0) {
        painter->setPen(Theme::onBubble(pal.color(QPalette::Text), fill));
        const QStringList props = index.data(MessageStreamModel::PropertiesRole).toStringList();
        int y = l.properties.top();
        for (const QString &p : props) {
            painter->drawText(QRect(l.properties.left(), y, l.properties.width(), fm.lineSpacing()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              fm.elidedText(p, Qt::ElideRight, l.properties.width()));
            y += fm.lineSpacing();
        }
    }
}

void MessageBubbleDelegate::paintCompact(QPainter *painter, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor background = selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base);
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor muted =
        selected ? text : Theme::onBubble(pal.color(QPalette::PlaceholderText), background);
    const QFontMetrics fm(option.font);
    const QRect r = option.rect.adjusted(0, kCompactPad, 0, -kCompactPad);
    int x = r.left() + 2;

    painter->fillRect(QRect(x, r.top(), 4, r.height()), accentOf(index, pal));
    x += 4 + 6;

    auto column = [&](const QString &s, int width, const QColor &colour, Qt::Alignment align,
                      Qt::TextElideMode elide) {
        painter->setPen(colour);
        painter->drawText(QRect(x, r.top(), width, r.height()), align | Qt::AlignVCenter,
                          QFontMetrics(painter->font()).elidedText(s, elide, width));
        x += width + 8;
    };
    painter->setFont(option.font);
    column(timeText(index), fm.horizontalAdvance(widestTime()), muted, Qt::AlignLeft,
           Qt::ElideRight);
    // A fixed column so that topics line up.
    column(compactMarkers(index), fm.horizontalAdvance(QStringLiteral("↓ Q2 R D")), muted,
           Qt::AlignLeft, Qt::ElideRight);

    const QString size = sizeText(index.data(MessageStreamModel::PayloadSizeRole).toLongLong());
    const int sizeWidth = fm.horizontalAdvance(QStringLiteral("1023.9 KB")) + 4;
    const int rest = r.right() - x - sizeWidth - 8;
    const int topicWidth = qBound(qMin(120, rest), int(rest * 0.42), 560);
    column(topicText(index), topicWidth, text, Qt::AlignLeft, Qt::ElideMiddle);

    const int payloadWidth = qMax(0, r.right() - x - sizeWidth - 8);
    const QString preview = index.data(MessageStreamModel::PreviewRole).toString();
    painter->setFont(m_mono);
    if (preview.isEmpty())
        column(tr("(empty payload)"), payloadWidth, muted, Qt::AlignLeft, Qt::ElideRight);
    else
        column(oneLine(preview, 512), payloadWidth, text, Qt::AlignLeft, Qt::ElideRight);
    painter->setFont(option.font);
    x = r.right() - sizeWidth;
    column(size, sizeWidth, muted, Qt::AlignRight, Qt::ElideLeft);
}

void MessageBubbleDelegate::paintThumbnail(QPainter *painter, const QRect &rect,
                                           const QModelIndex &index, const QString &text,
                                           const QColor &fill) const
{
    // The picture at the left, as tall as the lines kept for it; its name beside it.
    const QPalette pal = QApplication::palette();
    const QImage image = index.data(MessageStreamModel::ThumbnailRole).value<QImage>();
    const int height = qMin(rect.height(), ThumbnailCache::kHeight);
    QRect picture(rect.left(), rect.top(), 0, height);
    if (!image.isNull()) {
        const QSize size = image.size().scaled(QSize(4 * height, height), Qt::KeepAspectRatio);
        picture.setSize(size);
        painter->save();
        painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter->drawImage(picture, image);
        painter->restore();
    }
    painter->setPen(Theme::onBubble(pal.color(QPalette::Text), fill));
    const int x = picture.width() > 0 ? picture.right() + 9 : rect.left();
    const QFontMetrics fm(m_mono);
    QString label = text;
    if (image.isNull()) {
        const auto *model = qobject_cast<const MessageStreamModel *>(index.model());
        const bool failed = model && model->thumbnailFailed(index.row());
        label += failed ? tr(" · cannot be shown") : tr(" · decoding…");
    }
    painter->drawText(QRect(x, rect.top(), qMax(0, rect.right() - x), fm.lineSpacing()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(label, Qt::ElideRight, qMax(0, rect.right() - x)));
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
    const MessageStreamModel::Row *row = model ? model->rowAt(index.row()) : nullptr;
    if (row && row->preview)
        spans = row->preview->spans;
    if (row && row->image) {
        paintThumbnail(painter, rect, index, text, fill);
        return;
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
    if (l.warnings.contains(pos))
        return Hit::Warnings;
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
            case Hit::Warnings:
                break;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool MessageBubbleDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                      const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && index.isValid() &&
        hitTest(option.rect, index, event->pos()) == Hit::Warnings) {
        QString tip = tr("Sparkplug B warning:");
        for (const QString &warning : index.data(MessageStreamModel::WarningsRole).toStringList())
            tip += u'\n' + warning;
        QToolTip::showText(event->globalPos(), tip, view ? view->viewport() : nullptr, option.rect);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace mqttdesk
