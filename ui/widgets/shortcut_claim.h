#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>

namespace mqttdesk {

// A key that a part of the window handles itself while the focus is inside it, even when a
// window-wide action has the same key: Ctrl+Return sends from the publish bar and the Publish
// tab although it connects elsewhere. (Qt calls two enabled shortcuts on one key ambiguous
// and runs neither.) It accepts the key's ShortcutOverride for a focus widget inside `area`,
// so no shortcut sees the key, and runs `action` on the key press that follows.
class ShortcutClaim : public QObject
{
    Q_OBJECT
public:
    ShortcutClaim(QWidget *area, QList<QKeySequence> keys, std::function<void()> action);
    ~ShortcutClaim() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool matches(const QEvent *event) const;

    QPointer<QWidget> m_area;
    QList<QKeySequence> m_keys;
    std::function<void()> m_action;
};

} // namespace mqttdesk
