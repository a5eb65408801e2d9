#include "ui/widgets/shortcut_claim.h"

#include <QApplication>
#include <QKeyEvent>

namespace mqttdesk {

ShortcutClaim::ShortcutClaim(QWidget *area, QList<QKeySequence> keys, std::function<void()> action)
    : QObject(area)
    , m_area(area)
    , m_keys(std::move(keys))
    , m_action(std::move(action))
{
    // Key events go to the focus widget, which may be any descendant (and be made later):
    // the application's filter sees them all. It only looks at key events.
    qApp->installEventFilter(this);
}

ShortcutClaim::~ShortcutClaim()
{
    qApp->removeEventFilter(this);
}

bool ShortcutClaim::matches(const QEvent *event) const
{
    const auto *key = static_cast<const QKeyEvent *>(event);
    const QKeySequence pressed(key->keyCombination());
    if (!m_keys.contains(pressed))
        return false;
    QWidget *focus = QApplication::focusWidget();
    return m_area && focus && (focus == m_area || m_area->isAncestorOf(focus)) &&
           m_area->isEnabled() && m_area->isVisible();
}

bool ShortcutClaim::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((type != QEvent::ShortcutOverride && type != QEvent::KeyPress) || !watched->isWidgetType())
        return false;
    if (watched != QApplication::focusWidget() || !matches(event))
        return false;
    if (type == QEvent::ShortcutOverride) {
        event->accept(); // no shortcut takes it: the key press comes to us
        return true;
    }
    m_action();
    return true;
}

} // namespace mqttdesk
