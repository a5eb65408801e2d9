#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace mqttdesk {

// A secret text field with a show/hide toggle.
class PasswordField : public QWidget
{
    Q_OBJECT
public:
    explicit PasswordField(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void setPlaceholderText(const QString &text);
    bool isRevealed() const;
    void setRevealed(bool revealed);
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *toggleButton() const { return m_toggle; }

Q_SIGNALS:
    void textChanged(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLineEdit *m_edit;
    QToolButton *m_toggle;
};

} // namespace mqttdesk
