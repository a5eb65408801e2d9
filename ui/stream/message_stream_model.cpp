#include "ui/stream/message_stream_model.h"

#include "core/payload/payload_detector.h"
#include "core/protocol/codec.h"
#include "core/storage/message_history.h"

#include <QDateTime>

#include <algorithm>

namespace mqttdesk {

namespace {

// Enough bytes for a ~4 KiB preview in any format (hex shows 16 bytes per 79 characters).
constexpr qsizetype kPreviewBytes = 16 * 1024;

QString propertyValueText(const PropertyValue &value)
{
    if (const auto *n = std::get_if<quint32>(&value))
        return QString::number(*n);
    if (const auto *s = std::get_if<QString>(&value))
        return *s;
    if (const auto *b = std::get_if<QByteArray>(&value))
        return QString::fromLatin1(b->left(64).toHex(' ')) +
               (b->size() > 64 ? QStringLiteral("…") : QString());
    const auto &pair = std::get<StringPair>(value);
    return pair.name + QStringLiteral(" = ") + pair.value;
}

PayloadHint hintFrom(const Properties &properties)
{
    PayloadHint hint;
    if (auto type = properties.string(PropertyId::ContentType))
        hint.contentType = *type;
    if (auto indicator = properties.integer(PropertyId::PayloadFormatIndicator))
        hint.utf8Declared = *indicator == 1;
    return hint;
}

} // namespace

MessageStreamModel::MessageStreamModel(MessageHistory *history, QObject *parent)
    : QAbstractListModel(parent)
    , m_history(history)
{
    if (m_history) {
        connect(m_history, &MessageHistory::rowsAppended, this,
                &MessageStreamModel::onHistoryAppended);
        connect(m_history, &MessageHistory::rowsRemoved, this,
                &MessageStreamModel::onHistoryRemoved);
        connect(m_history, &MessageHistory::errorOccurred, this, &MessageStreamModel::report);
    }
    reload();
}

MessageStreamModel::~MessageStreamModel() = default;

int MessageStreamModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> MessageStreamModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TopicRole, "topic");
    names.insert(DirectionRole, "direction");
    names.insert(QosRole, "qos");
    names.insert(RetainRole, "retain");
    names.insert(TimeRole, "time");
    names.insert(PayloadSizeRole, "payloadSize");
    names.insert(PreviewRole, "preview");
    names.insert(FormatRole, "format");
    names.insert(TruncatedRole, "truncated");
    names.insert(ColourRole, "colour");
    names.insert(AliasRole, "alias");
    names.insert(ExpandedRole, "expanded");
    names.insert(PropertiesRole, "properties");
    names.insert(AckRole, "ack");
    names.insert(AckFailedRole, "ackFailed");
    return names;
}

QVariant MessageStreamModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const StoredMessage &m = row.message;
    const bool outgoing = m.direction == StoredMessage::Direction::Outgoing;
    switch (role) {
    case Qt::DisplayRole:
    case TopicRole:
        return m.topic;
    case Qt::ToolTipRole:
        return tr("%1 · QoS %2 · %n byte(s)", nullptr, int(qMin<qint64>(m.payloadSize, INT_MAX)))
            .arg(m.topic)
            .arg(m.qos);
    case IdRole:
        return m.id;
    case DirectionRole:
        return int(m.direction);
    case QosRole:
        return int(m.qos);
    case RetainRole:
        return m.retain;
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(m.receivedUs / 1000);
    case PayloadSizeRole:
        return m.payloadSize;
    case PreviewRole:
        return previewOf(index.row()).text;
    case FormatRole:
        return int(previewOf(index.row()).format);
    case TruncatedRole:
        return previewOf(index.row()).truncated || m.payloadDeferred;
    case ColourRole:
        return outgoing ? QColor() : lookOf(row).colour;
    case AliasRole:
        return outgoing ? QString() : lookOf(row).alias;
    case ExpandedRole:
        return m_expanded.contains(m.id);
    case PropertiesRole:
        return propertiesOf(row);
    case AckRole: {
        if (!outgoing)
            return QString();
        auto it = m_acks.constFind(m.receivedUs);
        return it == m_acks.cend() ? QString() : it->text();
    }
    case AckFailedRole: {
        auto it = m_acks.constFind(m.receivedUs);
        return outgoing && it != m_acks.cend() && it->stage == PublishAck::Stage::Failed;
    }
    default:
        return {};
    }
}

void MessageStreamModel::setFilter(const MessageFilter &filter)
{
    if (m_history)
        m_history->setFilter(filter);
    reload();
}

