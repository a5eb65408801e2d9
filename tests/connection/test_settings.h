#pragma once

#include "core/connection/connection_settings.h"
#include "tests/fixture/test_broker.h"

#include <QString>

namespace mqttdesk {

// Connection settings for the test brokers: short timeouts and keep alive, no reconnect
// unless a test turns it on, so every failure shows within seconds.
class TestSettings
{
public:
    // A listener of the real mosquitto fixture, with the credentials it needs (password,
    // test CA, client certificate).
    static ConnectionSettings forListener(const TestBroker &broker, TestBroker::Listener listener,
                                          ProtocolVersion version, const QString &clientId = {});
    // The fake broker on 127.0.0.1:port over TCP.
    static ConnectionSettings forPort(quint16 port, ProtocolVersion version,
                                      const QString &clientId = {});
    // A client id unique within the test run (3.1 allows 23 characters at most).
    static QString uniqueClientId(const QString &prefix = QStringLiteral("t"));
};

} // namespace mqttdesk
