#include "ui/stream/thumbnail_cache.h"

#include "core/workspace/history_reader.h"
#include "ui/inspector/image_preview.h"

namespace mqttdesk {

ThumbnailCache::ThumbnailCache(QObject *parent)
    : QObject(parent)
{
    // One decoder at a time: thumbnails must not take the cores the flood needs.
    m_pool.setMaxThreadCount(1);
}

ThumbnailCache::~ThumbnailCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailCache::setReader(HistoryReader *reader)
{
    m_reader = reader;
}

void ThumbnailCache::clear()
{
    ++m_generation;
    m_images.clear();
    m_order.clear();
    m_pending.clear();
    m_failed.clear();
}

QImage ThumbnailCache::thumbnail(const StoredMessage &message, ImageSniffer::Kind kind)
{
    const auto cached = m_images.constFind(message.id);
    if (cached != m_images.constEnd())
        return *cached;
    if (m_pending.contains(message.id) || m_failed.contains(message.id))
        return {};
    if (!message.payloadDeferred) {
        decode(message.id, message.payload, kind);
        return {};
    }
    if (!m_reader || message.payloadSize > kMaxBytes) {
        m_failed.insert(message.id);
        return {};
    }
    m_pending.insert(message.id);
    QPointer<ThumbnailCache> self(this);
    const quint64 generation = m_generation;
    m_reader->loadPayload(message.id, [self, generation, kind](qint64 id, const QByteArray &bytes,
                                                               const StorageError &error) {
        if (!self || generation != self->m_generation)
            return;
        self->m_pending.remove(id);
        if (error.isError()) {
            self->store(id, QImage());
            return;
        }
        self->decode(id, bytes, kind);
    });
    return {};
}

void ThumbnailCache::decode(qint64 id, const QByteArray &bytes, ImageSniffer::Kind kind)
{
    m_pending.insert(id);
    const quint64 generation = m_generation;
    // The destructor waits for the pool: `cache` outlives every task.
    ThumbnailCache *cache = this;
    QPointer<ThumbnailCache> self(this);
    m_pool.start([cache, self, generation, id, bytes, kind] {
        // Twice the shown height: sharp on a high-density screen.
        const QImage image =
            ImagePreview::read(bytes, kind, nullptr, QSize(4 * kHeight * 2, kHeight * 2));
        QMetaObject::invokeMethod(
            cache,
            [self, generation, id, image] {
                if (self && generation == self->m_generation)
                    self->store(id, image);
            },
            Qt::QueuedConnection);
    });
}

void ThumbnailCache::store(qint64 id, const QImage &image)
{
    m_pending.remove(id);
    if (image.isNull()) {
        m_failed.insert(id);
    } else {
        m_images.insert(id, image);
        m_order.append(id);
        while (m_order.size() > kCapacity)
            m_images.remove(m_order.takeFirst());
    }
    emit ready(id);
}

} // namespace mqttdesk
