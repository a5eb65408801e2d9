#include "ui/mainwindow/window_actions.h"

#include <QAction>
#include <QRegularExpression>
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

QString WindowActions::plain(const QString &text)
{
    // "&Edit…" and "编辑(&E)…" alike: no mnemonic (in brackets, as CJK texts carry it), no
    // ellipsis.
    static const QRegularExpression bracketed(QStringLiteral("\\s*\\(&.\\)"));
    return QString(text)
        .remove(bracketed)
        .remove(QLatin1Char('&'))
        .remove(QStringLiteral("…"))
        .trimmed();
}

void WindowActions::setText(QAction *action, const QString &text, const QString &shortText)
{
    action->setText(text);
    // Under the toolbar's icons: a short word, so that icons with text fit 1280 pixels.
    action->setIconText(shortText.isEmpty() ? plain(text) : shortText);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(
        plain(text), action->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace mqttdesk
