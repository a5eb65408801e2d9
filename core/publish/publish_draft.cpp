#include "core/publish/publish_draft.h"

#include "core/protocol/codec.h"
#include "core/protocol/wire_writer.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

// The Remaining Length of `packet` for `version`: the codec encodes the packet without its
// payload, the payload's bytes are added. The codec's error when it refuses the packet.
Result<qint64, EncodeError> remainingLength(const PublishPacket &packet, ProtocolVersion version)
{
    PublishPacket head;
    head.topic = packet.topic;
    head.qos = packet.qos;
    head.retain = packet.retain;
    head.dup = packet.dup;
    // The session assigns the id later; any id takes 2 bytes.
    head.packetId = packet.qos == QoS::AtMostOnce ? 0 : (packet.packetId ? packet.packetId : 1);
    head.properties = packet.properties;
    const EncodeResult encoded = tryEncode(head, version);
    if (!encoded.ok())
        return encoded.error();
    const QByteArray &bytes = encoded.value();
    // Fixed header: the type byte, then the Remaining Length (the last of its bytes has no
    // continuation bit).
    qsizetype last = 1;
    while (last < bytes.size() && (quint8(bytes.at(last)) & 0x80))
        ++last;
    return qint64(bytes.size() - (last + 1)) + packet.payload.size();
}

qint64 packetBytes(qint64 remaining)
{
    if (remaining > qint64(WireWriter::kMaximumVariableByteInteger))
        return 1 + 4 + remaining; // cannot be sent: at least this much
    return 1 + WireWriter::variableByteIntegerSize(quint32(remaining)) + remaining;
}

// The first property the codec refuses on its own, to point the user at it.
std::optional<PropertyId> refusedProperty(const Properties &properties)
{
    for (const Property &p : properties.items()) {
        Properties alone;
        // A copy made here: appending `p` itself has GCC 12 at -O3 (Release) report the
        // variant moved inside QList::emplace as maybe uninitialized, a false positive that
        // -Werror makes fatal.
        alone.append(Property(p));
        if (encodeProperties(alone).isEmpty())
            return p.id;
    }
    return std::nullopt;
}

} // namespace

QString PublishDraftError::message() const
{
    switch (kind) {
    case Kind::InvalidTopic:
        return topic ? topic->message() : QString();
    case Kind::InvalidPayload:
        return payload ? payload->message() : QString();
    case Kind::InvalidResponseTopic:
        return QCoreApplication::translate("PublishDraft", "Response topic: %1")
            .arg(topic ? topic->message() : QString());
    case Kind::InvalidProperty:
        return encode ? encode->message() : QString();
    case Kind::TooLargeForMqtt:
        return QCoreApplication::translate(
            "PublishDraft",
            "This message is too large for MQTT: a packet holds at most 268,435,455 "
            "bytes after its header. Send a smaller payload.");
    case Kind::OverServerMaximum:
        return QCoreApplication::translate(
                   "PublishDraft",
                   "This message takes %1 bytes but the server accepts packets of at "
                   "most %2 bytes (its Maximum Packet Size). Send a smaller payload.")
            .arg(size)
            .arg(maximum);
    }
    return QString();
}

void PublishDraft::setPayloadText(const QString &text)
{
    m_payloadText = text;
    m_encoded.reset();
}

void PublishDraft::setPayloadFormat(PayloadFormat format)
{
    m_format = format;
    m_encoded.reset();
}

void PublishDraft::setPayloadBytes(const QByteArray &bytes)
{
    m_payloadText.clear();
    m_encoded = EncodedPayload{bytes, std::nullopt};
}

const EncodedPayload &PublishDraft::encodedPayload() const
{
    if (!m_encoded)
        m_encoded = PayloadEncoder::encode(m_payloadText, m_format);
    return *m_encoded;
}

PublishPacket PublishDraft::packet() const
{
    PublishPacket packet;
    packet.topic = m_topic;
    packet.qos = m_qos;
    packet.retain = m_retain;
    packet.payload = encodedPayload().bytes;
    if (m_version == ProtocolVersion::V5)
        packet.properties = m_properties;
    return packet;
}

std::optional<qint64> PublishDraft::wireSize() const
{
    return wireSize(packet(), m_version);
}

std::optional<qint64> PublishDraft::wireSize(const PublishPacket &packet, ProtocolVersion version)
{
    const auto remaining = remainingLength(packet, version);
    if (!remaining.ok() || remaining.value() > qint64(WireWriter::kMaximumVariableByteInteger))
        return std::nullopt;
    return packetBytes(remaining.value());
}

std::optional<PublishDraftError> PublishDraft::validate() const
{
    PublishDraftError error;
    if (auto topic = Topic::validateName(m_topic)) {
        error.kind = PublishDraftError::Kind::InvalidTopic;
        error.field = PublishField::Topic;
        error.position = topic->position;
        error.topic = topic;
        return error;
    }
    const EncodedPayload &encoded = encodedPayload();
    if (!encoded.isOk()) {
        error.kind = PublishDraftError::Kind::InvalidPayload;
        error.field = PublishField::Payload;
        error.position = encoded.error->offset < 0
                             ? -1
                             : qMin<qsizetype>(encoded.error->offset, m_payloadText.size());
        error.payload = encoded.error;
        return error;
    }
    const PublishPacket packet = this->packet();
    if (const auto response = packet.properties.responseTopic()) {
        if (auto topic = Topic::validateName(*response)) {
            error.kind = PublishDraftError::Kind::InvalidResponseTopic;
            error.field = PublishField::Properties;
            error.property = PropertyId::ResponseTopic;
            error.position = topic->position;
            error.topic = topic;
            return error;
        }
    }
    const auto remaining = remainingLength(packet, m_version);
    if (!remaining.ok()) {
        // The topic is valid: what the codec refuses is a property.
        error.kind = PublishDraftError::Kind::InvalidProperty;
        error.field = PublishField::Properties;
        error.property = refusedProperty(packet.properties);
        error.encode = remaining.error();
        return error;
    }
    error.size = packetBytes(remaining.value());
    if (remaining.value() > qint64(WireWriter::kMaximumVariableByteInteger)) {
        error.kind = PublishDraftError::Kind::TooLargeForMqtt;
        error.field = PublishField::Payload;
        return error;
    }
    if (m_maximumPacketSize && error.size > qint64(*m_maximumPacketSize)) {
        error.kind = PublishDraftError::Kind::OverServerMaximum;
        error.field = PublishField::Payload;
        error.maximum = qint64(*m_maximumPacketSize);
        return error;
    }
    return std::nullopt;
}

} // namespace mqttdesk