const MessageFilter &MessageStreamModel::filter() const
{
    static const MessageFilter none;
    return m_history ? m_history->filter() : none;
}

void MessageStreamModel::followTail()
{
    m_following = true;
    reload();
}

void MessageStreamModel::setFollowing(bool following)
{
    if (m_following == following)
        return;
    if (following) {
        followTail();
        return;
    }
    m_following = false;
}

void MessageStreamModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_hasOlder = false;
    m_hasNewer = false;
    if (m_history) {
        StorageError error;
        MessagePage page = m_history->fetch(PageRequest::newest(m_pageSize), &error);
        if (error.isError()) {
            report(error);
        } else {
            m_rows.reserve(page.messages.size());
            for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it)
                m_rows.append(Row{*it, {}, {}, {}});
            m_hasOlder = page.hasOlder;
            if (!m_rows.isEmpty())
                m_lastKnownId = qMax(m_lastKnownId, m_rows.last().message.id);
        }
    }
    endResetModel();
    setPending(0);
}

int MessageStreamModel::fetchOlder()
{
    if (!m_history || !m_hasOlder || m_rows.isEmpty())
        return 0;
    StorageError error;
    MessagePage page =
        m_history->fetch(PageRequest::olderThan(m_rows.first().message.id, m_pageSize), &error);
    if (error.isError()) {
        report(error);
        return 0;
    }
    m_hasOlder = page.hasOlder;
    const int n = int(page.messages.size());
    if (n == 0)
        return 0;
    beginInsertRows({}, 0, n - 1);
    QList<Row> older;
    older.reserve(n + m_rows.size());
    for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it)
        older.append(Row{*it, {}, {}, {}});
    older.append(std::move(m_rows));
    m_rows = std::move(older);
    endInsertRows();
    // Scrolled back far: drop the newest rows; following ends until the user returns.
    if (m_rows.size() > m_maxRows) {
        trimBack(int(m_rows.size()) - m_maxRows);
        m_hasNewer = true;
        m_following = false;
    }
    return n;
}

void MessageStreamModel::onHistoryAppended(qint64 firstId, qint64 lastId, qint64 count)
{
    // Notices are queued from the writer thread: rows this model already loaded may be
    // announced after it loaded them.
    if (lastId <= m_lastKnownId)
        return;
    // A notice may also straddle what was loaded (several commits coalesced).
    if (firstId <= m_lastKnownId && m_history && m_history->filter().isProfileOnly())
        count = qMax<qint64>(1, count - (m_lastKnownId - firstId + 1));
    m_lastKnownId = lastId;
    if (!m_following || m_hasNewer) {
        setPending(m_pending + count);
        return;
    }
    appendNewer();
}

void MessageStreamModel::appendNewer()
{
    if (!m_history)
        return;
    if (m_rows.isEmpty()) {
        reload();
        if (!m_rows.isEmpty())
            emit rowsAppendedAtTail(int(m_rows.size()));
        return;
    }
    StorageError error;
    MessagePage page =
        m_history->fetch(PageRequest::newerThan(m_rows.last().message.id, m_maxRows), &error);
    if (error.isError()) {
        report(error);
        return;
    }
    if (page.hasNewer) {
        // More arrived than the window holds: start again from the newest page.
        reload();
        emit rowsAppendedAtTail(int(m_rows.size()));
        return;
    }
    const int n = int(page.messages.size());
    if (n == 0)
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + n - 1);
    for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it)
        m_rows.append(Row{*it, {}, {}, {}});
    endInsertRows();
    m_lastKnownId = qMax(m_lastKnownId, m_rows.last().message.id);
    if (m_rows.size() > m_maxRows) {
        trimFront(int(m_rows.size()) - m_maxRows);
        m_hasOlder = true;
    }
    emit rowsAppendedAtTail(n);
}

void MessageStreamModel::trimFront(int excess)
{
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
}

void MessageStreamModel::trimBack(int excess)
{
    if (excess <= 0)
        return;
    const int size = int(m_rows.size());
    beginRemoveRows({}, size - excess, size - 1);
    m_rows.resize(size - excess);
    endRemoveRows();
}

void MessageStreamModel::onHistoryRemoved(qint64 upToId)
{
    int n = 0;
    while (n < m_rows.size() && m_rows.at(n).message.id <= upToId)
        ++n;
    if (n == m_rows.size() && n > 0) {
        reload();
        return;
    }
    trimFront(n);
}

