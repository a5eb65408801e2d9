#pragma once

#include <QByteArray>

namespace mqttdesk::test {

// Bytes from an annotated listing: hex pairs ("10 1A"), quoted ASCII ('MQTT'), and
// comments from '#' to the end of the line. Whitespace and '|' separate fields.
//   wire("10 0E      # CONNECT, Remaining Length 14\n"
//        "00 04 'MQTT' 04  # protocol name, level 4");
QByteArray wire(const char *annotated);

// "10 0e 00 04 ..." for failure messages.
QByteArray toHex(const QByteArray &bytes);

} // namespace mqttdesk::test
