#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace mqttdesk {

// JSON written byte for byte as mosquitto_sub's %j and %J write it with cJSON: its string
// escapes, its number format, and a JSON payload read and written again without spaces
// (cJSON's reading: what it accepts, at most 1000 levels deep, numbers of at most 63
// characters, \u escapes made UTF-8).
class CompactJson
{
public:
    // `text` quoted and escaped; it ends at its first NUL, as a C string does.
    static void appendString(QByteArray &out, QByteArrayView text);
    // printf's %.15g, or %.17g when that does not read back as the same value (-0 stays
    // -0, as in the cJSON 1.7.15 of Debian 12); infinity and NaN as null.
    static void appendNumber(QByteArray &out, double value);
    // `json` without the spaces between its tokens. False, and `out` as it was, when it is
    // not one JSON value (optionally after a UTF-8 byte order mark and around spaces).
    static bool appendCompacted(QByteArray &out, QByteArrayView json);
};

} // namespace mqttdesk
