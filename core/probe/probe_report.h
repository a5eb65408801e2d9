#pragma once

#include "core/probe/latency_summary.h"
#include "core/probe/probe_announcement.h"
#include "core/probe/probe_check.h"
#include "core/protocol/protocol_version.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// What a broker capability test found: a line per check (ProbeCheck order), the 5.0
// CONNACK's announcements, the largest payload that passed and the round-trip times.
// Written out as Markdown (for a ticket), JSON (for scripts: keys in docs, stable) or an
// aligned plain-text table (the terminal).
struct ProbeReport
{
    Q_DECLARE_TR_FUNCTIONS(ProbeReport)

public:
    QString broker;      // "mqtt://host:port"
    QString topicPrefix; // every probe topic is under it ("mqttdesk/probe/<random>")
    QDateTime started;   // UTC
    QDateTime finished;  // UTC
    // The version the feature checks ran with (the newest one accepted); none when no
    // version was accepted.
    std::optional<ProtocolVersion> version;
    bool cancelled = false;
    // Retained probe messages the clean-up could not remove (normally none).
    QStringList retainedNotCleared;
    QList<ProbeCheckResult> checks;
    QList<ProbeAnnouncement> announcements; // empty when 5.0 was not accepted

    qint64 maxPayloadLimit = 0;       // the search's upper bound
    std::optional<qint64> maxPayload; // the largest payload that passed
    std::optional<quint32> announcedMaximumPacketSize;
    std::optional<LatencySummary> latency; // PINGREQ round trips

    // At least one protocol version was accepted.
    bool connected() const;
    // Every version was refused with a CONNACK code (bad credentials, not authorised...):
    // the first such code; nothing when some version was accepted or none got a CONNACK.
    std::optional<ReasonCode> refusal() const;
    const ProbeCheckResult *result(ProbeCheck check) const;
    // Sets (or replaces) the line of result.check.
    void setResult(const ProbeCheckResult &result);

    QJsonObject toJsonObject() const;
    QByteArray toJson() const; // indented, UTF-8
    QString toMarkdown() const;
    QString toText() const; // aligned columns, for a terminal

    // "0.42 ms"
    static QString millisecondsText(qint64 us);
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::ProbeReport)
