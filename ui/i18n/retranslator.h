#pragma once

#include <functional>
#include <vector>

class QEvent;

namespace mqttdesk {

// The retranslateUi pattern without a .ui file: a widget registers each of its visible
// texts as a small function that sets it with tr(), runs it once, and runs them all again
// when the language changes (QEvent::LanguageChange), so a switch in the settings shows at
// once. The functions capture widgets their owner outlives.
class Retranslator
{
public:
    // Sets the text now and again on every language change.
    void add(std::function<void()> apply);
    // Runs every registered function; returns true when `event` was a LanguageChange.
    bool handle(const QEvent *event) const;
    void retranslate() const;

private:
    std::vector<std::function<void()>> m_texts;
};

} // namespace mqttdesk
