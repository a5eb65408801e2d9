#include "core/suite/suite_text_report.h"

#include "core/suite/message_check.h"

namespace mqttdesk {

namespace {

const QLatin1String kStepIndent("    ");
const QLatin1String kDetailIndent("         ");

} // namespace

QString SuiteTextReport::mark(SuiteStatus status)
{
    switch (status) {
    case SuiteStatus::Passed:
        return QStringLiteral("\u2714");
    case SuiteStatus::Failed:
    case SuiteStatus::Error:
        return QStringLiteral("\u2718");
    case SuiteStatus::Skipped:
        return QStringLiteral("\u2013");
    }
    return {};
}

QString SuiteTextReport::duration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 2);
}

QString SuiteTextReport::messageLine(const ReceivedMessage &message)
{
    const PublishPacket &m = message.message;
    QStringList flags;
    if (m.qos != QoS::AtMostOnce)
        flags.append(tr("QoS %1").arg(int(m.qos)));
    if (m.retain)
        flags.append(tr("retained"));
    QString line = m.topic + QLatin1Char(' ') + MessageCheck::preview(m.payload);
    if (!flags.isEmpty())
        line += QStringLiteral(" (") + flags.join(QStringLiteral(", ")) + QLatin1Char(')');
    return line;
}

QStringList SuiteTextReport::stepDetails(const SuiteStepResult &step)
{
    QStringList lines;
    if (step.status == SuiteStatus::Passed) {
        if (step.kind == SuiteStepKind::Expect || step.kind == SuiteStepKind::ExpectWill) {
            for (const ReceivedMessage &m : step.messages)
                lines.append(tr("matched: %1").arg(messageLine(m)));
        }
        return lines;
    }
    if (step.status == SuiteStatus::Skipped)
        return lines;
    lines.append(step.status == SuiteStatus::Error ? tr("error: %1").arg(step.reason)
                                                   : step.reason);
    if (!step.expected.isEmpty())
        lines.append(tr("expected: %1").arg(step.expected));
    for (const ReceivedMessage &m : step.messages)
        lines.append(step.kind == SuiteStepKind::Publish ? tr("sent: %1").arg(messageLine(m))
                                                         : tr("matched: %1").arg(messageLine(m)));
    for (const SuiteSeenMessage &seen : step.received)
        lines.append(tr("received: %1: %2").arg(messageLine(seen.message), seen.mismatch));
    if (step.received.isEmpty() &&
        (step.kind == SuiteStepKind::Expect || step.kind == SuiteStepKind::ExpectWill))
        lines.append(tr("received: nothing"));
    return lines;
}

QString SuiteTextReport::formatTest(const SuiteTestResult &test)
{
    QString out;
    if (test.status == SuiteStatus::Skipped) {
        out += mark(test.status) + QLatin1Char(' ') + test.name + QStringLiteral(" (") +
               tr("skipped: %1").arg(test.reason) + QStringLiteral(")\n");
        return out;
    }
    out += mark(test.status) + QLatin1Char(' ') + test.name + QStringLiteral(" (") +
           duration(test.durationMs) + QStringLiteral(")\n");
    for (const SuiteStepResult &step : test.steps) {
        out += kStepIndent + mark(step.status) + QLatin1Char(' ') +
               QString::number(step.index + 1) + QStringLiteral(". ") + step.summary;
        out += step.status == SuiteStatus::Skipped
                   ? QStringLiteral(" (") + tr("skipped") + QStringLiteral(")\n")
                   : QStringLiteral(" (") + duration(step.durationMs) + QStringLiteral(")\n");
        const QStringList details = stepDetails(step);
        for (const QString &line : details)
            out += kDetailIndent + line + QLatin1Char('\n');
    }
    return out;
}

QString SuiteTextReport::summary(const QList<SuiteResult> &results)
{
    int tests = 0;
    int passed = 0;
    int failed = 0;
    int errors = 0;
    int skipped = 0;
    qint64 ms = 0;
    for (const SuiteResult &r : results) {
        tests += int(r.tests.size());
        passed += r.count(SuiteStatus::Passed);
        failed += r.count(SuiteStatus::Failed);
        errors += r.count(SuiteStatus::Error);
        skipped += r.count(SuiteStatus::Skipped);
        ms += r.durationMs;
    }
    return tr("Tests: %1, passed %2, failed %3, errors %4, skipped %5 (%6)")
        .arg(tests)
        .arg(passed)
        .arg(failed)
        .arg(errors)
        .arg(skipped)
        .arg(duration(ms));
}

QString SuiteTextReport::format(const SuiteResult &result)
{
    QString out = result.fileName.isEmpty() ? tr("Suite %1").arg(result.name)
                                            : tr("Suite %1 (%2)").arg(result.name, result.fileName);
    out += QLatin1Char('\n');
    for (const SuiteTestResult &test : result.tests)
        out += formatTest(test);
    out += summary({result}) + QLatin1Char('\n');
    return out;
}

} // namespace mqttdesk
