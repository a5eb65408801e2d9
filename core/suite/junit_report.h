#pragma once

#include "core/suite/suite_result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mqttdesk {

// A run as JUnit XML, the shape Jenkins, GitLab and most CI systems read:
//
//   <testsuites name=".." tests="3" failures="1" errors="0" skipped="0" time="1.520"
//               timestamp="2026-12-06T21:32:00">
//     <testsuite name="smoke" tests="3" failures="1" errors="0" skipped="0" time="1.520"
//                timestamp="2026-12-06T21:32:00">
//       <testcase name="publish and receive" classname="smoke" time="0.215" file="..."/>
//       <testcase name="temperature" classname="smoke" time="0.512" file="...">
//         <failure message="step 3, expect sensors/+/temp on main: ..." type="expect">
//           expected / received lines</failure>
//         <system-out>the test as the text report shows it</system-out>
//       </testcase>
//       <testcase name="later" ...><skipped message="..."/></testcase>
//
// One <testsuite> per suite; a test whose first problem is an error (the broker refused,
// the connection broke) has <error> instead of <failure>. Times are seconds; timestamps are
// UTC without a zone, as the JUnit schema has them.
class JUnitReport
{
    Q_DECLARE_TR_FUNCTIONS(JUnitReport)

public:
    static QByteArray toXml(const QList<SuiteResult> &results);
    // Writes the file whole or not at all; false with `error` set (translated).
    static bool write(const QList<SuiteResult> &results, const QString &path, QString *error);
};

} // namespace mqttdesk
