#pragma once

#include "core/connection/broker_address.h"

#include <QList>

class QRandomGenerator;

namespace mqttdesk {

// The addresses one connection attempt ("round") tries, in the order it tries them, and
// which of them is being tried. A round ends when an address is accepted or every one
// failed.
class BrokerAddressList
{
public:
    enum class Order : quint8
    {
        InOrder, // the main address, then the fallbacks as listed
        Random,  // all of them shuffled anew for each round, spreading clients over brokers
    };

    // The main address and the fallbacks in `order`, each place once (the first of equal
    // ones stays). `random` shuffles for Order::Random (a seeded one in tests).
    static QList<BrokerAddress> arrange(const BrokerAddress &main,
                                        const QList<BrokerAddress> &fallbacks, Order order,
                                        QRandomGenerator &random);

    // A new round over `addresses`, starting at `first` (taken modulo the size) and
    // wrapping round, so each address is tried once.
    void reset(QList<BrokerAddress> addresses, qsizetype first = 0);
    void clear() { reset({}); }

    bool isEmpty() const { return m_addresses.isEmpty(); }
    qsizetype size() const { return m_addresses.size(); }
    const QList<BrokerAddress> &addresses() const { return m_addresses; }
    // The address being tried; only when !isEmpty().
    const BrokerAddress &current() const { return m_addresses.at(m_index); }
    // Its index in addresses().
    qsizetype index() const { return m_index; }
    // 1 for the first address this round tried, 2 for the second ...
    qsizetype attempt() const { return m_tried; }
    // Moves to the next address of the round; false when every one was tried.
    bool advance();

private:
    QList<BrokerAddress> m_addresses;
    qsizetype m_index = 0;
    qsizetype m_tried = 0;
};

} // namespace mqttdesk
