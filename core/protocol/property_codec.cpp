#include "core/protocol/property_codec.h"

namespace mqttdesk {

namespace {

const char *const kPropertyRule = "5.0 §2.2.2.2";

bool isRepeatedSingle(quint64 &seen, PropertyId id, PropertyContext context)
{
    if (isPropertyRepeatable(id, context))
        return false;
    const quint64 mask = quint64(1) << static_cast<quint8>(id);
    if (seen & mask)
        return true;
    seen |= mask;
    return false;
}

} // namespace

QString PropertyCodec::valueRule(PropertyId id, quint32 value)
{
    switch (id) {
    case PropertyId::PayloadFormatIndicator:
        return value <= 1 ? QString() : QStringLiteral("5.0 §3.3.2.3.2");
    case PropertyId::RequestProblemInformation:
        return value <= 1 ? QString() : QStringLiteral("5.0 §3.1.2.11.7");
    case PropertyId::RequestResponseInformation:
        return value <= 1 ? QString() : QStringLiteral("5.0 §3.1.2.11.6");
    case PropertyId::MaximumQoS:
        return value <= 1 ? QString() : QStringLiteral("5.0 §3.2.2.3.4");
    case PropertyId::RetainAvailable:
    case PropertyId::WildcardSubscriptionAvailable:
    case PropertyId::SubscriptionIdentifierAvailable:
    case PropertyId::SharedSubscriptionAvailable:
        return value <= 1 ? QString() : QStringLiteral("5.0 §3.2.2.3");
    case PropertyId::ReceiveMaximum:
        return value != 0 ? QString() : QStringLiteral("5.0 §3.1.2.11.3");
    case PropertyId::MaximumPacketSize:
        return value != 0 ? QString() : QStringLiteral("5.0 §3.1.2.11.4");
    case PropertyId::TopicAlias:
        return value != 0 ? QString() : QStringLiteral("MQTT-3.3.2-8");
    case PropertyId::SubscriptionIdentifier:
        return value != 0 ? QString() : QStringLiteral("5.0 §3.8.2.1.2");
    default:
        return QString();
    }
}

bool PropertyCodec::read(WireReader &r, PropertyContext context, Properties &out)
{
    const qsizetype lengthAt = r.offset();
    quint32 length = 0;
    if (!r.readVariableByteInteger(length))
        return false;
    if (qint64(length) > r.remaining())
        return r.fail(DecodeError::Kind::TruncatedPacket, QStringLiteral("5.0 §2.2.2.1"),
                      QStringLiteral("Property Length %1").arg(length), lengthAt);
    const qsizetype end = r.offset() + qsizetype(length);
    quint64 seen = 0;
    while (r.offset() < end) {
        const qsizetype at = r.offset();
        quint32 rawId = 0;
        if (!r.readVariableByteInteger(rawId))
            return false;
        if (!isKnownPropertyId(rawId))
            return r.fail(DecodeError::Kind::UnknownProperty, QString::fromUtf8(kPropertyRule),
                          QStringLiteral("0x%1").arg(rawId, 2, 16, QLatin1Char('0')), at);
        const auto id = static_cast<PropertyId>(rawId);
        if (!isPropertyAllowed(id, context))
            return r.fail(DecodeError::Kind::PropertyNotAllowed, QString::fromUtf8(kPropertyRule),
                          propertyName(id), at);
        if (isRepeatedSingle(seen, id, context))
            return r.fail(DecodeError::Kind::DuplicateProperty, QString::fromUtf8(kPropertyRule),
                          propertyName(id), at);
        Property p{id, quint32(0)};
        switch (propertyType(id)) {
        case PropertyType::Byte: {
            quint8 v = 0;
            if (!r.readByte(v))
                return false;
            p.value = quint32(v);
            break;
        }
        case PropertyType::TwoByteInteger: {
            quint16 v = 0;
            if (!r.readUInt16(v))
                return false;
            p.value = quint32(v);
            break;
        }
        case PropertyType::FourByteInteger: {
            quint32 v = 0;
            if (!r.readUInt32(v))
                return false;
            p.value = v;
            break;
        }
        case PropertyType::VariableByteInteger: {
            quint32 v = 0;
            if (!r.readVariableByteInteger(v))
                return false;
            p.value = v;
            break;
        }
        case PropertyType::Utf8String: {
            QString v;
            if (!r.readString(v))
                return false;
            p.value = std::move(v);
            break;
        }
        case PropertyType::BinaryData: {
            QByteArray v;
            if (!r.readBinary(v))
                return false;
            p.value = std::move(v);
            break;
        }
        case PropertyType::Utf8StringPair: {
            StringPair v;
            // Both strings are UTF-8 Encoded Strings [MQTT-1.5.7-1].
            if (!r.readString(v.name) || !r.readString(v.value))
                return false;
            p.value = std::move(v);
            break;
        }
        }
        if (r.offset() > end)
            return r.fail(DecodeError::Kind::TruncatedPacket, QStringLiteral("5.0 §2.2.2.1"),
                          propertyName(id), at);
        if (const quint32 *v = std::get_if<quint32>(&p.value)) {
            const QString rule = valueRule(id, *v);
            if (!rule.isEmpty())
                return r.fail(DecodeError::Kind::InvalidPropertyValue, rule,
                              propertyName(id) + QStringLiteral(" = %1").arg(*v), at);
        }
        out.append(p);
    }
    return true;
}

void PropertyCodec::write(WireWriter &w, const Properties &properties, PropertyContext context)
{
    QByteArray block;
    WireWriter inner(block, w.packet());
    quint64 seen = 0;
    for (const Property &p : properties.items()) {
        const QString name = propertyName(p.id);
        if (!isPropertyAllowed(p.id, context)) {
            w.fail(EncodeError::Kind::PropertyNotAllowed, QString::fromUtf8(kPropertyRule), name);
            return;
        }
        if (isRepeatedSingle(seen, p.id, context)) {
            w.fail(EncodeError::Kind::DuplicateProperty, QString::fromUtf8(kPropertyRule), name);
            return;
        }
        const PropertyType type = propertyType(p.id);
        const quint32 *integer = std::get_if<quint32>(&p.value);
        bool typeOk = false;
        switch (type) {
        case PropertyType::Byte:
            typeOk = integer && *integer <= 0xFF;
            break;
        case PropertyType::TwoByteInteger:
            typeOk = integer && *integer <= 0xFFFF;
            break;
        case PropertyType::FourByteInteger:
            typeOk = integer != nullptr;
            break;
        case PropertyType::VariableByteInteger:
            typeOk = integer && *integer <= WireWriter::kMaximumVariableByteInteger;
            break;
        case PropertyType::Utf8String:
            typeOk = std::holds_alternative<QString>(p.value);
            break;
        case PropertyType::BinaryData:
            typeOk = std::holds_alternative<QByteArray>(p.value);
            break;
        case PropertyType::Utf8StringPair:
            typeOk = std::holds_alternative<StringPair>(p.value);
            break;
        }
        const QString rule = integer ? valueRule(p.id, *integer) : QString();
        if (!typeOk || !rule.isEmpty()) {
            w.fail(EncodeError::Kind::InvalidPropertyValue,
                   rule.isEmpty() ? QString::fromUtf8(kPropertyRule) : rule, name);
            return;
        }
        inner.writeVariableByteInteger(static_cast<quint8>(p.id));
        switch (type) {
        case PropertyType::Byte:
            inner.writeByte(quint8(*integer));
            break;
        case PropertyType::TwoByteInteger:
            inner.writeUInt16(quint16(*integer));
            break;
        case PropertyType::FourByteInteger:
            inner.writeUInt32(*integer);
            break;
        case PropertyType::VariableByteInteger:
            inner.writeVariableByteInteger(*integer);
            break;
        case PropertyType::Utf8String:
            inner.writeString(std::get<QString>(p.value));
            break;
        case PropertyType::BinaryData:
            inner.writeBinary(std::get<QByteArray>(p.value));
            break;
        case PropertyType::Utf8StringPair:
            inner.writeString(std::get<StringPair>(p.value).name);
            inner.writeString(std::get<StringPair>(p.value).value);
            break;
        }
        if (inner.hasError()) {
            EncodeError e = *inner.error();
            w.fail(e.kind, e.rule, name);
            return;
        }
    }
    // Property Length 0 is still written when there are none [MQTT-2.2.2-1].
    w.writeVariableByteInteger(quint32(block.size()));
    w.writeBytes(block);
}

} // namespace mqttdesk
