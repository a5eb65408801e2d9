#include "ui/stream/stream_prompts.h"

#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>

namespace mqttdesk {

bool StreamPrompts::confirm(QWidget *parent, const QString &title, const QString &text,
                            const QString &acceptText)
{
    if (s_nextConfirmation) {
        const bool answer = *s_nextConfirmation;
        s_nextConfirmation.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

QString StreamPrompts::saveFileName(QWidget *parent, const QString &title,
                                    const QString &suggestion, const QString &filter)
{
    if (s_nextFileName) {
        const QString path = *s_nextFileName;
        s_nextFileName.reset();
        return path;
    }
    return QFileDialog::getSaveFileName(parent, title, suggestion, filter);
}

void StreamPrompts::showError(QWidget *parent, const QString &title, const QString &text)
{
    s_lastError = text;
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        return; // nobody could answer a modal box
    QMessageBox::warning(parent, title, text);
}

} // namespace mqttdesk
