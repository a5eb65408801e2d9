#include "ui/stream/sparkplug_context_resolver.h"

#include "core/sparkplug/sparkplug_session.h"
#include "core/sparkplug/sparkplug_topic.h"
#include "core/workspace/history_reader.h"

#include <QJsonArray>

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
    m_reader->loadNewestBefore(message.profileId, topics, message.id,
                               [self, generation, message, maxChars](
                                   const StoredMessageList &before, const StorageError &error) {
                                   if (!self || generation != self->m_generation)
                                       return;
                                   self->m_pending.remove(message.id);
                                   SparkplugSession session;
                                   // Without its history the message is still shown, as it would be
                                   // alone.
                                   if (!error.isError()) {
                                       for (const StoredMessage &earlier : before)
                                           session.process(earlier.topic, earlier.payload);
                                   }
                                   const auto result =
                                       session.process(message.topic, message.payload, maxChars);
                                   if (!result)
                                       return;
                                   self->m_done.insert(message.id, result->rendered);
                                   self->m_order.append(message.id);
                                   while (self->m_order.size() > kCapacity)
                                       self->m_done.remove(self->m_order.takeFirst());
                                   emit self->resolved(message.id);
                               });
    return true;
}

} // namespace mqttdesk
