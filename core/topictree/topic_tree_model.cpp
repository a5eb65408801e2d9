#include "core/topictree/topic_tree_model.h"

#include "core/payload/payload_renderer.h"
#include "core/payload/utf8_scan.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace mqttdesk {

namespace {

constexpr int kValueChars = 120;

} // namespace

TopicTreeModel::TopicTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &TopicTreeModel::flush);
}

int TopicTreeModel::idOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : TopicTree::kRoot;
}

QModelIndex TopicTreeModel::indexOf(int id, int column) const
{
    if (id <= TopicTree::kRoot || id >= m_tree.nodeCount() || m_tree.row(id) < 0)
        return {};
    return createIndex(m_tree.row(id), column, quintptr(id));
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, quintptr(m_tree.child(idOf(parent), row)));
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(m_tree.parent(idOf(child)));
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return m_tree.childCount(idOf(parent));
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool TopicTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString TopicTreeModel::emptyLevelText()
{
    return QCoreApplication::translate("mqttdesk::TopicTreeModel", "⟨empty⟩");
}

QString TopicTreeModel::ageText(qint64 ageUs)
{
    const qint64 s = qMax<qint64>(0, ageUs / 1000000);
    if (s < 60)
        return QCoreApplication::translate("mqttdesk::TopicTreeModel", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("mqttdesk::TopicTreeModel", "%1 min").arg(s / 60);
    if (s < 86400)
        return QCoreApplication::translate("mqttdesk::TopicTreeModel", "%1 h").arg(s / 3600);
    return QCoreApplication::translate("mqttdesk::TopicTreeModel", "%1 d").arg(s / 86400);
}

QString TopicTreeModel::valueText(const QByteArray &preview, qint64 size)
{
    if (preview.isEmpty())
        return size > 0 ? QString()
                        : QCoreApplication::translate("mqttdesk::TopicTreeModel", "(empty)");
    const bool cut = size > preview.size();
    // A character cut at the preview's end is not binary: leave its first bytes out.
    qsizetype whole = preview.size();
    if (cut) {
        qsizetype lead = whole;
        while (lead > 0 && whole - lead < 3 && (quint8(preview[lead - 1]) & 0xC0) == 0x80)
            --lead;
        if (lead > 0) {
            const quint8 first = quint8(preview[lead - 1]);
            const qsizetype need = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
            if (need > whole - lead + 1)
                whole = lead - 1;
        }
    }
    const QByteArrayView bytes(preview.constData(), whole);
    const Utf8Scan scan = Utf8Scan::scan(bytes);
    QString text = scan.isPrintableText() ? QString::fromUtf8(bytes).simplified()
                                          : QString::fromLatin1(preview.left(32).toHex(' '));
    const bool longer = text.size() > kValueChars;
    if (longer)
        text.truncate(kValueChars);
    if (cut || longer)
        text += QStringLiteral("…");
    return text;
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int id = idOf(index);
    const TopicTree::Node &n = m_tree.node(id);
    switch (role) {
    case TopicRole:
        return m_tree.topicOf(id);
    case NodeIdRole:
        return id;
    case MessagesRole:
        return n.messages;
    case OwnMessagesRole:
        return n.ownMessages;
    case RateRole:
        return m_tree.rate(id, m_nowUs);
    case OwnRateRole:
        return n.isTopic ? m_tree.rate(id, m_nowUs, true) : 0.0;
    case LastActivityRole:
        return n.activityUs;
    case RetainedRole:
        return n.retained;
    case IsTopicRole:
        return n.isTopic;
    case PreviewRole:
        return n.preview;
    case SegmentRole:
        return n.segment;
    case Qt::TextAlignmentRole:
        if (index.column() == MessagesColumn || index.column() == RateColumn ||
            index.column() == LastActivityColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == RetainedColumn)
            return QVariant(Qt::AlignCenter);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TopicColumn:
            return m_tree.topicOf(id);
        case MessagesColumn:
            return n.isTopic && n.ownMessages != n.messages
                       ? tr("%1 on this topic, %2 with the topics below")
                             .arg(QLocale().toString(n.ownMessages), QLocale().toString(n.messages))
                       : QVariant();
        case RateColumn:
            if (n.isTopic && n.ownMessages != n.messages)
                return tr("%1 msg/s on this topic, %2 msg/s with the topics below")
                    .arg(QLocale().toString(m_tree.rate(id, m_nowUs, true), 'f', 1),
                         QLocale().toString(m_tree.rate(id, m_nowUs), 'f', 1));
            return {};
        case ValueColumn:
            return n.isTopic ? valueOf(id) : QVariant();
        case RetainedColumn:
            return n.retained ? tr("The broker holds a retained message for this topic")
                              : QVariant();
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case TopicColumn:
            return n.segment.isEmpty() ? emptyLevelText() : n.segment;
        case MessagesColumn:
            return QLocale().toString(n.messages);
        case RateColumn: {
            const double rate = m_tree.rate(id, m_nowUs);
            return rate > 0 ? QLocale().toString(rate, 'f', 1) : QString();
        }
        case LastActivityColumn:
            return n.activityUs > 0 ? ageText(m_nowUs - n.activityUs) : QString();
        case RetainedColumn:
            return n.retained ? QStringLiteral("R") : QString();
        case ValueColumn:
            return n.isTopic ? valueOf(id) : QString();
        }
        return {};
    default:
        return {};
    }
}

