#pragma once

#include "core/protocol/qos.h"

#include <QString>

namespace mqttdesk {

// How RequestClient sends a request and recognises its reply. The texts may hold template
// variables: they expand with the request's own message values, so "{{uuid}}" in the response
// topic, the correlation and the payload is one value.
struct RequestOptions
{
    // Where the reply is expected; subscribed before the request goes out. A topic unique to
    // the request (the default) sees only its reply.
    QString responseTopic = QStringLiteral("mqttdesk/reply/{{uuid}}");
    // 5.0: sent as Correlation Data and matched against the reply's.
    QString correlation = QStringLiteral("{{uuid}}");
    // The JSON member of the reply's payload that carries the correlation: how 3.1.1, which
    // has no Correlation Data, matches a reply (the request's payload carries it too, e.g.
    // "id": "{{uuid}}"). Empty: 5.0 matches on the property; 3.1.1 takes the first message on
    // the response topic.
    QString correlationField;
    int timeoutMs = 5000;
    QoS responseQos = QoS::AtLeastOnce;
};

} // namespace mqttdesk
