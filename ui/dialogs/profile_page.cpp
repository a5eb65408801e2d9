#include "ui/dialogs/profile_page.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QRegularExpression>

namespace mqttdesk {

QLabel *ProfilePage::addRow(QFormLayout *form, std::function<QString()> label, QWidget *field,
                            QWidget *buddy)
{
    auto *text = new QLabel(form->parentWidget());
    QWidget *target = buddy ? buddy : field;
    m_texts.add([text, target, label = std::move(label)] {
        const QString words = label();
        text->setText(words);
        // Screen readers find a buddy label only among the field's siblings: a field inside
        // a row widget (host and port, client id and its button) is named here instead.
        if (target->parentWidget() != text->parentWidget()) {
            static const QRegularExpression mnemonic(QStringLiteral("\\(&.\\)|&|[:：]\\s*$"));
            target->setAccessibleName(QString(words).remove(mnemonic).trimmed());
        }
    });
    text->setBuddy(target);
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
