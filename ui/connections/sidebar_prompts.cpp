#include "ui/connections/sidebar_prompts.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

#include <utility>

namespace mqttdesk {

bool SidebarPrompts::confirm(QWidget *parent, const QString &title, const QString &text,
                             const QString &acceptText)
{
    s_lastMessage = text;
    if (s_confirm) {
        const bool answer = *s_confirm;
        s_confirm.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

std::optional<QString> SidebarPrompts::text(QWidget *parent, const QString &title,
                                            const QString &label, const QString &value,
                                            const QStringList &suggestions)
{
    if (s_textSet) {
        s_textSet = false;
        return std::exchange(s_text, std::nullopt);
    }
    bool ok = false;
    QString answer;
    if (suggestions.isEmpty()) {
        answer = QInputDialog::getText(parent, title, label, QLineEdit::Normal, value, &ok);
    } else {
        QStringList items = suggestions;
        if (!items.contains(value))
            items.prepend(value);
        answer = QInputDialog::getItem(parent, title, label, items, int(items.indexOf(value)), true,
                                       &ok);
    }
    if (!ok)
        return std::nullopt;
    return answer;
}

QString SidebarPrompts::openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    if (s_file)
        return *std::exchange(s_file, std::nullopt);
    return QFileDialog::getOpenFileName(parent, title, {}, filter);
}

QString SidebarPrompts::saveFileName(QWidget *parent, const QString &title,
                                     const QString &suggestion, const QString &filter)
{
    if (s_file)
        return *std::exchange(s_file, std::nullopt);
    return QFileDialog::getSaveFileName(parent, title, suggestion, filter);
}

void SidebarPrompts::information(QWidget *parent, const QString &title, const QString &text)
{
    s_lastMessage = text;
    if (s_quiet)
        return;
    QMessageBox::information(parent, title, text);
}

} // namespace mqttdesk
