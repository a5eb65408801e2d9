#pragma once

#include "core/connection/connection_settings.h"
#include "core/protocol/packets.h"

#include <QByteArray>
#include <QString>

namespace mqttdesk {

// The client connections of a broker capability test, made from the settings the user
// gave (host, transport, TLS, credentials, keep alive): each with a client id of its own,
// a clean start, none of the user's will, session expiry or reconnect, and every received
// message handed over at once.
class ProbeClients
{
public:
    // `idBase`: at most 16 characters, so that a tagged id fits MQTT 3.1's 23.
    ProbeClients(ConnectionSettings base, QString idBase);

    const ConnectionSettings &base() const { return m_base; }
    // "<idBase>-<tag>".
    QString clientId(const QString &tag) const;
    // A connection with `version` and client id `clientId` (empty: the server assigns one).
    ConnectionSettings settings(ProtocolVersion version, const QString &clientId) const;

    static PublishPacket message(const QString &topic, const QByteArray &payload, QoS qos,
                                 bool retain = false);

private:
    ConnectionSettings m_base;
    QString m_idBase;
};

} // namespace mqttdesk
