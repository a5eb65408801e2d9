#include "core/connection/broker_address_list.h"

#include <QRandomGenerator>

#include <utility>

namespace mqttdesk {

QList<BrokerAddress> BrokerAddressList::arrange(const BrokerAddress &main,
                                                const QList<BrokerAddress> &fallbacks, Order order,
                                                QRandomGenerator &random)
{
    QList<BrokerAddress> result;
    const auto add = [&result](const BrokerAddress &address) {
        for (const BrokerAddress &known : std::as_const(result)) {
            if (known.samePlace(address))
                return;
        }
        result.append(address);
    };
    add(main);
    for (const BrokerAddress &fallback : fallbacks)
        add(fallback);
    if (order == Order::Random) {
        // Fisher-Yates, drawing from the given generator so a seed repeats the order.
        for (qsizetype i = result.size() - 1; i > 0; --i) {
            const auto j = qsizetype(random.bounded(quint32(i + 1)));
            if (j != i)
                result.swapItemsAt(i, j);
        }
    }
    return result;
}

void BrokerAddressList::reset(QList<BrokerAddress> addresses, qsizetype first)
{
    m_addresses = std::move(addresses);
    m_index = m_addresses.isEmpty() ? 0 : first % m_addresses.size();
    m_tried = m_addresses.isEmpty() ? 0 : 1;
}

bool BrokerAddressList::advance()
{
    if (m_tried >= m_addresses.size())
        return false;
    m_index = (m_index + 1) % m_addresses.size();
    ++m_tried;
    return true;
}

} // namespace mqttdesk
