#include "ui/workbench/template_editor.h"

#include "ui/publish/publish_properties_fields.h"
#include "ui/subscriptions/user_property_parser.h"
#include "ui/theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttdesk {

namespace {

constexpr PayloadFormat kFormats[] = {PayloadFormat::Text, PayloadFormat::Json, PayloadFormat::Hex,
                                      PayloadFormat::Base64};

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Theme::setTextRole(label, Theme::Text::Error);
    label->setVisible(false);
    return label;
}

// Where user property `index`'s name (or value) starts in the one-line text
// "name=value; other=value", as UserPropertyParser reads it; -1 when it is not there.
qsizetype userPropertyOffset(const QString &text, qsizetype index, bool value)
{
    qsizetype start = 0;
    qsizetype seen = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char(';'), start);
        if (end < 0)
            end = text.size();
        const QStringView part = QStringView(text).sliced(start, end - start);
        if (!part.trimmed().isEmpty()) {
            if (seen == index) {
                const qsizetype eq = part.indexOf(QLatin1Char('='));
                qsizetype at = value && eq >= 0 ? eq + 1 : 0;
                while (at < part.size() && part.at(at).isSpace())
                    ++at;
                return start + at;
            }
            ++seen;
        }
        start = end + 1;
    }
    return -1;
}

void selectIn(QWidget *field, qsizetype position, qsizetype length)
{
    if (auto *line = qobject_cast<QLineEdit *>(field)) {
        line->setSelection(int(position), int(length));
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(field)) {
        QTextCursor cursor = text->textCursor();
        cursor.setPosition(int(qMin<qsizetype>(position, text->document()->characterCount() - 1)));
        cursor.setPosition(
            int(qMin<qsizetype>(position + length, text->document()->characterCount() - 1)),
            QTextCursor::KeepAnchor);
        text->setTextCursor(cursor);
        text->ensureCursorVisible();
    }
}

} // namespace

