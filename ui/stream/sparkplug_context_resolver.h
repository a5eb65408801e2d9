#pragma once

#include "core/payload/rendered_payload.h"
#include "core/sparkplug/sparkplug_session.h"
#include "core/storage/stored_message.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class QThreadPool;

namespace mqttdesk {

class HistoryReader;

// A Sparkplug B message shown as a host sees it, from the history alone: its metrics named by
// the aliases of the births before it, a sequence gap flagged against the edge node's message
// before it, DATA after a death or before any birth flagged, births and deaths as states. The
// messages it depends on (the node's last NBIRTH and NDEATH, the device's last DBIRTH and
// DDEATH, the node's last sequenced messages) are read from storage on the history reader's
// thread, one indexed seek per topic, and replayed through a SparkplugSession in arrival
// order with the message last. So it holds for any stored message, also after a restart,
// whatever the stream has loaded. The replay decodes every payload involved (births and the
// message can be large): on setPool()'s worker when there is one. resolved() tells when a
// message's rendering is there.
class SparkplugContextResolver : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCapacity = 2000;

    explicit SparkplugContextResolver(QObject *parent = nullptr);

    void setReader(HistoryReader *reader);
    // Replays on `pool` (null: on this thread). The pool must be waited for before this
    // resolver is destroyed.
    void setPool(QThreadPool *pool) { m_pool = pool; }
    // The rendering with context; null while it is read (request() asks for it).
    const RenderedPayload *find(qint64 messageId) const;
    // What the rendering flags, translated: the session's warnings (sequence gap, data before
    // birth, ...) and a death (the node or device went offline). Empty: none, or not resolved.
    QStringList warnings(qint64 messageId) const { return m_warnings.value(messageId); }
    // Reads what `message` (its whole payload in hand) depends on and renders it, at most
    // `maxChars` characters (-1: all). false for a topic that is not Sparkplug B's.
    bool request(const StoredMessage &message, qsizetype maxChars);
    bool isPending(qint64 messageId) const { return m_pending.contains(messageId); }
    // Decoding rules changed: every rendering is made again when asked.
    void clear();
    // The topics whose newest message before `topic`'s matters to it (exact names and, for
    // the devices of a node, filters).
    static QStringList dependencies(const QString &topic);
    // The Sparkplug decoder's options that show `message` with what came before it (its
    // "topic" and "before"), read through `reader`; `done` runs on this thread unless
    // `context` is gone by then. Nothing happens for a topic that is not Sparkplug B's.
    static void loadReplayOptions(HistoryReader *reader, const StoredMessage &message,
                                  QObject *context,
                                  std::function<void(const QJsonObject &options)> done);

signals:
    void resolved(qint64 messageId);

private:
    void replay(const StoredMessage &message, const StoredMessageList &before, qsizetype maxChars);
    void store(quint64 generation, qint64 id, std::optional<SparkplugSession::Result> result);

    QPointer<HistoryReader> m_reader;
    QThreadPool *m_pool = nullptr;
    QHash<qint64, RenderedPayload> m_done;
    QHash<qint64, QStringList> m_warnings; // of m_done, when there are some
    QList<qint64> m_order;                 // oldest first, for eviction
    QSet<qint64> m_pending;
    quint64 m_generation = 0;
};

} // namespace mqttdesk
