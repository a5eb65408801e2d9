#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttdesk {

// The test publisher's payloads: Sparkplug B messages written in Protobuf text format and
// serialised with libprotobuf against the library's schema, as an edge node would send them.
class SparkplugPayloads
{
public:
    // `text`: Protobuf text format of org.eclipse.tahu.protobuf.Payload.
    static QByteArray make(const char *text);

    struct Step
    {
        QString topic; // below spBv1.0/
        QByteArray payload;
    };
    // An edge node's life: NBIRTH, a device's DBIRTH with aliases, DDATA by alias, a
    // sequence gap, NDATA, the device's DDEATH and DDATA after it, the NDEATH and NDATA
    // after it. Topics are spBv1.0/<group>/<type>/node-1[/pump-1].
    static QList<Step> life(const QString &group);
};

} // namespace mqttdesk
