#pragma once

#include "core/inspector/image_sniffer.h"
#include "core/storage/stored_message.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>

namespace mqttdesk {

class HistoryReader;

// Small pictures of the stream's image payloads, decoded (scaled while reading, so a camera
// frame costs little) on a worker thread and kept for the most recent kCapacity messages.
// thumbnail() answers at once with what is cached and asks for the rest; ready() tells when
// a message's picture is there. A payload kept in storage's side table is read whole through
// the history reader first, up to kMaxBytes.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCapacity = 300;
    static constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
    static constexpr int kHeight = 72; // device-independent pixels

    explicit ThumbnailCache(QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // Reads deferred payloads through `reader` (none: only payloads in memory get pictures).
    void setReader(HistoryReader *reader);
    // The message's thumbnail; null while it is being made, or when the bytes are no
    // picture (failed() then says so).
    QImage thumbnail(const StoredMessage &message, ImageSniffer::Kind kind);
    bool failed(qint64 messageId) const { return m_failed.contains(messageId); }
    void clear();
    // Waits for the pictures being decoded (tests).
    void waitForDone() { m_pool.waitForDone(); }

signals:
    void ready(qint64 messageId);

private:
    void decode(qint64 id, const QByteArray &bytes, ImageSniffer::Kind kind);
    void store(qint64 id, const QImage &image);

    QThreadPool m_pool;
    QPointer<HistoryReader> m_reader;
    QHash<qint64, QImage> m_images;
    QList<qint64> m_order; // oldest first, for eviction
    QSet<qint64> m_pending;
    QSet<qint64> m_failed;
    quint64 m_generation = 0; // clear() drops answers on their way
};

} // namespace mqttdesk
