#pragma once

#include "core/payload/rule_renderer.h"
#include "core/storage/storage_error.h"
#include "core/storage/stored_message.h"
#include "ui/stream/bubble_preview.h"
#include "ui/stream/sparkplug_context_resolver.h"
#include "ui/stream/thumbnail_cache.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>

#include <functional>
#include <optional>

namespace mqttdesk {

class HistoryReader;
class MessageHistory;

// The stream's reads of payload bytes, and the previews that need more than a row holds.
//
// A payload above StoredMessage::kLargePayloadThreshold stays in storage's side table
// (payloadDeferred). Most decoders show it from a kPrefixBytes prefix, read on the history
// reader's thread (prefixLoaded() hands it to the model, which keeps it with the row). A
// decoder that cannot decode a prefix (Protobuf and Sparkplug B always; CBOR, MessagePack or a
// numeric array when a prefix fails, e.g. cut inside a string or between values) gets the
// whole payload, up to kMaxDecodeBytes, rendered on a worker thread and kept by message id;
// a Sparkplug B message is handed to the SparkplugContextResolver then, as a whole row is.
// previewReady() tells when such a rendering (or a Sparkplug context) is there. Above the
// bound the preview says so and shows the raw prefix. Without a history reader every read
// is synchronous (tests, small tools). A picture's thumbnail comes from its ThumbnailCache.
// A script rule (rendersOnWorker()) never renders on the GUI thread: its rows, small ones
// too, are rendered on the worker from the bytes they hold (or read whole, as for Protobuf),
// "Loading preview…" until then; one worker thread, so a slow script delays the rows after
// it by at most its time limit each.
class StreamPayloadLoader : public QObject
{
    Q_OBJECT
public:
    // Enough bytes for a ~4 KiB preview in any format (hex shows 16 bytes per 79 characters).
    static constexpr qsizetype kPrefixBytes = 16 * 1024;
    // The largest payload read whole for a bubble. libprotobuf parses all of it even for a
    // 4 KiB preview (tens of ms for several MB, with a parse tree several times its size),
    // and the bytes are held meanwhile (two payloads at most: one read, one decoded), so a
    // bound keeps a page of such rows from taking the worker and the memory for long. Larger
    // payloads are rare in MQTT; Show all decodes them, one asked for at a time.
    static constexpr qint64 kMaxDecodeBytes = 8 * 1024 * 1024;
    // Renderings kept, as many as the stream's window holds by default.
    static constexpr int kCapacity = 2000;

    explicit StreamPayloadLoader(QObject *parent = nullptr);
    ~StreamPayloadLoader() override;

    // Reads through `reader` when there is one, else synchronously through `history`; drops
    // every request on its way and every rendering.
    void setSources(MessageHistory *history, HistoryReader *reader);

    // The preview of `message` in `format` (Auto: by the rules, else detected); nothing while
    // what it needs is read or rendered (prefixLoaded() or previewReady() follows).
    std::optional<BubblePreview> preview(const StoredMessage &message, PayloadFormat format,
                                         int hexBytesPerLine, const RuleRenderer &rules);
    // Decoders whose rendering of a prefix is never the payload's (an error, or too little).
    static bool needsWholePayload(QStringView decoder);
    // Decoders that never render on the GUI thread, whatever the payload's size (scripts): the
    // preview comes from the worker (previewReady()).
    static bool rendersOnWorker(QStringView decoder);

    // A picture's thumbnail: null while it is read and decoded (thumbnailReady() follows), or
    // when it cannot be made (thumbnailFailed()).
    QImage thumbnail(const StoredMessage &message, ImageSniffer::Kind kind)
    {
        return m_thumbnails.thumbnail(message, kind);
    }
    bool thumbnailFailed(qint64 messageId) const { return m_thumbnails.failed(messageId); }

    using PayloadCallback =
        std::function<void(const QByteArray &payload, const StorageError &error)>;
    // Hands the whole payload of `message` to `done` on this thread: at once when it is in
    // memory, else once read (StorageError::Kind::NotFound when the message is gone).
    void loadWhole(const StoredMessage &message, PayloadCallback done);

    // The decoding rules changed: every rendering is made again when asked.
    void clear();
    // Waits for the renderings on the worker thread (tests).
    void waitForDone() { m_pool.waitForDone(); }

signals:
    // The first kPrefixBytes of a large payload, for the row to keep.
    void prefixLoaded(qint64 messageId, const QByteArray &bytes);
    // preview() has a new answer for the message.
    void previewReady(qint64 messageId);
    void thumbnailReady(qint64 messageId);
    void errorOccurred(const mqttdesk::StorageError &error);

private:
    // A rendering from the whole payload, waiting for its turn, being read or rendered.
    struct Job
    {
        StoredMessage message;      // without its payload
        BubblePreview::Input input; // without its bytes
        RuleRenderer rules;
        QString decoder;
        quint64 asked = 0; // the newest asked goes first: what the user looks at
        bool started = false;
    };
    struct Done
    {
        PayloadFormat format;
        int hexBytesPerLine;
        BubblePreview made;
    };

    std::optional<BubblePreview> previewNow(const StoredMessage &message,
                                            BubblePreview::Input input, const RuleRenderer &rules,
                                            const QString &decoder);
    std::optional<BubblePreview> finished(qint64 id, const BubblePreview::Input &input,
                                          const QString &decoder) const;
    void applyContext(const StoredMessage &message, BubblePreview &made);
    void requestPrefix(qint64 id);
    void enqueue(const StoredMessage &message, const BubblePreview::Input &input,
                 const RuleRenderer &rules, const QString &decoder);
    // A job whose bytes the row holds: rendered on the worker at once.
    void renderInMemory(const StoredMessage &message, const BubblePreview::Input &input,
                        const RuleRenderer &rules, const QString &decoder);
    void startNext();
    void onWholeRead(qint64 id, const QByteArray &bytes, const StorageError &error);
    void render(qint64 id, const QByteArray &bytes);
    // The job is done; `made` is kept (a Sparkplug B context is kept by the resolver).
    void finish(qint64 id, std::optional<BubblePreview> made = std::nullopt);
    // Above kMaxDecodeBytes: says so above the prefix (input.bytes) shown raw.
    BubblePreview tooLarge(const BubblePreview::Input &input, const QString &decoder,
                           bool byRule) const;

    QPointer<MessageHistory> m_history;
    QPointer<HistoryReader> m_reader;
    QSet<qint64> m_prefixRequested;
    QSet<qint64> m_unreadable; // no prefix came (e.g. cleared meanwhile): shown empty
    QHash<qint64, Job> m_jobs; // queued and started
    int m_started = 0;
    quint64 m_asked = 0;
    QHash<qint64, Done> m_done;
    QList<qint64> m_order;    // of m_done, oldest first, for eviction
    quint64 m_generation = 0; // clear() drops renderings on their way
    SparkplugContextResolver m_sparkplug;
    ThumbnailCache m_thumbnails;
    QThreadPool m_pool; // last: waited for before the members its tasks answer to go
};

} // namespace mqttdesk
