#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace mqttdesk {

// A Sparkplug B topic: spBv1.0/<group>/<message type>/<edge node>[/<device>].
struct SparkplugTopic
{
    enum class Type
    {
        NBirth,
        NDeath,
        DBirth,
        DDeath,
        NData,
        DData,
        NCmd,
        DCmd,
    };

    QString group;
    Type type = Type::NData;
    QString node;
    QString device; // empty for the edge node's own messages

    // Nothing for other topics, for the host's STATE topic (its payload is JSON, not
    // Protobuf), and for a type that needs a device without one (or has one it must not).
    static std::optional<SparkplugTopic> parse(QStringView topic);
    static QString typeName(Type type);

    // The edge node the message belongs to: group/node.
    QString edgeNode() const { return group + QLatin1Char('/') + node; }
    bool isDevice() const { return !device.isEmpty(); }
    // Edge node messages that carry a sequence number (all but NDEATH and commands).
    bool carriesSeq() const;
};

} // namespace mqttdesk
