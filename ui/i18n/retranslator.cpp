#include "ui/i18n/retranslator.h"

#include <QEvent>

namespace mqttdesk {

void Retranslator::add(std::function<void()> apply)
{
    apply();
    m_texts.push_back(std::move(apply));
}

bool Retranslator::handle(const QEvent *event) const
{
    if (event->type() != QEvent::LanguageChange)
        return false;
    retranslate();
    return true;
}

void Retranslator::retranslate() const
{
    for (const auto &apply : m_texts)
        apply();
}

} // namespace mqttdesk
