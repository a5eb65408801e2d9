#include "ui/dialogs/profile_page.h"

#include <QFormLayout>
#include <QLabel>

namespace mqttdesk {

QLabel *ProfilePage::addRow(QFormLayout *form, const QString &label, QWidget *field, QWidget *buddy)
{
    auto *text = new QLabel(label, form->parentWidget());
    text->setBuddy(buddy ? buddy : field);
    form->addRow(text, field);
    return text;
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
