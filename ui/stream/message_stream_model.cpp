#include "ui/stream/message_stream_model.h"

#include "core/payload/decoder_registry.h"
#include "core/protocol/codec.h"
#include "core/storage/message_history.h"
#include "core/workspace/history_reader.h"
#include "ui/stream/bubble_preview.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace mqttdesk {

MessageStreamModel::MessageStreamModel(MessageHistory *history, QObject *parent)
    : MessageStreamModel(history, QString(), parent)
{}

MessageStreamModel::MessageStreamModel(MessageHistory *history, const QString &readerPath,
                                       QObject *parent)
    : QAbstractListModel(parent)
    , m_history(history)
{
    // With a reader from the start, not even the first page is read on this thread.
    if (!readerPath.isEmpty())
        m_reader = std::make_unique<HistoryReader>(readerPath);
    m_payloads.setSources(m_history, m_reader.get());
    connect(&m_payloads, &StreamPayloadLoader::previewReady, this,
            [this](qint64 id) { previewArrived(id, {}); });
    connect(&m_payloads, &StreamPayloadLoader::prefixLoaded, this,
            &MessageStreamModel::previewArrived);
    connect(&m_payloads, &StreamPayloadLoader::errorOccurred, this, &MessageStreamModel::report);
    connect(&m_payloads, &StreamPayloadLoader::thumbnailReady, this, [this](qint64 id) {
        const int row = rowOfId(id);
        if (row >= 0)
            emit dataChanged(index(row), index(row), {ThumbnailRole});
    });
    if (m_history) {
        connect(m_history, &MessageHistory::rowsAppended, this,
                &MessageStreamModel::onHistoryAppended);
        connect(m_history, &MessageHistory::rowsRemoved, this,
                &MessageStreamModel::onHistoryRemoved);
        connect(m_history, &MessageHistory::errorOccurred, this, &MessageStreamModel::report);
        connect(m_history, &MessageHistory::outgoingUpdated, this,
                &MessageStreamModel::updateOutgoing);
    }
    m_loadingPreview.text = tr("Loading preview…");
    m_loadingPreview.truncated = true;
    reload();
}

MessageStreamModel::~MessageStreamModel()
{
    m_reader.reset(); // no answer may arrive into a half-destroyed model
}

void MessageStreamModel::useBackgroundReader(const QString &databasePath)
{
    m_reader = std::make_unique<HistoryReader>(databasePath);
    m_payloads.setSources(m_history, m_reader.get());
    reload();
}

void MessageStreamModel::fetchPage(const PageRequest &request, PageHandler handler)
{
    if (!m_history)
        return;
    if (!m_reader) {
        StorageError error;
        const MessagePage page = m_history->fetch(request, &error);
        handler(page, error);
        return;
    }
    const quint64 generation = m_generation;
    m_reader->fetch(m_history->filter(), request,
                    [this, generation, handler = std::move(handler)](const MessagePage &page,
                                                                     const StorageError &error) {
                        if (generation == m_generation)
                            handler(page, error);
                    });
}

void MessageStreamModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

int MessageStreamModel::rowOfId(qint64 messageId) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).message.id == messageId)
            return i;
    }
    return -1;
}

int MessageStreamModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> MessageStreamModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TopicRole, "topic");
    names.insert(DirectionRole, "direction");
    names.insert(QosRole, "qos");
    names.insert(RetainRole, "retain");
    names.insert(DupRole, "dup");
    names.insert(TimeRole, "time");
    names.insert(PayloadSizeRole, "payloadSize");
    names.insert(PreviewRole, "preview");
    names.insert(FormatRole, "format");
    names.insert(DecoderNameRole, "decoderName");
    names.insert(ThumbnailRole, "thumbnail");
    names.insert(WarningsRole, "warnings");
    names.insert(TruncatedRole, "truncated");
    names.insert(ColourRole, "colour");
    names.insert(AliasRole, "alias");
    names.insert(ExpandedRole, "expanded");
    names.insert(PropertiesRole, "properties");
    names.insert(AckRole, "ack");
    names.insert(AckFailedRole, "ackFailed");
    return names;
}

