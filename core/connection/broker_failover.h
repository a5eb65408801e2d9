#pragma once

#include "core/connection/broker_address.h"
#include "core/connection/broker_address_list.h"
#include "core/connection/srv_resolver.h"
#include "core/session/session_action.h"

#include <QCoreApplication>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <functional>
#include <memory>

namespace mqttdesk {

struct ConnectionSettings;

// Which broker addresses a connection tries, in what order. Each OpenTransport of the
// session starts a round (beginRound): the profile's main address and its fallbacks (in
// order or shuffled), or the targets of a DNS SRV lookup followed by the fallbacks, or the
// addresses of a server reference being followed. Within a round the connection moves on
// (advance) when an address cannot be reached; only when every one failed does the
// session hear of the failure and schedule its reconnect.
//
// Across rounds: after an accepted connection the next round starts again at the first
// address (the preferred broker), after a round that used up every address too; a round
// that ended at an address that answered but then failed (refused, timed out) lets the
// next one start at the address after it, so one broken broker does not hold the others
// back.
//
// Lines for the connection log (the lookup, its records or error) go to `log`.
class BrokerFailover
{
    Q_DECLARE_TR_FUNCTIONS(BrokerFailover)

public:
    using Log = std::function<void(LogLevel level, const QString &text)>;
    // Empty `error`: list() holds this round's addresses. Otherwise none could be found
    // (a failed DNS lookup and no fallbacks), in words.
    using Ready = std::function<void(const QString &error)>;

    explicit BrokerFailover(Log log);
    ~BrokerFailover();

    // The main address, fallbacks, order and SRV choice of `settings`; from the next round.
    void setSettings(const ConnectionSettings &settings);
    // The DNS seam; without one a DnsSrvResolver is made at the first lookup.
    void setResolver(std::shared_ptr<SrvResolver> resolver);
    // The generator of random orders (fallbacks at random, SRV weights); tests seed it.
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    // A connect by the user: forgets a followed server reference and where the last round
    // ended.
    void restart();
    // The next rounds try `addresses` (a server reference) instead, until restart().
    void follow(const QList<BrokerAddress> &addresses);
    bool isFollowing() const { return !m_followed.isEmpty(); }

    // Starts a round; `ready` is called at once, or after the DNS SRV answer. A round begun
    // before the last one's lookup answered drops that lookup.
    void beginRound(Ready ready);
    // Whether a DNS lookup is under way.
    bool isLookingUp() const { return m_lookingUp; }
    // Drops the lookup under way (its `ready` is not called); false when there was none.
    bool cancelLookup();

    const BrokerAddressList &list() const { return m_list; }
    // Moves to the round's next address; false when every one was tried (the next round
    // then starts at the first).
    bool advance();
    // The current address was accepted (CONNACK): the next round starts at the first.
    void accepted();

private:
    void finishRound(QList<BrokerAddress> addresses, const Ready &ready);
    void onSrvAnswer(const QString &name, const SrvResolver::Result &result, const Ready &ready);
    QList<BrokerAddress> arrangedFallbacks();

    Log m_log;
    std::shared_ptr<SrvResolver> m_resolver;
    QRandomGenerator m_random;
    BrokerAddress m_main;
    QList<BrokerAddress> m_fallbacks;
    BrokerAddressList::Order m_order = BrokerAddressList::Order::InOrder;
    bool m_srvLookup = false;
    QList<BrokerAddress> m_followed;
    BrokerAddressList m_list;
    // The last round ended neither accepted nor used up: the next starts after its address.
    bool m_roundOpen = false;
    bool m_lookingUp = false;
    // Bumped by each lookup and cancel, so a late answer of a dropped lookup is ignored.
    quint64 m_lookupGeneration = 0;
};

} // namespace mqttdesk
