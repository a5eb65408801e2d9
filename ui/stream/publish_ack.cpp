#include "ui/stream/publish_ack.h"

#include <QCoreApplication>

namespace mqttdesk {

QString PublishAck::text() const
{
    switch (stage) {
    case Stage::Queued:
        return QCoreApplication::translate("PublishAck", "queued");
    case Stage::Sent:
        return QCoreApplication::translate("PublishAck", "sent");
    case Stage::Acked:
        return QCoreApplication::translate("PublishAck", "PUBACK");
    case Stage::Received:
        return QCoreApplication::translate("PublishAck", "PUBREC");
    case Stage::Completed:
        return QCoreApplication::translate("PublishAck", "PUBREC → PUBCOMP");
    case Stage::Failed:
        if (reasonCode)
            return QCoreApplication::translate("PublishAck", "failed: 0x%1 %2")
                .arg(static_cast<int>(*reasonCode), 2, 16, QLatin1Char('0'))
                .arg(errorText);
        return QCoreApplication::translate("PublishAck", "failed: %1").arg(errorText);
    }
    return {};
}

} // namespace mqttdesk
