#include "tests/sparkplug/sparkplug_payloads.h"

#include "core/sparkplug/sparkplug_schema.h"

#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>

#include <memory>

namespace mqttdesk {

QByteArray SparkplugPayloads::make(const char *text)
{
    std::unique_ptr<google::protobuf::Message> payload(
        SparkplugSchema::instance().prototype()->New());
    if (!google::protobuf::TextFormat::ParseFromString(text, payload.get()))
        qFatal("not a Sparkplug payload in text format: %s", text);
    const std::string bytes = payload->SerializeAsString();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

QList<SparkplugPayloads::Step> SparkplugPayloads::life(const QString &group)
{
    const QString n = QStringLiteral("spBv1.0/%1/%2/node-1").arg(group, QStringLiteral("%1"));
    const QString d = n + QStringLiteral("/pump-1");
    return {
        {n.arg(QStringLiteral("NBIRTH")), make(R"(timestamp: 1733400000000 seq: 0
                 metrics { name: "bdSeq" datatype: 8 long_value: 3 }
                 metrics { name: "Node Control/Rebirth" alias: 1 datatype: 11 boolean_value: false }
                 metrics { name: "Temperature" alias: 2 datatype: 9 float_value: 20.5 })")},
        {d.arg(QStringLiteral("DBIRTH")), make(R"(timestamp: 1733400000100 seq: 1
                 metrics { name: "Pressure" alias: 10 datatype: 10 double_value: 4.25 }
                 metrics { name: "Running" alias: 11 datatype: 11 boolean_value: true }
                 metrics { name: "Offset" alias: 12 datatype: 2 int_value: 65535 })")},
        {d.arg(QStringLiteral("DDATA")), make(R"(timestamp: 1733400001000 seq: 2
                 metrics { alias: 10 timestamp: 1733400001000 datatype: 10 double_value: 4.5 }
                 metrics { alias: 12 datatype: 2 int_value: 65534 })")},
        // seq 3 never arrives
        {d.arg(QStringLiteral("DDATA")), make(R"(timestamp: 1733400003000 seq: 4
                 metrics { alias: 11 datatype: 11 boolean_value: false })")},
        {n.arg(QStringLiteral("NDATA")), make(R"(timestamp: 1733400004000 seq: 5
                 metrics { alias: 2 datatype: 9 float_value: 21.5 })")},
        {d.arg(QStringLiteral("DDEATH")), make(R"(timestamp: 1733400005000 seq: 6)")},
        {d.arg(QStringLiteral("DDATA")), make(R"(timestamp: 1733400006000 seq: 7
                 metrics { alias: 10 datatype: 10 double_value: 0 })")},
        {n.arg(QStringLiteral("NDEATH")), make(R"(timestamp: 1733400007000
                 metrics { name: "bdSeq" datatype: 8 long_value: 3 })")},
        {n.arg(QStringLiteral("NDATA")), make(R"(timestamp: 1733400008000 seq: 8
                 metrics { alias: 2 datatype: 9 float_value: 22 })")},
    };
}

} // namespace mqttdesk
