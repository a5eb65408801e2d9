#include "ui/mainwindow/window_actions.h"

#include <QAction>
#include <QWidget>

namespace mqttdesk {

QAction *WindowActions::make(QWidget *window, const QList<QKeySequence> &shortcuts,
                             const QString &objectName, const QIcon &icon)
{
    auto *action = new QAction(icon, QString(), window);
    action->setObjectName(objectName);
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}

void WindowActions::setText(QAction *action, const QString &text)
{
    action->setText(text);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(
        QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
        action->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace mqttdesk
