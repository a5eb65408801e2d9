#include "ui/mainwindow/connection_actions.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QStyle>
#include <QWidget>

namespace mqttdesk {

namespace {

QAction *make(QWidget *window, const QKeySequence &shortcut, QStyle::StandardPixmap icon,
              const QString &objectName)
{
    auto *action = new QAction(window->style()->standardIcon(icon), QString(), window);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // Shortcuts work wherever the focus is in the window, not only in the sidebar.
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}

void setText(QAction *action, const QString &text)
{
    action->setText(text);
    // The toolbar shows only icons: the tooltip names the action and its shortcut.
    action->setToolTip(QStringLiteral("%1 (%2)").arg(
        QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
        action->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace

ConnectionActions::ConnectionActions(QWidget *window)
    : QObject(window)
{
    newConnection = make(window, QKeySequence::New, QStyle::SP_FileDialogNewFolder,
                         QStringLiteral("actionNew"));
    edit = make(window, QKeySequence(Qt::CTRL | Qt::Key_E), QStyle::SP_FileDialogDetailedView,
                QStringLiteral("actionEdit"));
    duplicate = make(window, QKeySequence(Qt::CTRL | Qt::Key_D), QStyle::SP_FileDialogListView,
                     QStringLiteral("actionDuplicate"));
    remove =
        make(window, QKeySequence::Delete, QStyle::SP_TrashIcon, QStringLiteral("actionDelete"));
    rename =
        make(window, QKeySequence(Qt::Key_F2), QStyle::SP_FileIcon, QStringLiteral("actionRename"));
    moveToFolder = make(window, QKeySequence(Qt::CTRL | Qt::Key_M), QStyle::SP_DirIcon,
                        QStringLiteral("actionMoveToFolder"));
    importProfiles = make(window, QKeySequence(Qt::CTRL | Qt::Key_I), QStyle::SP_DialogOpenButton,
                          QStringLiteral("actionImport"));
    exportProfiles = make(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                          QStyle::SP_DialogSaveButton, QStringLiteral("actionExport"));
    connectAction = make(window, QKeySequence(Qt::CTRL | Qt::Key_Return), QStyle::SP_MediaPlay,
                         QStringLiteral("actionConnect"));
    disconnectAction = make(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                            QStyle::SP_MediaStop, QStringLiteral("actionDisconnect"));
    retranslate();
    update(0, false);
}

void ConnectionActions::retranslate()
{
    setText(newConnection, tr("&New connection…"));
    setText(edit, tr("&Edit…"));
    setText(duplicate, tr("D&uplicate"));
    setText(remove, tr("&Delete…"));
    setText(rename, tr("&Rename…"));
    setText(moveToFolder, tr("&Move to folder…"));
    setText(importProfiles, tr("&Import connections…"));
    setText(exportProfiles, tr("E&xport connections…"));
    setText(connectAction, tr("&Connect"));
    setText(disconnectAction, tr("D&isconnect"));
}

void ConnectionActions::update(qint64 profileId, bool open, bool folderSelected)
{
    const bool any = profileId != 0;
    for (QAction *a : {edit, duplicate, remove, moveToFolder})
        a->setEnabled(any);
    rename->setEnabled(any || folderSelected);
    connectAction->setEnabled(any && !open);
    disconnectAction->setEnabled(any && open);
}

QMenu *ConnectionActions::contextMenu(QWidget *parent) const
{
    auto *menu = new QMenu(parent);
    menu->addAction(connectAction);
    menu->addAction(disconnectAction);
    menu->addSeparator();
    menu->addAction(newConnection);
    menu->addAction(edit);
    menu->addAction(duplicate);
    menu->addAction(rename);
    menu->addAction(moveToFolder);
    menu->addSeparator();
    menu->addAction(remove);
    menu->addSeparator();
    menu->addAction(importProfiles);
    menu->addAction(exportProfiles);
    return menu;
}

} // namespace mqttdesk
