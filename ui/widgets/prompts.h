#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace mqttdesk {

// Every modal prompt of the UI (questions, messages, file, text and colour choosers) goes
// through here. It is the one place a test answers instead of a person: it sets an Answerer
// (through a ScopedAnswerer) and no modal dialog opens. Production code therefore never asks
// whether it runs under test (e.g. on the offscreen platform).
class Prompts
{
public:
    enum class Kind
    {
        Question, // accept or not (confirm, confirmDestructive, ask)
        Warning,  // messages: shown, nothing to answer
        Information,
        Critical,
        About,
        OpenFile, // choosers: cancelled or an answer
        OpenFiles,
        SaveFile,
        Text,
        Colour,
    };

    // What is asked: everything the dialog would show.
    struct Request
    {
        Kind kind = Kind::Information;
        QWidget *parent = nullptr;
        QString title;
        QString text;             // the message, the question, or the text input's label
        QString informativeText;  // Question: the explanation under it
        QString detailedText;     // Question: behind "Show details"
        QString acceptText;       // Question: the accepting button
        QString rejectText;       // Question: the declining button (empty: Cancel, the default)
        bool warning = false;     // Question: a warning icon (else a question mark)
        bool destructive = false; // Question: the accept button destroys something
        QString rememberText;     // Question: a "remember the answer" check box (empty: none)
        QString value;            // Text: the initial value; files: directory or suggested name
        QStringList suggestions;  // Text: offered in an editable list
        QString filter;           // files: the name filters
        QColor colour;            // Colour: the initial one
    };

    // The user's answer. Messages need none (accepted is ignored).
    struct Answer
    {
        bool accepted = false; // false: cancelled or declined
        QString text;          // Text; OpenFile and SaveFile: the path
        QStringList files;     // OpenFiles
        QColor colour;         // Colour
        bool remember = false; // Question with rememberText: the box was checked
    };

    // Answers in place of a person (tests). Called on the GUI thread for every prompt.
    class Answerer
    {
    public:
        virtual ~Answerer() = default;
        virtual Answer answer(const Request &request) = 0;
    };

    // Sets `answerer` for its lifetime, then puts back the one before (nesting is fine).
    class ScopedAnswerer
    {
    public:
        explicit ScopedAnswerer(Answerer *answerer);
        ~ScopedAnswerer();
        ScopedAnswerer(const ScopedAnswerer &) = delete;
        ScopedAnswerer &operator=(const ScopedAnswerer &) = delete;

    private:
        Answerer *m_previous;
    };

    // A question with the accept button `acceptText` and Cancel (the default).
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &acceptText);
    // As confirm, for an action that destroys something: a warning, the accept button in
    // the destructive role.
    static bool confirmDestructive(QWidget *parent, const QString &title, const QString &text,
                                   const QString &acceptText);
    // Any question (kind is taken as Question): true when accepted.
    static bool ask(const Request &question);
    // The same, with the whole answer (accepted, and remember for a rememberText).
    static Answer question(const Request &question);

    static void inform(QWidget *parent, const QString &title, const QString &text);
    static void warn(QWidget *parent, const QString &title, const QString &text);
    static void critical(QWidget *parent, const QString &title, const QString &text);
    static void about(QWidget *parent, const QString &title, const QString &text);

    // Empty (or nullopt, or an invalid colour) when cancelled.
    static QString openFileName(QWidget *parent, const QString &title, const QString &directory,
                                const QString &filter);
    static QStringList openFileNames(QWidget *parent, const QString &title,
                                     const QString &directory, const QString &filter);
    static QString saveFileName(QWidget *parent, const QString &title, const QString &suggestion,
                                const QString &filter);
    // With suggestions: an editable list holding them and `value`.
    static std::optional<QString> text(QWidget *parent, const QString &title, const QString &label,
                                       const QString &value, const QStringList &suggestions = {});
    static QColor colour(QWidget *parent, const QColor &initial, const QString &title);

private:
    static Answer answer(const Request &request);
    static Answer chooseFiles(Kind kind, QWidget *parent, const QString &title,
                              const QString &value, const QString &filter);
    static Answer show(const Request &request);
    static void message(Kind kind, QWidget *parent, const QString &title, const QString &text);

    static inline Answerer *s_answerer = nullptr;
};

} // namespace mqttdesk
