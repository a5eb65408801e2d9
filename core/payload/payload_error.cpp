#include "core/payload/payload_error.h"

#include <QCoreApplication>

namespace mqttdesk {

QString PayloadError::message() const
{
    QString where;
    if (line > 0)
        where =
            QCoreApplication::translate("PayloadError", "line %1, column %2").arg(line).arg(column);
    else if (offset >= 0)
        where = QCoreApplication::translate("PayloadError", "position %1").arg(offset + 1);

    switch (code) {
    case PayloadErrorCode::InvalidJson:
        if (where.isEmpty())
            return QCoreApplication::translate("PayloadError", "The JSON is not valid: %1.")
                .arg(detail);
        return QCoreApplication::translate("PayloadError", "The JSON is not valid at %1: %2.")
            .arg(where, detail);
    case PayloadErrorCode::OddHexDigits:
        return QCoreApplication::translate(
                   "PayloadError",
                   "The hex digit at %1 has no partner: hex needs two digits per byte.")
            .arg(where);
    case PayloadErrorCode::InvalidHexDigit:
        return QCoreApplication::translate(
                   "PayloadError", "The character at %1 is not a hex digit (0-9, a-f) or a space.")
            .arg(where);
    case PayloadErrorCode::InvalidBase64:
        if (where.isEmpty())
            return QCoreApplication::translate("PayloadError",
                                               "The Base64 text has a wrong length or padding.");
        return QCoreApplication::translate("PayloadError",
                                           "The character at %1 is not valid in Base64.")
            .arg(where);
    case PayloadErrorCode::MalformedCbor:
        return QCoreApplication::translate("PayloadError",
                                           "The payload is not valid CBOR (stopped at byte %1).")
            .arg(offset);
    case PayloadErrorCode::MalformedMessagePack:
        return QCoreApplication::translate(
                   "PayloadError", "The payload is not valid MessagePack (stopped at byte %1).")
            .arg(offset);
    case PayloadErrorCode::NestingTooDeep:
        return QCoreApplication::translate(
                   "PayloadError",
                   "The payload nests arrays or maps too deeply to display (at byte %1).")
            .arg(offset);
    case PayloadErrorCode::UnsupportedEncoding:
        return QCoreApplication::translate(
            "PayloadError",
            "Messages cannot be written in this format; choose text, JSON, hex or Base64.");
    case PayloadErrorCode::BadDecoderOptions:
        return QCoreApplication::translate("PayloadError",
                                           "The decoder's settings are wrong: %1 Edit the "
                                           "decoding rule.")
            .arg(detail);
    case PayloadErrorCode::HeaderBeyondPayload:
        return QCoreApplication::translate(
                   "PayloadError",
                   "The header to skip (%1 bytes) is longer than the payload (%2 bytes).")
            .arg(detail)
            .arg(offset);
    case PayloadErrorCode::PartialNumber:
        return QCoreApplication::translate(
                   "PayloadError",
                   "The bytes from byte %1 on do not make a whole %2; check the number type "
                   "and the header to skip.")
            .arg(offset)
            .arg(detail);
    case PayloadErrorCode::SchemaUnavailable:
        return QCoreApplication::translate("PayloadError", "No schema to decode with: %1")
            .arg(detail);
    case PayloadErrorCode::MalformedMessage:
        return detail;
    case PayloadErrorCode::ScriptFailed:
        if (line > 0)
            return QCoreApplication::translate("PayloadError", "Script error at line %1: %2")
                .arg(line)
                .arg(detail);
        return QCoreApplication::translate("PayloadError", "Script error: %1").arg(detail);
    }
    return QString();
}

} // namespace mqttdesk
