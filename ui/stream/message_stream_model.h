#pragma once

#include "core/inspector/image_sniffer.h"
#include "core/payload/hex_dump.h"
#include "core/payload/payload_renderer.h"
#include "core/payload/rule_renderer.h"
#include "core/protocol/properties.h"
#include "core/storage/message_filter.h"
#include "core/storage/storage_error.h"
#include "core/storage/stored_message.h"
#include "ui/stream/bubble_preview.h"
#include "ui/stream/publish_ack.h"
#include "ui/stream/stream_payload_loader.h"
#include "ui/stream/subscription_look.h"

#include <QAbstractListModel>
#include <QHash>
#include <QMap>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace mqttdesk {

class MessageHistory;
class HistoryReader;

// The conversation as a list model, oldest row first, virtual over the stored history.
//
// Only a window of the history is loaded (at most maxLoadedRows()): the newest page at
// first, older pages prepended as the user scrolls up (fetchOlder), and trimmed at the far
// end so memory stays flat over a million messages. While following, the new rows storage
// announces (MessageHistory coalesces them to at most ~60 notifications a second) are
// appended, at most one page per notice: when more arrived than a page holds, the window
// restarts from the newest page (nobody reads thousands of rows scrolling past at 60 Hz).
// While not following (the user scrolled up, or paused) they are only counted
// (pendingCount) until followTail() reloads the newest page.
//
// With useBackgroundReader() every read (pages, search, large payloads and their prefixes)
// runs on a HistoryReader thread and lands when it is ready: reload() keeps the old rows
// until the new page arrives (loadingChanged), fetchOlder() answers with olderRowsPrepended,
// a large payload's preview shows a placeholder until its prefix is read (or, for a decoder
// that needs all of it, until it is read and rendered on a worker: StreamPayloadLoader), and
// requestFullPayload() answers by callback. Without it the reads run synchronously through
// the MessageHistory (small histories, tests).
//
// Cell text is built lazily and cached per row (the payload preview, ~4 KiB at most, via
// PayloadRenderer), as Wireshark's packet list does.
class MessageStreamModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TopicRole,
        DirectionRole, // StoredMessage::Direction as int
        QosRole,
        RetainRole,
        DupRole,         // bool: the server sent it again (DUP set, QoS 1/2) [MQTT-3.3.1-1]
        TimeRole,        // QDateTime (local)
        PayloadSizeRole, // qint64 bytes
        PreviewRole,     // QString: the rendered preview
        FormatRole,      // PayloadFormat shown, as int
        TruncatedRole,   // bool: the preview leaves something out
        ColourRole,      // QColor of the matched subscription (invalid: none / published)
        AliasRole,       // QString
        ExpandedRole,    // bool: the 5.0 properties are shown
        PropertiesRole,  // QStringList "Name: value" lines (empty for 3.1.1)
        AckRole,         // QString: ack state of a published message (empty if unknown)
        AckFailedRole,   // bool
        DecoderNameRole, // QString: the translated name of the decoder the preview shows
        ThumbnailRole,   // QImage: a picture payload, small (null: none, or not made yet)
        // QStringList: what a Sparkplug B row's context flags (a sequence gap, data before a
        // birth, a death), translated; empty: none, or not a Sparkplug B row by a rule
        WarningsRole,
    };
    Q_ENUM(Role)

    // A resolved row: the stored message plus what was computed for display, lazily.
    struct Row
    {
        StoredMessage message;
        mutable std::optional<RenderedPayload> preview;
        mutable std::optional<QStringList> properties;
        mutable std::optional<SubscriptionLook> look;
        mutable int previewLines = 1;       // lines in preview->text, counted once with it
        mutable bool previewByRule = false; // preview rendered by a decoding rule
        // A picture found by detection (not by a chosen format or a rule): the bubble shows a
        // thumbnail beside a line that names it.
        mutable std::optional<ImageSniffer::Kind> image = std::nullopt;
        // What its Sparkplug B context flags (WarningsRole), with the preview.
        mutable QStringList warnings = {};
    };

    // Preview lines a picture's bubble keeps for its thumbnail.
    static constexpr int kThumbnailLines = BubblePreview::kThumbnailLines;

    explicit MessageStreamModel(MessageHistory *history, QObject *parent = nullptr);
    // Pages are read on a HistoryReader over `readerPath` from the first one on.
    MessageStreamModel(MessageHistory *history, const QString &readerPath,
                       QObject *parent = nullptr);
    ~MessageStreamModel() override;

    // Reads from now on run on a worker thread with its own connection to `databasePath`
    // (the history's database); reloads the newest page.
    void useBackgroundReader(const QString &databasePath);
    bool hasBackgroundReader() const { return m_reader != nullptr; }
    // The reader of useBackgroundReader() (null without one), for other reads of the same
    // history, e.g. the message before one on its topic.
    HistoryReader *historyReader() const { return m_reader.get(); }
    // A reload is on its way (background reader only).
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The filter of the whole view (history and live rows alike); reloads the newest page.
    void setFilter(const MessageFilter &filter);
    const MessageFilter &filter() const;

    // Reloads the newest page and follows the tail again.
    void followTail();
    // Stop appending live rows (they are counted in pendingCount()).
    void setFollowing(bool following);
    bool isFollowing() const { return m_following; }
    qint64 pendingCount() const { return m_pending; }

    bool canFetchOlder() const { return m_hasOlder && !m_olderInFlight && !m_loading; }
    // Prepends up to pageSize() older rows (olderRowsPrepended tells how many). Returns the
    // count when the rows came synchronously (no background reader), else 0.
    int fetchOlder();
    // The window ends before the newest stored row (scrolled back far, jumped to a time, or
    // rows arrived while not following): fetchNewer() reads on.
    bool canFetchNewer() const { return m_hasNewer && !m_newerInFlight && !m_loading; }
    bool reachesNewest() const { return !m_hasNewer; }
    // Appends up to pageSize() newer rows (newerRowsAppended tells how many), trimming the
    // oldest so the window stays within maxLoadedRows(): paging down is seamless too.
    void fetchNewer();
    // Moves the window to the rows around `timeUs` (microseconds since the epoch) and stops
    // following; jumped() names the row of the first message at or after that time (the
    // last row when every message is older).
    void jumpToTime(qint64 timeUs);
    // The row of a loaded message, or -1.
    int rowOfId(qint64 messageId) const;

    // Resolves a received message's subscription (colour, alias, format).
    void setLookResolver(std::function<SubscriptionLook(const QString &topic)> resolver);
    // Subscriptions changed colour/format: drop the cached looks and previews.
    void refreshLooks();
    // The connection's decoding rules: a row whose own format and subscription's Display as
    // are Auto is shown with the decoder of the first rule matching its topic. Every loaded
    // row is rendered again from its stored bytes (only those in sight, as they are drawn).
    void setDecodingRules(const DecodingRules &rules);
    const DecodingRules &decodingRules() const { return m_rules.rules(); }
    // The rule a row is shown with (its decoder and options); null when it is shown by its
    // own format, its subscription's, or detection.
    const DecodingRule *ruleFor(int row) const;

    // Per-bubble format choice (Auto: the subscription's, or detected).
    void setRowFormat(int row, PayloadFormat format);
    // Bytes per line of the previews shown as a hex dump: 16, 8 or 4, what the bubbles'
    // width holds with the ASCII column (HexDump::bytesPerLineFor). A change renders those
    // previews again (dataChanged with PreviewRole: their line counts change).
    void setHexBytesPerLine(int bytesPerLine);
    int hexBytesPerLine() const { return m_hexBytesPerLine; }
    void setExpanded(int row, bool expanded);
    void toggleExpanded(int row);

    // The stored publish state of one of our outgoing messages changed (MessageHistory).
    void updateOutgoing(qint64 id, const StoredMessage &state);

    const Row *rowAt(int row) const;
    // The lines of `row`'s preview text (at least 1), for the row's height: counted once when
    // the preview is rendered, so laying out a page decodes each payload once at most.
    int previewLineCount(int row) const;
    // Whether `row` is expanded (ExpandedRole without a QVariant: layout asks for every row).
    bool isExpanded(int row) const;
    // Whether `row`'s preview leaves part of the payload out (TruncatedRole, likewise).
    bool isTruncated(int row) const;
    // Whether `row`'s picture could not be made into a thumbnail (not a whole picture, or
    // too large to read for one).
    bool thumbnailFailed(int row) const
    {
        const Row *r = rowAt(row);
        return r && m_payloads.thumbnailFailed(r->message.id);
    }
    // Previews rendered since the model was made (a layout must not render one twice).
    quint64 previewsRendered() const { return m_previewsRendered; }
    using PayloadCallback =
        std::function<void(const QByteArray &payload, const StorageError &error)>;
    // Hands the whole payload of `row` to `done` on this thread: at once when the row holds
    // it; for a large payload kept in storage's side table, once the background reader has
    // read it (or with the error, StorageError::Kind::NotFound when the message is gone).
    // Without a background reader the read is synchronous (tests, small tools). false, and
    // `done` is not called, when there is no such row. `done` is dropped if the model is
    // destroyed first.
    bool requestFullPayload(int row, PayloadCallback done);
    // The database the history lives in (for work on other threads, e.g. an export).
    QString databasePath() const;
    // The format shown for `row` (never Auto).
    PayloadFormat effectiveFormat(int row) const;

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int maxLoadedRows() const { return m_maxRows; }
    void setMaxLoadedRows(int rows) { m_maxRows = qMax(m_pageSize * 2, rows); }

