#pragma once

#include "ui/widgets/prompts.h"

#include <QList>

#include <optional>
#include <utility>

namespace mqttdesk {

// Answers the UI's prompts for a test, for as long as it lives (no modal dialog opens):
//
//   ScriptedPrompts prompts;
//   prompts.acceptNext(false);           // the next question is declined
//   prompts.nextText(QStringLiteral("Beta"));
//   prompts.nextFile(path);              // the next open/save chooser returns path
//   ...
//   QVERIFY(prompts.last(Prompts::Kind::Warning).text.contains(path));
//
// Answers are queued per kind of prompt and used in order. A question with no answer queued
// is cancelled (as if the user pressed Escape); messages are only recorded. Every request is
// recorded, answered or not.
class ScriptedPrompts : public Prompts::Answerer
{
public:
    ScriptedPrompts()
        : m_guard(this)
    {}

    void acceptNext(bool accept = true) { m_questions.append({accept, false}); }
    // The next question is answered with its "remember" box checked.
    void acceptNextAndRemember(bool accept) { m_questions.append({accept, true}); }
    // nullopt: the text input is cancelled.
    void nextText(const std::optional<QString> &text) { m_texts.append(text); }
    // For OpenFile and SaveFile; an empty path cancels.
    void nextFile(const QString &path) { m_files.append(QStringList{path}); }
    // For OpenFiles; an empty list cancels.
    void nextFiles(const QStringList &paths) { m_files.append(paths); }
    // An invalid colour cancels.
    void nextColour(const QColor &colour) { m_colours.append(colour); }

    const QList<Prompts::Request> &requests() const { return m_requests; }
    int count(Prompts::Kind kind) const
    {
        int n = 0;
        for (const Prompts::Request &r : m_requests)
            n += r.kind == kind ? 1 : 0;
        return n;
    }
    // The last request of that kind (a default Request when there was none).
    Prompts::Request last(Prompts::Kind kind) const
    {
        for (auto it = m_requests.crbegin(); it != m_requests.crend(); ++it)
            if (it->kind == kind)
                return *it;
        return {};
    }
    // The text (message, question or label) of the last request of any kind.
    QString lastText() const { return m_requests.isEmpty() ? QString() : m_requests.last().text; }
    // Queued answers nobody asked for yet.
    int unusedAnswers() const
    {
        return int(m_questions.size() + m_texts.size() + m_files.size() + m_colours.size());
    }
    // Forgets the requests seen so far (queued answers stay).
    void clearRequests() { m_requests.clear(); }

    Prompts::Answer answer(const Prompts::Request &request) override
    {
        m_requests.append(request);
        Prompts::Answer a;
        switch (request.kind) {
        case Prompts::Kind::Question:
            if (!m_questions.isEmpty()) {
                const auto [accept, remember] = m_questions.takeFirst();
                a.accepted = accept;
                a.remember = remember && !request.rememberText.isEmpty();
            }
            break;
        case Prompts::Kind::Text:
            if (!m_texts.isEmpty()) {
                const std::optional<QString> text = m_texts.takeFirst();
                a.accepted = text.has_value();
                a.text = text.value_or(QString());
            }
            break;
        case Prompts::Kind::OpenFile:
        case Prompts::Kind::SaveFile:
        case Prompts::Kind::OpenFiles:
            if (!m_files.isEmpty()) {
                a.files = m_files.takeFirst();
                a.files.removeAll(QString());
                a.text = a.files.value(0);
                a.accepted = !a.files.isEmpty();
            }
            break;
        case Prompts::Kind::Colour:
            if (!m_colours.isEmpty()) {
                a.colour = m_colours.takeFirst();
                a.accepted = a.colour.isValid();
            }
            break;
        case Prompts::Kind::Warning:
        case Prompts::Kind::Information:
        case Prompts::Kind::Critical:
        case Prompts::Kind::About:
            break;
        }
        return a;
    }

private:
    Prompts::ScopedAnswerer m_guard;
    QList<Prompts::Request> m_requests;
    QList<std::pair<bool, bool>> m_questions; // accepted, remember
    QList<std::optional<QString>> m_texts;
    QList<QStringList> m_files;
    QList<QColor> m_colours;
};

} // namespace mqttdesk
