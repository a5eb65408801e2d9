#include "ui/stream/stream_payload_loader.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/hex_decoder.h"
#include "core/payload/payload_detector.h"
#include "core/payload/payload_renderer.h"
#include "core/payload/text_decoder.h"
#include "core/payload/utf8_scan.h"
#include "core/protocol/codec.h"
#include "core/script/script_decoder.h"
#include "core/storage/message_history.h"
#include "core/workspace/history_reader.h"

namespace mqttdesk {

namespace {

// Whole payloads being read or rendered at once: one read while the worker decodes the one
// before, so the reader stays free for pages and memory holds two payloads at most.
constexpr int kMaxStarted = 2;

// Whether the whole payload could render where its prefix did not: not when the decoder's
// settings or its schema are what is wrong.
bool wholeWouldHelp(const RenderedPayload &rendered)
{
    if (!rendered.error)
        return false;
    switch (rendered.error->code) {
    case PayloadErrorCode::BadDecoderOptions:
    case PayloadErrorCode::SchemaUnavailable:
    case PayloadErrorCode::UnsupportedEncoding:
        return false;
    default:
        return true;
    }
}

} // namespace

StreamPayloadLoader::StreamPayloadLoader(QObject *parent)
    : QObject(parent)
{
    // One decoder at a time, below the GUI's priority: the flood needs the other core.
    m_pool.setMaxThreadCount(1);
    m_pool.setThreadPriority(QThread::LowPriority);
    m_sparkplug.setPool(&m_pool);
    connect(&m_thumbnails, &ThumbnailCache::ready, this, &StreamPayloadLoader::thumbnailReady);
    connect(&m_sparkplug, &SparkplugContextResolver::resolved, this, [this](qint64 id) {
        const auto job = m_jobs.constFind(id);
        if (job != m_jobs.constEnd() && job->started)
            finish(id);
        else
            emit previewReady(id);
    });
}

StreamPayloadLoader::~StreamPayloadLoader()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void StreamPayloadLoader::setSources(MessageHistory *history, HistoryReader *reader)
{
    m_history = history;
    m_reader = reader;
    m_sparkplug.setReader(reader);
    m_thumbnails.setReader(reader);
    m_prefixRequested.clear();
    m_unreadable.clear();
    clear();
}

void StreamPayloadLoader::clear()
{
    ++m_generation;
    m_jobs.clear();
    m_started = 0;
    m_done.clear();
    m_order.clear();
    m_sparkplug.clear();
}

bool StreamPayloadLoader::needsWholePayload(QStringView decoder)
{
    // A Protobuf message cut anywhere is "truncated"; Sparkplug B is Protobuf.
    // A script parses what it is given: a prefix would be a different payload.
    return decoder == u"protobuf" || decoder == u"sparkplug" || rendersOnWorker(decoder);
}

bool StreamPayloadLoader::rendersOnWorker(QStringView decoder)
{
    return decoder == ScriptDecoder::Id;
}

std::optional<BubblePreview> StreamPayloadLoader::preview(const StoredMessage &message,
                                                          PayloadFormat format, int hexBytesPerLine,
                                                          const RuleRenderer &rules)
{
    BubblePreview::Input input;
    input.topic = message.topic;
    input.format = format;
    input.hexBytesPerLine = hexBytesPerLine;
    input.qos = message.qos;
    input.retain = message.retain;
    if (!message.properties.isEmpty()) {
        auto decoded = decodeProperties(message.properties);
        if (decoded.ok())
            input.hint = PayloadHint::fromProperties(decoded.value());
    }
    // A script never runs on the GUI thread (it may take up to its time limit): a row a script
    // rule renders is rendered on the worker from the bytes it holds; a large one is read
    // whole first, below, as for Protobuf.
    if (const DecodingRule *scripted =
            input.format == PayloadFormat::Auto ? rules.rules().match(input.topic) : nullptr;
        scripted && rendersOnWorker(scripted->decoder) && !message.payloadDeferred) {
        if (std::optional<BubblePreview> done = finished(message.id, input, scripted->decoder))
            return done;
        if (const auto job = m_jobs.find(message.id); job != m_jobs.end()) {
            job->asked = ++m_asked;
            return std::nullopt;
        }
        renderInMemory(message, input, rules, scripted->decoder);
        return std::nullopt;
    }
    if (!message.payloadDeferred || !m_history) {
        input.bytes = message.payload;
        input.whole = !message.payloadDeferred;
        BubblePreview made = BubblePreview::make(input, rules);
        applyContext(message, made);
        return made;
    }
    // The decoder asked for (a rule's, or the row's or subscription's format); none: detection.
    const DecodingRule *rule =
        input.format == PayloadFormat::Auto ? rules.rules().match(input.topic) : nullptr;
    const QString decoder = rule                                  ? rule->decoder
                            : input.format == PayloadFormat::Auto ? QString()
                                                                  : payloadFormatKey(input.format);
    if (!m_reader)
        return previewNow(message, input, rules, decoder);
    if (std::optional<BubblePreview> done = finished(message.id, input, decoder))
        return done;
    if (const auto job = m_jobs.find(message.id); job != m_jobs.end()) {
        job->asked = ++m_asked;
        return std::nullopt;
    }
    const bool fits = message.payloadSize <= kMaxDecodeBytes;
    if (needsWholePayload(decoder) && fits) {
        enqueue(message, input, rules, decoder);
        return std::nullopt;
    }
    if (message.payload.isEmpty()) {
        if (m_unreadable.contains(message.id)) {
            BubblePreview empty;
            empty.rendered.truncated = true;
            return empty;
        }
        requestPrefix(message.id);
        return std::nullopt;
    }
    input.bytes = message.payload;
    input.whole = false;
    if (needsWholePayload(decoder))
        return tooLarge(input, decoder, rule != nullptr);
    BubblePreview made = BubblePreview::make(input, rules);
    if (decoder.isEmpty() || !wholeWouldHelp(made.rendered))
        return made;
    if (!fits)
        return tooLarge(input, decoder, rule != nullptr);
    enqueue(message, input, rules, decoder);
    return std::nullopt;
}

std::optional<BubblePreview> StreamPayloadLoader::previewNow(const StoredMessage &message,
                                                             BubblePreview::Input input,
                                                             const RuleRenderer &rules,
                                                             const QString &decoder)
{
    // Without a reader (tests, small tools) the blob is read here, once per rendering.
    const QByteArray whole = m_history->loadPayload(message.id);
    const bool byRule = input.format == PayloadFormat::Auto && rules.rules().match(input.topic);
    input.bytes = QByteArrayView(whole).first(qMin(whole.size(), kPrefixBytes));
    input.whole = false;
    if (!needsWholePayload(decoder)) {
        BubblePreview made = BubblePreview::make(input, rules);
        if (decoder.isEmpty() || !wholeWouldHelp(made.rendered))
            return made;
    }
    if (whole.size() > kMaxDecodeBytes)
        return tooLarge(input, decoder, byRule);
    input.bytes = whole;
    input.whole = true;
    return BubblePreview::make(input, rules);
}

std::optional<BubblePreview> StreamPayloadLoader::finished(qint64 id,
                                                           const BubblePreview::Input &input,
                                                           const QString &decoder) const
{
    if (decoder == u"sparkplug" && input.format == PayloadFormat::Auto) {
        if (const RenderedPayload *seen = m_sparkplug.find(id)) {
            BubblePreview made;
            made.rendered = *seen;
            made.lines = BubblePreview::lineCount(seen->text);
            made.byRule = true;
            made.warnings = m_sparkplug.warnings(id);
            return made;
        }
    }
    const auto done = m_done.constFind(id);
    if (done == m_done.constEnd() || done->format != input.format ||
        done->hexBytesPerLine != input.hexBytesPerLine)
        return std::nullopt;
    return done->made;
}

void StreamPayloadLoader::applyContext(const StoredMessage &message, BubblePreview &made)
{
    // Sparkplug B by a rule: shown as a host sees it (names from the births, sequence gaps,
    // deaths) once what came before it is read; alone until then.
    if (!made.byRule || made.rendered.decoder != u"sparkplug")
        return;
    if (const RenderedPayload *seen = m_sparkplug.find(message.id)) {
        made.rendered = *seen;
        made.lines = BubblePreview::lineCount(seen->text);
        made.warnings = m_sparkplug.warnings(message.id);
    } else {
        m_sparkplug.request(message, PayloadRenderer::PreviewChars);
    }
}

void StreamPayloadLoader::requestPrefix(qint64 id)
{
    if (m_prefixRequested.contains(id) || !m_reader)
        return;
    m_prefixRequested.insert(id);
    QPointer<StreamPayloadLoader> self(this);
    m_reader->loadPayloadPrefix(
        id, kPrefixBytes,
        [self](qint64 messageId, const QByteArray &bytes, const StorageError &error) {
            if (!self)
                return;
            self->m_prefixRequested.remove(messageId);
            if (error.isError()) {
                emit self->errorOccurred(error);
            } else if (bytes.isEmpty()) {
                // Nothing readable (e.g. cleared meanwhile): an empty preview, asked once.
                self->m_unreadable.insert(messageId);
                emit self->previewReady(messageId);
            } else {
                emit self->prefixLoaded(messageId, bytes);
            }
        });
}

void StreamPayloadLoader::loadWhole(const StoredMessage &message, PayloadCallback done)
{
    // In memory already: no round trip.
    if (!message.payloadDeferred || !m_history) {
        done(message.payload, {});
        return;
    }
    if (!m_reader) {
        StorageError error;
        const QByteArray payload = m_history->loadPayload(message.id, &error);
        if (!error.isError() && payload.isEmpty())
            error = StorageError::make(StorageError::Kind::NotFound, m_history->databasePath());
        done(payload, error);
        return;
    }
    m_reader->loadPayload(
        message.id, [done = std::move(done)](qint64, const QByteArray &payload,
                                             const StorageError &error) { done(payload, error); });
}

void StreamPayloadLoader::enqueue(const StoredMessage &message, const BubblePreview::Input &input,
                                  const RuleRenderer &rules, const QString &decoder)
{
    Job job;
    job.message = message;
    job.message.payload.clear(); // the prefix, if the row holds one: not needed
    job.input = input;
    job.input.bytes = {};
    job.rules = rules;
    job.decoder = decoder;
    job.asked = ++m_asked;
    m_jobs.insert(message.id, std::move(job));
    // Far more asked for than the window holds (it moved on): the longest waiting go; a row
    // still in sight asks again when it is painted.
    if (m_jobs.size() - m_started > kCapacity) {
        auto oldest = m_jobs.end();
        for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
            if (!it->started && (oldest == m_jobs.end() || it->asked < oldest->asked))
                oldest = it;
        }
        if (oldest != m_jobs.end())
            m_jobs.erase(oldest);
    }
    startNext();
}

