#include "app/cli/message_formatter.h"

#include "core/payload/payload_renderer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace mqttdesk {

namespace {

// -F escapes: \n, \t, \\, \e (ESC), \0 is left alone.
QString resolveEscapes(const QString &format)
{
    QString out;
    out.reserve(format.size());
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c != QLatin1Char('\\') || i + 1 == format.size()) {
            out += c;
            continue;
        }
        const QChar n = format.at(++i);
        if (n == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (n == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (n == QLatin1Char('e'))
            out += QChar(0x1B);
        else if (n == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        else
            out += QLatin1Char('\\') + n;
    }
    return out;
}

} // namespace

MessageFormatter::MessageFormatter(const CliOptions &options)
    : m_payloadFormat(options.outputFormat)
    , m_verbose(options.verbose)
    , m_eol(!options.noEol)
    , m_format(options.printFormat.isEmpty() ? QString() : resolveEscapes(options.printFormat))
{}

QByteArrayView MessageFormatter::topicUtf8(const QString &topic)
{
    if (topic != m_lastTopic) {
        m_lastTopic = topic;
        m_lastTopicUtf8 = topic.toUtf8();
    }
    return m_lastTopicUtf8;
}

void MessageFormatter::write(const ReceivedMessage &message, OutputSink &out)
{
    if (!m_format.isEmpty()) {
        writeFormatted(message, out);
    } else {
        if (m_verbose) {
            out.append(topicUtf8(message.message.topic));
            out.append(' ');
        }
        writePayload(message.message.payload, out);
    }
    if (m_eol)
        out.append('\n');
    out.endMessage();
}

void MessageFormatter::writePayload(const QByteArray &payload, OutputSink &out)
{
    switch (m_payloadFormat) {
    case PayloadFormat::Hex:
        out.append(payload.toHex());
        return;
    case PayloadFormat::Base64:
        out.append(payload.toBase64());
        return;
    case PayloadFormat::Json:
        out.append(PayloadRenderer::render(payload, PayloadFormat::Json).text.toUtf8());
        return;
    default:
        out.append(QByteArrayView(payload)); // raw bytes, as mosquitto_sub
    }
}

QByteArray MessageFormatter::json(const ReceivedMessage &m)
{
    QJsonObject o;
    o.insert(
        QStringLiteral("tst"),
        QDateTime::fromMSecsSinceEpoch(m.receivedUs / 1000, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("topic"), m.message.topic);
    o.insert(QStringLiteral("qos"), int(m.message.qos));
    o.insert(QStringLiteral("retain"), m.message.retain ? 1 : 0);
    o.insert(QStringLiteral("payloadlen"), m.message.payload.size());
    if (m.message.qos != QoS::AtMostOnce)
        o.insert(QStringLiteral("mid"), m.message.packetId);
    o.insert(QStringLiteral("payload"), QString::fromUtf8(m.message.payload));
    QJsonObject props;
    for (const StringPair &p : m.message.properties.userProperties())
        props.insert(p.name, p.value);
    if (!props.isEmpty())
        o.insert(QStringLiteral("user-properties"), props);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void MessageFormatter::writeFormatted(const ReceivedMessage &m, OutputSink &out)
{
    const QString &f = m_format;
    qsizetype literalStart = 0;
    for (qsizetype i = 0; i < f.size(); ++i) {
        if (f.at(i) != QLatin1Char('%') || i + 1 == f.size())
            continue;
        out.append(QStringView(f).mid(literalStart, i - literalStart).toUtf8());
        const char code = f.at(++i).toLatin1();
        literalStart = i + 1;
        const PublishPacket &p = m.message;
        switch (code) {
        case '%':
            out.append('%');
            break;
        case 't':
            out.append(topicUtf8(p.topic));
            break;
        case 'p':
            writePayload(p.payload, out);
            break;
        case 'q':
            out.append(char('0' + int(p.qos)));
            break;
        case 'r':
            out.append(p.retain ? '1' : '0');
            break;
        case 'l':
            out.append(QByteArray::number(p.payload.size()));
            break;
        case 'm':
            out.append(QByteArray::number(p.packetId));
            break;
        case 'x':
            out.append(p.payload.toHex());
            break;
        case 'X':
            out.append(p.payload.toHex().toUpper());
            break;
        case 'I':
            out.append(QDateTime::fromMSecsSinceEpoch(m.receivedUs / 1000, Qt::UTC)
                           .toString(Qt::ISODate)
                           .toUtf8());
            break;
        case 'U':
            out.append(
                QByteArray(QByteArray::number(m.receivedUs / 1000000) + '.' +
                           QByteArray::number(m.receivedUs % 1000000).rightJustified(6, '0')));
            break;
        case 'j':
            out.append(json(m));
            break;
        default: // unknown: printed as is, like mosquitto_sub
            out.append('%');
            out.append(code);
        }
    }
    out.append(QStringView(f).mid(literalStart).toUtf8());
}

} // namespace mqttdesk
