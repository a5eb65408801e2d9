#include "core/protocol/properties.h"

namespace mqttdesk {

namespace {

constexpr quint32 ctx(PropertyContext c)
{
    return 1u << static_cast<quint8>(c);
}

constexpr quint32 Connect = ctx(PropertyContext::Connect);
constexpr quint32 Connack = ctx(PropertyContext::Connack);
constexpr quint32 Publish = ctx(PropertyContext::Publish);
constexpr quint32 Will = ctx(PropertyContext::Will);
constexpr quint32 Acks = ctx(PropertyContext::Puback) | ctx(PropertyContext::Pubrec) |
                         ctx(PropertyContext::Pubrel) | ctx(PropertyContext::Pubcomp);
constexpr quint32 Subscribe = ctx(PropertyContext::Subscribe);
constexpr quint32 Suback = ctx(PropertyContext::Suback);
constexpr quint32 Unsubscribe = ctx(PropertyContext::Unsubscribe);
constexpr quint32 Unsuback = ctx(PropertyContext::Unsuback);
constexpr quint32 Disconnect = ctx(PropertyContext::Disconnect);
constexpr quint32 Auth = ctx(PropertyContext::Auth);

struct PropertyInfo
{
    PropertyId id;
    PropertyType type;
    quint32 contexts; // where it may appear (5.0 §2.2.2.2)
    const char *name;
};

constexpr PropertyInfo kTable[] = {
    {PropertyId::PayloadFormatIndicator, PropertyType::Byte, Publish | Will,
     "Payload Format Indicator"},
    {PropertyId::MessageExpiryInterval, PropertyType::FourByteInteger, Publish | Will,
     "Message Expiry Interval"},
    {PropertyId::ContentType, PropertyType::Utf8String, Publish | Will, "Content Type"},
    {PropertyId::ResponseTopic, PropertyType::Utf8String, Publish | Will, "Response Topic"},
    {PropertyId::CorrelationData, PropertyType::BinaryData, Publish | Will, "Correlation Data"},
    {PropertyId::SubscriptionIdentifier, PropertyType::VariableByteInteger, Publish | Subscribe,
     "Subscription Identifier"},
    {PropertyId::SessionExpiryInterval, PropertyType::FourByteInteger,
     Connect | Connack | Disconnect, "Session Expiry Interval"},
    {PropertyId::AssignedClientIdentifier, PropertyType::Utf8String, Connack,
     "Assigned Client Identifier"},
    {PropertyId::ServerKeepAlive, PropertyType::TwoByteInteger, Connack, "Server Keep Alive"},
    {PropertyId::AuthenticationMethod, PropertyType::Utf8String, Connect | Connack | Auth,
     "Authentication Method"},
    {PropertyId::AuthenticationData, PropertyType::BinaryData, Connect | Connack | Auth,
     "Authentication Data"},
    {PropertyId::RequestProblemInformation, PropertyType::Byte, Connect,
     "Request Problem Information"},
    {PropertyId::WillDelayInterval, PropertyType::FourByteInteger, Will, "Will Delay Interval"},
    {PropertyId::RequestResponseInformation, PropertyType::Byte, Connect,
     "Request Response Information"},
    {PropertyId::ResponseInformation, PropertyType::Utf8String, Connack, "Response Information"},
    {PropertyId::ServerReference, PropertyType::Utf8String, Connack | Disconnect,
     "Server Reference"},
    {PropertyId::ReasonString, PropertyType::Utf8String,
     Connack | Acks | Suback | Unsuback | Disconnect | Auth, "Reason String"},
    {PropertyId::ReceiveMaximum, PropertyType::TwoByteInteger, Connect | Connack,
     "Receive Maximum"},
    {PropertyId::TopicAliasMaximum, PropertyType::TwoByteInteger, Connect | Connack,
     "Topic Alias Maximum"},
    {PropertyId::TopicAlias, PropertyType::TwoByteInteger, Publish, "Topic Alias"},
    {PropertyId::MaximumQoS, PropertyType::Byte, Connack, "Maximum QoS"},
    {PropertyId::RetainAvailable, PropertyType::Byte, Connack, "Retain Available"},
    {PropertyId::UserProperty, PropertyType::Utf8StringPair,
     Connect | Connack | Publish | Will | Acks | Subscribe | Suback | Unsubscribe | Unsuback |
         Disconnect | Auth,
     "User Property"},
    {PropertyId::MaximumPacketSize, PropertyType::FourByteInteger, Connect | Connack,
     "Maximum Packet Size"},
    {PropertyId::WildcardSubscriptionAvailable, PropertyType::Byte, Connack,
     "Wildcard Subscription Available"},
    {PropertyId::SubscriptionIdentifierAvailable, PropertyType::Byte, Connack,
     "Subscription Identifier Available"},
    {PropertyId::SharedSubscriptionAvailable, PropertyType::Byte, Connack,
     "Shared Subscription Available"},
};

const PropertyInfo *lookup(quint32 id)
{
    for (const PropertyInfo &i : kTable) {
        if (static_cast<quint32>(i.id) == id)
            return &i;
    }
    return nullptr;
}

} // namespace

PropertyContext propertyContextFor(PacketType type)
{
    switch (type) {
    case PacketType::Connect:
        return PropertyContext::Connect;
    case PacketType::Connack:
        return PropertyContext::Connack;
    case PacketType::Publish:
        return PropertyContext::Publish;
    case PacketType::Puback:
        return PropertyContext::Puback;
    case PacketType::Pubrec:
        return PropertyContext::Pubrec;
    case PacketType::Pubrel:
        return PropertyContext::Pubrel;
    case PacketType::Pubcomp:
        return PropertyContext::Pubcomp;
    case PacketType::Subscribe:
        return PropertyContext::Subscribe;
    case PacketType::Suback:
        return PropertyContext::Suback;
    case PacketType::Unsubscribe:
        return PropertyContext::Unsubscribe;
    case PacketType::Unsuback:
        return PropertyContext::Unsuback;
    case PacketType::Pingreq:
        return PropertyContext::Pingreq;
    case PacketType::Pingresp:
        return PropertyContext::Pingresp;
    case PacketType::Disconnect:
        return PropertyContext::Disconnect;
    case PacketType::Auth:
        return PropertyContext::Auth;
    }
    return PropertyContext::Pingreq;
}

bool isKnownPropertyId(quint32 id)
{
    return lookup(id) != nullptr;
}

PropertyType propertyType(PropertyId id)
{
    const PropertyInfo *i = lookup(static_cast<quint32>(id));
    return i ? i->type : PropertyType::Byte;
}

QString propertyValueText(const PropertyValue &value)
{
    if (const auto *n = std::get_if<quint32>(&value))
        return QString::number(*n);
    if (const auto *s = std::get_if<QString>(&value))
        return *s;
    if (const auto *b = std::get_if<QByteArray>(&value))
        return QString::fromLatin1(b->left(64).toHex(' ')) +
               (b->size() > 64 ? QStringLiteral("…") : QString());
    const auto &pair = std::get<StringPair>(value);
    return pair.name + QStringLiteral(" = ") + pair.value;
}

QString propertyName(PropertyId id)
{
    const PropertyInfo *i = lookup(static_cast<quint32>(id));
    return i ? QLatin1String(i->name)
             : QStringLiteral("0x%1").arg(quint32(id), 2, 16, QLatin1Char('0'));
}

bool isPropertyAllowed(PropertyId id, PropertyContext context)
{
    const PropertyInfo *i = lookup(static_cast<quint32>(id));
    return i && (i->contexts & ctx(context));
}

bool isPropertyRepeatable(PropertyId id, PropertyContext context)
{
    // Several Subscription Identifiers reach a PUBLISH when it matches several
    // subscriptions (5.0 §3.3.2.3.8); in SUBSCRIBE it is a Protocol Error (§3.8.2.1.2).
    if (id == PropertyId::UserProperty)
        return true;
    return id == PropertyId::SubscriptionIdentifier && context == PropertyContext::Publish;
}

bool Properties::contains(PropertyId id) const
{
    return find(id) != nullptr;
}

void Properties::remove(PropertyId id)
{
    m_items.removeIf([id](const Property &p) { return p.id == id; });
}

const Property *Properties::find(PropertyId id) const
{
    for (const Property &p : m_items) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

void Properties::set(PropertyId id, PropertyValue value)
{
    for (Property &p : m_items) {
        if (p.id == id) {
            p.value = std::move(value);
            return;
        }
    }
    m_items.append(Property{id, std::move(value)});
}

std::optional<quint32> Properties::integer(PropertyId id) const
{
    const Property *p = find(id);
    if (p && std::holds_alternative<quint32>(p->value))
        return std::get<quint32>(p->value);
    return std::nullopt;
}

std::optional<QString> Properties::string(PropertyId id) const
{
    const Property *p = find(id);
    if (p && std::holds_alternative<QString>(p->value))
        return std::get<QString>(p->value);
    return std::nullopt;
}

std::optional<QByteArray> Properties::binary(PropertyId id) const
{
    const Property *p = find(id);
    if (p && std::holds_alternative<QByteArray>(p->value))
        return std::get<QByteArray>(p->value);
    return std::nullopt;
}

void Properties::setInteger(PropertyId id, quint32 value)
{
    set(id, value);
}

void Properties::setString(PropertyId id, const QString &value)
{
    set(id, value);
}

void Properties::setBinary(PropertyId id, const QByteArray &value)
{
    set(id, value);
}

namespace {

template<typename T>
std::optional<T> narrow(std::optional<quint32> v)
{
    if (!v)
        return std::nullopt;
    return static_cast<T>(*v);
}

} // namespace

// clang-format off
std::optional<quint8> Properties::payloadFormatIndicator() const { return narrow<quint8>(integer(PropertyId::PayloadFormatIndicator)); }
std::optional<quint32> Properties::messageExpiryInterval() const { return integer(PropertyId::MessageExpiryInterval); }
std::optional<QString> Properties::contentType() const { return string(PropertyId::ContentType); }
std::optional<QString> Properties::responseTopic() const { return string(PropertyId::ResponseTopic); }
std::optional<QByteArray> Properties::correlationData() const { return binary(PropertyId::CorrelationData); }
std::optional<quint32> Properties::sessionExpiryInterval() const { return integer(PropertyId::SessionExpiryInterval); }
std::optional<QString> Properties::assignedClientIdentifier() const { return string(PropertyId::AssignedClientIdentifier); }
std::optional<quint16> Properties::serverKeepAlive() const { return narrow<quint16>(integer(PropertyId::ServerKeepAlive)); }
std::optional<QString> Properties::authenticationMethod() const { return string(PropertyId::AuthenticationMethod); }
std::optional<QByteArray> Properties::authenticationData() const { return binary(PropertyId::AuthenticationData); }
std::optional<quint8> Properties::requestProblemInformation() const { return narrow<quint8>(integer(PropertyId::RequestProblemInformation)); }
std::optional<quint32> Properties::willDelayInterval() const { return integer(PropertyId::WillDelayInterval); }
std::optional<quint8> Properties::requestResponseInformation() const { return narrow<quint8>(integer(PropertyId::RequestResponseInformation)); }
std::optional<QString> Properties::responseInformation() const { return string(PropertyId::ResponseInformation); }
std::optional<QString> Properties::serverReference() const { return string(PropertyId::ServerReference); }
std::optional<QString> Properties::reasonString() const { return string(PropertyId::ReasonString); }
std::optional<quint16> Properties::receiveMaximum() const { return narrow<quint16>(integer(PropertyId::ReceiveMaximum)); }
std::optional<quint16> Properties::topicAliasMaximum() const { return narrow<quint16>(integer(PropertyId::TopicAliasMaximum)); }
std::optional<quint16> Properties::topicAlias() const { return narrow<quint16>(integer(PropertyId::TopicAlias)); }
std::optional<quint8> Properties::maximumQoS() const { return narrow<quint8>(integer(PropertyId::MaximumQoS)); }
std::optional<quint8> Properties::retainAvailable() const { return narrow<quint8>(integer(PropertyId::RetainAvailable)); }
std::optional<quint32> Properties::maximumPacketSize() const { return integer(PropertyId::MaximumPacketSize); }
std::optional<quint8> Properties::wildcardSubscriptionAvailable() const { return narrow<quint8>(integer(PropertyId::WildcardSubscriptionAvailable)); }
std::optional<quint8> Properties::subscriptionIdentifierAvailable() const { return narrow<quint8>(integer(PropertyId::SubscriptionIdentifierAvailable)); }
std::optional<quint8> Properties::sharedSubscriptionAvailable() const { return narrow<quint8>(integer(PropertyId::SharedSubscriptionAvailable)); }

void Properties::setPayloadFormatIndicator(quint8 value) { set(PropertyId::PayloadFormatIndicator, quint32(value)); }
void Properties::setMessageExpiryInterval(quint32 value) { set(PropertyId::MessageExpiryInterval, value); }
void Properties::setContentType(const QString &value) { set(PropertyId::ContentType, value); }
void Properties::setResponseTopic(const QString &value) { set(PropertyId::ResponseTopic, value); }
void Properties::setCorrelationData(const QByteArray &value) { set(PropertyId::CorrelationData, value); }
void Properties::setSessionExpiryInterval(quint32 value) { set(PropertyId::SessionExpiryInterval, value); }
void Properties::setAssignedClientIdentifier(const QString &value) { set(PropertyId::AssignedClientIdentifier, value); }
void Properties::setServerKeepAlive(quint16 value) { set(PropertyId::ServerKeepAlive, quint32(value)); }
void Properties::setAuthenticationMethod(const QString &value) { set(PropertyId::AuthenticationMethod, value); }
void Properties::setAuthenticationData(const QByteArray &value) { set(PropertyId::AuthenticationData, value); }
void Properties::setRequestProblemInformation(quint8 value) { set(PropertyId::RequestProblemInformation, quint32(value)); }
void Properties::setWillDelayInterval(quint32 value) { set(PropertyId::WillDelayInterval, value); }
void Properties::setRequestResponseInformation(quint8 value) { set(PropertyId::RequestResponseInformation, quint32(value)); }
void Properties::setResponseInformation(const QString &value) { set(PropertyId::ResponseInformation, value); }
void Properties::setServerReference(const QString &value) { set(PropertyId::ServerReference, value); }
void Properties::setReasonString(const QString &value) { set(PropertyId::ReasonString, value); }
void Properties::setReceiveMaximum(quint16 value) { set(PropertyId::ReceiveMaximum, quint32(value)); }
void Properties::setTopicAliasMaximum(quint16 value) { set(PropertyId::TopicAliasMaximum, quint32(value)); }
void Properties::setTopicAlias(quint16 value) { set(PropertyId::TopicAlias, quint32(value)); }
void Properties::setMaximumQoS(quint8 value) { set(PropertyId::MaximumQoS, quint32(value)); }
void Properties::setRetainAvailable(quint8 value) { set(PropertyId::RetainAvailable, quint32(value)); }
void Properties::setMaximumPacketSize(quint32 value) { set(PropertyId::MaximumPacketSize, value); }
void Properties::setWildcardSubscriptionAvailable(quint8 value) { set(PropertyId::WildcardSubscriptionAvailable, quint32(value)); }
void Properties::setSubscriptionIdentifierAvailable(quint8 value) { set(PropertyId::SubscriptionIdentifierAvailable, quint32(value)); }
void Properties::setSharedSubscriptionAvailable(quint8 value) { set(PropertyId::SharedSubscriptionAvailable, quint32(value)); }
// clang-format on

QList<quint32> Properties::subscriptionIdentifiers() const
{
    QList<quint32> out;
    for (const Property &p : m_items) {
        if (p.id == PropertyId::SubscriptionIdentifier && std::holds_alternative<quint32>(p.value))
            out.append(std::get<quint32>(p.value));
    }
    return out;
}

QList<StringPair> Properties::userProperties() const
{
    QList<StringPair> out;
    for (const Property &p : m_items) {
        if (p.id == PropertyId::UserProperty && std::holds_alternative<StringPair>(p.value))
            out.append(std::get<StringPair>(p.value));
    }
    return out;
}

void Properties::addSubscriptionIdentifier(quint32 value)
{
    m_items.append(Property{PropertyId::SubscriptionIdentifier, value});
}

void Properties::addUserProperty(const QString &name, const QString &value)
{
    m_items.append(Property{PropertyId::UserProperty, StringPair{name, value}});
}

} // namespace mqttdesk
