#include "ui/alerts/alert_rule_form.h"

#include "core/alerts/alert_condition.h"
#include "core/payload/decoder_registry.h"
#include "ui/theme/theme.h"
#include "ui/widgets/decoder_combo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace mqttdesk {

namespace {

constexpr int kMaxSeconds = 7 * 24 * 3600; // a week: longer is a mistake, not a rule

// The kinds in the order the chooser offers them.
constexpr AlertKind kKinds[] = {AlertKind::Payload, AlertKind::Silence, AlertKind::Rate,
                                AlertKind::RetainedChanged, AlertKind::ConnectionLost};
constexpr AlertOperator kOperators[] = {AlertOperator::Greater, AlertOperator::GreaterOrEqual,
                                        AlertOperator::Less,    AlertOperator::LessOrEqual,
                                        AlertOperator::Equal,   AlertOperator::NotEqual};

// A number as the user may type it: "21.5" always, "21,5" in a locale that writes so.
std::optional<double> number(const QString &text)
{
    bool ok = false;
    const QString trimmed = text.trimmed();
    double value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok)
        value = QLocale().toDouble(trimmed, &ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

QComboBox *makeCombo(QWidget *parent, const char *name)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(QLatin1String(name));
    return box;
}

QSpinBox *makeSeconds(QWidget *parent, const char *name, int minimum, int maximum)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(minimum, maximum);
    return box;
}

} // namespace

