#include "ui/mainwindow/connection_actions.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QStyle>
#include <QWidget>

namespace mqttdesk {

namespace {

QAction *make(QWidget *window, const QString &text, const QKeySequence &shortcut,
              QStyle::StandardPixmap icon, const QString &objectName)
{
    auto *action = new QAction(window->style()->standardIcon(icon), text, window);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            QString(text).remove(QLatin1Char('&')), shortcut.toString(QKeySequence::NativeText)));
    }
    // Shortcuts work wherever the focus is in the window, not only in the sidebar.
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}

} // namespace

ConnectionActions::ConnectionActions(QWidget *window)
    : QObject(window)
{
    newConnection = make(window, tr("&New connection…"), QKeySequence::New,
                         QStyle::SP_FileDialogNewFolder, QStringLiteral("actionNew"));
    edit = make(window, tr("&Edit…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                QStyle::SP_FileDialogDetailedView, QStringLiteral("actionEdit"));
    duplicate = make(window, tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                     QStyle::SP_FileDialogListView, QStringLiteral("actionDuplicate"));
    remove = make(window, tr("&Delete…"), QKeySequence::Delete, QStyle::SP_TrashIcon,
                  QStringLiteral("actionDelete"));
    rename = make(window, tr("&Rename…"), QKeySequence(Qt::Key_F2), QStyle::SP_FileIcon,
                  QStringLiteral("actionRename"));
    moveToFolder = make(window, tr("&Move to folder…"), QKeySequence(Qt::CTRL | Qt::Key_M),
                        QStyle::SP_DirIcon, QStringLiteral("actionMoveToFolder"));
    importProfiles = make(window, tr("&Import connections…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                          QStyle::SP_DialogOpenButton, QStringLiteral("actionImport"));
    exportProfiles =
        make(window, tr("E&xport connections…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
             QStyle::SP_DialogSaveButton, QStringLiteral("actionExport"));
    connectAction = make(window, tr("&Connect"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                         QStyle::SP_MediaPlay, QStringLiteral("actionConnect"));
    disconnectAction =
        make(window, tr("D&isconnect"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
             QStyle::SP_MediaStop, QStringLiteral("actionDisconnect"));
    update(0, false);
}

void ConnectionActions::update(qint64 profileId, bool open)
{
    const bool any = profileId != 0;
    for (QAction *a : {edit, duplicate, remove, rename, moveToFolder})
        a->setEnabled(any);
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