TemplateEditor::TemplateEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);

    auto *topicLabel = new QLabel(this);
    m_topic = new QLineEdit(this);
    m_topic->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    topicLabel->setBuddy(m_topic);
    m_topicError = errorLabel(this);
    auto *topicBox = new QVBoxLayout;
    topicBox->setSpacing(2);
    topicBox->addWidget(m_topic);
    topicBox->addWidget(m_topicError);
    form->addRow(topicLabel, topicBox);

    auto *row = new QHBoxLayout;
    auto *qosLabel = new QLabel(this);
    m_qos = new QComboBox(this);
    m_qos->addItems({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")});
    qosLabel->setBuddy(m_qos);
    m_retain = new QCheckBox(this);
    auto *formatLabel = new QLabel(this);
    m_format = new QComboBox(this);
    for (PayloadFormat f : kFormats)
        m_format->addItem(payloadFormatName(f), int(f));
    formatLabel->setBuddy(m_format);
    m_propertiesToggle = new QToolButton(this);
    m_propertiesToggle->setCheckable(true);
    // Its text counts the properties: never squeezed below it.
    m_propertiesToggle->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    row->addWidget(m_qos);
    row->addWidget(m_retain);
    row->addSpacing(8);
    row->addWidget(formatLabel);
    row->addWidget(m_format);
    row->addStretch(1);
    row->addWidget(m_propertiesToggle);
    form->addRow(qosLabel, row);

    // Plain labels: the editor sits beside the publish bar, which has the mnemonics.
    m_properties = new PublishPropertiesFields(PublishPropertiesFields::Labels::Plain, this);
    m_expiry = m_properties->expiry();
    m_contentType = m_properties->contentType();
    m_indicator = m_properties->indicator();
    m_responseTopic = m_properties->responseTopic();
    m_correlation = m_properties->correlation();
    m_userProperties = m_properties->userProperties();
    m_propertiesError = errorLabel(m_properties);
    m_properties->form()->addRow(m_propertiesError);
    m_properties->setVisible(false);
    form->addRow(m_properties);

    auto *payloadLabel = new QLabel(this);
    m_payload = new QPlainTextEdit(this);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setTabChangesFocus(true);
    m_payload->setMinimumHeight(3 * QFontMetrics(m_payload->font()).lineSpacing() +
                                2 * m_payload->frameWidth() + 8);
    // As tall as its text wants, not a fixed 192 px: the form (in a scroll area that sizes it
    // by its preferred height) then keeps the script and the properties in view.
    m_payload->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    payloadLabel->setBuddy(m_payload);
    m_payloadError = errorLabel(this);
    auto *payloadBox = new QVBoxLayout;
    payloadBox->setSpacing(2);
    payloadBox->addWidget(m_payload, 1);
    payloadBox->addWidget(m_payloadError);
    // The script toggle under the payload's label: it takes no room of its own in a narrow
    // editor.
    m_scriptToggle = new QToolButton(this);
    m_scriptToggle->setCheckable(true);
    auto *payloadSide = new QWidget(this);
    auto *payloadSideBox = new QVBoxLayout(payloadSide);
    payloadSideBox->setContentsMargins(0, 0, 0, 0);
    payloadSideBox->setSpacing(4);
    payloadSideBox->addWidget(payloadLabel);
    payloadSideBox->addWidget(m_scriptToggle);
    payloadSideBox->addStretch(1);
    form->addRow(payloadSide, payloadBox);

    // The outgoing script: shown when toggled on, or when the template has one.
    m_scriptLabel = new QLabel(this);
    m_script = new QPlainTextEdit(this);
    m_script->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_script->setTabChangesFocus(true);
    m_script->setMinimumHeight(4 * QFontMetrics(m_script->font()).lineSpacing() +
                               2 * m_script->frameWidth() + 8);
    m_script->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_scriptLabel->setBuddy(m_script);
    m_scriptHint = new QLabel(this);
    m_scriptHint->setWordWrap(true);
    Theme::setTextRole(m_scriptHint, Theme::Text::Muted);
    m_scriptBox = new QWidget(this);
    auto *scriptBox = new QVBoxLayout(m_scriptBox);
    scriptBox->setContentsMargins(0, 0, 0, 0);
    scriptBox->setSpacing(2);
    scriptBox->addWidget(m_script, 1);
    scriptBox->addWidget(m_scriptHint);
    form->addRow(m_scriptLabel, m_scriptBox);
    form->setRowVisible(m_scriptBox, false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form, 1);

    m_texts.add([=, this] {
        nameLabel->setText(tr("&Name:"));
        m_name->setAccessibleName(tr("Template name"));
        topicLabel->setText(tr("Topic:"));
        m_topic->setPlaceholderText(tr("e.g. plant/{{device}}/cmd"));
        qosLabel->setText(tr("QoS:"));
        m_retain->setText(tr("Retain"));
        formatLabel->setText(tr("Format:"));
        for (int i = 0; i < m_format->count(); ++i)
            m_format->setItemText(i,
                                  payloadFormatName(PayloadFormat(m_format->itemData(i).toInt())));
        m_propertiesToggle->setAccessibleName(tr("MQTT 5 publish properties"));
        m_responseTopic->setPlaceholderText(tr("e.g. reply/{{client_id}}"));
        m_correlation->setPlaceholderText(tr("text, sent as UTF-8 bytes, e.g. {{uuid}}"));
        m_userProperties->setPlaceholderText(tr("name=value; other={{counter}}"));
        payloadLabel->setText(tr("Payload:"));
        m_payload->setPlaceholderText(
            tr("e.g. {\"n\": {{counter}}, \"at\": \"{{now}}\", \"v\": {{random 0 100}}}"));
        m_payload->setAccessibleName(tr("Payload"));
        m_scriptToggle->setText(tr("Script"));
        m_scriptToggle->setToolTip(
            tr("Transforms each message's payload with JavaScript before it is sent"));
        m_scriptToggle->setAccessibleName(tr("Outgoing script"));
        m_scriptLabel->setText(tr("Script:"));
        m_script->setAccessibleName(tr("Outgoing script"));
        m_script->setPlaceholderText(
            tr("e.g. return JSON.stringify({t: Date.now(), v: Math.random(), n: counter});"));
        m_scriptHint->setText(tr("function (payload, topic, counter): return the payload to send"));
        m_scriptHint->setToolTip(
            tr("payload is the payload above with its variables expanded. Return a string, an "
               "object (sent as JSON) or bytes (a typed array). The script runs on a worker "
               "thread, 50 ms at most per message; the preview shows what it makes, or its "
               "error with the line."));
        m_topicError->setAccessibleName(tr("Topic problem"));
        m_payloadError->setAccessibleName(tr("Payload problem"));
        m_propertiesError->setAccessibleName(tr("Properties problem"));
        showErrors();
    });

    connect(m_propertiesToggle, &QToolButton::toggled, this, [this](bool on) {
        m_properties->setVisible(on);
        showErrors();
    });
    for (QLineEdit *edit :
         {m_name, m_topic, m_contentType, m_responseTopic, m_correlation, m_userProperties})
        connect(edit, &QLineEdit::textChanged, this, &TemplateEditor::onEdited);
    connect(m_payload, &QPlainTextEdit::textChanged, this, &TemplateEditor::onEdited);
    connect(m_script, &QPlainTextEdit::textChanged, this, &TemplateEditor::onEdited);
    connect(m_scriptToggle, &QToolButton::toggled, this, [this, form](bool on) {
        form->setRowVisible(m_scriptBox, on);
        if (on && !m_filling)
            m_script->setFocus(Qt::OtherFocusReason);
    });
    for (QComboBox *box : {m_qos, m_format, m_indicator})
        connect(box, &QComboBox::currentIndexChanged, this, &TemplateEditor::onEdited);
    connect(m_retain, &QCheckBox::toggled, this, &TemplateEditor::onEdited);
    connect(m_expiry, &QSpinBox::valueChanged, this, &TemplateEditor::onEdited);

    QWidget *order[] = {m_name,           m_topic,         m_qos,
                        m_retain,         m_format,        m_propertiesToggle,
                        m_scriptToggle,   m_expiry,        m_contentType,
                        m_indicator,      m_responseTopic, m_correlation,
                        m_userProperties, m_payload,       m_script};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    setTemplate(std::nullopt);
}

void TemplateEditor::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

QWidget *TemplateEditor::firstField() const
{
    return m_name;
}

QWidget *TemplateEditor::lastField() const
{
    return m_script;
}

void TemplateEditor::setMqtt5(bool mqtt5)
{
    m_mqtt5 = mqtt5;
    m_propertiesToggle->setVisible(mqtt5);
    m_properties->setVisible(mqtt5 && m_propertiesToggle->isChecked());
    recompile();
}

void TemplateEditor::setVariables(const QHash<QString, QString> &variables)
{
    m_variables = variables;
    recompile();
}

void TemplateEditor::setTemplate(const std::optional<PublishTemplate> &item)
{
    const bool another = !m_item || !item || m_item->id != item->id;
    m_item = item;
    setEnabled(item.has_value());
    fillForm(item.value_or(PublishTemplate{}));
    // Another template shows its script, or starts with the box closed; the same one (its
    // counter moved) keeps the box as the user left it.
    if (another || !item->script.isEmpty()) {
        m_filling = true; // no focus change
        m_scriptToggle->setChecked(item && !item->script.isEmpty());
        m_filling = false;
    }
    recompile();
}

void TemplateEditor::fillForm(const PublishTemplate &item)
{
    m_filling = true;
    if (m_name->text() != item.name)
        m_name->setText(item.name);
    if (m_topic->text() != item.topic)
        m_topic->setText(item.topic);
    m_qos->setCurrentIndex(int(item.qos));
    m_retain->setChecked(item.retain);
    m_format->setCurrentIndex(qMax(0, m_format->findData(int(item.format))));
    if (m_payload->toPlainText() != item.payload)
        m_payload->setPlainText(item.payload);
    if (m_script->toPlainText() != item.script)
        m_script->setPlainText(item.script);
    const TemplateProperties &p = item.properties;
    m_properties->setExpirySeconds(p.messageExpiry);
    m_contentType->setText(p.contentType);
    m_properties->setIndicatorValue(p.payloadFormatIndicator);
    m_responseTopic->setText(p.responseTopic);
    m_correlation->setText(p.correlationData);
    m_properties->setUserPropertyPairs(p.userProperties);
    m_userPropertyPairs = p.userProperties;
    // A template with properties shows them; another keeps the panel as the user left it.
    if (!p.isEmpty())
        m_propertiesToggle->setChecked(true);
    m_filling = false;
}

PublishTemplate TemplateEditor::currentTemplate() const
{
    PublishTemplate t = m_item.value_or(PublishTemplate{});
    t.name = m_name->text();
    t.topic = m_topic->text();
    t.qos = QoS(m_qos->currentIndex());
    t.retain = m_retain->isChecked();
    t.format = PayloadFormat(m_format->currentData().toInt());
    t.payload = m_payload->toPlainText();
    t.script = m_script->toPlainText();
    TemplateProperties p;
    p.messageExpiry = m_properties->expirySeconds();
    p.payloadFormatIndicator = m_properties->indicatorValue();
    p.contentType = m_contentType->text();
    p.responseTopic = m_responseTopic->text();
    p.correlationData = m_correlation->text();
    p.userProperties = m_userPropertyPairs;
    t.properties = p;
    return t;
}

void TemplateEditor::onEdited()
{
    if (m_filling || !m_item)
        return;
    recompile();
    emit edited();
}

void TemplateEditor::recompile()
{
    m_userPropertiesError.clear();
    if (m_item) {
        QString error;
        if (const auto pairs = UserPropertyParser::parse(m_userProperties->text(), &error))
            m_userPropertyPairs = *pairs;
        else
            m_userPropertiesError = error;
    }
    m_compiled =
        m_item ? CompiledTemplate::compile(currentTemplate(), m_variables) : CompiledTemplate();
    m_compiled.setProtocolVersion(m_mqtt5 ? ProtocolVersion::V5 : ProtocolVersion::V311);
    showErrors();
}

void TemplateEditor::showErrors()
{
    QStringList topic;
    QStringList payload;
    QStringList properties;
    QList<QTextEdit::ExtraSelection> marks;
    for (const TemplateFieldError &e : m_compiled.errors()) {
        switch (e.field) {
        case TemplateField::Topic:
            topic << e.error.message();
            break;
        case TemplateField::Payload: {
            payload << e.error.message();
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(m_payload->document());
            mark.cursor.setPosition(int(e.error.position));
            mark.cursor.setPosition(
                int(qMin<qsizetype>(e.error.position + e.error.length,
                                    m_payload->document()->characterCount() - 1)),
                QTextCursor::KeepAnchor);
            mark.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
            mark.format.setUnderlineColor(Theme::errorText(palette()));
            marks << mark;
            break;
        }
        default:
            properties << e.message();
            break;
        }
    }
    if (!m_userPropertiesError.isEmpty())
        properties << m_userPropertiesError;
    m_payload->setExtraSelections(marks);
    const auto show = [](QLabel *label, const QStringList &texts) {
        label->setText(texts.join(QLatin1Char('\n')));
        label->setVisible(!texts.isEmpty());
    };
    show(m_topicError, topic);
    show(m_payloadError, payload);
    show(m_propertiesError, properties);
    // The panel only shows or hides the fields: a template's properties go out with every
    // 5.0 message. The toggle counts them, and names their problems while the panel is shut.
    const TemplateProperties &p = currentTemplate().properties;
    const int count = (p.messageExpiry ? 1 : 0) + (p.payloadFormatIndicator ? 1 : 0) +
                      (p.contentType.isEmpty() ? 0 : 1) + (p.responseTopic.isEmpty() ? 0 : 1) +
                      (p.correlationData.isEmpty() ? 0 : 1) + int(p.userProperties.size());
    m_propertiesToggle->setText(count > 0 ? tr("Properties (%1)").arg(count) : tr("Properties"));
    if (!properties.isEmpty() && !m_properties->isVisible())
        m_propertiesToggle->setToolTip(properties.join(QLatin1Char('\n')));
    else
        m_propertiesToggle->setToolTip(tr("Shows the MQTT 5 publish properties of the template"));
}

QWidget *TemplateEditor::fieldWidget(TemplateField field) const
{
    switch (field) {
    case TemplateField::Topic:
        return m_topic;
    case TemplateField::Payload:
        return m_payload;
    case TemplateField::ContentType:
        return m_contentType;
    case TemplateField::ResponseTopic:
        return m_responseTopic;
    case TemplateField::CorrelationData:
        return m_correlation;
    case TemplateField::UserPropertyName:
    case TemplateField::UserPropertyValue:
        return m_userProperties;
    }
    return m_topic;
}

void TemplateEditor::focusError(const TemplateFieldError &error)
{
    QWidget *field = fieldWidget(error.field);
    if (field->parentWidget() == m_properties && m_mqtt5)
        m_propertiesToggle->setChecked(true);
    field->setFocus(Qt::OtherFocusReason);
    qsizetype position = error.error.position;
    if (error.field == TemplateField::UserPropertyName ||
        error.field == TemplateField::UserPropertyValue) {
        const qsizetype start = userPropertyOffset(m_userProperties->text(), error.userProperty,
                                                   error.field == TemplateField::UserPropertyValue);
        if (start < 0)
            return;
        position += start;
    }
    selectIn(field, position, error.error.length);
}

void TemplateEditor::focusDraftError(const PublishDraftError &error)
{
    QWidget *field = m_topic;
    if (error.field == PublishField::Payload) {
        field = m_payload;
    } else if (error.field == PublishField::Properties) {
        switch (error.property.value_or(PropertyId::UserProperty)) {
        case PropertyId::ContentType:
            field = m_contentType;
            break;
        case PropertyId::ResponseTopic:
            field = m_responseTopic;
            break;
        case PropertyId::CorrelationData:
            field = m_correlation;
            break;
        default:
            field = m_userProperties;
            break;
        }
        if (m_mqtt5)
            m_propertiesToggle->setChecked(true);
    }
    field->setFocus(Qt::OtherFocusReason);
}

bool TemplateEditor::focusFirstError()
{
    if (!m_compiled.errors().isEmpty()) {
        focusError(m_compiled.errors().first());
        return true;
    }
    if (!m_userPropertiesError.isEmpty()) {
        if (m_mqtt5)
            m_propertiesToggle->setChecked(true);
        m_userProperties->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

} // namespace mqttdesk
