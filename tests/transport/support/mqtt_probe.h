#pragma once

#include "core/transport/transport.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttdesk {

// Opens a transport and speaks just enough MQTT 3.1.1, hand-encoded (the codec is not a
// dependency of the transport tests), to prove the stream reaches a broker.
class MqttProbe
{
public:
    struct Result
    {
        bool connected = false;   // the transport reported connected()
        TransportError error;     // set when it reported errorOccurred()
        QByteArray received;      // everything read before the expected bytes or the end
        QString describe() const; // for failure messages
    };

    // CONNECT, protocol level 4, clean session, keep alive 60 s, empty client id; with
    // user name and password when given.
    static QByteArray connectPacket(const QString &user = {}, const QString &password = {});
    static QByteArray connackAccepted() { return QByteArray::fromHex("20020000"); }
    static QByteArray pingreq() { return QByteArray::fromHex("c000"); }
    static QByteArray pingresp() { return QByteArray::fromHex("d000"); }

    // Opens, sends each part with its own write() (one WebSocket frame each), then reads
    // until `expected.size()` bytes arrived or the transport failed.
    static Result exchange(Transport &transport, const QList<QByteArray> &parts,
                           qsizetype expectedBytes, int timeoutMs = 20000);
    // Opens and waits for connected() or errorOccurred().
    static Result open(Transport &transport, int timeoutMs = 20000);
};

} // namespace mqttdesk
