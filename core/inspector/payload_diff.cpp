#include "core/inspector/payload_diff.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/utf8_scan.h"

#include <QCoreApplication>
#include <QLocale>

namespace mqttdesk {

namespace {

const QString kHex = QStringLiteral("hex");

struct Rendering
{
    QString decoder;
    QString text;
    bool isText = false; // false: only the raw bytes can be compared
    std::optional<PayloadError> error;
};

Rendering render(const PayloadDiffSide &side)
{
    const DecoderRegistry &registry = DecoderRegistry::instance();
    QString id = side.decoder;
    if (id == DecoderRegistry::AutoId || !registry.decoder(id)) {
        const PayloadDecoder *picked = registry.detect(side.bytes, side.options.hint);
        id = picked ? picked->id() : kHex;
    }
    Rendering out;
    out.decoder = kHex;
    // A hex dump is five times the bytes and compares worse than the bytes themselves: it
    // is never made here. Binary shown "as text" would only compare replacement characters.
    if (id == kHex || (id == u"text" && !Utf8Scan::scan(side.bytes).isPrintableText()))
        return out;
    RenderOptions options = side.options;
    options.maxChars = -1;
    RenderedPayload rendered = registry.render(side.bytes, id, options);
    out.decoder = rendered.decoder;
    out.error = rendered.error;
    if (rendered.decoder == kHex)
        return out; // the decoder's fallback for bytes it could not show
    out.text = std::move(rendered.text);
    out.isText = true;
    return out;
}

// A rendering that is a JSON object or array, indexed as sent: what a structural diff
// compares (a scalar has no structure to show).
std::optional<JsonIndex> parseContainer(const Rendering &rendering)
{
    if (!rendering.isText)
        return std::nullopt;
    JsonIndex index = JsonIndex::parse(rendering.text.toUtf8());
    if (!index.isValid() || !index.isContainer(0))
        return std::nullopt;
    return index;
}

bool applies(const PayloadDiffResult &result, PayloadDiffMode mode)
{
    switch (mode) {
    case PayloadDiffMode::Structural:
        return result.structuralApplies;
    case PayloadDiffMode::Lines:
        return result.linesApplies;
    case PayloadDiffMode::Hex:
        return true;
    case PayloadDiffMode::Auto:
        break;
    }
    return false;
}

} // namespace

bool PayloadDiffResult::hasDifferences() const
{
    switch (mode) {
    case PayloadDiffMode::Structural:
        return !json.entries.isEmpty();
    case PayloadDiffMode::Lines:
        return lines.differingRows() > 0;
    case PayloadDiffMode::Hex:
    case PayloadDiffMode::Auto:
        break;
    }
    return differingBytes > 0;
}

QString PayloadDiffResult::summaryText() const
{
    const QLocale locale;
    if (!hasDifferences())
        return QCoreApplication::translate("PayloadDiff", "No differences");
    switch (mode) {
    case PayloadDiffMode::Structural: {
        const QString text =
            QCoreApplication::translate("PayloadDiff", "%1 changed, %2 added, %3 removed")
                .arg(locale.toString(json.count(JsonDiffEntry::Kind::Changed)),
                     locale.toString(json.count(JsonDiffEntry::Kind::Added)),
                     locale.toString(json.count(JsonDiffEntry::Kind::Removed)));
        if (!json.truncated)
            return text;
        return QCoreApplication::translate("PayloadDiff", "%1 (the first %2 differences)")
            .arg(text, locale.toString(json.entries.size()));
    }
    case PayloadDiffMode::Lines: {
        // Singular and plural as two source texts: English reads right with no catalogue.
        const qsizetype count = lines.differingRows();
        const QString text = count == 1
                                 ? QCoreApplication::translate("PayloadDiff", "1 line differs")
                                 : QCoreApplication::translate("PayloadDiff", "%1 lines differ")
                                       .arg(locale.toString(count));
        if (!lines.approximate)
            return text;
        return QCoreApplication::translate("PayloadDiff",
                                           "%1 (too many changes to match the lines closely)")
            .arg(text);
    }
    case PayloadDiffMode::Hex:
    case PayloadDiffMode::Auto:
        break;
    }
    return differingBytes == 1 ? QCoreApplication::translate("PayloadDiff", "1 byte differs")
                               : QCoreApplication::translate("PayloadDiff", "%1 bytes differ")
                                     .arg(locale.toString(differingBytes));
}

QStringList PayloadDiffResult::errorTexts() const
{
    QStringList out;
    if (leftError)
        out << QCoreApplication::translate("PayloadDiff", "Left: %1").arg(leftError->message());
    if (rightError)
        out << QCoreApplication::translate("PayloadDiff", "Right: %1").arg(rightError->message());
    if (requestedModeUnavailable) {
        const QString used = PayloadDiff::modeName(mode);
        out << (requestedMode == PayloadDiffMode::Structural
                    ? QCoreApplication::translate(
                          "PayloadDiff",
                          "Not a JSON object or array on both sides: compared as %1.")
                          .arg(used)
                    : QCoreApplication::translate("PayloadDiff",
                                                  "Not text on both sides: compared as %1.")
                          .arg(used));
    }
    return out;
}

PayloadDiffResult PayloadDiff::compare(const PayloadDiffSide &left, const PayloadDiffSide &right,
                                       PayloadDiffMode mode, const PayloadDiffLimits &limits)
{
    PayloadDiffResult result;
    result.requestedMode = mode;
    const Rendering l = render(left);
    const Rendering r = render(right);
    result.leftDecoder = l.decoder;
    result.rightDecoder = r.decoder;
    result.leftError = l.error;
    result.rightError = r.error;
    result.linesApplies = l.isText && r.isText;
    std::optional<JsonIndex> leftJson;
    std::optional<JsonIndex> rightJson;
    if (result.linesApplies && (leftJson = parseContainer(l)))
        rightJson = parseContainer(r);
    result.structuralApplies = leftJson && rightJson;

    if (mode == PayloadDiffMode::Auto || !applies(result, mode)) {
        result.requestedModeUnavailable = mode != PayloadDiffMode::Auto;
        mode = result.structuralApplies ? PayloadDiffMode::Structural
               : result.linesApplies    ? PayloadDiffMode::Lines
                                        : PayloadDiffMode::Hex;
    }
    result.mode = mode;
    result.hex = HexDiff(left.bytes, right.bytes, limits.hexBytesPerRow);
    switch (mode) {
    case PayloadDiffMode::Structural:
        result.json = JsonDiff::compare(*leftJson, *rightJson, limits.maxJsonEntries);
        break;
    case PayloadDiffMode::Lines:
        result.leftLines = splitLines(l.text);
        result.rightLines = splitLines(r.text);
        result.lines = LineDiff::compare(result.leftLines, result.rightLines, limits.maxLineEdits);
        break;
    case PayloadDiffMode::Hex:
    case PayloadDiffMode::Auto:
        result.differingBytes = result.hex.differingBytes();
        break;
    }
    result.summary = result.summaryText();
    result.errors = result.errorTexts();
    return result;
}

QString PayloadDiff::modeName(PayloadDiffMode mode)
{
    switch (mode) {
    case PayloadDiffMode::Structural:
        return QCoreApplication::translate("PayloadDiff", "Structural");
    case PayloadDiffMode::Lines:
        return QCoreApplication::translate("PayloadDiff", "Lines");
    case PayloadDiffMode::Hex:
        return QCoreApplication::translate("PayloadDiff", "Hex");
    case PayloadDiffMode::Auto:
        break;
    }
    return QCoreApplication::translate("PayloadDiff", "Automatic");
}

QStringList PayloadDiff::splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(u'\n');
    if (text.endsWith(u'\n'))
        lines.removeLast();
    return lines;
}

} // namespace mqttdesk
