#pragma once

#include "core/protocol/packet_type.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <variant>

namespace mqttdesk {

// Every MQTT 5.0 property identifier (5.0 §2.2.2.2).
enum class PropertyId : quint8
{
    PayloadFormatIndicator = 0x01,
    MessageExpiryInterval = 0x02,
    ContentType = 0x03,
    ResponseTopic = 0x08,
    CorrelationData = 0x09,
    SubscriptionIdentifier = 0x0B,
    SessionExpiryInterval = 0x11,
    AssignedClientIdentifier = 0x12,
    ServerKeepAlive = 0x13,
    AuthenticationMethod = 0x15,
    AuthenticationData = 0x16,
    RequestProblemInformation = 0x17,
    WillDelayInterval = 0x18,
    RequestResponseInformation = 0x19,
    ResponseInformation = 0x1A,
    ServerReference = 0x1C,
    ReasonString = 0x1F,
    ReceiveMaximum = 0x21,
    TopicAliasMaximum = 0x22,
    TopicAlias = 0x23,
    MaximumQoS = 0x24,
    RetainAvailable = 0x25,
    UserProperty = 0x26,
    MaximumPacketSize = 0x27,
    WildcardSubscriptionAvailable = 0x28,
    SubscriptionIdentifierAvailable = 0x29,
    SharedSubscriptionAvailable = 0x2A,
};

// The wire data type of a property's value (5.0 §1.5).
enum class PropertyType : quint8
{
    Byte,
    TwoByteInteger,
    FourByteInteger,
    VariableByteInteger,
    Utf8String,
    BinaryData,
    Utf8StringPair,
};

// Where a property block sits: a packet, or the Will Properties inside CONNECT.
enum class PropertyContext : quint8
{
    Connect,
    Connack,
    Publish,
    Will,
    Puback,
    Pubrec,
    Pubrel,
    Pubcomp,
    Subscribe,
    Suback,
    Unsubscribe,
    Unsuback,
    Pingreq,
    Pingresp,
    Disconnect,
    Auth,
};

PropertyContext propertyContextFor(PacketType type);

// A User Property: an ordered name/value pair; names may repeat [MQTT-1.5.7-1].
struct StringPair
{
    QString name;
    QString value;
    bool operator==(const StringPair &) const = default;
};

// One property as received. The four integer wire types (byte, two-byte, four-byte,
// VBI) share quint32 storage; propertyType(id) says which one goes on the wire.
using PropertyValue = std::variant<quint32, QString, QByteArray, StringPair>;

struct Property
{
    PropertyId id;
    PropertyValue value;
    bool operator==(const Property &) const = default;
};

// The table behind validation (5.0 §2.2.2.2).
bool isKnownPropertyId(quint32 id);
PropertyType propertyType(PropertyId id);
// "Session Expiry Interval" etc. (spec names, not translated).
QString propertyName(PropertyId id);
// A value as one line: numbers and strings as they are, binary as hex (its first 64 bytes),
// a user property as "name = value".
QString propertyValueText(const PropertyValue &value);
bool isPropertyAllowed(PropertyId id, PropertyContext context);
// User Property everywhere, Subscription Identifier in PUBLISH may repeat; every other
// property may appear at most once (5.0 §2.2.2.2: twice is a Protocol Error).
bool isPropertyRepeatable(PropertyId id, PropertyContext context);

// An MQTT 5.0 property block: kept in received order, "absent" kept apart from "zero".
// Setters of single-value properties replace an existing value in place (keeping its
// position) or append; add*() append repeatable ones.
class Properties
{
public:
    Properties() = default;

    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }
    const QList<Property> &items() const { return m_items; }
    bool contains(PropertyId id) const;
    void remove(PropertyId id);
    void clear() { m_items.clear(); }

    // Raw access: appends without any check (the decoder checks before it appends).
    void append(const Property &property) { m_items.append(property); }

    // Generic typed access to the first value of `id`.
    std::optional<quint32> integer(PropertyId id) const;
    std::optional<QString> string(PropertyId id) const;
    std::optional<QByteArray> binary(PropertyId id) const;
    void setInteger(PropertyId id, quint32 value);
    void setString(PropertyId id, const QString &value);
    void setBinary(PropertyId id, const QByteArray &value);

    // Typed accessors, one per property.
    std::optional<quint8> payloadFormatIndicator() const;
    std::optional<quint32> messageExpiryInterval() const;
    std::optional<QString> contentType() const;
    std::optional<QString> responseTopic() const;
    std::optional<QByteArray> correlationData() const;
    QList<quint32> subscriptionIdentifiers() const;
    std::optional<quint32> sessionExpiryInterval() const;
    std::optional<QString> assignedClientIdentifier() const;
    std::optional<quint16> serverKeepAlive() const;
    std::optional<QString> authenticationMethod() const;
    std::optional<QByteArray> authenticationData() const;
    std::optional<quint8> requestProblemInformation() const;
    std::optional<quint32> willDelayInterval() const;
    std::optional<quint8> requestResponseInformation() const;
    std::optional<QString> responseInformation() const;
    std::optional<QString> serverReference() const;
    std::optional<QString> reasonString() const;
    std::optional<quint16> receiveMaximum() const;
    std::optional<quint16> topicAliasMaximum() const;
    std::optional<quint16> topicAlias() const;
    std::optional<quint8> maximumQoS() const;
    std::optional<quint8> retainAvailable() const;
    QList<StringPair> userProperties() const;
    std::optional<quint32> maximumPacketSize() const;
    std::optional<quint8> wildcardSubscriptionAvailable() const;
    std::optional<quint8> subscriptionIdentifierAvailable() const;
    std::optional<quint8> sharedSubscriptionAvailable() const;

    void setPayloadFormatIndicator(quint8 value);
    void setMessageExpiryInterval(quint32 value);
    void setContentType(const QString &value);
    void setResponseTopic(const QString &value);
    void setCorrelationData(const QByteArray &value);
    void addSubscriptionIdentifier(quint32 value);
    void setSessionExpiryInterval(quint32 value);
    void setAssignedClientIdentifier(const QString &value);
    void setServerKeepAlive(quint16 value);
    void setAuthenticationMethod(const QString &value);
    void setAuthenticationData(const QByteArray &value);
    void setRequestProblemInformation(quint8 value);
    void setWillDelayInterval(quint32 value);
    void setRequestResponseInformation(quint8 value);
    void setResponseInformation(const QString &value);
    void setServerReference(const QString &value);
    void setReasonString(const QString &value);
    void setReceiveMaximum(quint16 value);
    void setTopicAliasMaximum(quint16 value);
    void setTopicAlias(quint16 value);
    void setMaximumQoS(quint8 value);
    void setRetainAvailable(quint8 value);
    void addUserProperty(const QString &name, const QString &value);
    void setMaximumPacketSize(quint32 value);
    void setWildcardSubscriptionAvailable(quint8 value);
    void setSubscriptionIdentifierAvailable(quint8 value);
    void setSharedSubscriptionAvailable(quint8 value);

    bool operator==(const Properties &) const = default;

private:
    const Property *find(PropertyId id) const;
    void set(PropertyId id, PropertyValue value);

    QList<Property> m_items;
};

} // namespace mqttdesk
