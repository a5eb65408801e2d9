#include "ui/stream/sparkplug_context_resolver.h"

#include "core/sparkplug/sparkplug_session.h"
#include "core/sparkplug/sparkplug_topic.h"
#include "core/workspace/history_reader.h"

#include <QJsonArray>
#include <QThreadPool>

namespace mqttdesk {

SparkplugContextResolver::SparkplugContextResolver(QObject *parent)
    : QObject(parent)
{}

void SparkplugContextResolver::setReader(HistoryReader *reader)
{
    m_reader = reader;
    clear();
}

void SparkplugContextResolver::clear()
{
    ++m_generation;
    m_done.clear();
    m_warnings.clear();
    m_order.clear();
    m_pending.clear();
}

const RenderedPayload *SparkplugContextResolver::find(qint64 messageId) const
{
    const auto it = m_done.constFind(messageId);
    return it == m_done.constEnd() ? nullptr : &*it;
}

QStringList SparkplugContextResolver::dependencies(const QString &topic)
{
    const auto parsed = SparkplugTopic::parse(topic);
    if (!parsed)
        return {};
    const QString node = u"spBv1.0/" + parsed->group + u'/';
    const auto nodeTopic = [&](const char *type) -> QString {
        return node + QLatin1String(type) + u'/' + parsed->node;
    };
    // The node's life and its last sequenced messages: one sequence number runs over the
    // node's messages and all its devices'.
    QStringList topics{nodeTopic("NBIRTH"),        nodeTopic("NDEATH"),
                       nodeTopic("NDATA"),         nodeTopic("DBIRTH") + u"/+",
                       nodeTopic("DDATA") + u"/+", nodeTopic("DDEATH") + u"/+"};
    if (parsed->isDevice()) {
        // This device's own life (the filters above may name another device's).
        topics << nodeTopic("DBIRTH") + u'/' + parsed->device
               << nodeTopic("DDEATH") + u'/' + parsed->device;
    }
    return topics;
}

void SparkplugContextResolver::loadReplayOptions(HistoryReader *reader,
                                                 const StoredMessage &message, QObject *context,
                                                 std::function<void(const QJsonObject &)> done)
{
    const QStringList topics = dependencies(message.topic);
    if (topics.isEmpty() || !reader)
        return;
    QPointer<QObject> guard(context);
    reader->loadNewestBefore(
        message.profileId, topics, message.id,
        [guard, topic = message.topic, done = std::move(done)](const StoredMessageList &before,
                                                               const StorageError &) {
            if (!guard)
                return;
            QJsonArray list;
            for (const StoredMessage &earlier : before)
                list.append(QJsonObject{
                    {QStringLiteral("topic"), earlier.topic},
                    {QStringLiteral("payload"), QString::fromLatin1(earlier.payload.toBase64())}});
            done(QJsonObject{{QStringLiteral("topic"), topic}, {QStringLiteral("before"), list}});
        });
}

bool SparkplugContextResolver::request(const StoredMessage &message, qsizetype maxChars)
{
    if (m_done.contains(message.id) || m_pending.contains(message.id))
        return true;
    const QStringList topics = dependencies(message.topic);
    if (topics.isEmpty() || !m_reader)
        return false;
    m_pending.insert(message.id);
    QPointer<SparkplugContextResolver> self(this);
    const quint64 generation = m_generation;
    m_reader->loadNewestBefore(
        message.profileId, topics, message.id,
        [self, generation, message, maxChars](const StoredMessageList &before,
                                              const StorageError &error) {
            if (!self || generation != self->m_generation)
                return;
            // Without its history the message is still shown, as it would be alone.
            self->replay(message, error.isError() ? StoredMessageList{} : before, maxChars);
        });
    return true;
}

void SparkplugContextResolver::replay(const StoredMessage &message, const StoredMessageList &before,
                                      qsizetype maxChars)
{
    auto work = [message, before, maxChars]() -> std::optional<SparkplugSession::Result> {
        SparkplugSession session;
        for (const StoredMessage &earlier : before)
            session.process(earlier.topic, earlier.payload);
        auto result = session.process(message.topic, message.payload, maxChars);
        // A death is no protocol error, but the moment a host stops trusting the values.
        if (result && result->online == false) {
            const auto topic = SparkplugTopic::parse(message.topic);
            result->warnings.prepend(topic && topic->isDevice()
                                         ? tr("DDEATH: the device went offline")
                                         : tr("NDEATH: the edge node went offline"));
        }
        return result;
    };
    const quint64 generation = m_generation;
    if (!m_pool) {
        store(generation, message.id, work());
        return;
    }
    SparkplugContextResolver *resolver = this; // the pool is waited for before it goes
    QPointer<SparkplugContextResolver> self(this);
    m_pool->start([resolver, self, generation, id = message.id, work = std::move(work)] {
        std::optional<SparkplugSession::Result> result = work();
        QMetaObject::invokeMethod(
            resolver,
            [self, generation, id, result = std::move(result)]() mutable {
                if (self)
                    self->store(generation, id, std::move(result));
            },
            Qt::QueuedConnection);
    });
}

void SparkplugContextResolver::store(quint64 generation, qint64 id,
                                     std::optional<SparkplugSession::Result> result)
{
    if (generation != m_generation)
        return;
    m_pending.remove(id);
    if (!result)
        return;
    m_done.insert(id, std::move(result->rendered));
    if (!result->warnings.isEmpty())
        m_warnings.insert(id, result->warnings);
    m_order.append(id);
    while (m_order.size() > kCapacity) {
        const qint64 oldest = m_order.takeFirst();
        m_done.remove(oldest);
        m_warnings.remove(oldest);
    }
    emit resolved(id);
}

} // namespace mqttdesk