QVariant MessageStreamModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const StoredMessage &m = row.message;
    const bool outgoing = m.direction == StoredMessage::Direction::Outgoing;
    switch (role) {
    case Qt::DisplayRole:
    case TopicRole:
        return m.topic;
    case Qt::ToolTipRole: {
        // Also what a compact row's R and D markers stand for.
        QString tip =
            tr("%1 · QoS %2 · %n byte(s)", nullptr, int(qMin<qint64>(m.payloadSize, INT_MAX)))
                .arg(m.topic)
                .arg(m.qos);
        if (m.retain)
            tip += tr(" · retained");
        if (m.dup)
            tip += tr(" · sent again (DUP)");
        return tip;
    }
    case Qt::AccessibleTextRole: {
        // What a screen reader says for a bubble: the parts a sighted user reads first.
        const QString preview = previewOf(index.row()).text;
        const QString firstLine = preview.left(preview.indexOf(QLatin1Char('\n')));
        const QString time = QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(m.receivedUs / 1000).time(), QLocale::LongFormat);
        QString said = (outgoing ? tr("Published to %1 at %2, QoS %3%4: %5")
                                 : tr("Received on %1 at %2, QoS %3%4: %5"))
                           .arg(m.topic, time)
                           .arg(m.qos)
                           .arg((m.retain ? tr(", retained") : QString()) +
                                    (m.dup ? tr(", sent again (DUP)") : QString()),
                                firstLine);
        if (!row.warnings.isEmpty())
            said += tr(". Sparkplug B warning: %1").arg(row.warnings.join(QStringLiteral("; ")));
        return said;
    }
    case WarningsRole:
        previewOf(index.row());
        return row.warnings;
    case IdRole:
        return m.id;
    case DirectionRole:
        return int(m.direction);
    case QosRole:
        return int(m.qos);
    case RetainRole:
        return m.retain;
    case DupRole:
        return m.dup;
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(m.receivedUs / 1000);
    case PayloadSizeRole:
        return m.payloadSize;
    case PreviewRole:
        return previewOf(index.row()).text;
    case FormatRole:
        return int(previewOf(index.row()).format);
    case DecoderNameRole: {
        const RenderedPayload &preview = previewOf(index.row());
        return row.image ? ImageSniffer::name(*row.image)
                         : DecoderRegistry::instance().name(preview.decoder);
    }
    case ThumbnailRole:
        previewOf(index.row());
        return row.image ? m_payloads.thumbnail(m, *row.image) : QImage();
    case TruncatedRole:
        return isTruncated(index.row());
    case ColourRole:
        return outgoing ? QColor() : lookOf(row).colour;
    case AliasRole:
        return outgoing ? QString() : lookOf(row).alias;
    case ExpandedRole:
        return isExpanded(index.row());
    case PropertiesRole:
        return propertiesOf(row);
    case AckRole: {
        const auto ack = PublishAck::of(m);
        return ack ? ack->text() : QString();
    }
    case AckFailedRole: {
        const auto ack = PublishAck::of(m);
        return ack && ack->stage == PublishAck::Stage::Failed;
    }
    default:
        return {};
    }
}

void MessageStreamModel::setFilter(const MessageFilter &filter)
{
    if (m_history)
        m_history->setFilter(filter);
    reload();
}

const MessageFilter &MessageStreamModel::filter() const
{
    static const MessageFilter none;
    return m_history ? m_history->filter() : none;
}

void MessageStreamModel::followTail()
{
    m_following = true;
    reload();
}

void MessageStreamModel::setFollowing(bool following)
{
    if (m_following == following)
        return;
    if (following) {
        // The window already ends at the newest row: follow on without a reload (which
        // would reset the view under the reader's eyes).
        if (!m_hasNewer && !m_loading && m_pending == 0) {
            m_following = true;
            return;
        }
        followTail();
        return;
    }
    m_following = false;
}

void MessageStreamModel::dropPageRequests()
{
    ++m_generation; // their answers are ignored
    m_tailInFlight = m_tailAgain = m_olderInFlight = m_newerInFlight = false;
    m_tailBacklog = 0;
}

