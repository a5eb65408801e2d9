#pragma once

#include "core/connection/srv_record.h"

#include <QList>
#include <QString>

#include <functional>

namespace mqttdesk {

// The seam between a connection and DNS: looks up the SRV records of a name. The app uses
// DnsSrvResolver (QDnsLookup); tests answer with a fake.
class SrvResolver
{
public:
    // The records, or why there are none (in words, for the connection log).
    struct Result
    {
        QList<SrvRecord> records;
        QString error; // empty: the lookup worked (records may still be empty)

        bool ok() const { return error.isEmpty(); }
    };
    using Callback = std::function<void(const Result &result)>;

    virtual ~SrvResolver();

    // Looks up `name` (e.g. "_mqtt._tcp.example.com") and calls `done` once, later, on the
    // calling thread (never from inside lookup()). A new lookup drops the one under way.
    virtual void lookup(const QString &name, Callback done) = 0;
    // Drops the lookup under way: its `done` is not called.
    virtual void cancel() = 0;

    // The service name paho's connect_srv looks up for `domain`: "_mqtt._tcp.<domain>",
    // or "_secure-mqtt._tcp.<domain>" when the connection uses TLS.
    static QString serviceName(const QString &domain, bool tls);
};

} // namespace mqttdesk
