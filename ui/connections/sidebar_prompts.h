#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace mqttdesk {

// The modal prompts of the connection list (confirm delete, ask a name or folder, pick a
// file, yes/no questions), behind one seam: a test sets the next answer and nothing opens.
class SidebarPrompts
{
public:
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &acceptText);
    // nullopt when cancelled.
    static std::optional<QString> text(QWidget *parent, const QString &title, const QString &label,
                                       const QString &value, const QStringList &suggestions = {});
    static QString openFileName(QWidget *parent, const QString &title, const QString &filter);
    static QString saveFileName(QWidget *parent, const QString &title, const QString &suggestion,
                                const QString &filter);
    static void information(QWidget *parent, const QString &title, const QString &text);

    static void setNextConfirmation(bool accept) { s_confirm = accept; }
    static void setNextText(const std::optional<QString> &text) { s_text = text, s_textSet = true; }
    static void setNextFileName(const QString &path) { s_file = path; }
    // The last message shown (recorded always, so tests can read it).
    static QString lastMessage() { return s_lastMessage; }
    // Tests: information() only records, never opens a box.
    static void setQuiet(bool quiet) { s_quiet = quiet; }

private:
    static inline std::optional<bool> s_confirm;
    static inline std::optional<QString> s_text;
    static inline bool s_textSet = false;
    static inline std::optional<QString> s_file;
    static inline QString s_lastMessage;
    static inline bool s_quiet = false;
};

} // namespace mqttdesk
