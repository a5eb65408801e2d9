#pragma once

#include "core/publish/compiled_template.h"
#include "core/publish/publish_template.h"
#include "ui/i18n/retranslator.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace mqttdesk {

class PublishPropertiesFields;

// The form of one publish template: name, topic, QoS, retain, format, payload, the 5.0
// properties (behind a toggle, as on the publish bar; user properties typed on one line,
// "name=value; other=value") and an outgoing script (behind its own toggle). Every edit compiles
// the template against the variables in scope, and each problem is shown under its field at once
// (an unknown {{variable}}, an unclosed tag, user properties that do not parse); in the payload the
// tag is underlined too. focusError() puts the caret on a problem with its text selected.
class TemplateEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TemplateEditor(QWidget *parent = nullptr);

    // Shows `item` (nothing: the form is cleared and disabled). Emits nothing.
    void setTemplate(const std::optional<PublishTemplate> &item);
    bool hasTemplate() const { return m_item.has_value(); }
    // The form as a template: the shown one's id and counter with the fields as typed.
    // User properties that do not parse keep their last good value.
    PublishTemplate currentTemplate() const;
    // The user variables the template sees (its collection's); compiles again.
    void setVariables(const QHash<QString, QString> &variables);
    // 5.0: properties offered; otherwise they are hidden (and not sent).
    void setMqtt5(bool mqtt5);

    // The form compiled against the variables; its errors are those shown.
    const CompiledTemplate &compiled() const { return m_compiled; }
    // Why the user properties do not parse (empty when they do).
    QString userPropertiesError() const { return m_userPropertiesError; }
    // Whether the form can make messages: no template error, user properties parse.
    bool isSendable() const
    {
        return m_item && m_compiled.isValid() && m_userPropertiesError.isEmpty();
    }
    // Focuses the first problem (a template error with its tag selected, or the user
    // properties); false when there is none.
    bool focusFirstError();
    // Focuses the field `error` is about and selects the tag.
    void focusError(const TemplateFieldError &error);
    // Focuses the field an expanded message was refused for (e.g. JSON broken by a value).
    void focusDraftError(const PublishDraftError &error);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *topicEdit() const { return m_topic; }
    QComboBox *qosBox() const { return m_qos; }
    QCheckBox *retainBox() const { return m_retain; }
    QComboBox *formatBox() const { return m_format; }
    QPlainTextEdit *payloadEdit() const { return m_payload; }
    QToolButton *scriptToggle() const { return m_scriptToggle; }
    QPlainTextEdit *scriptEdit() const { return m_script; }
    QToolButton *propertiesToggle() const { return m_propertiesToggle; }
    QSpinBox *expiryBox() const { return m_expiry; }
    QLineEdit *contentTypeEdit() const { return m_contentType; }
    QComboBox *indicatorBox() const { return m_indicator; }
    QLineEdit *responseTopicEdit() const { return m_responseTopic; }
    QLineEdit *correlationEdit() const { return m_correlation; }
    QLineEdit *userPropertiesEdit() const { return m_userProperties; }
    QLabel *topicError() const { return m_topicError; }
    QLabel *payloadError() const { return m_payloadError; }
    QLabel *propertiesError() const { return m_propertiesError; }
    // The first widget and the last of the form, for the page's tab order.
    QWidget *firstField() const;
    QWidget *lastField() const;

signals:
    // The user changed a field (not emitted by setTemplate).
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onEdited();
    void recompile();
    void showErrors();
    QWidget *fieldWidget(TemplateField field) const;
    void fillForm(const PublishTemplate &item);

    QLineEdit *m_name = nullptr;
    QLineEdit *m_topic = nullptr;
    QComboBox *m_qos = nullptr;
    QCheckBox *m_retain = nullptr;
    QComboBox *m_format = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QToolButton *m_propertiesToggle = nullptr;
    PublishPropertiesFields *m_properties = nullptr; // the fields below are its
    QSpinBox *m_expiry = nullptr;
    QLineEdit *m_contentType = nullptr;
    QComboBox *m_indicator = nullptr;
    QLineEdit *m_responseTopic = nullptr;
    QLineEdit *m_correlation = nullptr;
    QLineEdit *m_userProperties = nullptr;
    QLabel *m_topicError = nullptr;
    QLabel *m_payloadError = nullptr;
    QLabel *m_propertiesError = nullptr;
    QToolButton *m_scriptToggle = nullptr;
    QLabel *m_scriptLabel = nullptr;
    QWidget *m_scriptBox = nullptr;
    QPlainTextEdit *m_script = nullptr;
    QLabel *m_scriptHint = nullptr;

    std::optional<PublishTemplate> m_item;
    QHash<QString, QString> m_variables;
    CompiledTemplate m_compiled;
    QList<StringPair> m_userPropertyPairs; // the last that parsed
    QString m_userPropertiesError;
    bool m_mqtt5 = true;
    bool m_filling = false;
    Retranslator m_texts;
};

} // namespace mqttdesk