QString TopicTreeModel::valueText(const QByteArray &preview, qint64 size, PayloadFormat format)
{
    if (format == PayloadFormat::Auto || preview.isEmpty())
        return valueText(preview, size);
    const RenderedPayload rendered = PayloadRenderer::preview(preview, format, kValueChars * 4);
    if (rendered.error)
        return valueText(preview, size);
    QString text = rendered.text.simplified();
    const bool longer = text.size() > kValueChars;
    if (longer)
        text.truncate(kValueChars);
    if (longer || rendered.truncated || size > preview.size())
        text += QStringLiteral("…");
    return text;
}

QString TopicTreeModel::valueOf(int id) const
{
    const TopicTree::Node &n = m_tree.node(id);
    if (!m_formatOf)
        return valueText(n.preview, n.lastSize);
    return valueText(n.preview, n.lastSize, m_formatOf(m_tree.topicOf(id)));
}

void TopicTreeModel::setFormatResolver(FormatResolver resolver)
{
    m_formatOf = std::move(resolver);
    refreshValues();
}

void TopicTreeModel::refreshValues()
{
    notifyInSight(ValueColumn, ValueColumn, {Qt::DisplayRole, Qt::ToolTipRole});
}

void TopicTreeModel::notifyInSight(int firstColumn, int lastColumn, const QList<int> &roles)
{
    // Every row in sight: the root's and those of expanded levels.
    QList<int> parents{TopicTree::kRoot};
    for (int id : std::as_const(m_expanded))
        parents.append(id);
    for (int parentId : std::as_const(parents)) {
        const int rows = m_tree.childCount(parentId);
        if (rows == 0)
            continue;
        const QModelIndex parent = indexOf(parentId);
        emit dataChanged(index(0, firstColumn, parent), index(rows - 1, lastColumn, parent), roles);
    }
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TopicColumn:
            return tr("Topic");
        case MessagesColumn:
            return tr("Messages");
        case RateColumn:
            return tr("msg/s");
        case LastActivityColumn:
            return tr("Last");
        case RetainedColumn:
            return tr("Retained");
        case ValueColumn:
            return tr("Last value");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MessagesColumn:
            return tr("Messages on the topic and every topic below it");
        case RateColumn:
            return tr("Messages per second over the last %n second(s), with the topics below",
                      nullptr, TopicUpdate::kRateSeconds);
        case LastActivityColumn:
            return tr("Time since the last message here or below");
        case RetainedColumn:
            return tr("R: the broker holds a retained message for the topic");
        default:
            return {};
        }
    }
    return {};
}

void TopicTreeModel::apply(const TopicUpdates &updates, qint64 nowUs)
{
    m_nowUs = qMax(m_nowUs, nowUs);
    if (updates.isEmpty())
        return;
    const TopicTree::Changes changes = m_tree.apply(updates);
    if (m_updateIntervalMs <= 0) {
        show(changes.created, changes.changed);
        return;
    }
    m_pendingCreated.append(changes.created);
    m_pendingChanged.append(changes.changed);
    if (m_flushTimer.isActive())
        return;
    const qint64 since = m_lastFlush.isValid() ? m_lastFlush.elapsed() : m_updateIntervalMs;
    if (since >= m_updateIntervalMs)
        flush();
    else
        m_flushTimer.start(int(m_updateIntervalMs - since));
}

void TopicTreeModel::setUpdateInterval(int ms)
{
    m_updateIntervalMs = qMax(0, ms);
    if (m_updateIntervalMs == 0)
        flush();
}

