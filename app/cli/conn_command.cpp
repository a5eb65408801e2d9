#include "app/cli/conn_command.h"

#include <cstdio>

namespace mqttdesk {

namespace {

// mqtt://host:port, mqtts://, ws://host:port/path, wss://: where it went, as a -L URL.
QString address(const TransportOptions &t)
{
    static const char *const kSchemes[] = {"mqtt", "mqtts", "ws", "wss"};
    const QString host =
        t.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + t.host + QLatin1Char(']') : t.host;
    QString out =
        QStringLiteral("%1://%2:%3").arg(QLatin1String(kSchemes[int(t.kind)]), host).arg(t.port);
    if (t.isWebSocket())
        out += t.webSocketPath;
    return out;
}

QString valueText(const Property &p)
{
    if (const auto *n = std::get_if<quint32>(&p.value))
        return QString::number(*n);
    if (const auto *s = std::get_if<QString>(&p.value))
        return *s;
    if (const auto *b = std::get_if<QByteArray>(&p.value))
        return QStringLiteral("0x") + QString::fromLatin1(b->toHex());
    if (const auto *pair = std::get_if<StringPair>(&p.value))
        return pair->name + QStringLiteral(" = ") + pair->value;
    return {};
}

} // namespace

ConnCommand::ConnCommand(const CliOptions &options, const CliPlan &plan, QObject *parent)
    : QObject(parent)
    , m_client(plan, options.quiet)
{
    connect(&m_client, &CliClient::done, this, &ConnCommand::done);
    connect(&m_client, &CliClient::connected, this, [this](const ConnackInfo &info) {
        const QByteArray text = describe(info, m_client.plan().settings).toUtf8();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        std::fflush(stdout);
        m_client.finish(ExitSuccess);
    });
}

QString ConnCommand::describe(const ConnackInfo &info, const ConnectionSettings &settings)
{
    const TransportOptions &t = settings.transport;
    QString out = tr("Connected to %1 over %2 with MQTT %3.\n")
                      .arg(address(t), TransportOptions::kindName(t.kind),
                           protocolVersionName(settings.session.version));
    if (t.proxy.kind != ProxyOptions::Kind::None)
        out += tr("Through the proxy: %1:%2\n").arg(t.proxy.host).arg(t.proxy.port);
    out += tr("Reason code: %1\n").arg(reasonCodeText(info.reasonCode, PacketType::Connack));
    out += tr("Session present: %1\n").arg(info.sessionPresent ? tr("yes") : tr("no"));
    out += tr("Client id: %1\n").arg(info.clientId);
    out += tr("Keep alive: %1 s\n").arg(info.keepAliveSeconds);
    if (settings.session.version == ProtocolVersion::V5) {
        if (info.properties.isEmpty())
            out += tr("Properties: none\n");
        else
            out += tr("Properties:\n");
        for (const Property &p : info.properties.items())
            out += QStringLiteral("  ") + propertyName(p.id) + QStringLiteral(": ") + valueText(p) +
                   QLatin1Char('\n');
    }
    return out;
}

} // namespace mqttdesk
