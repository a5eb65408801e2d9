#include "ui/mainwindow/connection_actions.h"

#include "ui/mainwindow/window_actions.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QStyle>
#include <QWidget>

namespace mqttdesk {

namespace {

// A window action with one shortcut and the style's icon.
QAction *make(QWidget *window, const QKeySequence &shortcut, QStyle::StandardPixmap icon,
              const QString &objectName)
{
    return WindowActions::make(window, {shortcut}, objectName, window->style()->standardIcon(icon));
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
    WindowActions::setText(newConnection, tr("&New connection…"));
    WindowActions::setText(edit, tr("&Edit…"));
    WindowActions::setText(duplicate, tr("D&uplicate"));
    WindowActions::setText(remove, tr("&Delete…"));
    WindowActions::setText(rename, tr("&Rename…"));
    WindowActions::setText(moveToFolder, tr("&Move to folder…"));
    WindowActions::setText(importProfiles, tr("&Import connections…"));
    WindowActions::setText(exportProfiles, tr("E&xport connections…"));
    WindowActions::setText(connectAction, tr("&Connect"));
    WindowActions::setText(disconnectAction, tr("D&isconnect"));
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
