#pragma once

#include "ui/i18n/retranslator.h"

#include <QDateTime>
#include <QDialog>

#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;

namespace mqttdesk {

// "Time range…": the stream shows only messages received within [from, to]; either end
// may be open. The times are local; the stream turns them into the storage's microseconds.
class TimeRangeDialog : public QDialog
{
    Q_OBJECT
public:
    TimeRangeDialog(const std::optional<QDateTime> &from, const std::optional<QDateTime> &to,
                    QWidget *parent = nullptr);

    std::optional<QDateTime> from() const;
    std::optional<QDateTime> to() const;
    void setFrom(const std::optional<QDateTime> &from);
    void setTo(const std::optional<QDateTime> &to);
    // "Last N minutes": from now minus `seconds`, open end.
    void setLast(qint64 seconds);
    // Empty when the range can be applied; else why not (the start is after the end).
    QString problem() const;

    QDateTimeEdit *fromEdit() const { return m_fromEdit; }
    QDateTimeEdit *toEdit() const { return m_toEdit; }
    QCheckBox *fromCheck() const { return m_fromCheck; }
    QCheckBox *toCheck() const { return m_toCheck; }
    QPushButton *applyButton() const { return m_apply; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();

    QCheckBox *m_fromCheck;
    QDateTimeEdit *m_fromEdit;
    QCheckBox *m_toCheck;
    QDateTimeEdit *m_toEdit;
    QLabel *m_problem;
    QPushButton *m_apply = nullptr;
    Retranslator m_texts;
};

} // namespace mqttdesk
