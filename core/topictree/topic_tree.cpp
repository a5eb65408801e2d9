#include "core/topictree/topic_tree.h"

#include "core/protocol/topic.h"

#include <QSet>

#include <algorithm>

namespace mqttdesk {

namespace {

constexpr int kWindow = TopicUpdate::kRateSeconds;

} // namespace

void TopicTree::RateWindow::add(qint64 at, qint64 count)
{
    const auto s = quint32(qMax<qint64>(at, 0));
    if (s + kWindow <= second)
        return; // older than the window
    if (s > second) {
        // Empty the buckets of the seconds skipped (all of them after a long quiet).
        const quint32 skipped = qMin<quint32>(s - second, kWindow);
        for (quint32 k = 1; k <= skipped; ++k)
            counts[(second + k) % kWindow] = 0;
        second = s;
    }
    quint16 &bucket = counts[s % kWindow];
    bucket = quint16(qMin<qint64>(qint64(bucket) + count, 0xffff));
}

double TopicTree::RateWindow::rate(qint64 nowSecond) const
{
    qint64 sum = 0;
    for (int slot = 0; slot < kWindow; ++slot) {
        // The second this bucket holds: the newest one with this remainder.
        const qint64 held =
            qint64(second) - ((qint64(second) - slot) % kWindow + kWindow) % kWindow;
        if (held > nowSecond - kWindow && held <= nowSecond)
            sum += counts[slot];
    }
    return double(sum) / kWindow;
}

TopicTree::TopicTree()
{
    clear();
}

void TopicTree::clear()
{
    m_chunks.clear();
    m_count = 0;
    m_topics = 0;
    create(-1, QString());
    mut(kRoot).row = 0;
}

int TopicTree::childOf(int parent, const QString &segment) const
{
    const Node::Children *kids = node(parent).children.get();
    if (!kids)
        return -1;
    if (!kids->byName.isEmpty())
        return kids->byName.value(segment, -1);
    for (int id : kids->ids)
        if (node(id).segment == segment)
            return id;
    return -1;
}

int TopicTree::create(int parent, const QString &segment)
{
    const int id = m_count;
    if ((id >> kChunkBits) >= int(m_chunks.size()))
        m_chunks.push_back(std::make_unique<Node[]>(size_t(1) << kChunkBits));
    ++m_count;
    Node &n = mut(id);
    n.segment = segment;
    n.parent = parent;
    if (parent >= 0) {
        Node &p = mut(parent);
        if (!p.children)
            p.children = std::make_unique<Node::Children>();
        Node::Children &kids = *p.children;
        kids.ids.append(id);
        if (!kids.byName.isEmpty()) {
            kids.byName.insert(segment, id);
        } else if (kids.ids.size() > kLinearChildren) {
            kids.byName.reserve(kids.ids.size() * 2);
            for (int child : std::as_const(kids.ids))
                kids.byName.insert(node(child).segment, child);
        }
    }
    return id;
}

TopicTree::Changes TopicTree::apply(const TopicUpdates &updates)
{
    Changes changes;
    QSet<int> changed;
    for (const TopicUpdate &u : updates) {
        if (u.messages <= 0 && !u.retainedHeld)
            continue;
        // Walk (and make) the levels. split() keeps empty levels: "a//b" -> a, "", b.
        int id = kRoot;
        qsizetype start = 0;
        while (true) {
            const qsizetype slash = u.topic.indexOf(QLatin1Char('/'), start);
            const QString segment =
                u.topic.mid(start, slash < 0 ? u.topic.size() - start : slash - start);
            int next = childOf(id, segment);
            if (next < 0) {
                next = create(id, segment);
                changes.created.append(next);
            }
            id = next;
            if (slash < 0)
                break;
            start = slash + 1;
        }
        Node &topic = mut(id);
        if (!topic.isTopic && u.messages > 0) {
            topic.isTopic = true;
            ++m_topics;
        }
        if (u.messages > 0) {
            topic.ownMessages += u.messages;
            if (u.lastUs >= topic.lastUs) {
                topic.lastUs = u.lastUs;
                topic.preview = u.preview.left(TopicUpdate::kPreviewBytes);
                topic.lastSize = quint32(qBound<qint64>(0, u.lastSize, 0xffffffff));
                topic.lastQos = u.lastQos;
                topic.lastRetain = u.lastRetain;
            }
        }
        if (u.retainedHeld)
            topic.retained = *u.retainedHeld;
        // The subtree numbers of the topic and every level above it.
        for (int up = id; up != kRoot; up = node(up).parent) {
            Node &n = mut(up);
            n.messages += u.messages;
            n.activityUs = qMax(n.activityUs, u.lastUs);
            for (const TopicUpdate::Second &s : u.perSecond)
                n.rate.add(s.second, s.count);
            changed.insert(up);
        }
    }
    // Grouped by parent (a parent's id is below its children's), so that each parent's new
    // children are placed in one step.
    std::stable_sort(changes.created.begin(), changes.created.end(),
                     [this](int a, int b) { return node(a).parent < node(b).parent; });
    changes.changed = QList<int>(changed.begin(), changed.end());
    std::sort(changes.changed.begin(), changes.changed.end());
    return changes;
}

void TopicTree::attachAll(const QList<int> &created)
{
    attach(
        created, [](int, int, int) {}, [](int) {});
}

int TopicTree::find(const QString &topic) const
{
    int id = kRoot;
    qsizetype start = 0;
    while (true) {
        const qsizetype slash = topic.indexOf(QLatin1Char('/'), start);
        id = childOf(id, topic.mid(start, slash < 0 ? topic.size() - start : slash - start));
        if (id < 0 || node(id).row < 0)
            return -1;
        if (slash < 0)
            return id;
        start = slash + 1;
    }
}

QString TopicTree::topicOf(int id) const
{
    QStringList levels;
    for (int up = id; up > kRoot; up = node(up).parent)
        levels.prepend(node(up).segment);
    return levels.join(QLatin1Char('/'));
}

double TopicTree::rate(int id, qint64 nowUs, bool own) const
{
    const Node &n = node(id);
    const qint64 now = nowUs / 1000000;
    double r = n.rate.rate(now);
    if (own) {
        // The subtree's rate less the children's: no second window per node.
        for (int row = 0; row < childCount(id); ++row)
            r -= node(child(id, row)).rate.rate(now);
        r = qMax(0.0, r);
    }
    return r;
}

QStringList TopicTree::retainedTopics(int id) const
{
    QStringList out;
    QList<int> stack{id};
    while (!stack.isEmpty()) {
        const int at = stack.takeLast();
        if (node(at).retained && at != kRoot)
            out.append(topicOf(at));
        for (int row = childCount(at) - 1; row >= 0; --row)
            stack.append(child(at, row));
    }
    return out;
}

QList<int> TopicTree::markRetainedCleared(const QStringList &topics)
{
    QList<int> changed;
    for (const QString &topic : topics) {
        const int id = find(topic);
        if (id > kRoot && node(id).retained) {
            mut(id).retained = false;
            changed.append(id);
        }
    }
    return changed;
}

qint64 TopicTree::memoryBytes() const
{
    // Allocator overhead per heap block, roughly (glibc: 16 bytes, 16-byte granules).
    auto block = [](qint64 bytes) { return (bytes + 8 + 15) / 16 * 16; };
    qint64 bytes = qint64(m_chunks.size()) * (qint64(1) << kChunkBits) * qint64(sizeof(Node));
    for (int id = 0; id < m_count; ++id) {
        const Node &n = node(id);
        if (!n.segment.isEmpty())
            bytes += block(16 + (n.segment.size() + 1) * qint64(sizeof(QChar)));
        if (n.children) {
            bytes += block(sizeof(Node::Children));
            bytes += block(16 + n.children->ids.capacity() * qint64(sizeof(int)));
            // QHash: a span per 128 buckets plus the entries.
            bytes += n.children->byName.capacity() * qint64(sizeof(QString) + sizeof(int) + 2);
        }
    }
    return bytes;
}

qint64 TopicTree::previewBytes() const
{
    qint64 bytes = 0;
    for (int id = 0; id < m_count; ++id)
        if (!node(id).preview.isEmpty())
            bytes += (16 + node(id).preview.size() + 8 + 15) / 16 * 16;
    return bytes;
}

bool TopicTree::matches(const QString &topic, const QString &filter)
{
    if (filter.isEmpty())
        return true;
    if (filter.contains(QLatin1Char('+')) || filter.contains(QLatin1Char('#')))
        return Topic::matches(filter, topic);
    return topic.contains(filter, Qt::CaseInsensitive);
}

} // namespace mqttdesk
