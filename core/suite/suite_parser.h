#pragma once

#include "core/suite/suite.h"
#include "core/suite/suite_parse_error.h"
#include "core/suite/suite_variables.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mqttdesk {

class SuiteFieldReader;

// Reads a suite file (docs/test-suites.md) into a Suite, checked whole: every field's type
// and range, unknown fields, ${variables}, topics and filters, JSON paths, regular
// expressions, {{template}} tags, and that every step uses a connection an earlier step of
// its test opened. The first problem is a SuiteParseError that names the test, the step
// and the field.
class SuiteParser
{
    Q_DECLARE_TR_FUNCTIONS(SuiteParser)

public:
    struct Options
    {
        // Win over the file's "variables" (mqttdesk-cli test --var name=value).
        QHash<QString, QString> variables;
        // ${env:NAME}; the process environment by default.
        SuiteVariables::Environment environment = SuiteVariables::systemEnvironment();
        // Where relative TLS file names are found; parseFile() uses the file's folder.
        QString baseDirectory;
        // The name errors and reports give the file (parseFile(): the path as given).
        QString fileName;
    };

    struct Result
    {
        std::optional<Suite> suite;
        std::optional<SuiteParseError> error;
        bool ok() const { return suite.has_value(); }
    };

    static Result parse(const QByteArray &json, const Options &options);
    static Result parseFile(const QString &path, Options options);
    static Result parseFile(const QString &path);

    static constexpr qint64 kDefaultTimeoutMs = 5000;
    static constexpr qint64 kMaxDurationMs = 3'600'000;

private:
    static std::optional<SuiteConnection> readConnection(const QString &name,
                                                         SuiteFieldReader &reader,
                                                         const QHash<QString, QString> &variables,
                                                         const Options &options);
    static std::optional<SuiteTest> readTest(const QJsonValue &value, int index, const Suite &suite,
                                             const SuiteVariables &variables,
                                             qint64 defaultTimeoutMs, const SuiteParseError &where,
                                             std::optional<SuiteParseError> *error);
};

} // namespace mqttdesk
