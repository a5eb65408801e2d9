#pragma once

#include "ui/i18n/retranslator.h"

#include <QDockWidget>

class QTreeView;

namespace mqttdesk {

class LogModel;

// The application log as a dock: a table over LogModel that follows the newest line while
// the user is at the bottom.
class LogView : public QDockWidget
{
    Q_OBJECT
public:
    explicit LogView(LogModel *model, QWidget *parent = nullptr);
    QTreeView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QTreeView *m_view;
    bool m_scrollQueued = false; // a scroll to the newest line is on its way
    Retranslator m_texts;
};

} // namespace mqttdesk
