#include "app/cli/cli_properties.h"

#include <QCoreApplication>

namespace mqttdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

struct NamedProperty
{
    const char *name;
    PropertyId id;
};

// mosquitto's spelling of the property names.
constexpr NamedProperty kNames[] = {
    {"payload-format-indicator", PropertyId::PayloadFormatIndicator},
    {"message-expiry-interval", PropertyId::MessageExpiryInterval},
    {"content-type", PropertyId::ContentType},
    {"response-topic", PropertyId::ResponseTopic},
    {"correlation-data", PropertyId::CorrelationData},
    {"subscription-identifier", PropertyId::SubscriptionIdentifier},
    {"session-expiry-interval", PropertyId::SessionExpiryInterval},
    {"authentication-method", PropertyId::AuthenticationMethod},
    {"authentication-data", PropertyId::AuthenticationData},
    {"request-problem-information", PropertyId::RequestProblemInformation},
    {"will-delay-interval", PropertyId::WillDelayInterval},
    {"request-response-information", PropertyId::RequestResponseInformation},
    {"reason-string", PropertyId::ReasonString},
    {"receive-maximum", PropertyId::ReceiveMaximum},
    {"topic-alias-maximum", PropertyId::TopicAliasMaximum},
    {"topic-alias", PropertyId::TopicAlias},
    {"user-property", PropertyId::UserProperty},
    {"maximum-packet-size", PropertyId::MaximumPacketSize},
};

std::optional<PropertyId> idFor(const QString &name)
{
    for (const NamedProperty &p : kNames) {
        if (name == QLatin1String(p.name))
            return p.id;
    }
    return std::nullopt;
}

quint32 maximumFor(PropertyType type)
{
    switch (type) {
    case PropertyType::Byte:
        return 0xFF;
    case PropertyType::TwoByteInteger:
        return 0xFFFF;
    case PropertyType::VariableByteInteger:
        return 268435455;
    default:
        return 0xFFFFFFFF;
    }
}

} // namespace

std::optional<CliProperties> CliProperties::build(const QList<CliProperty> &list, CliError *error)
{
    CliProperties out;
    for (const CliProperty &p : list) {
        Properties *target = nullptr;
        PropertyContext context = PropertyContext::Connect;
        const QString command = p.command.toLower();
        if (command == QLatin1String("connect")) {
            target = &out.connect;
        } else if (command == QLatin1String("publish")) {
            target = &out.publish;
            context = PropertyContext::Publish;
        } else if (command == QLatin1String("subscribe")) {
            target = &out.subscribe;
            context = PropertyContext::Subscribe;
        } else if (command == QLatin1String("unsubscribe")) {
            target = &out.unsubscribe;
            context = PropertyContext::Unsubscribe;
        } else if (command == QLatin1String("disconnect")) {
            target = &out.disconnect;
            context = PropertyContext::Disconnect;
        } else if (command == QLatin1String("will")) {
            target = &out.will;
            context = PropertyContext::Will;
        } else {
            *error = {CliError::Kind::InvalidProperty,
                      tr("-D: unknown command '%1' (use connect, publish, subscribe, "
                         "unsubscribe, disconnect or will).")
                          .arg(p.command)};
            return std::nullopt;
        }
        const std::optional<PropertyId> id = idFor(p.name);
        if (!id) {
            *error = {CliError::Kind::InvalidProperty,
                      tr("-D: unknown property '%1'.").arg(p.name)};
            return std::nullopt;
        }
        if (!isPropertyAllowed(*id, context)) {
            *error = {CliError::Kind::InvalidProperty,
                      tr("-D: %1 is not allowed in %2.").arg(p.name, command)};
            return std::nullopt;
        }
        if (!isPropertyRepeatable(*id, context) && target->contains(*id)) {
            *error = {CliError::Kind::InvalidProperty,
                      tr("-D: %1 given twice for %2.").arg(p.name, command)};
            return std::nullopt;
        }
        switch (propertyType(*id)) {
        case PropertyType::Utf8StringPair:
            target->addUserProperty(p.value, p.value2);
            break;
        case PropertyType::Utf8String:
            target->setString(*id, p.value);
            break;
        case PropertyType::BinaryData:
            target->setBinary(*id, p.value.toUtf8());
            break;
        default: {
            bool ok = false;
            const qulonglong v = p.value.toULongLong(&ok);
            const quint32 max = maximumFor(propertyType(*id));
            if (!ok || v > max) {
                *error = {CliError::Kind::InvalidProperty,
                          tr("-D: %1 needs a number from 0 to %2, not '%3'.")
                              .arg(p.name)
                              .arg(max)
                              .arg(p.value)};
                return std::nullopt;
            }
            if (*id == PropertyId::SubscriptionIdentifier)
                target->addSubscriptionIdentifier(quint32(v));
            else
                target->setInteger(*id, quint32(v));
        }
        }
    }
    return out;
}

} // namespace mqttdesk
