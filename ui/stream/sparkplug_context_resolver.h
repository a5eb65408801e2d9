#pragma once

#include "core/payload/rendered_payload.h"
#include "core/storage/stored_message.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace mqttdesk {

class HistoryReader;

// A Sparkplug B message shown as a host sees it, from the history alone: its metrics named by
// the aliases of the births before it, a sequence gap flagged against the edge node's message
// before it, DATA after a death or before any birth flagged, births and deaths as states. The
// messages it depends on (the node's last NBIRTH and NDEATH, the device's last DBIRTH and
// DDEATH, the node's last sequenced messages) are read from storage on the history reader's
// thread, one indexed seek per topic, and replayed through a SparkplugSession in arrival
// order with the message last. So it holds for any stored message, also after a restart,
// whatever the stream has loaded. resolved() tells when a message's rendering is there.
class SparkplugContextResolver : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCapacity = 2000;

    explicit SparkplugContextResolver(QObject *parent = nullptr);

    void setReader(HistoryReader *reader);
    // The rendering with context; null while it is read (request() asks for it).
    const RenderedPayload *find(qint64 messageId) const;
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
    QPointer<HistoryReader> m_reader;
    QHash<qint64, RenderedPayload> m_done;
    QList<qint64> m_order; // oldest first, for eviction
    QSet<qint64> m_pending;
    quint64 m_generation = 0;
};

} // namespace mqttdesk
