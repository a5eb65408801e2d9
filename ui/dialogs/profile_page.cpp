#include "ui/dialogs/profile_page.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>

namespace mqttdesk {

QLabel *ProfilePage::addRow(QFormLayout *form, std::function<QString()> label, QWidget *field,
                            QWidget *buddy)
{
    auto *text = new QLabel(form->parentWidget());
    m_texts.add([text, label = std::move(label)] { text->setText(label()); });
    text->setBuddy(buddy ? buddy : field);
    form->addRow(text, field);
    return text;
}

void ProfilePage::changeEvent(QEvent *event)
{
    // Messages computed from the form (validation, file reports) follow via changed().
    if (m_texts.handle(event))
        Q_EMIT changed();
    QWidget::changeEvent(event);
}

void ProfilePage::chainTabOrder(const QList<QWidget *> &widgets)
{
    for (qsizetype i = 1; i < widgets.size(); ++i)
        QWidget::setTabOrder(widgets.at(i - 1), widgets.at(i));
}

ProfileProblem ProfilePage::error(const QString &field, const QString &message)
{
    return ProfileProblem{ProfileProblem::Severity::Error, field, message};
}

} // namespace mqttdesk
