#pragma once

#include "core/protocol/properties.h"
#include "ui/i18n/retranslator.h"

#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace mqttdesk {

// The MQTT 5 publish properties as a person types them, a form of labelled fields: Message
// Expiry (0: never expires), Content Type, Payload Format Indicator (not sent, 0 or 1),
// Response Topic, Correlation Data (text sent as UTF-8) and user properties on one line
// ("name=value; other=value", read with UserPropertyParser by the owner). The publish bar and
// the template editor each hold one; they read the texts their own way (a template's may
// hold variables) and set their own placeholders where those differ.
class PublishPropertiesFields : public QWidget
{
    Q_OBJECT
public:
    enum class Labels : quint8
    {
        WithMnemonics, // "Message &expiry:" (the publish bar)
        Plain,         // "Message expiry:" (a form that has mnemonics of its own)
    };

    explicit PublishPropertiesFields(Labels labels, QWidget *parent = nullptr);

    QSpinBox *expiry() const { return m_expiry; }
    QLineEdit *contentType() const { return m_contentType; }
    QComboBox *indicator() const { return m_indicator; }
    QLineEdit *responseTopic() const { return m_responseTopic; }
    QLineEdit *correlation() const { return m_correlation; }
    QLineEdit *userProperties() const { return m_userProperties; }
    // For an owner's own rows under the fields (e.g. a line that says what is wrong).
    QFormLayout *form() const { return m_form; }

    // Seconds; nothing when the box says "never expires".
    std::optional<quint32> expirySeconds() const;
    void setExpirySeconds(std::optional<quint32> seconds);
    // Nothing when "not sent".
    std::optional<quint8> indicatorValue() const;
    void setIndicatorValue(std::optional<quint8> value);
    // Writes `pairs` as the one-line text ("name=value; other=value").
    void setUserPropertyPairs(const QList<StringPair> &pairs);

protected:
    void changeEvent(QEvent *event) override;

private:
    QFormLayout *m_form;
    QSpinBox *m_expiry;
    QLineEdit *m_contentType;
    QComboBox *m_indicator;
    QLineEdit *m_responseTopic;
    QLineEdit *m_correlation;
    QLineEdit *m_userProperties;
    Retranslator m_texts;
};

} // namespace mqttdesk
