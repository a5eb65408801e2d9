#include "core/suite/junit_report.h"

#include "core/suite/suite_text_report.h"

#include <QSaveFile>
#include <QXmlStreamWriter>

namespace mqttdesk {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
}

void writeCounts(QXmlStreamWriter &xml, int tests, int failures, int errors, int skipped, qint64 ms,
                 const QDateTime &started)
{
    xml.writeAttribute(QStringLiteral("tests"), QString::number(tests));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QString::number(errors));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
    xml.writeAttribute(QStringLiteral("time"), seconds(ms));
    if (started.isValid())
        xml.writeAttribute(QStringLiteral("timestamp"), timestamp(started));
}

void writeTest(QXmlStreamWriter &xml, const SuiteResult &suite, const SuiteTestResult &test)
{
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("name"), test.name);
    xml.writeAttribute(QStringLiteral("classname"), suite.name);
    xml.writeAttribute(QStringLiteral("time"), seconds(test.durationMs));
    if (!suite.fileName.isEmpty())
        xml.writeAttribute(QStringLiteral("file"), suite.fileName);
    if (test.status == SuiteStatus::Skipped) {
        xml.writeStartElement(QStringLiteral("skipped"));
        xml.writeAttribute(QStringLiteral("message"), test.reason);
        xml.writeEndElement();
    } else if (const SuiteStepResult *problem = test.firstProblem()) {
        xml.writeStartElement(problem->status == SuiteStatus::Error ? QStringLiteral("error")
                                                                    : QStringLiteral("failure"));
        xml.writeAttribute(QStringLiteral("message"), JUnitReport::tr("step %1, %2: %3")
                                                          .arg(problem->index + 1)
                                                          .arg(problem->summary, problem->reason));
        xml.writeAttribute(QStringLiteral("type"), SuiteStep::kindKey(problem->kind));
        xml.writeCharacters(SuiteTextReport::stepDetails(*problem).join(QLatin1Char('\n')));
        xml.writeEndElement();
    }
    if (test.status != SuiteStatus::Skipped)
        xml.writeTextElement(QStringLiteral("system-out"), SuiteTextReport::formatTest(test));
    xml.writeEndElement();
}

} // namespace

QByteArray JUnitReport::toXml(const QList<SuiteResult> &results)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), results.size() == 1
                                                   ? results.first().name
                                                   : QStringLiteral("mqttdesk test suites"));
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    qint64 ms = 0;
    for (const SuiteResult &r : results) {
        tests += int(r.tests.size());
        failures += r.count(SuiteStatus::Failed);
        errors += r.count(SuiteStatus::Error);
        skipped += r.count(SuiteStatus::Skipped);
        ms += r.durationMs;
    }
    writeCounts(xml, tests, failures, errors, skipped, ms,
                results.isEmpty() ? QDateTime() : results.first().startedAt);
    for (const SuiteResult &r : results) {
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), r.name);
        writeCounts(xml, int(r.tests.size()), r.count(SuiteStatus::Failed),
                    r.count(SuiteStatus::Error), r.count(SuiteStatus::Skipped), r.durationMs,
                    r.startedAt);
        for (const SuiteTestResult &test : r.tests)
            writeTest(xml, r, test);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

bool JUnitReport::write(const QList<SuiteResult> &results, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toXml(results)) < 0 || !file.commit()) {
        *error = tr("Cannot write the JUnit report %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mqttdesk
