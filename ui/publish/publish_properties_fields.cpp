#include "ui/publish/publish_properties_fields.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStringList>

namespace mqttdesk {

PublishPropertiesFields::PublishPropertiesFields(Labels labels, QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_expiry(new QSpinBox(this))
    , m_contentType(new QLineEdit(this))
    , m_indicator(new QComboBox(this))
    , m_responseTopic(new QLineEdit(this))
    , m_correlation(new QLineEdit(this))
    , m_userProperties(new QLineEdit(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_expiry->setRange(0, 2147483647);
    m_indicator->addItem(QString(), -1);
    m_indicator->addItem(QString(), 0);
    m_indicator->addItem(QString(), 1);
    const bool mnemonics = labels == Labels::WithMnemonics;
    const struct
    {
        const char *withMnemonic;
        const char *plain;
        QWidget *field;
    } fields[] = {
        {QT_TR_NOOP("Message &expiry:"), QT_TR_NOOP("Message expiry:"), m_expiry},
        {QT_TR_NOOP("&Content type:"), QT_TR_NOOP("Content type:"), m_contentType},
        {QT_TR_NOOP("Payload format &indicator:"), QT_TR_NOOP("Payload format indicator:"),
         m_indicator},
        {QT_TR_NOOP("Res&ponse topic:"), QT_TR_NOOP("Response topic:"), m_responseTopic},
        {QT_TR_NOOP("Corre&lation data:"), QT_TR_NOOP("Correlation data:"), m_correlation},
        {QT_TR_NOOP("&User properties:"), QT_TR_NOOP("User properties:"), m_userProperties},
    };
    for (const auto &f : fields) {
        auto *label = new QLabel(this);
        label->setBuddy(f.field);
        m_form->addRow(label, f.field);
        const char *text = mnemonics ? f.withMnemonic : f.plain;
        m_texts.add([label, text] { label->setText(tr(text)); });
    }
    m_texts.add([this] {
        m_expiry->setSuffix(tr(" s"));
        m_expiry->setSpecialValueText(tr("never expires"));
        m_contentType->setPlaceholderText(tr("e.g. application/json"));
        m_indicator->setItemText(0, tr("not sent"));
        m_indicator->setItemText(1, tr("0: unspecified bytes"));
        m_indicator->setItemText(2, tr("1: UTF-8 text"));
    });
}

void PublishPropertiesFields::changeEvent(QEvent *event)
{
    m_texts.handle(event);
    QWidget::changeEvent(event);
}

std::optional<quint32> PublishPropertiesFields::expirySeconds() const
{
    if (m_expiry->value() <= 0)
        return std::nullopt;
    return quint32(m_expiry->value());
}

void PublishPropertiesFields::setExpirySeconds(std::optional<quint32> seconds)
{
    m_expiry->setValue(int(qMin<quint32>(seconds.value_or(0), quint32(m_expiry->maximum()))));
}

std::optional<quint8> PublishPropertiesFields::indicatorValue() const
{
    const int value = m_indicator->currentData().toInt();
    if (value < 0)
        return std::nullopt;
    return quint8(value);
}

void PublishPropertiesFields::setIndicatorValue(std::optional<quint8> value)
{
    m_indicator->setCurrentIndex(m_indicator->findData(value ? int(*value) : -1));
}

void PublishPropertiesFields::setUserPropertyPairs(const QList<StringPair> &pairs)
{
    QStringList texts;
    for (const StringPair &pair : pairs)
        texts.append(pair.name + QLatin1Char('=') + pair.value);
    m_userProperties->setText(texts.join(QStringLiteral("; ")));
}

} // namespace mqttdesk
