#pragma once

#include "core/protocol/protocol_version.h"
#include "core/session/connack_info.h"
#include "core/session/session_action.h"
#include "core/session/session_event.h"
#include "core/session/session_options.h"
#include "core/session/session_state.h"

#include <QtGlobal>

#include <memory>
#include <optional>

namespace mqttdesk {

class SessionCore;

// The sans-I/O MQTT client session for 3.1, 3.1.1 and 5.0 (the async_mqtt
// rv_connection idea): events go in through handle(), actions come out, to be carried
// out in order by a shell that owns the transport and the timers. No QObject, no
// sockets, no timers, no clock: time is the `nowMs` argument (monotonic milliseconds),
// and the jitter of reconnect delays comes from `randomSeed`, so a test that feeds the
// same events gets the same actions.
//
// A typical exchange:
//   handle(ConnectRequested{}, t)  -> StateChanged{Connecting}, StartTimer{ConnectTimeout},
//                                     OpenTransport
//   handle(TransportOpened{}, t)   -> SendBytes{CONNECT}
//   handle(BytesReceived{...}, t)  -> Connected{info}, StateChanged{Connected},
//                                     StartTimer{KeepAlive}, ...
//   handle(PublishRequested{...}, t) -> SendBytes{PUBLISH}, PublishOutcome{Sent}
//
// The session state (in-flight messages, inbound QoS 2 ids, remembered subscriptions)
// lives as long as this object, across reconnects: keep one Session per connection
// profile and connect it again rather than creating a new one.
class Session
{
public:
    explicit Session(SessionOptions options = {}, quint64 randomSeed = 0);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;
    Session(Session &&) noexcept;
    Session &operator=(Session &&) noexcept;

    // Feed one event; the actions to carry out, in order.
    SessionActions handle(const SessionEvent &event, qint64 nowMs);
    // The same, appending the actions to `out`: a shell that reuses one list (cleared
    // after carrying the actions out) keeps its capacity instead of allocating a list of
    // thousands of deliveries per received chunk.
    void handle(const SessionEvent &event, qint64 nowMs, SessionActions &out);

    const SessionOptions &options() const;
    // New options take effect at the next ConnectRequested (e.g. a changed password).
    void setOptions(const SessionOptions &options);

    SessionState state() const;
    // The CONNACK of the current connection (nothing before the first one).
    const std::optional<ConnackInfo> &connackInfo() const;
    // The client id sent in the last CONNECT (generated or assigned ones included).
    QString clientId() const;

    // Outbound QoS>0 messages sent and not yet completed, and messages waiting to be sent.
    int inFlightCount() const;
    int queuedCount() const;
    // Subscriptions granted by the server and not unsubscribed (resubscribed after a
    // reconnect without session).
    QList<Subscription> activeSubscriptions() const;

private:
    std::unique_ptr<SessionCore> d;
};

} // namespace mqttdesk
