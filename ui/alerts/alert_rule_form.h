#pragma once

#include "core/alerts/alert_rule.h"
#include "core/alerts/alert_rule_error.h"
#include "ui/i18n/retranslator.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mqttdesk {

// The fields of one alert rule, those of its kind only (a silence rule has no threshold, a
// connection rule no topic): name, kind, topic filter, where the value comes from (JSON path,
// decoder), the condition (operator and threshold, or a regular expression), hysteresis, the
// silence, the rate window, the cooldown, and the message to publish when it fires. What
// AlertRule::validate() finds wrong is shown under the field it is about.
class AlertRuleForm : public QWidget
{
    Q_OBJECT
public:
    explicit AlertRuleForm(QWidget *parent = nullptr);

    void setRule(const AlertRule &rule);
    // The rule as the fields say, with the fields of other kinds at their defaults.
    AlertRule rule() const;
    // What keeps the rule from working: AlertRule::validate()'s answer, or what the form
    // itself cannot turn into a rule (a rate threshold that is no number, an action without
    // a topic). Its field is the rule file's name of the field.
    std::optional<AlertRuleError> problem() const;
    // Shows `error` under its field (and nothing under the others).
    void showProblem(const std::optional<AlertRuleError> &error);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    // The first and last fields in the tab order, for the dialog's chain.
    QWidget *firstField() const;
    QWidget *lastField() const;

    // One line saying what a rule watches: "$.temp > 90 on plant/+/boiler" (translated).
    static QString summary(const AlertRule &rule);

signals:
    // The user changed a field (not emitted by setRule()).
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    // `field` with an error line under it, for `names` (the rule file's field names).
    QWidget *withError(QWidget *field, const QStringList &names);
    void addRow(QFormLayout *form, QLabel *label, QWidget *field, QWidget *row);
    void updateVisibility();
    void fillOperators();
    void onChanged();

    QLabel *m_kindHelp;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_filter;
    QLineEdit *m_path;
    QComboBox *m_decoder;
    QComboBox *m_condition; // compare with a threshold / match a regular expression
    QComboBox *m_op;
    QLineEdit *m_threshold;
    QLineEdit *m_regex;
    QDoubleSpinBox *m_hysteresis;
    QSpinBox *m_silence;
    QSpinBox *m_window;
    QSpinBox *m_cooldown;
    QGroupBox *m_action;
    QLineEdit *m_actionTopic;
    QLineEdit *m_actionPayload;
    QComboBox *m_actionQos;
    QCheckBox *m_actionRetain;
    QLabel *m_placeholders;
    QLabel *m_otherError; // an error about no field shown here
    QFormLayout *m_form;
    QFormLayout *m_actionForm;
    // The rows (the widget holding a field and its error line) by what they are for.
    QWidget *m_filterRow;
    QWidget *m_pathRow;
    QWidget *m_decoderRow;
    QWidget *m_conditionRow;
    QWidget *m_compareRow;
    QWidget *m_regexRow;
    QWidget *m_hysteresisRow;
    QWidget *m_silenceRow;
    QWidget *m_windowRow;
    QHash<QString, QLabel *> m_errors;        // rule file field -> its error line
    QHash<QLabel *, QWidget *> m_errorFields; // error line -> the field it is about
    bool m_loading = false;
    Retranslator m_texts;
};

} // namespace mqttdesk
