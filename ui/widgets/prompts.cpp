#include "ui/widgets/prompts.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

#include <utility>

namespace mqttdesk {

Prompts::ScopedAnswerer::ScopedAnswerer(Answerer *answerer)
    : m_previous(std::exchange(s_answerer, answerer))
{}

Prompts::ScopedAnswerer::~ScopedAnswerer()
{
    s_answerer = m_previous;
}

Prompts::Answer Prompts::answer(const Request &request)
{
    return s_answerer ? s_answerer->answer(request) : show(request);
}

bool Prompts::confirm(QWidget *parent, const QString &title, const QString &text,
                      const QString &acceptText)
{
    Request question;
    question.parent = parent;
    question.title = title;
    question.text = text;
    question.acceptText = acceptText;
    return ask(question);
}

bool Prompts::confirmDestructive(QWidget *parent, const QString &title, const QString &text,
                                 const QString &acceptText)
{
    Request question;
    question.parent = parent;
    question.title = title;
    question.text = text;
    question.acceptText = acceptText;
    question.warning = true;
    question.destructive = true;
    return ask(question);
}

bool Prompts::ask(const Request &question)
{
    return Prompts::question(question).accepted;
}

Prompts::Answer Prompts::question(const Request &question)
{
    Request request = question;
    request.kind = Kind::Question;
    return answer(request);
}

void Prompts::message(Kind kind, QWidget *parent, const QString &title, const QString &text)
{
    Request request;
    request.kind = kind;
    request.parent = parent;
    request.title = title;
    request.text = text;
    answer(request);
}

void Prompts::inform(QWidget *parent, const QString &title, const QString &text)
{
    message(Kind::Information, parent, title, text);
}

void Prompts::warn(QWidget *parent, const QString &title, const QString &text)
{
    message(Kind::Warning, parent, title, text);
}

void Prompts::critical(QWidget *parent, const QString &title, const QString &text)
{
    message(Kind::Critical, parent, title, text);
}

void Prompts::about(QWidget *parent, const QString &title, const QString &text)
{
    message(Kind::About, parent, title, text);
}

// The three file choosers differ only in their kind and in what they return.
Prompts::Answer Prompts::chooseFiles(Kind kind, QWidget *parent, const QString &title,
                                     const QString &value, const QString &filter)
{
    Request request;
    request.kind = kind;
    request.parent = parent;
    request.title = title;
    request.value = value;
    request.filter = filter;
    return answer(request);
}

QString Prompts::openFileName(QWidget *parent, const QString &title, const QString &directory,
                              const QString &filter)
{
    const Answer a = chooseFiles(Kind::OpenFile, parent, title, directory, filter);
    return a.accepted ? a.text : QString();
}

QStringList Prompts::openFileNames(QWidget *parent, const QString &title, const QString &directory,
                                   const QString &filter)
{
    const Answer a = chooseFiles(Kind::OpenFiles, parent, title, directory, filter);
    return a.accepted ? a.files : QStringList();
}

QString Prompts::saveFileName(QWidget *parent, const QString &title, const QString &suggestion,
                              const QString &filter)
{
    const Answer a = chooseFiles(Kind::SaveFile, parent, title, suggestion, filter);
    return a.accepted ? a.text : QString();
}

std::optional<QString> Prompts::text(QWidget *parent, const QString &title, const QString &label,
                                     const QString &value, const QStringList &suggestions)
{
    Request request;
    request.kind = Kind::Text;
    request.parent = parent;
    request.title = title;
    request.text = label;
    request.value = value;
    request.suggestions = suggestions;
    const Answer a = answer(request);
    if (!a.accepted)
        return std::nullopt;
    return a.text;
}

QColor Prompts::colour(QWidget *parent, const QColor &initial, const QString &title)
{
    Request request;
    request.kind = Kind::Colour;
    request.parent = parent;
    request.title = title;
    request.colour = initial;
    const Answer a = answer(request);
    return a.accepted ? a.colour : QColor();
}

Prompts::Answer Prompts::show(const Request &r)
{
    Answer a;
    switch (r.kind) {
    case Kind::Question: {
        QMessageBox box(r.warning ? QMessageBox::Warning : QMessageBox::Question, r.title, r.text,
                        QMessageBox::NoButton, r.parent);
        if (!r.informativeText.isEmpty())
            box.setInformativeText(r.informativeText);
        if (!r.detailedText.isEmpty())
            box.setDetailedText(r.detailedText);
        QPushButton *accept = box.addButton(
            r.acceptText, r.destructive ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
        if (r.rejectText.isEmpty()) {
            box.addButton(QMessageBox::Cancel);
            // Enter must not destroy anything by accident.
            box.setDefaultButton(QMessageBox::Cancel);
        } else {
            box.addButton(r.rejectText, QMessageBox::RejectRole);
        }
        QCheckBox *remember = nullptr;
        if (!r.rememberText.isEmpty()) {
            remember = new QCheckBox(r.rememberText, &box);
            box.setCheckBox(remember);
        }
        box.exec();
        a.accepted = box.clickedButton() == accept;
        a.remember = remember && remember->isChecked();
        break;
    }
    case Kind::Warning:
        QMessageBox::warning(r.parent, r.title, r.text);
        break;
    case Kind::Information:
        QMessageBox::information(r.parent, r.title, r.text);
        break;
    case Kind::Critical:
        QMessageBox::critical(r.parent, r.title, r.text);
        break;
    case Kind::About:
        QMessageBox::about(r.parent, r.title, r.text);
        break;
    case Kind::OpenFile:
        a.text = QFileDialog::getOpenFileName(r.parent, r.title, r.value, r.filter);
        a.accepted = !a.text.isEmpty();
        break;
    case Kind::OpenFiles:
        a.files = QFileDialog::getOpenFileNames(r.parent, r.title, r.value, r.filter);
        a.accepted = !a.files.isEmpty();
        break;
    case Kind::SaveFile:
        a.text = QFileDialog::getSaveFileName(r.parent, r.title, r.value, r.filter);
        a.accepted = !a.text.isEmpty();
        break;
    case Kind::Text:
        if (r.suggestions.isEmpty()) {
            a.text = QInputDialog::getText(r.parent, r.title, r.text, QLineEdit::Normal, r.value,
                                           &a.accepted);
        } else {
            QStringList items = r.suggestions;
            if (!items.contains(r.value))
                items.prepend(r.value);
            a.text = QInputDialog::getItem(r.parent, r.title, r.text, items,
                                           int(items.indexOf(r.value)), true, &a.accepted);
        }
        break;
    case Kind::Colour:
        a.colour = QColorDialog::getColor(r.colour, r.parent, r.title);
        a.accepted = a.colour.isValid();
        break;
    }
    return a;
}

} // namespace mqttdesk
