#pragma once

#include "core/payload/decoded_json.h"
#include "core/payload/hex_dump.h"
#include "core/payload/payload_hint.h"
#include "core/payload/rendered_payload.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// What a rendering is asked for besides the bytes.
struct RenderOptions
{
    // At most about this many characters, from a bounded prefix of the bytes where the
    // decoder allows (a preview); everything when negative.
    qsizetype maxChars = -1;
    PayloadHint hint;
    // The decoder's own settings, e.g. from a decoding rule (see defaultOptions()).
    QJsonObject decoderOptions;
    // Bytes per line of a hex dump, wherever one is the rendering (the hex decoder, or the
    // fallback of another): 16, 8 or 4, from the width of the view
    // (HexDump::bytesPerLineFor()), so that its ASCII column stays in sight.
    int hexBytesPerLine = HexDump::kBytesPerLine;
    // The message around the bytes where the caller knows it (RuleRenderer sets the topic,
    // the stream also QoS and retain): decoders that look beyond the bytes (scripts) read
    // them. QoS -1: unknown.
    QString topic;
    int qos = -1;
    bool retain = false;
};

// One way of showing payload bytes as text: a plug-in point of the payload area. Decoders
// are registered in a DecoderRegistry, which lists them for the UI, lets Auto pick one by
// detect() and dispatches rendering by id. A decoder is stateless and const: rendering runs
// on worker threads as well as on the GUI thread. See docs/decoders.md.
class PayloadDecoder
{
public:
    // detect() scale. A decoder returns kNoMatch when it cannot show the bytes at all and
    // kDeclared when the message's content type names its format and the bytes bear it out;
    // the built-in decoders use the values in between (docs/decoders.md lists them).
    static constexpr int kNoMatch = 0;
    static constexpr int kDeclared = 100;

    PayloadDecoder() = default;
    PayloadDecoder(const PayloadDecoder &) = delete;
    PayloadDecoder &operator=(const PayloadDecoder &) = delete;
    virtual ~PayloadDecoder();

    // Stable and untranslated, stored in profiles and decoding rules: "json", "hex", ...
    virtual QString id() const = 0;
    // Translated, for menus: "JSON", "Hex", ...
    virtual QString name() const = 0;
    // How sure the decoder is that these bytes are its format, kNoMatch..kDeclared. Auto renders
    // with the most confident decoder (the first registered on a tie). Must stay cheap on
    // large payloads: look at a bounded prefix where the format allows.
    virtual int detect(QByteArrayView bytes, const PayloadHint &hint) const = 0;
    // The bytes as text, never touching them. A decoder that cannot show the bytes returns
    // fallback(): text or hex with the reason in `error`.
    virtual RenderedPayload render(QByteArrayView bytes, const RenderOptions &options) const = 0;
    // The settings the decoder understands, with their default values; none for the
    // built-in decoders yet.
    virtual QJsonObject defaultOptions() const { return {}; }

protected:
    // The bytes as text when they are printable UTF-8, else as hex, with `error` saying why
    // the requested decoder could not show them.
    static RenderedPayload fallback(QByteArrayView bytes, const RenderOptions &options,
                                    const PayloadError &error);
    // A binary format turned into JSON text (CBOR, MessagePack): highlighted, or the
    // fallback when it could not be decoded.
    RenderedPayload fromDecodedJson(QByteArrayView bytes, const RenderOptions &options,
                                    const DecodedJson &decoded) const;
};

} // namespace mqttdesk
