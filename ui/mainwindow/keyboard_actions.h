#pragma once

#include <QList>
#include <QMetaObject>
#include <QObject>

class QAction;
class QWidget;

namespace mqttdesk {

class ConnectionListModel;
class ConnectionSidebar;
class ConnectionView;
class ConnectionWorkspace;

// The window's keyboard actions beside the connection actions: focus moves inside the shown
// connection (publish topic, stream search), jump to the newest message, compact mode, the
// next and previous connection of the sidebar, and Help > Keyboard shortcuts. Window-wide
// shortcuts (Qt::WindowShortcut), with the shortcut named in each tooltip; what needs a shown
// connection is disabled without one.
//
// Next/previous connection are Ctrl+PgDown / Ctrl+PgUp, not Ctrl+Tab: a window shortcut on
// Ctrl+Tab would take the key from every QTabWidget in the window (the connection's
// Stream/Topics/Broker/Charts/Publish tabs switch with it).
class KeyboardActions : public QObject
{
    Q_OBJECT
public:
    KeyboardActions(QWidget *window, ConnectionSidebar *sidebar, ConnectionListModel *model,
                    ConnectionWorkspace *workspace);

    // Texts and tooltips in the current language.
    void retranslate();
    // Enables what applies to the shown connection and the list; compact mode shows the shown
    // stream's state. Runs by itself when the shown connection or the list changes.
    void update();

    // The connection shown in the workspace (nullptr: the placeholder).
    ConnectionView *shownView() const;
    // The sidebar's connections in display order (depth first, inside folders too).
    QList<qint64> profileOrder() const;

    QAction *focusPublishTopic;
    QAction *focusSearch;
    QAction *jumpToNewest;
    QAction *compactMode;
    QAction *nextConnection;
    QAction *previousConnection;
    QAction *keyboardShortcuts;
    QAction *openSettings;

private:
    // Selects the connection `step` places from the selected one, wrapping around.
    void selectNeighbour(int step);
    // Shows the stream tab of the shown connection; returns the view (nullptr: none shown).
    ConnectionView *showStream() const;

    ConnectionSidebar *m_sidebar;
    ConnectionListModel *m_model;
    ConnectionWorkspace *m_workspace;
    QMetaObject::Connection m_compactSync; // the shown stream's Compact button -> compactMode
};

} // namespace mqttdesk
