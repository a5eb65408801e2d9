#pragma once

#include "core/inspector/hex_diff.h"
#include "core/inspector/json_diff.h"
#include "core/inspector/line_diff.h"
#include "core/payload/payload_decoder.h"
#include "core/payload/payload_error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// How two payloads are compared.
enum class PayloadDiffMode
{
    Auto, // only as a request: the best that applies
    Structural,
    Lines,
    Hex,
};

// One payload and how it is shown: the decoder (a DecoderRegistry id, "auto" to detect it)
// and its options.
struct PayloadDiffSide
{
    QByteArray bytes;
    QString decoder = QStringLiteral("auto");
    RenderOptions options;
};

struct PayloadDiffResult
{
    PayloadDiffMode mode = PayloadDiffMode::Hex; // the one used; never Auto
    bool structuralApplies = false;              // both renderings are a JSON object or array
    bool linesApplies = false;                   // both renderings are text (not a hex dump)
    // The requested mode did not apply: `mode` is the best one that did.
    bool requestedModeUnavailable = false;

    JsonDiffResult json;  // Structural
    LineDiffResult lines; // Lines, with the rendered texts' lines
    QStringList leftLines;
    QStringList rightLines;
    HexDiff hex; // Hex (always set: the raw bytes)
    qsizetype differingBytes = 0;

    QString leftDecoder; // the decoders that rendered each side ("hex" for raw bytes)
    QString rightDecoder;
    std::optional<PayloadError> leftError; // why a side's decoder could not show it
    std::optional<PayloadError> rightError;
    PayloadDiffMode requestedMode = PayloadDiffMode::Auto;

    // Translated when computed; summaryText() and errorTexts() give them again in the
    // current language.
    QString summary; // "3 changed, 1 added, 2 removed" / "12 lines differ" / "40 bytes differ"
    QStringList errors;

    bool hasDifferences() const;
    QString summaryText() const;
    QStringList errorTexts() const;
};

// How far each comparison goes (see JsonDiff, LineDiff, HexDiff).
struct PayloadDiffLimits
{
    qsizetype maxJsonEntries = JsonDiff::kDefaultMaxEntries;
    int maxLineEdits = LineDiff::kDefaultMaxEdits;
    int hexBytesPerRow = HexDiff::kDefaultBytesPerRow;
};

// Compares two payloads the way they are shown: decoded to JSON on both sides (JSON, CBOR,
// MessagePack, Protobuf, Sparkplug) key by key; text line by line; anything else byte by
// byte. Pure and thread-safe, meant for a worker thread: it renders both payloads in full.
class PayloadDiff
{
public:
    static PayloadDiffResult compare(const PayloadDiffSide &left, const PayloadDiffSide &right,
                                     PayloadDiffMode mode = PayloadDiffMode::Auto,
                                     const PayloadDiffLimits &limits = {});
    // Translated, for choosers: "Structural", "Lines", "Hex" ("Automatic" for Auto).
    static QString modeName(PayloadDiffMode mode);
    // The rendered text as lines: split at line feeds, no empty last line for a final one.
    static QStringList splitLines(const QString &text);
};

} // namespace mqttdesk
