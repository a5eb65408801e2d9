#pragma once

#include "core/connection/srv_resolver.h"

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <atomic>
#include <memory>

namespace mqttdesk {

// A SrvResolver with answers set by the test: each lookup answers on the next turn of the
// calling thread's event loop (as QDnsLookup does, never from inside lookup()) with the
// result set for that name, or NXDOMAIN for a name without one. Thread-safe: the
// connection looks up on its own thread while the test reads lookups().
class FakeSrvResolver : public SrvResolver
{
public:
    void setAnswer(const QString &name, const Result &result);
    void setRecords(const QString &name, const QList<SrvRecord> &records);

    void lookup(const QString &name, Callback done) override;
    void cancel() override;

    // The names looked up so far, in order.
    QStringList lookups() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, Result> m_answers;
    QStringList m_lookups;
    // Bumped by each lookup and cancel: a pending answer of an older one is dropped.
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace mqttdesk
