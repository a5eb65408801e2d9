#include "core/connection/dns_srv_resolver.h"

#include <QDnsLookup>

#include <utility>

namespace mqttdesk {

DnsSrvResolver::DnsSrvResolver(QObject *parent)
    : QObject(parent)
{}

DnsSrvResolver::~DnsSrvResolver()
{
    cancel();
}

void DnsSrvResolver::lookup(const QString &name, Callback done)
{
    cancel();
    m_done = std::move(done);
    auto *lookup = new QDnsLookup(QDnsLookup::SRV, name, this);
    m_lookup = lookup;
    connect(lookup, &QDnsLookup::finished, this, [this, lookup] { onFinished(lookup); });
    lookup->lookup();
}

void DnsSrvResolver::cancel()
{
    if (m_lookup) {
        m_lookup->disconnect(this);
        m_lookup->abort();
        m_lookup->deleteLater();
    }
    m_lookup = nullptr;
    m_done = {};
}

void DnsSrvResolver::onFinished(QDnsLookup *lookup)
{
    lookup->deleteLater();
    if (lookup != m_lookup)
        return;
    m_lookup = nullptr;
    Result result;
    switch (lookup->error()) {
    case QDnsLookup::NoError:
        for (const QDnsServiceRecord &r : lookup->serviceRecords())
            result.records.append(SrvRecord{r.target(), r.port(), r.priority(), r.weight()});
        break;
    case QDnsLookup::NotFoundError:
        result.error = tr("the name %1 does not exist (NXDOMAIN)").arg(lookup->name());
        break;
    default:
        result.error = lookup->errorString().isEmpty()
                           ? tr("the DNS lookup of %1 failed").arg(lookup->name())
                           : lookup->errorString();
        break;
    }
    Callback done = std::exchange(m_done, {});
    if (done)
        done(result);
}

} // namespace mqttdesk