void MessageStreamModel::reload()
{
    dropPageRequests();
    if (!m_history) {
        applyReload({});
        return;
    }
    if (m_reader)
        setLoading(true);
    fetchPage(PageRequest::newest(m_pageSize),
              [this](const MessagePage &page, const StorageError &error) {
                  setLoading(false);
                  if (error.isError()) {
                      report(error);
                      applyReload({});
                  } else {
                      applyReload(page);
                  }
                  // Announced while the page was read: fetch what it did not include.
                  if (m_tailAgain) {
                      m_tailAgain = false;
                      requestTail();
                  }
              });
}

void MessageStreamModel::applyReload(const MessagePage &page)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(page.messages.size());
    for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it)
        m_rows.append(rowFor(*it));
    m_hasOlder = page.hasOlder;
    m_hasNewer = false;
    if (!m_rows.isEmpty())
        m_lastKnownId = qMax(m_lastKnownId, m_rows.last().message.id);
    endResetModel();
    setPending(0);
}

int MessageStreamModel::fetchOlder()
{
    if (!m_history || !canFetchOlder() || m_rows.isEmpty())
        return 0;
    m_olderInFlight = true;
    m_lastPrepended = 0;
    fetchPage(PageRequest::olderThan(m_rows.first().message.id, m_pageSize),
              [this](const MessagePage &page, const StorageError &error) {
                  if (error.isError()) {
                      m_olderInFlight = false;
                      report(error);
                      return;
                  }
                  // Still "in flight" while the rows go in: a view scrolled to the top
                  // must not ask for the next page from inside this insertion.
                  m_lastPrepended = prependOlder(page);
                  if (m_lastPrepended > 0)
                      emit olderRowsPrepended(m_lastPrepended);
                  m_olderInFlight = false;
              });
    // Still in flight: the rows come later, through olderRowsPrepended.
    return m_olderInFlight ? 0 : m_lastPrepended;
}

int MessageStreamModel::prependOlder(const MessagePage &page)
{
    m_hasOlder = page.hasOlder;
    const int n = int(page.messages.size());
    if (n == 0)
        return 0;
    beginInsertRows({}, 0, n - 1);
    QList<Row> older;
    older.reserve(n + m_rows.size());
    for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it)
        older.append(Row{*it, {}, {}, {}, 1});
    older.append(std::move(m_rows));
    m_rows = std::move(older);
    endInsertRows();
    // Scrolled back far: drop the newest rows; following ends until the user returns.
    if (m_rows.size() > m_maxRows) {
        trimBack(int(m_rows.size()) - m_maxRows);
        m_hasNewer = true;
        m_following = false;
    }
    return n;
}

void MessageStreamModel::fetchNewer()
{
    if (!m_history || !canFetchNewer() || m_rows.isEmpty())
        return;
    m_newerInFlight = true;
    m_announcedDuringNewer = false;
    fetchPage(PageRequest::newerThan(m_rows.last().message.id, m_pageSize),
              [this](const MessagePage &page, const StorageError &error) {
                  m_newerInFlight = false;
                  if (error.isError()) {
                      report(error);
                      return;
                  }
                  const int n = appendNewer(page);
                  if (n > 0)
                      emit newerRowsAppended(n);
              });
}

int MessageStreamModel::appendNewer(const MessagePage &page)
{
    const int n = int(page.messages.size());
    if (n > 0) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + n - 1);
        for (auto it = page.messages.crbegin(); it != page.messages.crend(); ++it)
            m_rows.append(rowFor(*it));
        endInsertRows();
        m_lastKnownId = qMax(m_lastKnownId, m_rows.last().message.id);
    }
    // A notice that came while the page was read may name rows past it: read once more.
    m_hasNewer = page.hasNewer || m_announcedDuringNewer;
    m_announcedDuringNewer = false;
    if (!m_hasNewer)
        setPending(0); // every row announced so far is in the window
    if (m_rows.size() > m_maxRows) {
        trimFront(int(m_rows.size()) - m_maxRows);
        m_hasOlder = true;
    }
    return n;
}