void StreamPayloadLoader::renderInMemory(const StoredMessage &message,
                                         const BubblePreview::Input &input,
                                         const RuleRenderer &rules, const QString &decoder)
{
    Job job;
    job.message = message;
    job.message.payload.clear();
    job.input = input;
    job.input.bytes = {};
    job.rules = rules;
    job.decoder = decoder;
    job.asked = ++m_asked;
    job.started = true; // nothing to read: straight to the worker
    ++m_started;
    m_jobs.insert(message.id, std::move(job));
    render(message.id, message.payload);
}

void StreamPayloadLoader::startNext()
{
    while (m_started < kMaxStarted && m_reader) {
        // The one asked for last: the rows painted after a layout asked for every row.
        auto next = m_jobs.end();
        for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
            if (!it->started && (next == m_jobs.end() || it->asked > next->asked))
                next = it;
        }
        if (next == m_jobs.end())
            return;
        next->started = true;
        ++m_started;
        QPointer<StreamPayloadLoader> self(this);
        const quint64 generation = m_generation;
        m_reader->loadPayload(next.key(), [self, generation](qint64 id, const QByteArray &bytes,
                                                             const StorageError &error) {
            if (self && generation == self->m_generation)
                self->onWholeRead(id, bytes, error);
        });
    }
}

