#pragma once

#include "core/payload/payload_decoder.h"

#include <QList>
#include <QReadWriteLock>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <vector>

namespace mqttdesk {

// The decoders payloads can be shown with, in the order menus list them: the one place that
// knows which formats exist, their names and their order. Auto (id AutoId) renders with the
// decoder whose detect() is most confident. Thread-safe: decoders may be added while other
// threads render (add them at start-up, so that every menu lists them); decoders are never
// removed, so the pointers handed out stay valid for the registry's lifetime.
class DecoderRegistry
{
public:
    static constexpr QStringView AutoId = u"auto";

    // An empty registry (tests, tools); addBuiltIns() gives it the standard decoders.
    DecoderRegistry();
    ~DecoderRegistry();
    DecoderRegistry(const DecoderRegistry &) = delete;
    DecoderRegistry &operator=(const DecoderRegistry &) = delete;

    // The application's registry, with the built-in decoders.
    static DecoderRegistry &instance();

    // Auto, Text, JSON, Hex, Base64, CBOR, MessagePack, Numeric array, in that order.
    void addBuiltIns();
    // Appends a decoder. False (and the decoder dropped) when its id is empty or taken.
    bool add(std::unique_ptr<PayloadDecoder> decoder);

    // In registration order.
    QList<const PayloadDecoder *> decoders() const;
    QStringList ids() const;
    // Null when no decoder has this id.
    const PayloadDecoder *decoder(QStringView id) const;
    // The decoder's translated name; empty for an unknown id.
    QString name(QStringView id) const;

    // The decoder most confident about the bytes (the first registered on a tie); null when
    // none claims them at all.
    const PayloadDecoder *detect(QByteArrayView bytes, const PayloadHint &hint = {}) const;

    // Renders with the decoder of that id; an unknown id renders as Auto would. Sets the
    // result's `format` from its `decoder`.
    RenderedPayload render(QByteArrayView bytes, QStringView id,
                           const RenderOptions &options = {}) const;

private:
    mutable QReadWriteLock m_lock;
    std::vector<std::unique_ptr<PayloadDecoder>> m_owned;
    QList<const PayloadDecoder *> m_decoders; // m_owned in order, cheap to copy out
};

} // namespace mqttdesk
