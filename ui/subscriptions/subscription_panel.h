#pragma once

#include "ui/i18n/retranslator.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class QTreeView;

namespace mqttdesk {

class SubscriptionListModel;

// The subscriptions of one connection: a form to add one (filter, QoS and the 5.0 options;
// Enter adds), the list with colour, alias, format, enable check box, count and the SUBACK
// outcome, and buttons for colour, format and remove. Invalid filters are refused inline
// with the reason from Topic::validateFilter, the caret put where the problem is.
class SubscriptionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SubscriptionPanel(SubscriptionListModel *model, QWidget *parent = nullptr);

    // 5.0 options are shown only for MQTT 5 connections.
    void setMqtt5(bool mqtt5);

    // Adds what the form holds; false (with the reason shown) when refused.
    bool addFromForm();
    QString errorText() const;

    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *qosBox() const { return m_qos; }
    QCheckBox *noLocalBox() const { return m_noLocal; }
    QCheckBox *retainAsPublishedBox() const { return m_retainAsPublished; }
    QComboBox *retainHandlingBox() const { return m_retainHandling; }
    QSpinBox *subscriptionIdBox() const { return m_subscriptionId; }
    QLineEdit *userPropertiesEdit() const { return m_userProperties; }
    QTreeView *listView() const { return m_view; }

signals:
    // A row was added by the user (the connection view subscribes it).
    void subscriptionAdded(int row);
    // The user asked to remove the row (the connection view unsubscribes, then removes).
    void removeRequested(int row);

protected:
    void changeEvent(QEvent *event) override;

private:
    int currentRow() const;
    void chooseColour();
    void applyFormat();
    void updateButtons();

    SubscriptionListModel *m_model;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_qos = nullptr;
    QToolButton *m_optionsToggle = nullptr;
    QWidget *m_options = nullptr;
    QCheckBox *m_noLocal = nullptr;
    QCheckBox *m_retainAsPublished = nullptr;
    QComboBox *m_retainHandling = nullptr;
    QSpinBox *m_subscriptionId = nullptr;
    QLineEdit *m_userProperties = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_error = nullptr;
    QTreeView *m_view = nullptr;
    QToolButton *m_colour = nullptr;
    QComboBox *m_format = nullptr;
    QToolButton *m_remove = nullptr;
    bool m_mqtt5 = true;
    Retranslator m_texts;
};

} // namespace mqttdesk
