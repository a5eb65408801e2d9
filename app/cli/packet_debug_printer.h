#pragma once

#include "core/packettrace/packet_trace.h"

#include <QList>
#include <QObject>
#include <QString>

namespace mqttdesk {

class Connection;

// mqttdesk-cli pub|sub -d: one line per MQTT packet on standard error, worded as
// mosquitto_pub -d and mosquitto_sub -d word them ("Client x sending PUBLISH (d0, q1, r0,
// m1, 'a/b', ... (5 bytes))", "Client x received PUBACK (Mid: 1, RC:0)"), and an answer
// followed by its round-trip time from the core PacketTrace ("rtt 0.41 ms", measured on the
// connection's thread from writing the request to reading the answer).
class PacketDebugPrinter : public QObject
{
    Q_OBJECT
public:
    // Turns packet tracing on for `connection` (which must outlive the printer).
    explicit PacketDebugPrinter(Connection *connection, QObject *parent = nullptr);

    // The line of one packet (without the line feed); `clientId` as the packet's client.
    static QString line(const PacketTraceRecord &record, const QString &clientId);

private:
    void onTraced(const QList<PacketTraceEntry> &entries);

    // Only the batch being printed is kept; the links live longer than the ring.
    PacketTrace m_trace{1024};
    QString m_clientId;
};

} // namespace mqttdesk
