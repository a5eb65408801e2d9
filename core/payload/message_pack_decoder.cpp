#include "core/payload/message_pack_decoder.h"

#include "core/payload/message_pack_reader.h"
#include "core/payload/payload_detector.h"

#include <QCoreApplication>

namespace mqttdesk {

QString MessagePackDecoder::id() const
{
    return QStringLiteral("msgpack");
}

QString MessagePackDecoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "MessagePack");
}

int MessagePackDecoder::detect(QByteArrayView bytes, const PayloadHint &hint) const
{
    if (bytes.isEmpty() || bytes.size() > PayloadDetector::kBinaryCheckLimit)
        return kNoMatch;
    const QString type = PayloadDetector::mediaType(hint);
    if ((type == u"application/msgpack" || type == u"application/x-msgpack" ||
         type == u"application/vnd.msgpack") &&
        MessagePackReader::isWellFormed(bytes))
        return kDeclared;
    if (bytes.size() >= 2 && MessagePackReader::isWellFormed(bytes, true))
        return kConfidence;
    return kNoMatch;
}

RenderedPayload MessagePackDecoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    return fromDecodedJson(bytes, options, MessagePackReader::toJson(bytes, options.maxChars));
}

} // namespace mqttdesk
