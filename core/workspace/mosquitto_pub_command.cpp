#include "core/workspace/mosquitto_pub_command.h"

#include "core/protocol/codec.h"
#include "core/storage/stored_message.h"

#include <QStringConverter>
#include <QStringList>

namespace mqttdesk {

namespace {

QString versionFlag(ProtocolVersion version)
{
    switch (version) {
    case ProtocolVersion::V31:
        return QStringLiteral("mqttv31");
    case ProtocolVersion::V311:
        return QStringLiteral("mqttv311");
    case ProtocolVersion::V5:
        return QStringLiteral("mqttv5");
    }
    return QStringLiteral("mqttv311");
}

// printf's format: printable ASCII as is, the rest (and \ % ') as octal escapes, which
// every POSIX printf understands (dash's has no \x).
QString printfBytes(const QByteArray &payload)
{
    QString out;
    out.reserve(payload.size() * 2);
    for (const char ch : payload) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '%' && c != '\'')
            out += QLatin1Char(char(c));
        else
            out += QStringLiteral("\\%1").arg(uint(c), 3, 8, QLatin1Char('0'));
    }
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace

const char *MosquittoPubCommand::propertyName(PropertyId id)
{
    switch (id) {
    case PropertyId::PayloadFormatIndicator:
        return "payload-format-indicator";
    case PropertyId::MessageExpiryInterval:
        return "message-expiry-interval";
    case PropertyId::ContentType:
        return "content-type";
    case PropertyId::ResponseTopic:
        return "response-topic";
    case PropertyId::CorrelationData:
        return "correlation-data";
    case PropertyId::SubscriptionIdentifier:
        return "subscription-identifier";
    case PropertyId::TopicAlias:
        return "topic-alias";
    case PropertyId::UserProperty:
        return "user-property";
    default:
        return nullptr;
    }
}

QString MosquittoPubCommand::quote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

bool MosquittoPubCommand::isPlainText(const QByteArray &payload)
{
    for (const char ch : payload) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
            return false;
    }
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(payload); // decoding happens on conversion to QString
    return !decoder.hasError();
}

QString MosquittoPubCommand::build(const ConnectionSettings &settings, const StoredMessage &message,
                                   const QByteArray &payload)
{
    const TransportOptions &t = settings.transport;
    const SessionOptions &s = settings.session;
    QStringList args{QStringLiteral("mosquitto_pub")};
    auto add = [&args](const QString &flag, const QString &value) { args << flag << quote(value); };
    add(QStringLiteral("-h"), t.host);
    // mosquitto_pub has no WebSocket transport: the user gives the broker's MQTT port.
    if (!t.isWebSocket())
        args << QStringLiteral("-p") << QString::number(t.port);
    args << QStringLiteral("-V") << versionFlag(s.version);
    if (t.usesTls()) {
        for (const QString &ca : t.tls.caFiles)
            add(QStringLiteral("--cafile"), ca);
        if (t.tls.caFiles.isEmpty())
            args << QStringLiteral("--tls-use-os-certs");
        if (!t.tls.clientCertificateFile.isEmpty())
            add(QStringLiteral("--cert"), t.tls.clientCertificateFile);
        if (!t.tls.clientKeyFile.isEmpty())
            add(QStringLiteral("--key"), t.tls.clientKeyFile);
        if (t.tls.insecure)
            args << QStringLiteral("--insecure");
    }
    if (s.username && !s.username->isEmpty())
        add(QStringLiteral("-u"), *s.username);
    add(QStringLiteral("-t"), message.topic);
    if (message.qos > 0)
        args << QStringLiteral("-q") << QString::number(message.qos);
    if (message.retain)
        args << QStringLiteral("-r");

    if (s.version == ProtocolVersion::V5 && !message.properties.isEmpty()) {
        const auto decoded = decodeProperties(message.properties);
        if (decoded.ok()) {
            const Properties &p = decoded.value();
            auto option = [&args](PropertyId id) {
                args << QStringLiteral("-D publish ") + QLatin1String(propertyName(id));
            };
            auto property = [&](PropertyId id, const QString &value) {
                option(id);
                args << quote(value);
            };
            if (auto v = p.string(PropertyId::ContentType))
                property(PropertyId::ContentType, *v);
            if (auto v = p.integer(PropertyId::PayloadFormatIndicator))
                property(PropertyId::PayloadFormatIndicator, QString::number(*v));
            if (auto v = p.integer(PropertyId::MessageExpiryInterval))
                property(PropertyId::MessageExpiryInterval, QString::number(*v));
            if (auto v = p.string(PropertyId::ResponseTopic))
                property(PropertyId::ResponseTopic, *v);
            // mosquitto_pub takes correlation data as a command-line string only.
            if (auto v = p.binary(PropertyId::CorrelationData); v && isPlainText(*v))
                property(PropertyId::CorrelationData, QString::fromUtf8(*v));
            for (const StringPair &pair : p.userProperties()) {
                option(PropertyId::UserProperty);
                args << quote(pair.name) << quote(pair.value);
            }
        }
    }

    if (payload.isEmpty()) {
        args << QStringLiteral("-n");
        return args.join(QLatin1Char(' '));
    }
    if (isPlainText(payload)) {
        add(QStringLiteral("-m"), QString::fromUtf8(payload));
        return args.join(QLatin1Char(' '));
    }
    args << QStringLiteral("-s");
    return QStringLiteral("printf ") + printfBytes(payload) + QStringLiteral(" | ") +
           args.join(QLatin1Char(' '));
}

} // namespace mqttdesk
