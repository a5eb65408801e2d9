#pragma once

#include "core/connection/broker_address.h"
#include "core/connection/broker_address_list.h"
#include "core/session/session_options.h"
#include "core/transport/transport_options.h"

#include <QList>
#include <QString>

namespace mqttdesk {

// Everything a Connection needs: the MQTT session options, how to reach the server, and
// how received messages are batched for the receivers (GUI, CLI, storage).
// ProfileSettingsMapper builds one from a saved ConnectionProfile.
struct ConnectionSettings
{
    SessionOptions session;
    TransportOptions transport;

    // More addresses of the broker (a cluster's other nodes, a standby), tried when the
    // main one (transport.host, port, kind) cannot be reached; the rest of `transport`
    // applies to each. See BrokerFailover.
    QList<BrokerAddress> fallbacks;
    BrokerAddressList::Order fallbackOrder = BrokerAddressList::Order::InOrder;
    // transport.host names a domain: the broker's addresses are its DNS SRV records
    // (_mqtt._tcp.<domain>, or _secure-mqtt._tcp.<domain> over TLS), as paho's connect_srv.
    bool srvLookup = false;

    // A name for log lines (e.g. the profile name); never a secret.
    QString name;

    // Received messages are handed out in batches: when a batch holds this many
    // messages or this many payload bytes, or at the latest this long after its first
    // message, so a flood costs the receiver one queued call per batch instead of one per
    // message. The byte bound keeps a flood of large payloads from gathering a thousand of
    // them (64 MiB of 64 KiB payloads) before the receiver sees the first.
    int batchMaxMessages = 1024;
    qint64 batchMaxBytes = 4 * 1024 * 1024;
    int batchIntervalMs = 16;
};

} // namespace mqttdesk
