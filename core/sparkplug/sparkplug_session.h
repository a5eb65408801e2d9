#pragma once

#include "core/payload/rendered_payload.h"
#include "core/sparkplug/sparkplug_json_writer.h"
#include "core/sparkplug/sparkplug_topic.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <optional>

namespace mqttdesk {

// Follows Sparkplug B edge nodes through their messages in arrival order, as a host
// application does: an NBIRTH (and each DBIRTH) declares the metrics' aliases, so later
// DATA naming metrics by alias only is shown with their names; the sequence number must
// go up by one (mod 256) from the NBIRTH's on every message of the node and its devices,
// and a gap is flagged with what was expected; DATA from a node or device not born (since
// the session began, or since its death) is flagged; births and deaths say the node or
// device went online or offline. Pure: no sockets, no timers; the CLI feeds it messages as
// they arrive. Not thread-safe.
class SparkplugSession
{
public:
    struct Result
    {
        RenderedPayload rendered;   // JSON with a leading "sparkplug" object, or the fallback
        QStringList warnings;       // translated: "sequence gap: expected 4, got 6"
        std::optional<bool> online; // births: true, deaths: false
    };

    // Nothing for topics that are not Sparkplug B (including STATE).
    std::optional<Result> process(QStringView topic, QByteArrayView bytes, qsizetype maxChars = -1);
    // Forgets every node (the next DATA of each is "before birth" until it is born again).
    void clear() { m_nodes.clear(); }

private:
    struct Node
    {
        bool born = false;
        std::optional<quint8> lastSeq;
        SparkplugJsonWriter::Names names;
        QSet<QString> devicesBorn;
    };

    QHash<QString, Node> m_nodes; // by group/node
};

} // namespace mqttdesk
