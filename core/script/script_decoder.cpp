#include "core/script/script_decoder.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/hex_decoder.h"
#include "core/payload/json_highlighter.h"
#include "core/script/script_runner.h"

#include <QCoreApplication>
#include <QThread>

namespace mqttdesk {

namespace {

const QString kScriptKey = QStringLiteral("script");
const QString kTimeKey = QStringLiteral("timeLimitMs");
const QString kMemoryKey = QStringLiteral("memoryLimitMB");

constexpr int kMaxTimeLimitMs = 10000;
constexpr int kMaxMemoryLimitMB = 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("ScriptDecoder", text);
}

// At most maxChars characters, never between the halves of a surrogate pair.
void bound(RenderedPayload &out, qsizetype maxChars)
{
    if (maxChars < 0 || out.text.size() <= maxChars)
        return;
    qsizetype keep = maxChars;
    if (keep > 0 && out.text.at(keep - 1).isHighSurrogate())
        --keep;
    out.text.truncate(keep);
    out.truncated = true;
}

} // namespace

void ScriptDecoder::registerIn(DecoderRegistry &registry, const QThread *offLimits)
{
    registry.add(std::make_unique<ScriptDecoder>(offLimits));
}

ScriptDecoder::ScriptDecoder(const QThread *offLimits)
    : m_offLimits(offLimits)
{}

QString ScriptDecoder::id() const
{
    return Id.toString();
}

QString ScriptDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "Script (JavaScript)");
}

int ScriptDecoder::detect(QByteArrayView, const PayloadHint &) const
{
    return kNoMatch;
}

QJsonObject ScriptDecoder::defaultOptions() const
{
    QJsonObject out = options(QStringLiteral("return payload;"));
    out.insert(kTimeKey, ScriptLimits::kDefaultTimeLimitMs);
    return out;
}

QString ScriptDecoder::script(const QJsonObject &options)
{
    return options.value(kScriptKey).toString();
}

QJsonObject ScriptDecoder::options(const QString &script)
{
    return QJsonObject{{kScriptKey, script}};
}

QString ScriptDecoder::pendingText()
{
    return tr("Running the script…");
}

std::optional<ScriptLimits> ScriptDecoder::limits(const QJsonObject &options, QString *error)
{
    ScriptLimits out;
    const auto fail = [error](const QString &why) -> std::optional<ScriptLimits> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (options.contains(kScriptKey) && !options.value(kScriptKey).isString())
        return fail(tr("\"script\" must be a string."));
    if (options.contains(kTimeKey)) {
        const double ms = options.value(kTimeKey).toDouble(-1);
        if (ms < 1 || ms > kMaxTimeLimitMs || ms != int(ms))
            return fail(
                tr("\"timeLimitMs\" must be a whole number from 1 to %1.").arg(kMaxTimeLimitMs));
        out.timeLimitMs = int(ms);
    }
    if (options.contains(kMemoryKey)) {
        const double mb = options.value(kMemoryKey).toDouble(-1);
        if (mb < 1 || mb > kMaxMemoryLimitMB || mb != int(mb))
            return fail(tr("\"memoryLimitMB\" must be a whole number from 1 to %1.")
                            .arg(kMaxMemoryLimitMB));
        out.memoryLimitBytes = qint64(mb) * 1024 * 1024;
    }
    return out;
}

RenderedPayload ScriptDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    QString why;
    const std::optional<ScriptLimits> limits = ScriptDecoder::limits(options.decoderOptions, &why);
    const QString source = script(options.decoderOptions);
    if (!limits || source.trimmed().isEmpty()) {
        PayloadError error;
        error.code = PayloadErrorCode::BadDecoderOptions;
        error.detail = limits ? tr("the rule has no script.") : why;
        return fallback(bytes, options, error);
    }
    RenderedPayload out;
    out.decoder = id();
    if (m_offLimits && QThread::currentThread() == m_offLimits) {
        out.text = pendingText();
        out.truncated = true;
        return out;
    }
    ScriptMessage message;
    // No more than one byte over the bound is copied: the runner refuses it by its size.
    message.payload = bytes.first(qMin(bytes.size(), limits->maxInputBytes + 1)).toByteArray();
    message.topic = options.topic;
    message.qos = options.qos;
    message.retain = options.retain;
    message.contentType = options.hint.contentType;
    const ScriptResult result =
        ScriptRunner::forCurrentThread().runIncoming(source, message, *limits);
    if (result.error) {
        PayloadError error;
        error.code = PayloadErrorCode::ScriptFailed;
        error.line = result.error->line;
        error.detail = result.error->message;
        // On the message itself, above its bytes: a bubble shows the text, not `error`.
        RenderedPayload failed = fallback(bytes, options, error);
        const QString line = error.message() + u'\n';
        failed.text.prepend(line);
        for (JsonSpan &span : failed.spans)
            span.start += line.size();
        return failed;
    }
    switch (result.kind) {
    case ScriptResult::Kind::Bytes:
        out = HexDecoder::renderHex(result.bytes, options.maxChars, options.hexBytesPerLine);
        out.decoder = id();
        return out;
    case ScriptResult::Kind::Json:
        out.text = result.text;
        bound(out, options.maxChars);
        out.spans = JsonHighlighter::spans(out.text);
        return out;
    case ScriptResult::Kind::Text:
        break;
    }
    out.text = result.text;
    bound(out, options.maxChars);
    return out;
}

} // namespace mqttdesk
