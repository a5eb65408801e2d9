#include "core/sparkplug/sparkplug_topic.h"

#include <QList>

#include <array>

namespace mqttdesk {

namespace {

struct TypeInfo
{
    SparkplugTopic::Type type;
    const char *name;
    bool device;
};

constexpr std::array<TypeInfo, 8> kTypes{{
    {SparkplugTopic::Type::NBirth, "NBIRTH", false},
    {SparkplugTopic::Type::NDeath, "NDEATH", false},
    {SparkplugTopic::Type::DBirth, "DBIRTH", true},
    {SparkplugTopic::Type::DDeath, "DDEATH", true},
    {SparkplugTopic::Type::NData, "NDATA", false},
    {SparkplugTopic::Type::DData, "DDATA", true},
    {SparkplugTopic::Type::NCmd, "NCMD", false},
    {SparkplugTopic::Type::DCmd, "DCMD", true},
}};

} // namespace

std::optional<SparkplugTopic> SparkplugTopic::parse(QStringView topic)
{
    const QList<QStringView> levels = topic.split(u'/');
    if (levels.size() < 4 || levels.size() > 5 || levels.at(0) != u"spBv1.0")
        return std::nullopt;
    for (const TypeInfo &info : kTypes) {
        if (levels.at(2) != QLatin1String(info.name))
            continue;
        if (info.device != (levels.size() == 5))
            return std::nullopt;
        SparkplugTopic out;
        out.group = levels.at(1).toString();
        out.type = info.type;
        out.node = levels.at(3).toString();
        if (info.device)
            out.device = levels.at(4).toString();
        if (out.group.isEmpty() || out.node.isEmpty() || (info.device && out.device.isEmpty()))
            return std::nullopt;
        return out;
    }
    return std::nullopt;
}

QString SparkplugTopic::typeName(Type type)
{
    for (const TypeInfo &info : kTypes) {
        if (info.type == type)
            return QLatin1String(info.name);
    }
    return QString();
}

bool SparkplugTopic::carriesSeq() const
{
    return type != Type::NDeath && type != Type::NCmd && type != Type::DCmd;
}

} // namespace mqttdesk
