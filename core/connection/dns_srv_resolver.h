#pragma once

#include "core/connection/srv_resolver.h"

#include <QObject>
#include <QPointer>

class QDnsLookup;

namespace mqttdesk {

// SrvResolver over QDnsLookup: the system's resolver configuration, asynchronous on the
// calling thread's event loop.
class DnsSrvResolver : public QObject, public SrvResolver
{
    Q_OBJECT
public:
    explicit DnsSrvResolver(QObject *parent = nullptr);
    ~DnsSrvResolver() override;

    void lookup(const QString &name, Callback done) override;
    void cancel() override;

private:
    void onFinished(QDnsLookup *lookup);

    QPointer<QDnsLookup> m_lookup;
    Callback m_done;
};

} // namespace mqttdesk
