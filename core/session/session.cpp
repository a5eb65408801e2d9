#include "core/session/session.h"

#include "core/session/session_core.h"

namespace mqttdesk {

Session::Session(SessionOptions options, quint64 randomSeed)
    : d(std::make_unique<SessionCore>(std::move(options), randomSeed))
{}

Session::~Session() = default;
Session::Session(Session &&) noexcept = default;
Session &Session::operator=(Session &&) noexcept = default;

SessionActions Session::handle(const SessionEvent &event, qint64 nowMs)
{
    SessionActions out;
    d->handle(event, nowMs, out);
    return out;
}

void Session::handle(const SessionEvent &event, qint64 nowMs, SessionActions &out)
{
    d->handle(event, nowMs, out);
}

const SessionOptions &Session::options() const
{
    return d->options();
}

void Session::setOptions(const SessionOptions &options)
{
    d->setOptions(options);
}

SessionState Session::state() const
{
    return d->state();
}

const std::optional<ConnackInfo> &Session::connackInfo() const
{
    return d->connackInfo();
}

QString Session::clientId() const
{
    return d->clientId();
}

int Session::inFlightCount() const
{
    return d->inFlightCount();
}

int Session::queuedCount() const
{
    return d->queuedCount();
}

QList<Subscription> Session::activeSubscriptions() const
{
    return d->activeSubscriptions();
}

} // namespace mqttdesk
