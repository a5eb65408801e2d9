#pragma once

#include "ui/i18n/retranslator.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace mqttdesk {

class Connection;
class RetainedClearer;

// "Clear retained…" of the Topics view: lists the retained topics about to be cleared
// (an empty retained message is published to each: [MQTT-3.3.1-6], in 3.1.1
// [MQTT-3.3.1-10]), lets the user pick
// the QoS, then shows the progress and the result: "Cleared 412 of 412", or the topics that
// failed and why. Nothing is published until Clear is pressed; Cancel stops what has not
// been sent yet.
class RetainedClearDialog : public QDialog
{
    Q_OBJECT
public:
    RetainedClearDialog(Connection *connection, const QStringList &topics,
                        QWidget *parent = nullptr);
    ~RetainedClearDialog() override;

    QStringList topics() const { return m_topics; }
    QComboBox *qosBox() const { return m_qos; }
    QPushButton *clearButton() const { return m_clear; }
    QListWidget *topicList() const { return m_list; }
    QProgressBar *progressBar() const { return m_progress; }
    // The outcome line once done ("Cleared 3 of 3"), empty before.
    QString resultText() const;
    bool isRunning() const;

signals:
    // Every topic was tried; `cleared` of `total` succeeded.
    // (Not done(): that would hide QDialog::done(int).)
    void clearingDone(int cleared, int total);
    // The topics whose retained message the broker confirmed cleared (sent, for QoS 0).
    void topicsCleared(const QStringList &topics);

public Q_SLOTS:
    void startClearing();
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateTexts();

    QPointer<Connection> m_connection;
    QStringList m_topics;
    RetainedClearer *m_clearer = nullptr;
    QLabel *m_question = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_qosLabel = nullptr;
    QComboBox *m_qos = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_close = nullptr;
    int m_cleared = -1; // -1: not done
    bool m_canceled = false;
    QStringList m_failures;
    Retranslator m_texts;
};

} // namespace mqttdesk
