#pragma once

#include "core/session/connack_info.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace mqttdesk {

// One capability a 5.0 CONNACK announces (5.0 §3.2.2.3): whether the property was in the
// CONNACK, the value that applies (the default when absent) and, when absent, which
// default that is and where the specification says so.
struct ProbeAnnouncement
{
    Q_DECLARE_TR_FUNCTIONS(ProbeAnnouncement)

public:
    QString key;  // stable, for JSON: "maximum_qos"
    QString name; // translated: "Maximum QoS"
    bool present = false;
    QJsonValue value; // what applies: a number, a boolean, a string, or null for "no limit"
    QString valueText;
    QString note; // translated; for an absent property: the default and its citation

    // The announcements of `info`, the CONNACK of a connection that sent `clientIdSent`
    // (empty: the server was asked to assign one) and keep alive `keepAliveSent`.
    static QList<ProbeAnnouncement> fromConnack(const ConnackInfo &info,
                                                const QString &clientIdSent, quint16 keepAliveSent);
};

} // namespace mqttdesk
