#pragma once

#include "core/connection/connection_settings.h"
#include "core/suite/suite_step.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace mqttdesk {

// A named connection of a suite: given inline (host, port, protocol, ...) or as a profile
// saved by the app, which the runner's profile resolver turns into settings.
struct SuiteConnection
{
    QString name;
    // Non-empty: the saved connection of this name ("folder/name" too); `settings` is then
    // unused but for the client id, which the suite may set.
    QString profile;
    // Inline: everything the file says, with the defaults of docs/test-suites.md.
    ConnectionSettings settings;
    // The will it connects with ("will" in the file; a profile's own will otherwise), made
    // anew at each connect ({{uuid}} and the like), and its Will Delay Interval (5.0).
    std::optional<CompiledTemplate> will;
    std::optional<quint32> willDelaySeconds;

    bool isProfile() const { return !profile.isEmpty(); }
};

struct SuiteTest
{
    QString name;
    bool skip = false;  // "skip": true or a reason; reported as skipped, not run
    QString skipReason; // the file's reason, if it gave one
    QList<SuiteStep> steps;
};

// A test suite file (docs/test-suites.md) as the parser made it: variables expanded, every
// field checked. A value type: the runner takes a copy, so the caller may change
// connections (the CLI's -h and -p) before handing it over.
struct Suite
{
    static constexpr int kFormatVersion = 1;

    QString name;
    QString description;
    QString fileName; // the file it was read from, if any
    // The variables in force (the file's, overridden by the caller's), for {{name}} in
    // publish templates too.
    QHash<QString, QString> variables;
    QList<SuiteConnection> connections;
    QList<SuiteTest> tests;

    const SuiteConnection *connection(const QString &name) const;
    SuiteConnection *connection(const QString &name);
};

} // namespace mqttdesk
