#include "core/probe/probe_check.h"

#include "core/enum_name.h"

#include <string_view>

namespace mqttdesk {

namespace {

// Indexed by ProbeCheck, in the order of its declaration.
constexpr std::string_view kCheckKeys[] = {
    "connect_3_1",
    "connect_3_1_1",
    "connect_5_0",
    "qos0",
    "qos1",
    "qos2",
    "retain",
    "wildcard",
    "shared_subscription",
    "subscription_identifier",
    "topic_alias",
    "will",
    "session_resume",
    "max_payload",
    "latency",
};

constexpr std::string_view kOutcomeKeys[] = {
    "supported",
    "not_supported",
    "announced_but_broken",
    "skipped",
};

} // namespace

ProbeOutcome ProbeCheckResult::judge(std::optional<bool> announced, bool worked)
{
    if (!announced)
        return worked ? ProbeOutcome::Supported : ProbeOutcome::NotSupported;
    if (*announced)
        return worked ? ProbeOutcome::Supported : ProbeOutcome::AnnouncedButBroken;
    return worked ? ProbeOutcome::AnnouncedButBroken : ProbeOutcome::NotSupported;
}

QList<ProbeCheck> ProbeCheckResult::allChecks()
{
    QList<ProbeCheck> out;
    for (int i = int(ProbeCheck::ConnectV31); i <= int(ProbeCheck::Latency); ++i)
        out.append(ProbeCheck(i));
    return out;
}

QString ProbeCheckResult::key(ProbeCheck check)
{
    return enumName<ProbeCheck::ConnectV31, ProbeCheck::Latency>(kCheckKeys, check);
}

QString ProbeCheckResult::outcomeKey(ProbeOutcome outcome)
{
    return enumName<ProbeOutcome::Supported, ProbeOutcome::Skipped>(kOutcomeKeys, outcome);
}

QString ProbeCheckResult::title(ProbeCheck check)
{
    switch (check) {
    case ProbeCheck::ConnectV31:
        return tr("Connect with MQTT 3.1");
    case ProbeCheck::ConnectV311:
        return tr("Connect with MQTT 3.1.1");
    case ProbeCheck::ConnectV5:
        return tr("Connect with MQTT 5.0");
    case ProbeCheck::Qos0:
        return tr("QoS 0 round trip");
    case ProbeCheck::Qos1:
        return tr("QoS 1 round trip");
    case ProbeCheck::Qos2:
        return tr("QoS 2 round trip");
    case ProbeCheck::Retain:
        return tr("Retained message");
    case ProbeCheck::Wildcard:
        return tr("Wildcard subscription");
    case ProbeCheck::SharedSubscription:
        return tr("Shared subscription");
    case ProbeCheck::SubscriptionIdentifier:
        return tr("Subscription identifier");
    case ProbeCheck::TopicAlias:
        return tr("Topic alias");
    case ProbeCheck::Will:
        return tr("Will message");
    case ProbeCheck::SessionResume:
        return tr("Session resume");
    case ProbeCheck::MaxPayload:
        return tr("Maximum payload");
    case ProbeCheck::Latency:
        return tr("Round-trip latency");
    }
    return {};
}

QString ProbeCheckResult::outcomeText(ProbeOutcome outcome)
{
    switch (outcome) {
    case ProbeOutcome::Supported:
        return tr("Supported");
    case ProbeOutcome::NotSupported:
        return tr("Not supported");
    case ProbeOutcome::AnnouncedButBroken:
        return tr("Announced but broken");
    case ProbeOutcome::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString ProbeCheckResult::reasonText() const
{
    return reasonCode ? reasonCodeText(*reasonCode, reasonPacket) : QString();
}

} // namespace mqttdesk
