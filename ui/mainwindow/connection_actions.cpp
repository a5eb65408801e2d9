#include "ui/mainwindow/connection_actions.h"

#include "ui/mainwindow/window_actions.h"
#include "ui/theme/palette_icon.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

namespace mqttdesk {

namespace {

// A window action with one shortcut and its icon (resources/icons/actions/<icon>.svg, in the
// palette's colours: readable on the light and the dark theme).
QAction *make(QWidget *window, const QKeySequence &shortcut, const QString &icon,
              const QString &objectName)
{
    return WindowActions::make(window, {shortcut}, objectName, PaletteIcon::fromName(icon));
}

} // namespace

ConnectionActions::ConnectionActions(QWidget *window)
    : QObject(window)
{
    newConnection = make(window, QKeySequence::New, QStringLiteral("new-connection"),
                         QStringLiteral("actionNew"));
    edit = make(window, QKeySequence(Qt::CTRL | Qt::Key_E), QStringLiteral("edit"),
                QStringLiteral("actionEdit"));
    duplicate = make(window, QKeySequence(Qt::CTRL | Qt::Key_D), QStringLiteral("duplicate"),
                     QStringLiteral("actionDuplicate"));
    remove = make(window, QKeySequence::Delete, QStringLiteral("delete"),
                  QStringLiteral("actionDelete"));
    rename = make(window, QKeySequence(Qt::Key_F2), QStringLiteral("rename"),
                  QStringLiteral("actionRename"));
    moveToFolder = make(window, QKeySequence(Qt::CTRL | Qt::Key_M),
                        QStringLiteral("move-to-folder"), QStringLiteral("actionMoveToFolder"));
    importProfiles = make(window, QKeySequence(Qt::CTRL | Qt::Key_I), QStringLiteral("import"),
                          QStringLiteral("actionImport"));
    exportProfiles = make(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                          QStringLiteral("export"), QStringLiteral("actionExport"));
    connectAction = make(window, QKeySequence(Qt::CTRL | Qt::Key_Return), QStringLiteral("connect"),
                         QStringLiteral("actionConnect"));
    disconnectAction = make(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                            QStringLiteral("disconnect"), QStringLiteral("actionDisconnect"));
    retranslate();
    update(0, false);
}

void ConnectionActions::retranslate()
{
    WindowActions::setText(newConnection, tr("&New connection…"), tr("New"));
    WindowActions::setText(edit, tr("&Edit…"));
    WindowActions::setText(duplicate, tr("D&uplicate"));
    WindowActions::setText(remove, tr("&Delete…"));
    WindowActions::setText(rename, tr("&Rename…"));
    WindowActions::setText(moveToFolder, tr("&Move to folder…"), tr("Move"));
    WindowActions::setText(importProfiles, tr("&Import connections…"), tr("Import"));
    WindowActions::setText(exportProfiles, tr("E&xport connections…"), tr("Export"));
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
