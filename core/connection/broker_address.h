#pragma once

#include "core/transport/transport_options.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// One place a connection may reach its broker: host, port and transport, and where the
// address came from (the profile's main address, its fallback list, a DNS SRV answer or a
// server's MQTT 5 Server Reference). Every other transport option (TLS files, WebSocket
// path, proxy) is the connection's own and applies to each address alike.
struct BrokerAddress
{
    enum class Source : quint8
    {
        Main,
        Fallback,
        Srv,
        ServerReference,
    };

    QString host;
    quint16 port = 0;
    TransportOptions::Kind kind = TransportOptions::Kind::Tcp;
    Source source = Source::Main;

    // "host:port", an IPv6 literal in brackets ("[::1]:1883"), as log lines and the
    // connection header show it.
    QString hostPort() const;
    // "main", "fallback", "DNS SRV", "server reference": not translated (the log's own
    // sentences are).
    static QString sourceName(Source source);

    // Equal places: the same host, port and transport, wherever they came from.
    bool samePlace(const BrokerAddress &other) const
    {
        return host.compare(other.host, Qt::CaseInsensitive) == 0 && port == other.port &&
               kind == other.kind;
    }
    bool operator==(const BrokerAddress &) const = default;
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::BrokerAddress)
