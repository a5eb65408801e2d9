#pragma once

#include "core/suite/suite_result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mqttdesk {

// The readable report of a run, as mqttdesk-cli test prints it: per test, per step, ✔ or ✘
// with the reason, and for a failed expect what it wanted and what came instead.
//
//   Suite smoke (docs/examples/smoke.suite.json)
//   ✘ temperature (512 ms)
//       ✔ 1. connect main (14 ms)
//       ✘ 3. expect sensors/+/temp on main (500 ms)
//            No message on sensors/+/temp passed the checks within 500 ms.
//            expected: on sensors/+/temp: $.temp > 20
//            received: sensors/a/temp "{"temp":12}": $.temp is 12, not > 20
//       – 4. disconnect main (skipped)
//   Tests: 1, passed 0, failed 1, errors 0, skipped 0 (0.51 s)
class SuiteTextReport
{
    Q_DECLARE_TR_FUNCTIONS(SuiteTextReport)

public:
    // The suite's header, its tests and its summary line.
    static QString format(const SuiteResult &result);
    // One test: its line, then one per step with the details of a problem (a skipped test
    // is its line with the reason).
    static QString formatTest(const SuiteTestResult &test);
    // The lines under a step that did not pass (reason, expected, received) or that matched.
    static QStringList stepDetails(const SuiteStepResult &step);
    // "Tests: 3, passed 2, failed 1, errors 0, skipped 0 (1.52 s)" over every result.
    static QString summary(const QList<SuiteResult> &results);

    // ✔ passed, ✘ failed or error, – skipped.
    static QString mark(SuiteStatus status);
    // "12 ms" below a second, "1.52 s" above.
    static QString duration(qint64 ms);
    // `topic "payload"`, with " (QoS 1, retained)" when they apply.
    static QString messageLine(const ReceivedMessage &message);
};

} // namespace mqttdesk
