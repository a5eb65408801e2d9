#pragma once

#include <QList>
#include <QString>

namespace mqttdesk {

// One thing wrong (Error: the profile cannot be saved or used) or doubtful
// (Warning: it works but the user should know) in a profile. `field` uses the
// JSON paths of docs/profile-format.md, e.g. "transport.port", so a form can
// point at the widget.
struct ProfileProblem
{
    enum class Severity
    {
        Error,
        Warning,
    };

    Severity severity = Severity::Error;
    QString field;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    bool operator==(const ProfileProblem &) const = default;
};
using ProfileProblems = QList<ProfileProblem>;

} // namespace mqttdesk
