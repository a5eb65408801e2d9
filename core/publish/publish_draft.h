#pragma once

#include "core/payload/payload_encoder.h"
#include "core/payload/payload_error.h"
#include "core/payload/payload_format.h"
#include "core/protocol/encode_error.h"
#include "core/protocol/packets.h"
#include "core/protocol/properties.h"
#include "core/protocol/protocol_version.h"
#include "core/protocol/qos.h"
#include "core/protocol/topic.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// The input a refused draft points at, so that a form can put the focus (and the caret) there.
enum class PublishField : quint8
{
    Topic,
    Payload,
    Properties, // `PublishDraftError::property` says which one
};

// Why a draft cannot be published.
struct PublishDraftError
{
    enum class Kind : quint8
    {
        InvalidTopic,         // `topic` says why
        InvalidPayload,       // `payload` says why: the text is not valid in its format
        InvalidResponseTopic, // `topic` says why: a Response Topic is a topic name [MQTT-3.3.2-14]
        InvalidProperty,      // `encode` says why: e.g. a string over 65,535 bytes, U+0000
        TooLargeForMqtt,      // Remaining Length above 268,435,455 bytes (5.0 §2.1.4)
        OverServerMaximum,    // `size` above `maximum`, the server's Maximum Packet Size
    };

    Kind kind = Kind::InvalidTopic;
    PublishField field = PublishField::Topic;
    // The UTF-16 index of the offending character in the field's text (the topic, the payload
    // text, the response topic), or -1 when the field as a whole is at fault.
    qsizetype position = -1;
    std::optional<PropertyId> property; // InvalidResponseTopic, InvalidProperty
    std::optional<TopicError> topic;
    std::optional<PayloadError> payload;
    std::optional<EncodeError> encode;
    qint64 size = 0;    // TooLargeForMqtt, OverServerMaximum: the bytes the packet takes
    qint64 maximum = 0; // OverServerMaximum: the server's limit

    // A translated sentence saying what is wrong and how to fix it.
    QString message() const;
};

// A PUBLISH as a user drafts it by hand: topic, payload text in a format (text, JSON, hex,
// Base64), QoS, retain and the 5.0 properties, for a protocol version and the server's Maximum
// Packet Size. validate() checks it field by field, in that order; packet() is what goes out;
// wireSize() is what it takes on the wire, counted by the codec. Pure: no QObject, no I/O.
class PublishDraft
{
public:
    void setTopic(const QString &topic) { m_topic = topic; }
    void setPayloadText(const QString &text);
    void setPayloadFormat(PayloadFormat format);
    // Bytes made elsewhere (an outgoing script's ArrayBuffer): sent as they are, whatever the
    // format. A later setPayloadText() or setPayloadFormat() replaces them.
    void setPayloadBytes(const QByteArray &bytes);
    void setQos(QoS qos) { m_qos = qos; }
    void setRetain(bool retain) { m_retain = retain; }
    // Sent with 5.0 only; ignored for 3.1 and 3.1.1.
    void setProperties(const Properties &properties) { m_properties = properties; }
    void setProtocolVersion(ProtocolVersion version) { m_version = version; }
    // The server's Maximum Packet Size from CONNACK (absent: no limit but MQTT's own).
    void setMaximumPacketSize(std::optional<quint32> bytes) { m_maximumPacketSize = bytes; }

    const QString &topic() const { return m_topic; }
    const QString &payloadText() const { return m_payloadText; }
    PayloadFormat payloadFormat() const { return m_format; }
    QoS qos() const { return m_qos; }
    bool retain() const { return m_retain; }
    const Properties &properties() const { return m_properties; }
    ProtocolVersion protocolVersion() const { return m_version; }
    std::optional<quint32> maximumPacketSize() const { return m_maximumPacketSize; }

    // The first problem, in the order topic, payload, properties, size; nothing when the draft
    // can be published.
    std::optional<PublishDraftError> validate() const;

    // The PUBLISH the draft describes, packet id 0 (the session assigns one for QoS 1 and 2).
    // Meaningful once validate() found nothing; an invalid payload gives an empty one.
    PublishPacket packet() const;

    // Bytes the packet takes on the wire, fixed header included; nothing when the codec cannot
    // encode it (see validate()).
    std::optional<qint64> wireSize() const;

    // The same for a built packet: the codec encodes everything but the payload (a QoS 1/2
    // packet id 0 counts as the 2 bytes the session's id takes), then the payload and the
    // Remaining Length it needs are added.
    static std::optional<qint64> wireSize(const PublishPacket &packet, ProtocolVersion version);

private:
    const EncodedPayload &encodedPayload() const;

    QString m_topic;
    QString m_payloadText;
    PayloadFormat m_format = PayloadFormat::Text;
    QoS m_qos = QoS::AtMostOnce;
    bool m_retain = false;
    Properties m_properties;
    ProtocolVersion m_version = ProtocolVersion::V5;
    std::optional<quint32> m_maximumPacketSize;
    mutable std::optional<EncodedPayload> m_encoded; // the payload text encoded, on demand
};

} // namespace mqttdesk
