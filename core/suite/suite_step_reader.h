#pragma once

#include "core/suite/suite.h"
#include "core/suite/suite_parse_error.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace mqttdesk {

class SuiteFieldReader;
class SuiteVariables;

// Reads one step of a test (docs/test-suites.md, "Steps") for SuiteParser: the fields of
// its type and no others, its connection checked against the ones the test has open at
// that point, its message compiled as a publish template, its checks made.
class SuiteStepReader
{
    Q_DECLARE_TR_FUNCTIONS(SuiteStepReader)

public:
    // What the earlier steps of the same test left.
    struct Context
    {
        const Suite *suite = nullptr;
        qint64 defaultTimeoutMs = 0;
        QStringList open; // connections opened and not disconnected, oldest first
    };

    static std::optional<SuiteStep> read(const QJsonValue &value, int index, Context &context,
                                         const SuiteVariables &variables,
                                         const SuiteParseError &where,
                                         std::optional<SuiteParseError> *error);

    // A message (publish's; expect_will's and a connection's will): topic, payload, format,
    // qos, retain, properties, expand; a template compiled with the suite's variables. A will
    // may also have "will_delay" among its properties.
    static std::optional<CompiledTemplate> readMessage(SuiteFieldReader &r,
                                                       const QHash<QString, QString> &variables,
                                                       bool isWill,
                                                       std::optional<quint32> *willDelay);

private:
    static void readConnection(SuiteFieldReader &r, SuiteStep &step, Context &context);
    static void readFilter(SuiteFieldReader &r, SuiteStep &step, bool required);
    static void readProperties(SuiteFieldReader &r, TemplateProperties &properties, bool isWill,
                               std::optional<quint32> *willDelay);
    static void readChecks(SuiteFieldReader &r, SuiteStep &step);
    static void readJsonChecks(SuiteFieldReader &r, SuiteStep &step);
    static QList<StringPair> readUserProperties(SuiteFieldReader &r, const QString &key);
};

} // namespace mqttdesk