void StreamPayloadLoader::onWholeRead(qint64 id, const QByteArray &bytes, const StorageError &error)
{
    const auto job = m_jobs.constFind(id);
    if (job == m_jobs.constEnd())
        return;
    if (error.isError() || bytes.isEmpty()) {
        // Gone meanwhile (cleared) or unreadable: an empty preview, asked once.
        if (error.isError() && error.kind != StorageError::Kind::NotFound)
            emit errorOccurred(error);
        BubblePreview empty;
        empty.rendered.truncated = true;
        finish(id, std::move(empty));
        return;
    }
    if (job->decoder == u"sparkplug" && job->input.format == PayloadFormat::Auto) {
        // With its context, as a whole row: the resolver reads what came before it and
        // renders on the same worker; resolved() finishes the job.
        StoredMessage whole = job->message;
        whole.payload = bytes;
        if (m_sparkplug.request(whole, PayloadRenderer::PreviewChars)) {
            if (m_sparkplug.find(id))
                finish(id);
            return;
        }
    }
    render(id, bytes);
}

void StreamPayloadLoader::render(qint64 id, const QByteArray &bytes)
{
    const Job &job = m_jobs[id];
    StreamPayloadLoader *loader = this; // the destructor waits for the pool
    QPointer<StreamPayloadLoader> self(this);
    m_pool.start([loader, self, generation = m_generation, id, input = job.input, rules = job.rules,
                  bytes]() mutable {
        input.bytes = bytes;
        input.whole = true;
        BubblePreview made = BubblePreview::make(input, rules);
        QMetaObject::invokeMethod(
            loader,
            [self, generation, id, made = std::move(made)]() mutable {
                if (self && generation == self->m_generation)
                    self->finish(id, std::move(made));
            },
            Qt::QueuedConnection);
    });
}