AlertRuleForm::AlertRuleForm(QWidget *parent)
    : QWidget(parent)
{
    m_kindHelp = new QLabel(this);
    m_kindHelp->setObjectName(QStringLiteral("ruleKindHelp"));
    m_kindHelp->setWordWrap(true);
    m_kindHelp->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    Theme::setTextRole(m_kindHelp, Theme::Text::Muted);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("ruleName"));
    m_kind = makeCombo(this, "ruleKind");
    for (AlertKind kind : kKinds)
        m_kind->addItem(QString(), int(kind));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("ruleTopic"));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("rulePath"));
    m_decoder = makeCombo(this, "ruleDecoder");
    m_condition = makeCombo(this, "ruleCondition");
    m_condition->addItems({QString(), QString()});
    m_op = makeCombo(this, "ruleOperator");
    for (AlertOperator op : kOperators)
        m_op->addItem(QString(), int(op));
    m_threshold = new QLineEdit(this);
    m_threshold->setObjectName(QStringLiteral("ruleThreshold"));
    m_regex = new QLineEdit(this);
    m_regex->setObjectName(QStringLiteral("ruleRegex"));
    m_hysteresis = new QDoubleSpinBox(this);
    m_hysteresis->setObjectName(QStringLiteral("ruleHysteresis"));
    m_hysteresis->setRange(0, 1e12);
    m_hysteresis->setDecimals(2);
    m_silence = makeSeconds(this, "ruleSilence", 1, kMaxSeconds);
    m_window = makeSeconds(this, "ruleWindow", 1, 3600);
    m_cooldown = makeSeconds(this, "ruleCooldown", 0, kMaxSeconds);
    m_action = new QGroupBox(this);
    m_action->setObjectName(QStringLiteral("ruleAction"));
    m_action->setCheckable(true);
    m_action->setChecked(false);
    m_actionTopic = new QLineEdit(m_action);
    m_actionTopic->setObjectName(QStringLiteral("actionTopic"));
    m_actionPayload = new QLineEdit(m_action);
    m_actionPayload->setObjectName(QStringLiteral("actionPayload"));
    m_actionQos = makeCombo(m_action, "actionQos");
    m_actionQos->addItems({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")});
    m_actionRetain = new QCheckBox(m_action);
    m_actionRetain->setObjectName(QStringLiteral("actionRetain"));
    m_placeholders = new QLabel(m_action);
    m_placeholders->setWordWrap(true);
    Theme::setTextRole(m_placeholders, Theme::Text::Muted);
    m_otherError = new QLabel(this);
    m_otherError->setObjectName(QStringLiteral("ruleError"));
    m_otherError->setWordWrap(true);
    m_otherError->hide();
    Theme::setTextRole(m_otherError, Theme::Text::Error);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *nameLabel = new QLabel(this);
    auto *kindLabel = new QLabel(this);
    auto *filterLabel = new QLabel(this);
    auto *pathLabel = new QLabel(this);
    auto *decoderLabel = new QLabel(this);
    auto *conditionLabel = new QLabel(this);
    auto *compareLabel = new QLabel(this);
    auto *regexLabel = new QLabel(this);
    auto *hysteresisLabel = new QLabel(this);
    auto *silenceLabel = new QLabel(this);
    auto *windowLabel = new QLabel(this);
    auto *cooldownLabel = new QLabel(this);
    addRow(m_form, nameLabel, m_name, withError(m_name, {QStringLiteral("name")}));
    // The kind and what it does, as one row: a wrapped line of its own in the form was given
    // the height of a narrower one.
    auto *kindRow = new QWidget(this);
    auto *kindLayout = new QVBoxLayout(kindRow);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->setSpacing(4);
    kindLayout->addWidget(m_kind);
    kindLayout->addWidget(m_kindHelp);
    addRow(m_form, kindLabel, m_kind, kindRow);
    m_filterRow = withError(m_filter, {QStringLiteral("topic")});
    addRow(m_form, filterLabel, m_filter, m_filterRow);
    m_pathRow = withError(m_path, {QStringLiteral("path")});
    addRow(m_form, pathLabel, m_path, m_pathRow);
    m_decoderRow = withError(m_decoder, {QStringLiteral("decoder")});
    addRow(m_form, decoderLabel, m_decoder, m_decoderRow);
    m_conditionRow = m_condition;
    addRow(m_form, conditionLabel, m_condition, m_conditionRow);
    auto *compare = new QWidget(this);
    auto *compareLayout = new QHBoxLayout(compare);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->addWidget(m_op);
    compareLayout->addWidget(m_threshold, 1);
    m_compareRow = withError(compare, {QStringLiteral("op"), QStringLiteral("threshold")});
    addRow(m_form, compareLabel, m_op, m_compareRow);
    m_regexRow = withError(m_regex, {QStringLiteral("regex")});
    addRow(m_form, regexLabel, m_regex, m_regexRow);
    m_hysteresisRow = withError(m_hysteresis, {QStringLiteral("hysteresis")});
    addRow(m_form, hysteresisLabel, m_hysteresis, m_hysteresisRow);
    m_silenceRow = withError(m_silence, {QStringLiteral("seconds")});
    addRow(m_form, silenceLabel, m_silence, m_silenceRow);
    m_windowRow = withError(m_window, {QStringLiteral("windowSeconds")});
    addRow(m_form, windowLabel, m_window, m_windowRow);
    addRow(m_form, cooldownLabel, m_cooldown,
           withError(m_cooldown, {QStringLiteral("cooldownSeconds")}));
    // The operator's and the threshold's errors share a line, read out with the threshold.
    m_errorFields.insert(m_errors.value(QStringLiteral("threshold")), m_threshold);

    m_actionForm = new QFormLayout(m_action);
    m_actionForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *actionTopicLabel = new QLabel(m_action);
    auto *actionPayloadLabel = new QLabel(m_action);
    auto *actionQosLabel = new QLabel(m_action);
    addRow(m_actionForm, actionTopicLabel, m_actionTopic,
           withError(m_actionTopic, {QStringLiteral("action.topic")}));
    addRow(m_actionForm, actionPayloadLabel, m_actionPayload, m_actionPayload);
    auto *qosRow = new QWidget(m_action);
    auto *qosLayout = new QHBoxLayout(qosRow);
    qosLayout->setContentsMargins(0, 0, 0, 0);
    qosLayout->addWidget(m_actionQos);
    qosLayout->addWidget(m_actionRetain);
    qosLayout->addStretch(1);
    addRow(m_actionForm, actionQosLabel, m_actionQos, qosRow);
    m_actionForm->addRow(QString(), m_placeholders);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addWidget(m_action);
    layout->addWidget(m_otherError);
    layout->addStretch(1);

    // Tab order: the form's fields in the order they are shown.
    const QList<QWidget *> chain{
        m_name,     m_kind,      m_filter,      m_path,          m_decoder,   m_condition,
        m_op,       m_threshold, m_regex,       m_hysteresis,    m_silence,   m_window,
        m_cooldown, m_action,    m_actionTopic, m_actionPayload, m_actionQos, m_actionRetain};
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));

    m_texts.add([=, this] {
        nameLabel->setText(tr("&Name:"));
        m_name->setPlaceholderText(tr("e.g. Hot boiler (alerts are reported under it)"));
        kindLabel->setText(tr("&Watch:"));
        m_kind->setItemText(0, tr("A value in the payload"));
        m_kind->setItemText(1, tr("Silence: no message for a while"));
        m_kind->setItemText(2, tr("Message rate"));
        m_kind->setItemText(3, tr("A retained message that changed"));
        m_kind->setItemText(4, tr("The connection going down"));
        filterLabel->setText(tr("&Topic filter:"));
        m_filter->setPlaceholderText(tr("e.g. plant/+/boiler (+ and # allowed)"));
        pathLabel->setText(tr("&JSON path:"));
        m_path->setPlaceholderText(tr("e.g. $.temp (empty: the whole payload)"));
        decoderLabel->setText(tr("D&ecode as:"));
        const QString decoder = DecoderCombo::currentId(m_decoder);
        DecoderCombo::fill(m_decoder);
        m_decoder->removeItem(m_decoder->findData(DecoderRegistry::AutoId.toString()));
        m_decoder->insertItem(0, tr("Nothing: the payload as it is"), QString());
        m_decoder->setToolTip(tr("A binary payload (CBOR, Protobuf, …) is decoded first; the "
                                 "JSON path then applies to what it decodes to."));
        if (!DecoderCombo::select(m_decoder, decoder))
            m_decoder->setCurrentIndex(0);
        conditionLabel->setText(tr("&Condition:"));
        m_condition->setItemText(0, tr("Compare with a threshold"));
        m_condition->setItemText(1, tr("Match a regular expression"));
        compareLabel->setText(tr("&Fires when:"));
        m_op->setAccessibleName(tr("Comparison"));
        m_threshold->setAccessibleName(tr("Threshold"));
        fillOperators();
        regexLabel->setText(tr("Re&gular expression:"));
        m_regex->setPlaceholderText(tr("e.g. \\b(ERROR|FATAL)\\b (searched in the text)"));
        hysteresisLabel->setText(tr("&Hysteresis:"));
        m_hysteresis->setToolTip(tr("A fired rule clears only once the value is past the "
                                    "threshold by this much (\"> 90\" with 2 clears at 88), so "
                                    "a value hovering around it does not flap"));
        silenceLabel->setText(tr("&Silent for:"));
        m_silence->setSuffix(tr(" s"));
        windowLabel->setText(tr("Over the &last:"));
        m_window->setSuffix(tr(" s"));
        m_window->setToolTip(tr("The rate is the mean over this many whole seconds"));
        cooldownLabel->setText(tr("C&ooldown:"));
        m_cooldown->setSuffix(tr(" s"));
        m_cooldown->setSpecialValueText(tr("None"));
        m_cooldown->setToolTip(tr("After firing, the rule does not fire again until it has "
                                  "cleared and this much time has passed"));
        m_action->setTitle(tr("Pu&blish a message when the rule fires"));
        actionTopicLabel->setText(tr("&Message topic:"));
        m_actionTopic->setPlaceholderText(tr("e.g. alerts/{rule}"));
        actionPayloadLabel->setText(tr("Pa&yload:"));
        m_actionPayload->setPlaceholderText(tr("e.g. {\"topic\":\"{topic}\",\"value\":{value}}"));
        actionQosLabel->setText(tr("&QoS:"));
        m_actionRetain->setText(tr("&Keep on the broker (retain)"));
        m_placeholders->setText(tr("{rule}, {topic}, {value}, {event} and {time} are replaced; "
                                   "keep the topic outside the filters the rules watch."));
        updateVisibility();
    });

    for (QLineEdit *edit :
         {m_name, m_filter, m_path, m_threshold, m_regex, m_actionTopic, m_actionPayload})
        connect(edit, &QLineEdit::textChanged, this, &AlertRuleForm::onChanged);
    for (QComboBox *box : {m_kind, m_decoder, m_condition, m_op, m_actionQos})
        connect(box, &QComboBox::currentIndexChanged, this, &AlertRuleForm::onChanged);
    for (QSpinBox *box : {m_silence, m_window, m_cooldown})
        connect(box, &QSpinBox::valueChanged, this, &AlertRuleForm::onChanged);
    connect(m_hysteresis, &QDoubleSpinBox::valueChanged, this, &AlertRuleForm::onChanged);
    connect(m_action, &QGroupBox::toggled, this, &AlertRuleForm::onChanged);
    connect(m_actionRetain, &QCheckBox::toggled, this, &AlertRuleForm::onChanged);
    setRule(AlertRule());
}

