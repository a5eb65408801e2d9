#include "core/suite/suite_step.h"

#include <QStringList>

namespace mqttdesk {

namespace {

struct KindKey
{
    SuiteStepKind kind;
    const char *key;
};

constexpr KindKey kKinds[] = {
    {SuiteStepKind::Connect, "connect"},
    {SuiteStepKind::Subscribe, "subscribe"},
    {SuiteStepKind::Publish, "publish"},
    {SuiteStepKind::Expect, "expect"},
    {SuiteStepKind::ExpectNone, "expect_none"},
    {SuiteStepKind::ExpectWill, "expect_will"},
    {SuiteStepKind::Wait, "wait"},
    {SuiteStepKind::Disconnect, "disconnect"},
};

} // namespace

QString SuiteStep::summary() const
{
    if (!label.isEmpty())
        return label;
    switch (kind) {
    case SuiteStepKind::Connect:
        return tr("connect %1").arg(connection);
    case SuiteStepKind::Subscribe:
        return tr("subscribe %1 on %2").arg(filter, connection);
    case SuiteStepKind::Publish:
        return tr("publish %1 on %2").arg(message.source().topic, connection);
    case SuiteStepKind::Expect:
        return count == 1 ? tr("expect %1 on %2").arg(filter, connection)
                          : tr("expect %1 messages on %2 on %3").arg(count).arg(filter, connection);
    case SuiteStepKind::ExpectNone:
        return tr("expect nothing on %1 on %2 for %3 ms").arg(filter, connection).arg(durationMs);
    case SuiteStepKind::ExpectWill:
        return tr("expect the will on %1 on %2 (a dropped %3 client)")
            .arg(filter, connection, willConnection);
    case SuiteStepKind::Wait:
        return tr("wait %1 ms").arg(durationMs);
    case SuiteStepKind::Disconnect:
        return tr("disconnect %1").arg(connection);
    }
    return {};
}

QString SuiteStep::kindKey(SuiteStepKind kind)
{
    for (const KindKey &k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.key);
    }
    return {};
}

std::optional<SuiteStepKind> SuiteStep::kindFromKey(QStringView key)
{
    for (const KindKey &k : kKinds) {
        if (key == QLatin1String(k.key))
            return k.kind;
    }
    return std::nullopt;
}

QString SuiteStep::kindKeys()
{
    QStringList keys;
    for (const KindKey &k : kKinds)
        keys.append(QLatin1String(k.key));
    return keys.join(QStringLiteral(", "));
}

} // namespace mqttdesk
