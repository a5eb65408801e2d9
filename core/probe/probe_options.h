#pragma once

#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// How a broker capability test runs (BrokerProbe).
struct ProbeOptions
{
    // The payload search's upper bound in bytes. 1 MiB keeps the test quick; a broker's
    // announced Maximum Packet Size lowers it.
    qint64 maxPayloadBytes = 1024 * 1024;
    // PINGREQ round trips for the latency line (0: skipped).
    int pings = 100;
    // How long one request (SUBACK, PUBACK, a message coming back, a PINGRESP) may take.
    int stepTimeoutMs = 5000;
    // QoS 1 messages published while the persistent session is away.
    int queuedMessages = 3;
    // Every probe topic is under it; empty: "mqttdesk/probe/<8 random hex digits>".
    QString topicPrefix;
};

} // namespace mqttdesk