signals:
    void pendingCountChanged(qint64 count);
    // Live rows were appended at the end (the view scrolls when it follows).
    void rowsAppendedAtTail(int count);
    // fetchOlder() put `count` rows in front.
    void olderRowsPrepended(int count);
    // fetchNewer() appended `count` rows.
    void newerRowsAppended(int count);
    // jumpToTime() loaded its window; `row` is the first at or after the time (-1: none).
    void jumped(int row);
    void loadingChanged(bool loading);
    void errorOccurred(const mqttdesk::StorageError &error);

private:
    void onHistoryAppended(qint64 firstId, qint64 lastId, qint64 count);
    void onHistoryRemoved(qint64 upToId);
    using PageHandler = std::function<void(const MessagePage &, const StorageError &)>;
    void fetchPage(const PageRequest &request, PageHandler handler);
    void dropPageRequests();
    void reload();
    void applyReload(const MessagePage &page);
    void requestTail();
    void applyTail(const MessagePage &page, bool contiguous);
    int prependOlder(const MessagePage &page);
    int appendNewer(const MessagePage &page);
    // A large payload's prefix (empty: only a new preview) came: the row is rendered again.
    void previewArrived(qint64 id, const QByteArray &prefix);
    void setLoading(bool loading);
    void trimFront(int excess);
    void trimBack(int excess);
    Row rowFor(StoredMessage message);
    const SubscriptionLook &lookOf(const Row &row) const;
    // The format asked for `row` (its own, else its subscription's; Auto: rules or detection).
    PayloadFormat formatOf(const Row &row) const;
    const RenderedPayload &previewOf(int row) const;
    const QStringList &propertiesOf(const Row &row) const;
    void setPending(qint64 count);
    void report(const StorageError &error);

    QPointer<MessageHistory> m_history;
    std::unique_ptr<HistoryReader> m_reader;
    QList<Row> m_rows;
    // Publish states of outgoing rows committed but not fetched yet (by id; few).
    QMap<qint64, StoredMessage> m_pendingOutgoing;
    quint64 m_generation = 0; // answers to requests of an older reload are ignored
    bool m_loading = false;
    bool m_tailInFlight = false;
    bool m_tailAgain = false; // more was announced while a tail fetch was on its way
    qint64 m_tailBacklog = 0; // rows announced since the last tail fetch
    bool m_olderInFlight = false;
    bool m_newerInFlight = false;
    bool m_announcedDuringNewer = false; // a notice came while a newer page was read
    int m_lastPrepended = 0;
    RenderedPayload m_loadingPreview;
    mutable quint64 m_previewsRendered = 0;
    bool m_hasOlder = false;
    bool m_hasNewer = false; // the window does not reach the newest stored row
    bool m_following = true;
    qint64 m_pending = 0;
    qint64 m_lastKnownId = 0; // newest id loaded or announced
    int m_pageSize = 200;
    // Ten pages: the window a layout walks on every update while following a flood.
    int m_maxRows = 2000;
    std::function<SubscriptionLook(const QString &)> m_resolver;
    RuleRenderer m_rules;
    QHash<qint64, PayloadFormat> m_rowFormats; // by message id
    int m_hexBytesPerLine = HexDump::kBytesPerLine;
    QSet<qint64> m_expanded; // by message id
    // Reads of large payloads and the previews rendered from them off this thread.
    mutable StreamPayloadLoader m_payloads;
};

} // namespace mqttdesk
