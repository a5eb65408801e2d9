#include "core/payload/base64_decoder.h"

#include <QByteArray>
#include <QCoreApplication>

namespace mqttdesk {

QString Base64Decoder::id() const
{
    return QStringLiteral("base64");
}

QString Base64Decoder::name() const
{
    return QCoreApplication::translate("PayloadFormat", "Base64");
}

int Base64Decoder::detect(QByteArrayView, const PayloadHint &) const
{
    return kNoMatch;
}

RenderedPayload Base64Decoder::render(QByteArrayView bytes, const RenderOptions &options) const
{
    const qsizetype maxChars = options.maxChars;
    RenderedPayload out;
    out.decoder = id();
    // Whole groups of 3 bytes, so the shown prefix is valid Base64 of the first bytes.
    const qsizetype take =
        maxChars < 0 ? bytes.size() : qMin(bytes.size(), qMax<qsizetype>(3, maxChars / 4 * 3));
    out.text = QString::fromLatin1(bytes.first(take).toByteArray().toBase64());
    out.truncated = take < bytes.size();
    return out;
}

} // namespace mqttdesk
