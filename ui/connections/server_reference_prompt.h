#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QWidget;

namespace mqttdesk {

// Asks whether to follow an MQTT 5 server reference (5.0 §4.11): the server answered "Use
// another server" or "Server moved" and named where to go. Through Prompts, so tests answer
// it; the "remember" box turns the answer into the profile's always/never setting.
class ServerReferencePrompt
{
    Q_DECLARE_TR_FUNCTIONS(ServerReferencePrompt)

public:
    struct Decision
    {
        bool follow = false;
        bool remember = false; // keep `follow` as the connection's answer from now on
    };

    // `moved`: 0x9D "Server moved" (permanent), else 0x9C "Use another server".
    // `addresses`: "host:port" of each entry of the reference, in its order.
    static Decision ask(QWidget *parent, const QString &connectionName, bool moved,
                        const QString &reference, const QStringList &addresses);
};

} // namespace mqttdesk
