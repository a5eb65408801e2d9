#include "core/probe/probe_announcement.h"

#include <optional>

namespace mqttdesk {

namespace {

QString yesNo(bool value)
{
    return value ? ProbeAnnouncement::tr("yes") : ProbeAnnouncement::tr("no");
}

ProbeAnnouncement flag(const QString &key, const QString &name, std::optional<quint8> sent,
                       const QString &absentNote)
{
    ProbeAnnouncement a;
    a.key = key;
    a.name = name;
    a.present = sent.has_value();
    const bool value = sent.value_or(1) != 0;
    a.value = value;
    a.valueText = yesNo(value);
    if (!a.present)
        a.note = absentNote;
    return a;
}

} // namespace

QList<ProbeAnnouncement> ProbeAnnouncement::fromConnack(const ConnackInfo &info,
                                                        const QString &clientIdSent,
                                                        quint16 keepAliveSent)
{
    // What was received, not ConnackInfo's fields: those already hold the defaults.
    const Properties &p = info.properties;
    QList<ProbeAnnouncement> out;

    ProbeAnnouncement qos;
    qos.key = QStringLiteral("maximum_qos");
    qos.name = tr("Maximum QoS");
    qos.present = p.maximumQoS().has_value();
    qos.value = int(info.maximumQoS);
    qos.valueText = QString::number(int(info.maximumQoS));
    if (!qos.present)
        qos.note = tr("absent: the client uses a Maximum QoS of 2 (5.0 §3.2.2.3.4; a server "
                      "without QoS 1 or 2 must announce it [MQTT-3.2.2-9])");
    out.append(qos);

    out.append(flag(QStringLiteral("retain_available"), tr("Retain Available"), p.retainAvailable(),
                    tr("absent: retained messages are supported (5.0 §3.2.2.3.5)")));

    ProbeAnnouncement size;
    size.key = QStringLiteral("maximum_packet_size");
    size.name = tr("Maximum Packet Size");
    size.present = info.maximumPacketSize.has_value();
    if (size.present) {
        size.value = qint64(*info.maximumPacketSize);
        size.valueText = tr("%1 bytes").arg(*info.maximumPacketSize);
    } else {
        size.value = QJsonValue(QJsonValue::Null);
        size.valueText = tr("no limit");
        size.note = tr("absent: no limit beyond the protocol's own, that of the Remaining "
                       "Length encoding (5.0 §3.2.2.3.6)");
    }
    out.append(size);

    ProbeAnnouncement alias;
    alias.key = QStringLiteral("topic_alias_maximum");
    alias.name = tr("Topic Alias Maximum");
    alias.present = p.topicAliasMaximum().has_value();
    alias.value = int(info.topicAliasMaximum);
    alias.valueText = QString::number(info.topicAliasMaximum);
    if (!alias.present)
        alias.note = tr("absent: 0, the client must not send Topic Aliases [MQTT-3.2.2-18] "
                        "(5.0 §3.2.2.3.8)");
    out.append(alias);

    out.append(flag(QStringLiteral("wildcard_subscription_available"),
                    tr("Wildcard Subscription Available"), p.wildcardSubscriptionAvailable(),
                    tr("absent: wildcard subscriptions are supported (5.0 §3.2.2.3.11)")));
    out.append(flag(QStringLiteral("subscription_identifier_available"),
                    tr("Subscription Identifier Available"), p.subscriptionIdentifierAvailable(),
                    tr("absent: subscription identifiers are supported (5.0 §3.2.2.3.12)")));
    out.append(flag(QStringLiteral("shared_subscription_available"),
                    tr("Shared Subscription Available"), p.sharedSubscriptionAvailable(),
                    tr("absent: shared subscriptions are supported (5.0 §3.2.2.3.13)")));

    ProbeAnnouncement receive;
    receive.key = QStringLiteral("receive_maximum");
    receive.name = tr("Receive Maximum");
    receive.present = p.receiveMaximum().has_value();
    receive.value = int(info.receiveMaximum);
    receive.valueText = QString::number(info.receiveMaximum);
    if (!receive.present)
        receive.note = tr("absent: 65,535 (5.0 §3.2.2.3.3)");
    out.append(receive);

    ProbeAnnouncement keepAlive;
    keepAlive.key = QStringLiteral("server_keep_alive");
    keepAlive.name = tr("Server Keep Alive");
    keepAlive.present = info.serverKeepAlive.has_value();
    const quint16 seconds = info.serverKeepAlive.value_or(keepAliveSent);
    keepAlive.value = int(seconds);
    keepAlive.valueText = tr("%1 s").arg(seconds);
    keepAlive.note = keepAlive.present
                         ? tr("the client must use it instead of its own [MQTT-3.2.2-21]")
                         : tr("absent: the server uses the client's keep alive [MQTT-3.2.2-22] "
                              "(5.0 §3.2.2.3.14)");
    out.append(keepAlive);

    ProbeAnnouncement assigned;
    assigned.key = QStringLiteral("assigned_client_identifier");
    assigned.name = tr("Assigned Client Identifier");
    assigned.present = info.assignedClientIdentifier.has_value();
    if (assigned.present) {
        assigned.value = *info.assignedClientIdentifier;
        assigned.valueText = *info.assignedClientIdentifier;
        assigned.note = tr("assigned for the empty client id the probe sent [MQTT-3.2.2-16]");
    } else {
        assigned.value = QJsonValue(QJsonValue::Null);
        assigned.valueText = tr("none");
        assigned.note = clientIdSent.isEmpty()
                            ? tr("absent although the client id sent was empty: a server must "
                                 "assign one then [MQTT-3.2.2-16] (5.0 §3.2.2.3.7)")
                            : tr("absent: the client id sent (\"%1\") is used; only an empty "
                                 "one gets an assigned identifier [MQTT-3.2.2-16] "
                                 "(5.0 §3.2.2.3.7)")
                                  .arg(clientIdSent);
    }
    out.append(assigned);
    return out;
}

} // namespace mqttdesk
