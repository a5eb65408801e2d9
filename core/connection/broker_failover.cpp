#include "core/connection/broker_failover.h"

#include "core/connection/connection_settings.h"
#include "core/connection/dns_srv_resolver.h"
#include "core/connection/srv_record_order.h"

#include <QCoreApplication>
#include <QStringList>

#include <utility>

namespace mqttdesk {

BrokerFailover::BrokerFailover(Log log)
    : m_log(std::move(log))
    , m_random(QRandomGenerator::global()->generate())
{}

BrokerFailover::~BrokerFailover()
{
    cancelLookup();
}

void BrokerFailover::setSettings(const ConnectionSettings &settings)
{
    m_main = BrokerAddress{settings.transport.host, settings.transport.port,
                           settings.transport.kind, BrokerAddress::Source::Main};
    m_fallbacks = settings.fallbacks;
    for (BrokerAddress &fallback : m_fallbacks)
        fallback.source = BrokerAddress::Source::Fallback;
    m_order = settings.fallbackOrder;
    m_srvLookup = settings.srvLookup;
}

void BrokerFailover::setResolver(std::shared_ptr<SrvResolver> resolver)
{
    cancelLookup();
    m_resolver = std::move(resolver);
}

void BrokerFailover::restart()
{
    m_followed.clear();
    m_roundOpen = false;
}

void BrokerFailover::follow(const QList<BrokerAddress> &addresses)
{
    m_followed = addresses;
    m_roundOpen = false;
}

QList<BrokerAddress> BrokerFailover::arrangedFallbacks()
{
    if (m_fallbacks.isEmpty())
        return {};
    QList<BrokerAddress> rest = m_fallbacks;
    const BrokerAddress first = rest.takeFirst();
    return BrokerAddressList::arrange(first, rest, m_order, m_random);
}

void BrokerFailover::beginRound(Ready ready)
{
    cancelLookup();
    if (!m_followed.isEmpty()) {
        finishRound(m_followed, ready);
        return;
    }
    if (!m_srvLookup) {
        finishRound(BrokerAddressList::arrange(m_main, m_fallbacks, m_order, m_random), ready);
        return;
    }
    if (!m_resolver)
        m_resolver = std::make_shared<DnsSrvResolver>();
    const bool tls = m_main.kind == TransportOptions::Kind::Tls ||
                     m_main.kind == TransportOptions::Kind::SecureWebSocket;
    const QString name = SrvResolver::serviceName(m_main.host, tls);
    m_log(LogLevel::Info,
          tr("Looking up the broker of %1 in DNS (SRV %2).").arg(m_main.host, name));
    m_lookingUp = true;
    const quint64 generation = ++m_lookupGeneration;
    m_resolver->lookup(name, [this, generation, name, ready](const SrvResolver::Result &result) {
        if (generation != m_lookupGeneration)
            return; // a dropped lookup
        m_lookingUp = false;
        onSrvAnswer(name, result, ready);
    });
}

void BrokerFailover::onSrvAnswer(const QString &name, const SrvResolver::Result &result,
                                 const Ready &ready)
{
    QList<BrokerAddress> addresses;
    if (!result.ok()) {
        m_log(LogLevel::Warning,
              tr("The DNS SRV lookup of %1 failed: %2.").arg(name, result.error));
    } else if (result.records.isEmpty()) {
        m_log(LogLevel::Warning, tr("The DNS SRV lookup of %1 found no records.").arg(name));
    } else {
        QStringList found;
        for (const SrvRecord &r : result.records)
            found << tr("%1:%2 (priority %3, weight %4)")
                         .arg(r.target)
                         .arg(r.port)
                         .arg(r.priority)
                         .arg(r.weight);
        m_log(LogLevel::Info,
              tr("DNS SRV records of %1: %2.").arg(name, found.join(QStringLiteral(", "))));
        for (const SrvRecord &r : SrvRecordOrder::arrange(result.records, m_random)) {
            QString host = r.target;
            if (host.endsWith(QLatin1Char('.')))
                host.chop(1); // a fully qualified name from DNS
            addresses.append(BrokerAddress{host, r.port, m_main.kind, BrokerAddress::Source::Srv});
        }
        if (addresses.isEmpty())
            m_log(LogLevel::Warning,
                  tr("The DNS SRV records of %1 say the service is not offered there.").arg(name));
    }
    // The fallbacks join the SRV targets (after them), each place once.
    for (const BrokerAddress &fallback : arrangedFallbacks()) {
        bool known = false;
        for (const BrokerAddress &a : std::as_const(addresses))
            known = known || a.samePlace(fallback);
        if (!known)
            addresses.append(fallback);
    }
    if (addresses.isEmpty()) {
        m_list.clear();
        m_roundOpen = false;
        ready(result.ok() ? tr("the DNS SRV lookup of %1 found no broker").arg(name)
                          : tr("the DNS SRV lookup of %1 failed: %2").arg(name, result.error));
        return;
    }
    finishRound(std::move(addresses), ready);
}

void BrokerFailover::finishRound(QList<BrokerAddress> addresses, const Ready &ready)
{
    // Random order starts where the shuffle put it; in order, after the address the last
    // round ended at when that round was left open.
    const qsizetype first =
        m_roundOpen && m_order == BrokerAddressList::Order::InOrder ? m_list.index() + 1 : 0;
    m_list.reset(std::move(addresses), first);
    m_roundOpen = !m_list.isEmpty();
    ready(QString());
}

bool BrokerFailover::cancelLookup()
{
    if (!m_lookingUp)
        return false;
    m_lookingUp = false;
    ++m_lookupGeneration;
    if (m_resolver)
        m_resolver->cancel();
    return true;
}

bool BrokerFailover::advance()
{
    if (m_list.advance())
        return true;
    m_roundOpen = false; // every address failed: the next round starts at the first
    return false;
}

void BrokerFailover::accepted()
{
    m_roundOpen = false;
}

} // namespace mqttdesk
