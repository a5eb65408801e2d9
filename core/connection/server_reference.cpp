#include "core/connection/server_reference.h"

#include <QRegularExpression>

#include <optional>

namespace mqttdesk {

namespace {

std::optional<quint16> portOf(QStringView text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return std::nullopt;
    return quint16(port);
}

} // namespace

QList<BrokerAddress> ServerReference::parse(const QString &reference, const BrokerAddress &from)
{
    static const QRegularExpression kSpaces(QStringLiteral("\\s+"));
    QList<BrokerAddress> result;
    for (const QString &entry : reference.split(kSpaces, Qt::SkipEmptyParts)) {
        BrokerAddress address;
        address.kind = from.kind;
        address.port = from.port;
        address.source = BrokerAddress::Source::ServerReference;
        if (entry.startsWith(QLatin1Char('['))) {
            // "[v6]" or "[v6]:port"
            const qsizetype close = entry.indexOf(QLatin1Char(']'));
            if (close < 0)
                continue;
            address.host = entry.mid(1, close - 1);
            const QStringView rest = QStringView(entry).mid(close + 1);
            if (!rest.isEmpty()) {
                const auto port =
                    rest.startsWith(QLatin1Char(':')) ? portOf(rest.mid(1)) : std::nullopt;
                if (!port)
                    continue;
                address.port = *port;
            }
        } else if (entry.count(QLatin1Char(':')) == 1) {
            const qsizetype colon = entry.indexOf(QLatin1Char(':'));
            address.host = entry.left(colon);
            const auto port = portOf(QStringView(entry).mid(colon + 1));
            if (!port)
                continue;
            address.port = *port;
        } else {
            // A name, or a bare IPv6 literal (several colons and no brackets: no port).
            address.host = entry;
        }
        if (address.host.isEmpty() || address.port == 0)
            continue;
        result.append(address);
    }
    return result;
}

} // namespace mqttdesk
