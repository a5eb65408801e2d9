#pragma once

#include "core/connection/connection_settings.h"
#include "core/protocol/properties.h"

#include <QByteArray>
#include <QString>

namespace mqttdesk {

struct StoredMessage;

// A message as a `mosquitto_pub` command line that publishes it again: for "Copy as
// mosquitto_pub command" in the stream, so that a user can repeat a message from a shell or
// a script. POSIX sh quoting throughout. A payload that is not plain text (NUL, control
// characters, invalid UTF-8) is fed on stdin (`-s`) from printf with octal escapes, so that
// every byte survives; an empty one is `-n`. The broker's address, TLS files, protocol
// version and user name come from the connection's settings; a password never appears.
// mosquitto_pub has no WebSocket transport: for a WebSocket connection the port is left out.
// MQTT 5 properties mosquitto_pub can send (content type, payload format indicator, message
// expiry, response topic, text correlation data, user properties) are kept.
class MosquittoPubCommand
{
public:
    static QString build(const ConnectionSettings &settings, const StoredMessage &message,
                         const QByteArray &payload);

    // mosquitto's name of a PUBLISH property ("content-type"), as mosquitto_pub's -D and
    // mosquitto_sub's JSON spell it; nullptr for a property it has no name for.
    static const char *propertyName(PropertyId id);

    // `text` in single quotes, with ' written as '\''.
    static QString quote(const QString &text);
    // Whether `payload` can go on the command line as -m (valid UTF-8, no NUL or control
    // characters other than tab and line feed).
    static bool isPlainText(const QByteArray &payload);
};

} // namespace mqttdesk
