#include "core/payload/decoder_registry.h"

#include "core/payload/auto_decoder.h"
#include "core/payload/base64_decoder.h"
#include "core/payload/cbor_decoder.h"
#include "core/payload/hex_decoder.h"
#include "core/payload/json_decoder.h"
#include "core/payload/message_pack_decoder.h"
#include "core/payload/numeric_array_decoder.h"
#include "core/payload/text_decoder.h"

#include <QReadLocker>
#include <QWriteLocker>

namespace mqttdesk {

namespace {

struct ApplicationRegistry
{
    ApplicationRegistry() { registry.addBuiltIns(); }
    DecoderRegistry registry;
};

} // namespace

DecoderRegistry::DecoderRegistry() = default;

DecoderRegistry::~DecoderRegistry() = default;

DecoderRegistry &DecoderRegistry::instance()
{
    static ApplicationRegistry application;
    return application.registry;
}

void DecoderRegistry::addBuiltIns()
{
    add(std::make_unique<AutoDecoder>(*this));
    add(std::make_unique<TextDecoder>());
    add(std::make_unique<JsonDecoder>());
    add(std::make_unique<HexDecoder>());
    add(std::make_unique<Base64Decoder>());
    add(std::make_unique<CborDecoder>());
    add(std::make_unique<MessagePackDecoder>());
    add(std::make_unique<NumericArrayDecoder>());
}

bool DecoderRegistry::add(std::unique_ptr<PayloadDecoder> decoder)
{
    if (!decoder)
        return false;
    const QString id = decoder->id();
    if (id.isEmpty())
        return false;
    QWriteLocker locker(&m_lock);
    for (const PayloadDecoder *existing : std::as_const(m_decoders)) {
        if (existing->id() == id)
            return false;
    }
    m_decoders.append(decoder.get());
    m_owned.push_back(std::move(decoder));
    return true;
}

QList<const PayloadDecoder *> DecoderRegistry::decoders() const
{
    QReadLocker locker(&m_lock);
    return m_decoders;
}

QStringList DecoderRegistry::ids() const
{
    QStringList ids;
    for (const PayloadDecoder *decoder : decoders())
        ids.append(decoder->id());
    return ids;
}

const PayloadDecoder *DecoderRegistry::decoder(QStringView id) const
{
    for (const PayloadDecoder *decoder : decoders()) {
        if (decoder->id() == id)
            return decoder;
    }
    return nullptr;
}

QString DecoderRegistry::name(QStringView id) const
{
    const PayloadDecoder *found = decoder(id);
    return found ? found->name() : QString();
}

const PayloadDecoder *DecoderRegistry::detect(QByteArrayView bytes, const PayloadHint &hint) const
{
    const PayloadDecoder *best = nullptr;
    int bestConfidence = PayloadDecoder::kNoMatch;
    for (const PayloadDecoder *decoder : decoders()) {
        const int confidence = qBound(PayloadDecoder::kNoMatch, decoder->detect(bytes, hint),
                                      PayloadDecoder::kDeclared);
        if (confidence > bestConfidence) {
            best = decoder;
            bestConfidence = confidence;
            // Nothing later can beat it (ties go to the first).
            if (confidence == PayloadDecoder::kDeclared)
                break;
        }
    }
    return best;
}

RenderedPayload DecoderRegistry::render(QByteArrayView bytes, QStringView id,
                                        const RenderOptions &options) const
{
    const PayloadDecoder *chosen = decoder(id);
    if (!chosen)
        chosen = decoder(AutoId);
    RenderedPayload out =
        chosen ? chosen->render(bytes, options) : TextDecoder::renderText(bytes, options.maxChars);
    out.format = payloadFormatFromKey(out.decoder).value_or(PayloadFormat::Text);
    return out;
}

} // namespace mqttdesk
