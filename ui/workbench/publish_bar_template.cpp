#include "ui/workbench/publish_bar_template.h"

#include "ui/publish/publish_bar.h"
#include "ui/subscriptions/user_property_parser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace mqttdesk {

PublishTemplate PublishBarTemplate::fromBar(const PublishBar &bar, QString *userPropertiesError)
{
    userPropertiesError->clear();
    PublishTemplate item;
    item.topic = bar.topicEdit()->text();
    item.qos = QoS(bar.qosBox()->currentIndex());
    item.retain = bar.retainBox()->isChecked();
    item.format = PayloadFormat(bar.formatBox()->currentData().toInt());
    item.payload = bar.payloadEdit()->toPlainText();
    if (!bar.propertiesActive())
        return item;
    TemplateProperties &p = item.properties;
    if (bar.expiryBox()->value() > 0)
        p.messageExpiry = quint32(bar.expiryBox()->value());
    if (const int i = bar.payloadIndicatorBox()->currentData().toInt(); i >= 0)
        p.payloadFormatIndicator = quint8(i);
    p.contentType = bar.contentTypeEdit()->text();
    p.responseTopic = bar.responseTopicEdit()->text();
    p.correlationData = bar.correlationEdit()->text();
    p.userProperties =
        UserPropertyParser::parse(bar.userPropertiesEdit()->text(), userPropertiesError)
            .value_or(QList<StringPair>{});
    return item;
}

} // namespace mqttdesk