void StreamPayloadLoader::finish(qint64 id, std::optional<BubblePreview> made)
{
    const auto job = m_jobs.constFind(id);
    if (job == m_jobs.constEnd())
        return;
    if (made) {
        if (m_done.contains(id))
            m_order.removeOne(id);
        m_done.insert(id, Done{job->input.format, job->input.hexBytesPerLine, std::move(*made)});
        m_order.append(id);
        while (m_order.size() > kCapacity)
            m_done.remove(m_order.takeFirst());
    }
    if (job->started)
        --m_started;
    m_jobs.erase(job);
    emit previewReady(id);
    startNext();
}

BubblePreview StreamPayloadLoader::tooLarge(const BubblePreview::Input &input,
                                            const QString &decoder, bool byRule) const
{
    // Never the decoder's error on a prefix (it would blame a payload that is fine): the
    // reason in words, and the prefix's bytes as they are.
    const QByteArrayView prefix = input.bytes;
    const QByteArrayView clean = prefix.first(Utf8Scan::boundaryBefore(prefix, prefix.size()));
    const bool text = Utf8Scan::scan(clean, PayloadDetector::kTextPrefix).isPrintableText();
    BubblePreview out;
    out.byRule = byRule;
    out.rendered =
        text ? TextDecoder::renderText(clean, PayloadRenderer::PreviewChars)
             : HexDecoder::renderHex(prefix, PayloadRenderer::PreviewChars, input.hexBytesPerLine);
    out.rendered.format = text ? PayloadFormat::Text : PayloadFormat::Hex;
    out.rendered.text.prepend(tr("Too large to decode as %1 in the stream: Show all decodes it.")
                                  .arg(DecoderRegistry::instance().name(decoder)) +
                              u'\n');
    out.rendered.truncated = true;
    out.lines = BubblePreview::lineCount(out.rendered.text);
    return out;
}

} // namespace mqttdesk