QWidget *AlertRuleForm::withError(QWidget *field, const QStringList &names)
{
    auto *row = new QWidget(field->parentWidget());
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    auto *error = new QLabel(row);
    error->setObjectName(QStringLiteral("error_") + names.first());
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    error->hide();
    Theme::setTextRole(error, Theme::Text::Error);
    layout->addWidget(error);
    for (const QString &name : names)
        m_errors.insert(name, error);
    m_errorFields.insert(error, field);
    return row;
}

void AlertRuleForm::addRow(QFormLayout *form, QLabel *label, QWidget *field, QWidget *row)
{
    label->setBuddy(field);
    form->addRow(label, row);
}

QWidget *AlertRuleForm::firstField() const
{
    return m_name;
}

QWidget *AlertRuleForm::lastField() const
{
    return m_actionRetain;
}

void AlertRuleForm::fillOperators()
{
    const QStringList meanings{tr("greater than"), tr("at least"), tr("less than"),
                               tr("at most"),      tr("equal to"), tr("not equal to")};
    for (int i = 0; i < m_op->count(); ++i) {
        const auto op = AlertOperator(m_op->itemData(i).toInt());
        m_op->setItemText(i, tr("%1  (%2)").arg(alertOperatorName(op), meanings.value(i)));
    }
}

