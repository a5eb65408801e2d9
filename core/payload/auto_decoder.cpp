#include "core/payload/auto_decoder.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/text_decoder.h"

#include <QCoreApplication>

namespace mqttdesk {

AutoDecoder::AutoDecoder(const DecoderRegistry &registry)
    : m_registry(registry)
{}

QString AutoDecoder::id() const
{
    return DecoderRegistry::AutoId.toString();
}

QString AutoDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "Auto");
}

int AutoDecoder::detect(QByteArrayView, const PayloadHint &) const
{
    return kNoMatch;
}

RenderedPayload AutoDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    if (const PayloadDecoder *picked = m_registry.detect(bytes, options.hint)) {
        // The picked decoder's own settings are not known here: it renders with its defaults.
        RenderOptions own = options;
        own.decoderOptions = picked->defaultOptions();
        return picked->render(bytes, own);
    }
    return TextDecoder::renderText(bytes, options.maxChars);
}

} // namespace mqttdesk
