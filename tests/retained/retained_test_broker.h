#pragma once

#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"
#include "tests/fixture/mosquitto_pub.h"
#include "tests/fixture/test_broker.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace mqttdesk {

// The shared steps of the retained tests against the real broker: retained messages put
// there by mosquitto_pub (an independent client), and a connected Connection of ours.
inline bool publishRetained(quint16 port, const QString &prefix, int count)
{
    for (int i = 0; i < count; ++i) {
        const auto result = MosquittoPub::publish(
            port, prefix + QString::number(i), "value-" + QByteArray::number(i),
            {QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("1")});
        if (!result.finished || result.exitCode != 0) {
            qWarning("mosquitto_pub failed: %s", result.output.constData());
            return false;
        }
    }
    return true;
}

inline std::unique_ptr<ConnectionThread> connectedThread(quint16 port, ProtocolVersion version)
{
    ConnectionSettings settings;
    settings.transport.port = port;
    settings.session.version = version;
    auto thread = std::make_unique<ConnectionThread>(settings);
    QSignalSpy connected(thread->connection(), &Connection::connected);
    thread->connection()->connectToBroker();
    if (!connected.wait(15000))
        return nullptr;
    if (!QTest::qWaitFor([&] { return thread->connection()->state() == SessionState::Connected; }))
        return nullptr;
    return thread;
}

} // namespace mqttdesk
