#pragma once

#include "core/alerts/alert_rule.h"
#include "ui/i18n/retranslator.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QScrollArea;

namespace mqttdesk {

class AlertRuleForm;
class AlertRuleStore;

// Connection > Alert rules…: the shown connection's alert rules as a list (add, duplicate,
// remove, move, a check box to enable each) and the selected rule's fields beside it
// (AlertRuleForm). Import… and Export… read and write a rule file (the one mqttdesk-cli watch
// --rules reads). OK is offered once every rule can work and the names are unique; it saves
// the rules through AlertRuleStore and then says so (rulesSaved) for the running monitor to
// take them at once. Nothing is saved before OK.
class AlertRulesDialog : public QDialog
{
    Q_OBJECT
public:
    AlertRulesDialog(const AlertRuleStore *store, qint64 profileId, const QString &connectionName,
                     QWidget *parent = nullptr);

    QList<AlertRule> rules() const { return m_rules; }
    qint64 profileId() const { return m_profileId; }
    AlertRuleForm *form() const { return m_form; }
    QListWidget *list() const { return m_list; }
    // The saved rules could not be read: why (shown above the list); empty when they could.
    QString loadError() const { return m_loadError; }

    void selectRule(int row);
    void addRule();
    void duplicateRule();
    void removeRule();
    void moveRule(int delta);
    // Replaces the rules with a rule file's; false with `why` (nothing changed) when it
    // cannot be read.
    bool importFrom(const QString &path, QString *why);
    // Writes the rules as a rule file; false with `why`.
    bool exportTo(const QString &path, QString *why) const;
    // Why OK is not offered; empty when it is.
    QString problem() const;

    // OK: saves through the store; stays open with the reason shown when that fails.
    void accept() override;

signals:
    // OK saved these rules: give them to the connection's AlertMonitor.
    void rulesSaved(qint64 profileId, const QList<mqttdesk::AlertRule> &rules);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setRules(const QList<AlertRule> &rules);
    QListWidgetItem *newItem();
    void onSelected();
    void onEdited();
    void refreshRow(int row);
    void updateButtons();
    void importRules();
    void exportRules();
    QString freeName(const QString &base) const;

    const AlertRuleStore *m_store;
    qint64 m_profileId;
    QString m_connectionName;
    QString m_loadError;
    QList<AlertRule> m_rules;
    int m_current = -1;
    bool m_filling = false; // the list is being rebuilt: its signals are ours

    QLabel *m_intro;
    QLabel *m_loadProblem;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QScrollArea *m_scroll;
    AlertRuleForm *m_form;
    QLabel *m_empty;
    QPushButton *m_import;
    QPushButton *m_export;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    Retranslator m_texts;
};

} // namespace mqttdesk
