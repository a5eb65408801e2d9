#pragma once

#include "core/protocol/qos.h"
#include "core/protocol/reason_code.h"
#include "core/publish/compiled_template.h"
#include "core/suite/message_check.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace mqttdesk {

enum class SuiteStepKind : quint8
{
    Connect,    // open a named connection
    Subscribe,  // SUBSCRIBE to a filter
    Publish,    // PUBLISH a message (a template: {{uuid}}, {{now}}, ...)
    Expect,     // messages on a filter that pass the checks, within a timeout
    ExpectNone, // no message on a filter (that passes the checks) for a while
    ExpectWill, // a second client with a will is dropped; its will must arrive
    Wait,       // let time pass
    Disconnect, // DISCONNECT a named connection
};

// One step of a test, as the parser made it: variables are expanded, templates compiled,
// filters and paths checked. Which fields a kind uses is said beside each.
struct SuiteStep
{
    Q_DECLARE_TR_FUNCTIONS(SuiteStep)

public:
    SuiteStepKind kind = SuiteStepKind::Wait;
    QString label; // "name" in the file: shown in reports instead of the summary
    // Every kind but wait: the suite connection it acts on (expect_will: the one that
    // receives the will).
    QString connection;
    // subscribe, expect, expect_none, expect_will.
    QString filter;
    // subscribe; expect_will: the QoS of the subscription it makes to `filter` (2 unless the
    // file says: the will then arrives at its own QoS).
    QoS qos = QoS::AtMostOnce;
    // publish: the message; expect_will: the will (topic, payload, QoS, retain, properties).
    CompiledTemplate message;
    // expect, expect_none, expect_will: every one must pass (none: any message does).
    QList<MessageCheck> checks;
    // expect: how many messages must pass.
    int count = 1;
    // expect, expect_will: the timeout; expect_none: how long nothing may come; wait: how long.
    qint64 durationMs = 0;
    // expect_will: the suite connection whose settings the will client connects with, and
    // the will's Will Delay Interval (5.0), when the file gives one.
    QString willConnection;
    std::optional<quint32> willDelaySeconds;
    // disconnect: the DISCONNECT reason (5.0; 0x04 asks the server to publish the will).
    ReasonCode reason = ReasonCode::NormalDisconnection;

    // For reports: the label, or what the step does, e.g. "expect sensors/+/temp on main".
    QString summary() const;

    // "connect", "expect_none", ... (the file's "type"; not translated).
    static QString kindKey(SuiteStepKind kind);
    static std::optional<SuiteStepKind> kindFromKey(QStringView key);
    // Every key, for an error that lists them.
    static QString kindKeys();
};

} // namespace mqttdesk
