#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace mqttdesk {

// The modal prompts of the stream (confirm clearing, pick a file), behind one seam: a test
// sets the next answer and no dialog opens (as KeePassXC's MessageBox::setNextAnswer).
class StreamPrompts
{
public:
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &acceptText);
    // Empty when the user cancelled.
    static QString saveFileName(QWidget *parent, const QString &title, const QString &suggestion,
                                const QString &filter);
    static void showError(QWidget *parent, const QString &title, const QString &text);

    // Test seams: the next call returns this without showing anything.
    static void setNextConfirmation(bool accept) { s_nextConfirmation = accept; }
    static void setNextSaveFileName(const QString &path) { s_nextFileName = path; }
    // Errors are recorded instead of shown while a test answers prompts.
    static QString lastError() { return s_lastError; }

private:
    static inline std::optional<bool> s_nextConfirmation;
    static inline std::optional<QString> s_nextFileName;
    static inline QString s_lastError;
};

} // namespace mqttdesk
