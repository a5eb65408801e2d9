#pragma once

#include "core/protocol/packets.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

// One request sent with RequestClient and what became of it.
struct RequestRecord
{
    enum class Status : quint8
    {
        Subscribing, // waiting for the SUBACK of the response topic
        Waiting,     // published, no reply yet
        Replied,
        TimedOut,
        Failed, // `error` says why: the subscription or the publish was refused, ...
    };

    quint64 id = 0;
    qint64 sentAtMs = 0; // wall clock, ms since the epoch
    QString name;        // the template's
    PublishPacket request;
    QString responseTopic;
    QByteArray correlation;
    Status status = Status::Subscribing;
    std::optional<double> rttMs; // Replied: from the hand-off of the PUBLISH to the reply
    std::optional<PublishPacket> reply;
    QString error;

    bool isDone() const { return status != Status::Subscribing && status != Status::Waiting; }
};

} // namespace mqttdesk