void MessageStreamModel::jumpToTime(qint64 timeUs)
{
    if (!m_history)
        return;
    dropPageRequests();
    m_following = false;
    // Until the page comes, the window is not known to reach the newest row: a view at the
    // bottom must not resume following (a reload would drop this jump).
    m_hasNewer = true;
    if (m_reader)
        setLoading(true);
    fetchPage(PageRequest::aroundTime(timeUs, m_pageSize),
              [this, timeUs](const MessagePage &page, const StorageError &error) {
                  setLoading(false);
                  if (error.isError()) {
                      report(error);
                      return;
                  }
                  applyReload(page);
                  m_hasNewer = page.hasNewer;
                  int row = int(m_rows.size()) - 1;
                  for (int i = 0; i < m_rows.size(); ++i) {
                      if (m_rows.at(i).message.receivedUs >= timeUs) {
                          row = i;
                          break;
                      }
                  }
                  emit jumped(row);
              });
}

void MessageStreamModel::onHistoryAppended(qint64 firstId, qint64 lastId, qint64 count)
{
    // Notices are queued from the writer thread: rows this model already loaded may be
    // announced after it loaded them.
    if (lastId <= m_lastKnownId)
        return;
    // A notice may also straddle what was loaded (several commits coalesced).
    if (firstId <= m_lastKnownId && m_history && m_history->filter().isProfileOnly())
        count = qMax<qint64>(1, count - (m_lastKnownId - firstId + 1));
    m_lastKnownId = lastId;
    if (!m_following || m_hasNewer) {
        // The window no longer reaches the newest row: scrolling down reads on.
        m_hasNewer = true;
        if (m_newerInFlight)
            m_announcedDuringNewer = true;
        setPending(m_pending + count);
        return;
    }
    m_tailBacklog += count;
    requestTail();
}

void MessageStreamModel::requestTail()
{
    if (!m_history)
        return;
    // One tail fetch at a time: notices arriving meanwhile are folded into the next one.
    if (m_loading || m_tailInFlight) {
        m_tailAgain = true;
        return;
    }
    if (m_rows.isEmpty()) {
        reload();
        return;
    }
    // Few new rows: read just those. Many: only the newest page is worth reading.
    const bool contiguous = m_tailBacklog <= m_pageSize;
    const PageRequest request = contiguous
                                    ? PageRequest::newerThan(m_rows.last().message.id, m_pageSize)
                                    : PageRequest::newest(m_pageSize);
    m_tailBacklog = 0;
    m_tailInFlight = true;
    fetchPage(request, [this, contiguous](const MessagePage &page, const StorageError &error) {
        m_tailInFlight = false;
        if (error.isError())
            report(error);
        else
            applyTail(page, contiguous);
        if (m_tailAgain) {
            m_tailAgain = false;
            requestTail();
        }
    });
}

void MessageStreamModel::applyTail(const MessagePage &page, bool contiguous)
{
    if (!m_following || m_hasNewer || page.messages.isEmpty())
        return;
    const qint64 lastLoaded = m_rows.isEmpty() ? 0 : m_rows.last().message.id;
    // page.messages is newest first: the new rows lead it.
    qsizetype fresh = 0;
    while (fresh < page.messages.size() && page.messages.at(fresh).id > lastLoaded)
        ++fresh;
    if (fresh == 0)
        return;
    if (contiguous && page.hasNewer) {
        // The page filled up before reaching the newest row: read on.
        m_tailBacklog += m_pageSize + 1;
        m_tailAgain = true;
    }
    const bool gap = !contiguous && fresh == page.messages.size() && page.hasOlder;
    if (gap || m_rows.isEmpty()) {
        // Rows between the window and this page were skipped: the window restarts here.
        applyReload(page);
        m_lastKnownId = qMax(m_lastKnownId, page.messages.first().id);
        emit rowsAppendedAtTail(int(m_rows.size()));
        return;
    }
    const int first = int(m_rows.size());
    const int n = int(fresh);
    beginInsertRows({}, first, first + n - 1);
    for (qsizetype i = fresh - 1; i >= 0; --i)
        m_rows.append(rowFor(page.messages.at(i)));
    endInsertRows();
    m_lastKnownId = qMax(m_lastKnownId, m_rows.last().message.id);
    if (m_rows.size() > m_maxRows) {
        trimFront(int(m_rows.size()) - m_maxRows);
        m_hasOlder = true;
    }
    emit rowsAppendedAtTail(n);
}

