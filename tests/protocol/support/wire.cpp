#include "tests/protocol/support/wire.h"

#include <QtGlobal>

namespace mqttdesk::test {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray wire(const char *annotated)
{
    QByteArray out;
    const char *p = annotated;
    while (*p) {
        const char c = *p;
        if (c == '#') {
            while (*p && *p != '\n')
                ++p;
        } else if (c == '\'') {
            ++p;
            while (*p && *p != '\'')
                out.append(*p++);
            if (*p)
                ++p;
        } else if (hexValue(c) >= 0) {
            const int hi = hexValue(c);
            const int lo = hexValue(p[1]);
            Q_ASSERT(lo >= 0); // fixtures are written in pairs
            out.append(char(hi * 16 + lo));
            p += 2;
        } else {
            ++p; // whitespace, '|'
        }
    }
    return out;
}

QByteArray toHex(const QByteArray &bytes)
{
    return bytes.toHex(' ');
}

} // namespace mqttdesk::test
