#pragma once

#include "core/inspector/image_sniffer.h"
#include "core/payload/payload_format.h"
#include "core/payload/payload_hint.h"
#include "core/payload/rendered_payload.h"
#include "core/payload/rule_renderer.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// What a stream bubble shows of a payload, and how tall it is: the preview text (at most
// PayloadRenderer::PreviewChars) from the decoding rules, the chosen format or detection,
// its line count, and whether it is a picture (shown as a thumbnail beside a line that
// names it). Pure: the stream model keeps the result with the row and renders it once.
struct BubblePreview
{
    Q_DECLARE_TR_FUNCTIONS(BubblePreview)

public:
    // Preview lines a picture's bubble keeps for its thumbnail.
    static constexpr int kThumbnailLines = 5;
    // A JSON payload this short that is one line on the wire stays one line in its bubble:
    // it reads well as it is, and the stream stays dense. Longer JSON is indented.
    static constexpr qsizetype kOneLineJsonBytes = 120;

    struct Input
    {
        QString topic;
        QByteArrayView bytes; // the payload, or a prefix of a large one
        bool whole = true;    // false: `bytes` is a prefix (the preview says it goes on)
        PayloadFormat format = PayloadFormat::Auto; // chosen for the row or its subscription
        PayloadHint hint;
        int hexBytesPerLine = 16;
        int qos = -1; // for decoders that read it (scripts); -1: unknown
        bool retain = false;
    };

    RenderedPayload rendered;
    int lines = 1;
    bool byRule = false; // rendered by a decoding rule
    // A picture found by detection (not by a chosen format or a rule).
    std::optional<ImageSniffer::Kind> image;
    // What a Sparkplug B message's context flags (set by the stream with that context).
    QStringList warnings;

    // With Auto, the first rule matching the topic decides, else detection.
    static BubblePreview make(const Input &input, const RuleRenderer &rules);
    // Lines of a preview text (at least 1; a final line break opens none).
    static int lineCount(const QString &text);
};

} // namespace mqttdesk
