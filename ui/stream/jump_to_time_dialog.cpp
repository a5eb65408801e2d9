#include "ui/stream/jump_to_time_dialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mqttdesk {

JumpToTimeDialog::JumpToTimeDialog(const QDateTime &initial, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QDateTimeEdit(this))
{
    setObjectName(QStringLiteral("jumpToTimeDialog"));
    m_edit->setObjectName(QStringLiteral("jumpToTime.dateTime"));
    m_edit->setCalendarPopup(true);
    // Seconds matter when a flood fills a minute with thousands of messages.
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_edit->setDateTime(initial.isValid() ? initial.toLocalTime() : QDateTime::currentDateTime());

    auto *form = new QFormLayout;
    auto *label = new QLabel(this);
    label->setBuddy(m_edit);
    form->addRow(label, m_edit);

    auto *hint = new QLabel(this);
    hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_jump = buttons->button(QDialogButtonBox::Ok);
    m_texts.add([=, this] {
        setWindowTitle(tr("Jump to time"));
        m_edit->setAccessibleName(tr("Date and time to jump to"));
        label->setText(tr("&Time:"));
        hint->setText(tr("The stream shows the stored messages around this time, with the "
                         "current filter. Scroll up or down to read on; the newest "
                         "messages follow again once you reach them."));
        m_jump->setText(tr("&Jump"));
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    setTabOrder(m_edit, buttons);
    m_edit->setFocus();
    resize(qMax(sizeHint().width(), 380), sizeHint().height());
}

void JumpToTimeDialog::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QDialog::changeEvent(event);
}

QDateTime JumpToTimeDialog::dateTime() const
{
    return m_edit->dateTime();
}

void JumpToTimeDialog::setDateTime(const QDateTime &dateTime)
{
    m_edit->setDateTime(dateTime.toLocalTime());
}

} // namespace mqttdesk
