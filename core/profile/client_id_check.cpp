#include "core/profile/client_id_check.h"

#include <QRandomGenerator>

namespace mqttdesk {

bool ClientIdCheck::sameBroker(const ConnectionProfile &a, const ConnectionProfile &b)
{
    return a.port == b.port && a.host.trimmed().compare(b.host.trimmed(), Qt::CaseInsensitive) == 0;
}

QList<ConnectionProfile> ClientIdCheck::clashes(const ConnectionProfile &profile,
                                                const QList<ConnectionProfile> &others)
{
    QList<ConnectionProfile> found;
    if (!isFixed(profile))
        return found;
    for (const ConnectionProfile &other : others) {
        if (other.id != profile.id && other.clientId == profile.clientId &&
            sameBroker(profile, other))
            found << other;
    }
    return found;
}

QString ClientIdCheck::generate()
{
    return QStringLiteral("mqttdesk-%1")
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

} // namespace mqttdesk
