#include "ui/widgets/password_field.h"

#include "ui/widgets/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace mqttdesk {

PasswordField::PasswordField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_toggle(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_edit);
    layout->addWidget(m_toggle);
    m_edit->setEchoMode(QLineEdit::Password);
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &PasswordField::textChanged);
    connect(m_toggle, &QToolButton::toggled, this, &PasswordField::setRevealed);
    retranslate();
}

QString PasswordField::text() const
{
    return m_edit->text();
}

void PasswordField::setText(const QString &text)
{
    m_edit->setText(text);
}

void PasswordField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

bool PasswordField::isRevealed() const
{
    return m_edit->echoMode() == QLineEdit::Normal;
}

void PasswordField::setRevealed(bool revealed)
{
    m_edit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (m_toggle->isChecked() != revealed)
        m_toggle->setChecked(revealed);
    retranslate();
}

void PasswordField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PasswordField::retranslate()
{
    const bool revealed = isRevealed();
    m_toggle->setIcon(revealed ? Icons::hideSecret() : Icons::showSecret());
    const QString text = revealed ? tr("Hide the text") : tr("Show the text");
    m_toggle->setToolTip(text);
    m_toggle->setAccessibleName(text);
}

} // namespace mqttdesk