void TopicTreeModel::flush()
{
    m_flushTimer.stop();
    m_lastFlush.start();
    if (m_pendingCreated.isEmpty() && m_pendingChanged.isEmpty())
        return;
    QList<int> created;
    QList<int> changed;
    created.swap(m_pendingCreated);
    changed.swap(m_pendingChanged);
    // Many applies: a node may be listed more than once.
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    show(std::move(created), changed);
}

void TopicTreeModel::show(QList<int> created, const QList<int> &changed)
{
    // One insertion per parent, parents before their children: a parent's id is lower than
    // its children's, and each parent's new children are placed in creation order.
    std::sort(created.begin(), created.end(), [this](int a, int b) {
        const int pa = m_tree.parent(a);
        const int pb = m_tree.parent(b);
        return pa != pb ? pa < pb : a < b;
    });
    m_tree.attach(
        created,
        [this](int parentId, int first, int count) {
            beginInsertRows(indexOf(parentId), first, first + count - 1);
        },
        [this](int) { endInsertRows(); });
    notifyVisible(changed, 0, ColumnCount - 1);
}

void TopicTreeModel::tick(qint64 nowUs)
{
    m_nowUs = qMax(m_nowUs, nowUs);
    notifyInSight(RateColumn, LastActivityColumn, {Qt::DisplayRole, RateRole});
}

void TopicTreeModel::notifyVisible(const QList<int> &ids, int firstColumn, int lastColumn)
{
    // Rows grouped by parent: one signal per parent over the span of its changed rows.
    QHash<int, std::pair<int, int>> spans;
    for (int id : ids) {
        const int parentId = m_tree.parent(id);
        if (parentId != TopicTree::kRoot && !m_expanded.contains(parentId))
            continue;
        const int row = m_tree.row(id);
        if (row < 0)
            continue;
        auto it = spans.find(parentId);
        if (it == spans.end())
            spans.insert(parentId, {row, row});
        else
            *it = {qMin(it->first, row), qMax(it->second, row)};
    }
    for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
        const QModelIndex parent = indexOf(it.key());
        // The roles a count, rate or value change touches (never the names): a proxy then
        // neither re-filters nor re-sorts by name.
        static const QList<int> kRoles{Qt::DisplayRole, Qt::ToolTipRole, MessagesRole,
                                       OwnMessagesRole, RateRole,        LastActivityRole,
                                       RetainedRole,    IsTopicRole,     PreviewRole};
        emit dataChanged(index(it->first, firstColumn, parent),
                         index(it->second, lastColumn, parent), kRoles);
    }
}

void TopicTreeModel::clear()
{
    m_flushTimer.stop();
    m_pendingCreated.clear();
    m_pendingChanged.clear();
    beginResetModel();
    m_tree.clear();
    m_expanded.clear();
    endResetModel();
}

void TopicTreeModel::setExpanded(const QModelIndex &index, bool expanded)
{
    if (!index.isValid() || index.model() != this)
        return;
    const int id = idOf(index);
    if (expanded)
        m_expanded.insert(id);
    else
        m_expanded.remove(id);
}

bool TopicTreeModel::isExpanded(const QModelIndex &index) const
{
    return !index.isValid() || m_expanded.contains(idOf(index));
}

QList<std::pair<QModelIndex, int>> TopicTreeModel::expandedIndexes() const
{
    QList<std::pair<QModelIndex, int>> out;
    out.reserve(m_expanded.size());
    for (int id : std::as_const(m_expanded)) {
        int depth = 0;
        for (int up = m_tree.parent(id); up != TopicTree::kRoot; up = m_tree.parent(up))
            ++depth;
        out.append({indexOf(id), depth});
    }
    return out;
}

QModelIndex TopicTreeModel::indexForTopic(const QString &topic, int column) const
{
    return indexOf(m_tree.find(topic), column);
}

QStringList TopicTreeModel::retainedTopicsUnder(const QModelIndex &index) const
{
    return m_tree.retainedTopics(idOf(index));
}

void TopicTreeModel::markRetainedCleared(const QStringList &topics)
{
    const QList<int> changed = m_tree.markRetainedCleared(topics);
    // The mark is shown whether or not the parent is expanded the next time it is; the
    // rows in sight are told now.
    notifyVisible(changed, RetainedColumn, RetainedColumn);
}

} // namespace mqttdesk