void MessageStreamModel::trimFront(int excess)
{
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
}

void MessageStreamModel::trimBack(int excess)
{
    if (excess <= 0)
        return;
    const int size = int(m_rows.size());
    beginRemoveRows({}, size - excess, size - 1);
    m_rows.resize(size - excess);
    endRemoveRows();
}

void MessageStreamModel::onHistoryRemoved(qint64 upToId)
{
    int n = 0;
    while (n < m_rows.size() && m_rows.at(n).message.id <= upToId)
        ++n;
    if (n == m_rows.size() && n > 0) {
        reload();
        return;
    }
    trimFront(n);
}

void MessageStreamModel::setLookResolver(std::function<SubscriptionLook(const QString &)> resolver)
{
    m_resolver = std::move(resolver);
    refreshLooks();
}

void MessageStreamModel::refreshLooks()
{
    for (const Row &row : std::as_const(m_rows)) {
        row.look.reset();
        row.preview.reset();
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void MessageStreamModel::setDecodingRules(const DecodingRules &rules)
{
    if (rules == m_rules.rules())
        return;
    m_rules = RuleRenderer(rules);
    m_payloads.clear();
    refreshLooks();
}

const DecodingRule *MessageStreamModel::ruleFor(int row) const
{
    const Row *r = rowAt(row);
    if (!r)
        return nullptr;
    // Decided by the format alone (as BubblePreview decides it), so that it holds while a
    // large payload is still read: Show all must open with the rule then too.
    return formatOf(*r) == PayloadFormat::Auto ? m_rules.rules().match(r->message.topic) : nullptr;
}

void MessageStreamModel::setHexBytesPerLine(int bytesPerLine)
{
    const int perLine = HexDump::supportedBytesPerLine(bytesPerLine);
    if (perLine == m_hexBytesPerLine)
        return;
    m_hexBytesPerLine = perLine;
    // Only the previews rendered as a dump depend on it (hex also as another's fallback).
    int first = -1;
    int last = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        if (r.preview && r.preview->decoder == u"hex") {
            r.preview.reset();
            if (first < 0)
                first = i;
            last = i;
        }
    }
    if (first >= 0)
        emit dataChanged(index(first), index(last), {PreviewRole, TruncatedRole});
}

void MessageStreamModel::setRowFormat(int row, PayloadFormat format)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const Row &r = m_rows.at(row);
    if (format == PayloadFormat::Auto)
        m_rowFormats.remove(r.message.id);
    else
        m_rowFormats.insert(r.message.id, format);
    r.preview.reset();
    emit dataChanged(index(row), index(row));
}

void MessageStreamModel::setExpanded(int row, bool expanded)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const qint64 id = m_rows.at(row).message.id;
    if (expanded == m_expanded.contains(id))
        return;
    if (expanded)
        m_expanded.insert(id);
    else
        m_expanded.remove(id);
    // A taller row: the view must ask sizeHint again.
    emit dataChanged(index(row), index(row), {ExpandedRole, Qt::SizeHintRole});
}

void MessageStreamModel::toggleExpanded(int row)
{
    if (row >= 0 && row < m_rows.size())
        setExpanded(row, !m_expanded.contains(m_rows.at(row).message.id));
}

MessageStreamModel::Row MessageStreamModel::rowFor(StoredMessage message)
{
    if (!m_pendingOutgoing.isEmpty() && message.publishStage) {
        const auto it = m_pendingOutgoing.find(message.id);
        if (it != m_pendingOutgoing.end()) {
            PublishAck::apply(message, it.value());
            m_pendingOutgoing.erase(it);
        }
    }
    return Row{std::move(message), {}, {}, {}, 1};
}

