#include "tests/transport/support/mqtt_probe.h"

#include <QSignalSpy>
#include <QTest>

namespace mqttdesk {

QString MqttProbe::Result::describe() const
{
    return QStringLiteral("connected=%1 error=%2 \"%3\" received=%4")
        .arg(connected)
        .arg(TransportError::kindName(error.kind), error.message,
             QString::fromLatin1(received.toHex(' ')));
}

QByteArray MqttProbe::connectPacket(const QString &user, const QString &password)
{
    auto string = [](const QByteArray &s) {
        QByteArray out;
        out.append(char(s.size() >> 8)).append(char(s.size() & 0xff)).append(s);
        return out;
    };
    quint8 flags = 0x02;             // clean session
    QByteArray payload = string({}); // empty client id
    if (!user.isEmpty()) {
        flags |= 0x80;
        payload += string(user.toUtf8());
    }
    if (!password.isEmpty()) {
        flags |= 0x40;
        payload += string(password.toUtf8());
    }
    QByteArray variable = string("MQTT");
    variable.append(char(4)).append(char(flags)).append(char(0)).append(char(60));
    const QByteArray body = variable + payload;
    Q_ASSERT(body.size() < 128); // one-byte remaining length is enough here
    return QByteArray(1, char(0x10)) + char(body.size()) + body;
}

MqttProbe::Result MqttProbe::open(Transport &transport, int timeoutMs)
{
    Result result;
    QSignalSpy connected(&transport, &Transport::connected);
    QSignalSpy failed(&transport, &Transport::errorOccurred);
    transport.open();
    (void)QTest::qWaitFor([&] { return connected.size() + failed.size() > 0; }, timeoutMs);
    result.connected = connected.size() > 0;
    if (failed.size() > 0)
        result.error = failed.first().first().value<TransportError>();
    return result;
}

MqttProbe::Result MqttProbe::exchange(Transport &transport, const QList<QByteArray> &parts,
                                      qsizetype expectedBytes, int timeoutMs)
{
    Result result = open(transport, timeoutMs);
    if (!result.connected || result.error.isError())
        return result;
    QSignalSpy failed(&transport, &Transport::errorOccurred);
    for (const QByteArray &part : parts)
        transport.write(part);
    (void)QTest::qWaitFor(
        [&] {
            result.received += transport.readAll();
            return result.received.size() >= expectedBytes || failed.size() > 0;
        },
        timeoutMs);
    result.received += transport.readAll();
    if (failed.size() > 0)
        result.error = failed.first().first().value<TransportError>();
    return result;
}

} // namespace mqttdesk
