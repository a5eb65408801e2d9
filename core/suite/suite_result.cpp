#include "core/suite/suite_result.h"

#include "core/enum_name.h"

#include <string_view>

namespace mqttdesk {

namespace {

constexpr std::string_view kStatusNames[] = {"Passed", "Failed", "Error", "Skipped"};

} // namespace

QString suiteStatusText(SuiteStatus status)
{
    switch (status) {
    case SuiteStatus::Passed:
        return QCoreApplication::translate("mqttdesk::SuiteResult", "passed");
    case SuiteStatus::Failed:
        return QCoreApplication::translate("mqttdesk::SuiteResult", "failed");
    case SuiteStatus::Error:
        return QCoreApplication::translate("mqttdesk::SuiteResult", "error");
    case SuiteStatus::Skipped:
        return QCoreApplication::translate("mqttdesk::SuiteResult", "skipped");
    }
    return {};
}

QString suiteStatusName(SuiteStatus status)
{
    return enumName<SuiteStatus::Passed, SuiteStatus::Skipped>(kStatusNames, status);
}

const SuiteStepResult *SuiteTestResult::firstProblem() const
{
    for (const SuiteStepResult &step : steps) {
        if (step.status == SuiteStatus::Failed || step.status == SuiteStatus::Error)
            return &step;
    }
    return nullptr;
}

int SuiteResult::count(SuiteStatus status) const
{
    int n = 0;
    for (const SuiteTestResult &test : tests)
        n += test.status == status ? 1 : 0;
    return n;
}

} // namespace mqttdesk
