#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <ctime>
#include <memory>

namespace mqttdesk {

// The local time a message arrived at, as mosquitto_sub's -F prints it: strftime(3) for
// @X, %I and the "tst" of %j, in the C locale (mosquitto_sub never sets one), and the
// sub-second part from the microsecond receive time. Everything but the sub-second part
// is kept for the current second: a flood converts it once a second, not per message.
class TimeFormat
{
public:
    TimeFormat();
    ~TimeFormat();
    TimeFormat(const TimeFormat &) = delete;
    TimeFormat &operator=(const TimeFormat &) = delete;

    // Microseconds since the epoch (ReceivedMessage::receivedUs).
    void setTime(qint64 microseconds);

    // @X: strftime's %X (empty when strftime makes nothing of it).
    QByteArrayView strftimeCode(char code);
    // %I: 2016-08-10T09:47:38+0100.
    QByteArrayView iso8601();
    // The whole seconds since the epoch (%U before the point).
    QByteArrayView unixSeconds();
    // @N, and %U after the point: nine digits (the last three are 0: the receive time
    // has microseconds).
    QByteArrayView nanoseconds();
    // %j's "tst": 2020-05-06T21:48:00.123456Z+0100 (a Z and the offset both, as
    // mosquitto_sub writes it).
    void appendJsonTimestamp(QByteArray &out);

private:
    // One strftime result, for the second of `generation`.
    struct Cached
    {
        quint64 generation = 0;
        int size = 0;
        char text[100];
    };
    QByteArrayView cached(Cached &slot, const char *format);

    quint64 m_generation = 0; // 0: no time yet; one more for each new second
    qint64 m_second = 0;
    int m_microseconds = 0;
    std::tm m_tm{};
    std::unique_ptr<Cached[]> m_codes; // @X, one per byte value of X
    Cached m_iso;
    Cached m_jsonDate;
    Cached m_zone;
    Cached m_unix;
    char m_nanoseconds[9];
};

} // namespace mqttdesk
