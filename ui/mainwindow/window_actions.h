#pragma once

#include <QIcon>
#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;
class QWidget;

namespace mqttdesk {

// How the main window's actions are made, for ConnectionActions and KeyboardActions alike:
// a window-wide shortcut, an object name for tests, and a tooltip that names the shortcut.
class WindowActions
{
public:
    // An action of `window` whose shortcuts work wherever the focus is in the window.
    static QAction *make(QWidget *window, const QList<QKeySequence> &shortcuts,
                         const QString &objectName, const QIcon &icon = {});
    // The text, a tooltip naming the action and its (first) shortcut, and the short text the
    // toolbar shows beside the icon (default: the text without mnemonic and ellipsis).
    static void setText(QAction *action, const QString &text, const QString &shortText = {});
    // A menu text without its mnemonic and ellipsis: "编辑(&E)…" -> "编辑".
    static QString plain(const QString &text);
};

} // namespace mqttdesk
