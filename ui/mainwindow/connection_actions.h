#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace mqttdesk {

// The window's connection actions with their shortcuts, icons and accessible texts. The
// same QAction objects appear in the menus, the toolbar and the sidebar's context menu.
class ConnectionActions : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionActions(QWidget *window);

    // Enables what applies to the selection (0 = nothing or a folder selected; a folder can
    // be renamed).
    void update(qint64 profileId, bool open, bool folderSelected = false);
    // Texts and tooltips in the current language.
    void retranslate();
    // The sidebar's context menu.
    QMenu *contextMenu(QWidget *parent) const;

    QAction *newConnection;
    QAction *edit;
    QAction *duplicate;
    QAction *remove;
    QAction *rename;
    QAction *moveToFolder;
    QAction *importProfiles;
    QAction *exportProfiles;
    QAction *connectAction;
    QAction *disconnectAction;
};

} // namespace mqttdesk
