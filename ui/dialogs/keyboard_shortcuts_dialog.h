#pragma once

#include "ui/i18n/retranslator.h"

#include <QDialog>
#include <QPointer>

class QAction;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace mqttdesk {

// Help > Keyboard shortcuts: every shortcut of a window, grouped by the menu its action sits
// in (read from the window's menu bar and actions, so it cannot go stale), then the keys that
// single widgets handle themselves (a fixed list: send in the publish bar, the stream's
// Enter and Space, Return in the template library…). A read-only tree with a filter field;
// Escape or Close closes it. It rebuilds itself on a language change.
class KeyboardShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    // `window`: the window whose actions are listed (its QMenuBar and its own actions).
    explicit KeyboardShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // Reads the window's actions again (their texts and shortcuts may have changed).
    void rebuild();

    QLineEdit *filterEdit() const { return m_filter; }
    QTreeWidget *tree() const { return m_tree; }
    QPushButton *closeButton() const { return m_close; }
    // The rows the filter leaves, as "Group\tAction\tKeys" (tests).
    QStringList visibleRows() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    // The action's text, and where its key works when that is not the whole window.
    static QString actionText(const QAction *action);

    QPointer<QWidget> m_window;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QPushButton *m_close;
    Retranslator m_texts;
};

} // namespace mqttdesk