void AlertRuleForm::setRule(const AlertRule &rule)
{
    m_loading = true;
    m_name->setText(rule.name);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(int(rule.kind))));
    m_filter->setText(rule.filter);
    m_path->setText(rule.path);
    if (!DecoderCombo::select(m_decoder, rule.decoder))
        m_decoder->setCurrentIndex(0);
    m_condition->setCurrentIndex(rule.regex.isEmpty() ? 0 : 1);
    m_op->setCurrentIndex(qMax(0, m_op->findData(int(rule.op))));
    m_threshold->setText(rule.thresholdIsText ? rule.textThreshold
                                              : AlertCondition::numberText(rule.threshold));
    m_regex->setText(rule.regex);
    m_hysteresis->setValue(rule.hysteresis);
    m_silence->setValue(rule.silenceSeconds);
    m_window->setValue(rule.windowSeconds);
    m_cooldown->setValue(rule.cooldownSeconds);
    m_action->setChecked(rule.action.isSet() || !rule.action.payload.isEmpty());
    m_actionTopic->setText(rule.action.topic);
    m_actionPayload->setText(rule.action.payload);
    m_actionQos->setCurrentIndex(int(rule.action.qos));
    m_actionRetain->setChecked(rule.action.retain);
    m_loading = false;
    updateVisibility();
    showProblem(problem());
}

AlertRule AlertRuleForm::rule() const
{
    AlertRule rule;
    const auto kind = AlertKind(m_kind->currentData().toInt());
    rule.name = m_name->text().trimmed();
    rule.kind = kind;
    if (kind != AlertKind::ConnectionLost)
        rule.filter = m_filter->text().trimmed();
    const bool regex = kind == AlertKind::Payload && m_condition->currentIndex() == 1;
    if (kind == AlertKind::Payload) {
        rule.path = m_path->text().trimmed();
        rule.decoder = DecoderCombo::currentId(m_decoder);
        if (regex)
            rule.regex = m_regex->text();
    }
    if ((kind == AlertKind::Payload && !regex) || kind == AlertKind::Rate) {
        rule.op = AlertOperator(m_op->currentData().toInt());
        const std::optional<double> value = number(m_threshold->text());
        if (value) {
            rule.threshold = *value;
        } else if (kind == AlertKind::Payload) {
            rule.thresholdIsText = true;
            rule.textThreshold = m_threshold->text();
        }
        rule.hysteresis = m_hysteresis->value();
    }
    if (kind == AlertKind::Silence)
        rule.silenceSeconds = m_silence->value();
    if (kind == AlertKind::Rate)
        rule.windowSeconds = m_window->value();
    rule.cooldownSeconds = m_cooldown->value();
    if (m_action->isChecked()) {
        rule.action.topic = m_actionTopic->text().trimmed();
        rule.action.payload = m_actionPayload->text();
        rule.action.qos = QoS(m_actionQos->currentIndex());
        rule.action.retain = m_actionRetain->isChecked();
    }
    return rule;
}

std::optional<AlertRuleError> AlertRuleForm::problem() const
{
    using Code = AlertRuleError::Code;
    const auto kind = AlertKind(m_kind->currentData().toInt());
    std::optional<AlertRuleError> error = rule().validate();
    // The fields above the threshold first, as validate() goes.
    if (error && (error->field == QLatin1String("name") || error->field == QLatin1String("topic")))
        return error;
    if (kind == AlertKind::Rate && !number(m_threshold->text()))
        return AlertRuleError{Code::WrongType, QStringLiteral("threshold"), 0,
                              tr("The rate threshold is a number of messages per second, e.g. "
                                 "500 or 0.5.")};
    if (error)
        return error;
    if (m_action->isChecked() && m_actionTopic->text().trimmed().isEmpty())
        return AlertRuleError{Code::Missing, QStringLiteral("action.topic"), 0,
                              tr("Enter the topic to publish to, or untick \"Publish a message "
                                 "when the rule fires\".")};
    return std::nullopt;
}

