#include "app/cli/time_format.h"

#include <charconv>
#include <clocale>
#include <locale.h>

namespace mqttdesk {

namespace {

// Day and month names in English whatever LC_TIME says: the C locale mosquitto_sub runs in
// (QCoreApplication has set the user's locale for the whole process).
locale_t cLocale()
{
    static const locale_t c = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    return c;
}

void writeDigits(char *out, int count, qint64 value)
{
    for (int i = count - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

} // namespace

TimeFormat::TimeFormat()
    : m_codes(new Cached[256])
{}

TimeFormat::~TimeFormat() = default;

void TimeFormat::setTime(qint64 microseconds)
{
    // Floor division: the second a time before 1970 falls in is the one below it.
    qint64 second = microseconds / 1000000;
    if (microseconds % 1000000 < 0)
        --second;
    m_microseconds = int(microseconds - second * 1000000);
    if (m_generation != 0 && second == m_second)
        return;
    m_second = second;
    const std::time_t t = std::time_t(second);
    if (!localtime_r(&t, &m_tm))
        m_tm = std::tm{};
    ++m_generation;
}

QByteArrayView TimeFormat::cached(Cached &slot, const char *format)
{
    if (slot.generation != m_generation) {
        slot.generation = m_generation;
        // 0 is both "nothing" and "did not fit": either way mosquitto_sub prints nothing.
        slot.size = int(strftime_l(slot.text, sizeof slot.text, format, &m_tm, cLocale()));
    }
    return QByteArrayView(slot.text, slot.size);
}

QByteArrayView TimeFormat::strftimeCode(char code)
{
    const char format[3] = {'%', code, '\0'};
    return cached(m_codes[static_cast<unsigned char>(code)], format);
}

QByteArrayView TimeFormat::iso8601()
{
    return cached(m_iso, "%FT%T%z");
}

QByteArrayView TimeFormat::unixSeconds()
{
    if (m_unix.generation != m_generation) {
        m_unix.generation = m_generation;
        const std::to_chars_result r =
            std::to_chars(m_unix.text, m_unix.text + sizeof m_unix.text, m_second);
        m_unix.size = int(r.ptr - m_unix.text);
    }
    return QByteArrayView(m_unix.text, m_unix.size);
}

QByteArrayView TimeFormat::nanoseconds()
{
    writeDigits(m_nanoseconds, 9, qint64(m_microseconds) * 1000);
    return QByteArrayView(m_nanoseconds, 9);
}

void TimeFormat::appendJsonTimestamp(QByteArray &out)
{
    out.append(cached(m_jsonDate, "%Y-%m-%dT%H:%M:%S"));
    char fraction[8] = {'.'};
    writeDigits(fraction + 1, 6, m_microseconds);
    fraction[7] = 'Z';
    out.append(fraction, 8);
    out.append(cached(m_zone, "%z"));
}

} // namespace mqttdesk
