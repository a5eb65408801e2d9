#include "core/payload/cbor_decoder.h"

#include "core/payload/cbor_reader.h"
#include "core/payload/payload_detector.h"

#include <QCoreApplication>

namespace mqttdesk {

QString CborDecoder::id() const
{
    return QStringLiteral("cbor");
}

QString CborDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "CBOR");
}

int CborDecoder::detect(QByteArrayView bytes, const PayloadHint &hint) const
{
    if (bytes.isEmpty() || bytes.size() > PayloadDetector::kBinaryCheckLimit)
        return kNoMatch;
    const QString type = PayloadDetector::mediaType(hint);
    if ((type == u"application/cbor" || type.endsWith(u"+cbor")) && CborReader::isWellFormed(bytes))
        return kDeclared;
    if (bytes.size() >= 2 && CborReader::isWellFormed(bytes, true))
        return kConfidence;
    return kNoMatch;
}

RenderedPayload CborDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    return fromDecodedJson(bytes, options, CborReader::toJson(bytes, options.maxChars));
}

} // namespace mqttdesk