void AlertRuleForm::showProblem(const std::optional<AlertRuleError> &error)
{
    QLabel *shown = error ? m_errors.value(error->field) : nullptr;
    for (auto it = m_errorFields.cbegin(); it != m_errorFields.cend(); ++it) {
        QLabel *label = it.key();
        const bool show = label == shown;
        label->setText(show ? error->detail : QString());
        label->setVisible(show);
        // Read out with the field, not only seen under it.
        it.value()->setAccessibleDescription(show ? error->detail : QString());
    }
    m_otherError->setText(error && !shown ? error->message() : QString());
    m_otherError->setVisible(error && !shown);
}

void AlertRuleForm::updateVisibility()
{
    const auto kind = AlertKind(m_kind->currentData().toInt());
    const bool payload = kind == AlertKind::Payload;
    const bool regex = payload && m_condition->currentIndex() == 1;
    const bool compare = (payload && !regex) || kind == AlertKind::Rate;
    m_form->setRowVisible(m_filterRow, kind != AlertKind::ConnectionLost);
    m_form->setRowVisible(m_pathRow, payload);
    m_form->setRowVisible(m_decoderRow, payload);
    m_form->setRowVisible(m_conditionRow, payload);
    m_form->setRowVisible(m_compareRow, compare);
    m_form->setRowVisible(m_regexRow, regex);
    m_form->setRowVisible(m_hysteresisRow, compare);
    m_form->setRowVisible(m_silenceRow, kind == AlertKind::Silence);
    m_form->setRowVisible(m_windowRow, kind == AlertKind::Rate);
    m_threshold->setPlaceholderText(kind == AlertKind::Rate
                                        ? tr("messages per second, e.g. 500")
                                        : tr("a number, or a text for == and !="));
    switch (kind) {
    case AlertKind::Payload:
        m_kindHelp->setText(tr("Fires when a message's value passes the threshold, or its text "
                               "matches the regular expression. Each topic the filter matches "
                               "has its own alert."));
        break;
    case AlertKind::Silence:
        m_kindHelp->setText(tr("Fires when no message arrived on the filter for this long, and "
                               "clears with the next one. Not judged while disconnected."));
        break;
    case AlertKind::Rate:
        m_kindHelp->setText(tr("Fires when the messages per second on the filter, averaged over "
                               "the window, pass the threshold."));
        break;
    case AlertKind::RetainedChanged:
        m_kindHelp->setText(tr("Fires when a retained message arrives whose payload differs "
                               "from the last retained one of its topic."));
        break;
    case AlertKind::ConnectionLost:
        m_kindHelp->setText(tr("Fires when the connection goes down without you disconnecting "
                               "it, and clears when it is up again."));
        break;
    }
}

void AlertRuleForm::onChanged()
{
    if (m_loading)
        return;
    updateVisibility();
    showProblem(problem());
    emit edited();
}

QString AlertRuleForm::summary(const AlertRule &rule)
{
    switch (rule.kind) {
    case AlertKind::Payload: {
        const QString value = rule.path.isEmpty() ? tr("payload") : rule.path;
        if (!rule.regex.isEmpty())
            return tr("%1 matches /%2/ on %3").arg(value, rule.regex, rule.filter);
        const QString threshold = rule.thresholdIsText
                                      ? QStringLiteral("\"%1\"").arg(rule.textThreshold)
                                      : AlertCondition::numberText(rule.threshold);
        return tr("%1 %2 %3 on %4").arg(value, alertOperatorName(rule.op), threshold, rule.filter);
    }
    case AlertKind::Silence:
        return tr("nothing on %1 for %2 s").arg(rule.filter).arg(rule.silenceSeconds);
    case AlertKind::Rate:
        return tr("%1 %2 msg/s on %3")
            .arg(alertOperatorName(rule.op), AlertCondition::numberText(rule.threshold),
                 rule.filter);
    case AlertKind::RetainedChanged:
        return tr("retained changes on %1").arg(rule.filter);
    case AlertKind::ConnectionLost:
        return tr("connection lost");
    }
    return QString();
}

void AlertRuleForm::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

} // namespace mqttdesk
