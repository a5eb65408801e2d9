#pragma once

#include "ui/i18n/retranslator.h"

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;
class QPushButton;

namespace mqttdesk {

// "Jump to time…": asks for a local date and time; the stream then shows the stored
// messages around it, and scrolling goes on seamlessly either way from there.
class JumpToTimeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit JumpToTimeDialog(const QDateTime &initial, QWidget *parent = nullptr);

    QDateTime dateTime() const;
    void setDateTime(const QDateTime &dateTime);
    QDateTimeEdit *editor() const { return m_edit; }
    QPushButton *jumpButton() const { return m_jump; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QDateTimeEdit *m_edit;
    QPushButton *m_jump = nullptr;
    Retranslator m_texts;
};

} // namespace mqttdesk