void MessageStreamModel::updateOutgoing(qint64 id, const StoredMessage &state)
{
    if (m_rows.isEmpty() || id > m_rows.last().message.id) {
        // Committed but not fetched yet: applied when the row arrives. Bounded, as a row
        // may never arrive here (another filter, paused at an older page).
        constexpr qsizetype kMaxPending = 256;
        m_pendingOutgoing.insert(id, state);
        while (m_pendingOutgoing.size() > kMaxPending)
            m_pendingOutgoing.erase(m_pendingOutgoing.begin());
        return;
    }
    // Rows are in id order; a publish in progress is almost always among the newest.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        StoredMessage &m = m_rows[i].message;
        if (m.id < id)
            break;
        if (m.id != id)
            continue;
        PublishAck::apply(m, state);
        emit dataChanged(index(i), index(i), {AckRole, AckFailedRole});
        break;
    }
}

const MessageStreamModel::Row *MessageStreamModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

bool MessageStreamModel::requestFullPayload(int row, PayloadCallback done)
{
    const Row *r = rowAt(row);
    if (r)
        m_payloads.loadWhole(r->message, std::move(done));
    return r != nullptr;
}

QString MessageStreamModel::databasePath() const
{
    if (m_reader)
        return m_reader->databasePath();
    return m_history ? m_history->databasePath() : QString();
}

const SubscriptionLook &MessageStreamModel::lookOf(const Row &row) const
{
    if (!row.look)
        row.look = m_resolver ? m_resolver(row.message.topic) : SubscriptionLook{};
    return *row.look;
}

PayloadFormat MessageStreamModel::effectiveFormat(int row) const
{
    return rowAt(row) ? previewOf(row).format : PayloadFormat::Text;
}

PayloadFormat MessageStreamModel::formatOf(const Row &row) const
{
    PayloadFormat format = m_rowFormats.value(row.message.id, PayloadFormat::Auto);
    if (format == PayloadFormat::Auto &&
        row.message.direction == StoredMessage::Direction::Incoming)
        format = lookOf(row).format;
    return format;
}

const RenderedPayload &MessageStreamModel::previewOf(int row) const
{
    const Row &r = m_rows.at(row);
    if (r.preview)
        return *r.preview;
    // A large payload is read (a prefix, or all of it for a decoder that needs it) and
    // rendered later; the row is updated then.
    std::optional<BubblePreview> made =
        m_payloads.preview(r.message, formatOf(r), m_hexBytesPerLine, m_rules);
    if (!made)
        return m_loadingPreview;
    r.preview = std::move(made->rendered);
    r.previewLines = made->lines;
    r.previewByRule = made->byRule;
    r.image = made->image;
    r.warnings = made->warnings;
    ++m_previewsRendered;
    return *r.preview;
}

bool MessageStreamModel::isExpanded(int row) const
{
    return row >= 0 && row < m_rows.size() && m_expanded.contains(m_rows.at(row).message.id);
}

bool MessageStreamModel::isTruncated(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    return previewOf(row).truncated || m_rows.at(row).message.payloadDeferred;
}

int MessageStreamModel::previewLineCount(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return 1;
    const Row &r = m_rows.at(row);
    if (!r.preview)
        previewOf(row); // the placeholder of a payload still being read counts as one line
    return r.preview ? r.previewLines : 1;
}

void MessageStreamModel::previewArrived(qint64 id, const QByteArray &prefix)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    // Deferred stays set: requestFullPayload() still reads the whole blob when asked.
    if (!prefix.isEmpty())
        m_rows[row].message.payload = prefix;
    m_rows[row].preview.reset();
    emit dataChanged(index(row), index(row),
                     {PreviewRole, FormatRole, DecoderNameRole, TruncatedRole});
}

const QStringList &MessageStreamModel::propertiesOf(const Row &row) const
{
    if (row.properties)
        return *row.properties;
    QStringList lines;
    if (!row.message.properties.isEmpty()) {
        auto decoded = decodeProperties(row.message.properties);
        if (decoded.ok()) {
            for (const Property &p : decoded.value().items())
                lines.append(propertyName(p.id) + QStringLiteral(": ") +
                             propertyValueText(p.value));
        } else {
            lines.append(tr("The stored properties cannot be read."));
        }
    }
    row.properties = lines;
    return *row.properties;
}

void MessageStreamModel::setPending(qint64 count)
{
    if (m_pending == count)
        return;
    m_pending = count;
    emit pendingCountChanged(count);
}

void MessageStreamModel::report(const StorageError &error)
{
    emit errorOccurred(error);
}

} // namespace mqttdesk
