#pragma once

#include "core/profile/connection_profile.h"
#include "core/profile/profile_problem.h"

namespace mqttdesk {

// Checks a profile before it is saved or used: errors first, in form order
// (General, TLS, Advanced, Last will), then warnings.
class ProfileValidator
{
public:
    static ProfileProblems validate(const ConnectionProfile &profile);
    static bool hasErrors(const ProfileProblems &problems);
    // The problem, if any, with a port typed as text ("", "abc", "70000").
    static std::optional<ProfileProblem> checkPortText(const QString &field, const QString &text);
};

} // namespace mqttdesk
