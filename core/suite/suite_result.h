#pragma once

#include "core/connection/received_message.h"
#include "core/suite/suite_step.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

namespace mqttdesk {

// How a step (or a test) ended. Failed: an expectation was not met (expect, expect_none,
// expect_will). Error: the step could not do its work (the broker refused the connection, a
// subscription or a publish; the connection was lost; a profile was not found). Skipped:
// not run, because an earlier step of the test did not pass, the test is marked "skip", or
// the run was stopped. CI reports count failures and errors apart, as JUnit does.
enum class SuiteStatus : quint8
{
    Passed,
    Failed,
    Error,
    Skipped,
};

// "passed", "failed", "error", "skipped" (translated).
QString suiteStatusText(SuiteStatus status);
// "Passed", ... (not translated; logs and tests).
QString suiteStatusName(SuiteStatus status);

// A message a failed step saw on its filter that did not pass its checks, and why not.
struct SuiteSeenMessage
{
    ReceivedMessage message;
    QString mismatch; // translated, e.g. "$.temp is 12, not > 20"; "another topic" for context
};

struct SuiteStepResult
{
    int test = 0;  // index of the test in the suite
    int index = 0; // index of the step in its test
    SuiteStepKind kind = SuiteStepKind::Wait;
    QString summary; // SuiteStep::summary(): "expect sensors/+/temp on main"
    SuiteStatus status = SuiteStatus::Skipped;
    qint64 durationMs = 0;
    // Failed, Error, Skipped: why (translated, one sentence or two).
    QString reason;
    // Failed: what the step wanted ("$.temp > 20; qos == 1").
    QString expected;
    // expect, expect_will: the messages that passed; publish: the message sent.
    QList<ReceivedMessage> messages;
    // Failed expect, expect_will: the last messages on the filter that did not pass (or,
    // when none came, the last ones on other topics of that connection); failed
    // expect_none: what came.
    QList<SuiteSeenMessage> received;
};

struct SuiteTestResult
{
    int index = 0;
    QString name;
    // The status of its first step that did not pass (Passed when all did); Skipped for a
    // test marked "skip" or one the run did not reach.
    SuiteStatus status = SuiteStatus::Skipped;
    qint64 durationMs = 0;
    QString reason; // Skipped: why; otherwise the first problem's reason
    QList<SuiteStepResult> steps;

    // The first step that failed or had an error; null when none did.
    const SuiteStepResult *firstProblem() const;
};

struct SuiteResult
{
    QString name;
    QString fileName;    // the suite file, when read from one
    QDateTime startedAt; // UTC
    qint64 durationMs = 0;
    QList<SuiteTestResult> tests;

    int count(SuiteStatus status) const;
    // Every test passed or was skipped.
    bool passed() const
    {
        return count(SuiteStatus::Failed) == 0 && count(SuiteStatus::Error) == 0;
    }
};

} // namespace mqttdesk

Q_DECLARE_METATYPE(mqttdesk::SuiteStepResult)
Q_DECLARE_METATYPE(mqttdesk::SuiteTestResult)
Q_DECLARE_METATYPE(mqttdesk::SuiteResult)
