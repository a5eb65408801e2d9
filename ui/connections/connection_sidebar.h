#pragma once

#include "ui/i18n/retranslator.h"

#include <QSet>
#include <QWidget>

class QMenu;
class QTreeView;

namespace mqttdesk {

class ConnectionListModel;

// The left sidebar: the saved connections in folders, with a context menu.
class ConnectionSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionSidebar(ConnectionListModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    // 0 when a folder or nothing is selected.
    qint64 selectedProfileId() const;
    QString selectedFolder() const;
    void select(qint64 profileId);
    // Makes the first connection (in display order, inside folders too) current.
    void selectFirstProfile();
    // Folders the user collapsed; they stay so after the list reloads and across starts.
    QStringList collapsedFolders() const;
    void setCollapsedFolders(const QStringList &folders);
    // Shown on right click (owned by the caller).
    void setContextMenu(QMenu *menu) { m_menu = menu; }

protected:
    void changeEvent(QEvent *event) override;

signals:
    void selectionChanged(qint64 profileId);
    void activated(qint64 profileId);

private:
    ConnectionListModel *m_model;
    QTreeView *m_view;
    QMenu *m_menu = nullptr;
    QSet<QString> m_collapsed;
    Retranslator m_texts;
};

} // namespace mqttdesk