void MessageStreamModel::setLookResolver(std::function<SubscriptionLook(const QString &)> resolver)
{
    m_resolver = std::move(resolver);
    refreshLooks();
}

void MessageStreamModel::refreshLooks()
{
    for (const Row &row : std::as_const(m_rows)) {
        row.look.reset();
        row.preview.reset();
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void MessageStreamModel::setRowFormat(int row, PayloadFormat format)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const Row &r = m_rows.at(row);
    if (format == PayloadFormat::Auto)
        m_rowFormats.remove(r.message.id);
    else
        m_rowFormats.insert(r.message.id, format);
    r.preview.reset();
    emit dataChanged(index(row), index(row));
}

void MessageStreamModel::setExpanded(int row, bool expanded)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const qint64 id = m_rows.at(row).message.id;
    if (expanded == m_expanded.contains(id))
        return;
    if (expanded)
        m_expanded.insert(id);
    else
        m_expanded.remove(id);
    // A taller row: the view must ask sizeHint again.
    emit dataChanged(index(row), index(row), {ExpandedRole, Qt::SizeHintRole});
}

void MessageStreamModel::toggleExpanded(int row)
{
    if (row >= 0 && row < m_rows.size())
        setExpanded(row, !m_expanded.contains(m_rows.at(row).message.id));
}

void MessageStreamModel::setAck(qint64 receivedUs, const PublishAck &ack)
{
    m_acks.insert(receivedUs, ack);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).message.receivedUs == receivedUs) {
            emit dataChanged(index(i), index(i), {AckRole, AckFailedRole});
            break;
        }
    }
}

const MessageStreamModel::Row *MessageStreamModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

QByteArray MessageStreamModel::fullPayload(int row, StorageError *error) const
{
    const Row *r = rowAt(row);
    if (!r)
        return {};
    if (!r->message.payloadDeferred || !m_history)
        return r->message.payload;
    return m_history->loadPayload(r->message.id, error);
}

const SubscriptionLook &MessageStreamModel::lookOf(const Row &row) const
{
    if (!row.look)
        row.look = m_resolver ? m_resolver(row.message.topic) : SubscriptionLook{};
    return *row.look;
}

PayloadFormat MessageStreamModel::effectiveFormat(int row) const
{
    const Row *r = rowAt(row);
    if (!r)
        return PayloadFormat::Text;
    return previewOf(row).format;
}

const RenderedPayload &MessageStreamModel::previewOf(int row) const
{
    const Row &r = m_rows.at(row);
    if (r.preview)
        return *r.preview;
    PayloadFormat format = m_rowFormats.value(r.message.id, PayloadFormat::Auto);
    if (format == PayloadFormat::Auto && r.message.direction == StoredMessage::Direction::Incoming)
        format = lookOf(r).format;
    PayloadHint hint;
    if (!r.message.properties.isEmpty()) {
        auto decoded = decodeProperties(r.message.properties);
        if (decoded.ok())
            hint = hintFrom(decoded.value());
    }
    // A large payload stays in storage's side table; the preview needs only a prefix of it
    // (storage has no prefix read yet, so the blob is read once and cut).
    QByteArray prefix;
    QByteArrayView bytes = r.message.payload;
    if (r.message.payloadDeferred && m_history) {
        prefix = m_history->loadPayload(r.message.id).left(kPreviewBytes);
        bytes = prefix;
    }
    if (format == PayloadFormat::Auto)
        format = PayloadDetector::detect(bytes, hint);
    r.preview = PayloadRenderer::preview(bytes, format, PayloadRenderer::PreviewChars, hint);
    if (r.message.payloadDeferred)
        r.preview->truncated = true;
    return *r.preview;
}

const QStringList &MessageStreamModel::propertiesOf(const Row &row) const
{
    if (row.properties)
        return *row.properties;
    QStringList lines;
    if (!row.message.properties.isEmpty()) {
        auto decoded = decodeProperties(row.message.properties);
        if (decoded.ok()) {
            for (const Property &p : decoded.value().items())
                lines.append(propertyName(p.id) + QStringLiteral(": ") +
                             propertyValueText(p.value));
        } else {
            lines.append(tr("The stored properties cannot be read."));
        }
    }
    row.properties = lines;
    return *row.properties;
}

void MessageStreamModel::setPending(qint64 count)
{
    if (m_pending == count)
        return;
    m_pending = count;
    emit pendingCountChanged(count);
}

void MessageStreamModel::report(const StorageError &error)
{
    emit errorOccurred(error);
}

} // namespace mqttdesk
