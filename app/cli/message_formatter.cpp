#include "app/cli/message_formatter.h"

#include "app/cli/compact_json.h"
#include "core/payload/payload_renderer.h"
#include "core/payload/utf8_scan.h"
#include "core/workspace/mosquitto_pub_command.h"

#include <QCoreApplication>

#include <charconv>

namespace mqttdesk {

namespace {

using Piece = FormatTemplate::Piece;

void appendRepeated(OutputSink &out, char c, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i)
        out.append(c);
}

void appendHex(OutputSink &out, QByteArrayView bytes, bool upper)
{
    const char *const digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char chunk[512];
    qsizetype used = 0;
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        chunk[used++] = digits[b >> 4];
        chunk[used++] = digits[b & 15];
        if (used == qsizetype(sizeof chunk)) {
            out.append(QByteArrayView(chunk, used));
            used = 0;
        }
    }
    out.append(QByteArrayView(chunk, used));
}

// A string field as printf's %-W.Ps: at most P bytes, padded with spaces to W.
void writeText(OutputSink &out, QByteArrayView text, const Piece &piece)
{
    if (piece.precision >= 0 && text.size() > piece.precision)
        text = text.first(piece.precision);
    const qsizetype pad = piece.width - text.size();
    if (!piece.leftAlign)
        appendRepeated(out, ' ', pad);
    out.append(text);
    if (piece.leftAlign)
        appendRepeated(out, ' ', pad);
}

// A number field as printf's %-W d or %0W d.
void writeNumber(OutputSink &out, quint64 value, const Piece &piece)
{
    char digits[24];
    const std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, value);
    const QByteArrayView text(digits, r.ptr - digits);
    const qsizetype pad = piece.width - text.size();
    if (!piece.leftAlign)
        appendRepeated(out, piece.pad, pad);
    out.append(text);
    if (piece.leftAlign)
        appendRepeated(out, ' ', pad);
}

} // namespace

MessageFormatter::MessageFormatter(const CliOptions &options)
    : m_payloadFormat(options.outputFormat)
    , m_verbose(options.verbose)
    , m_eol(!options.noEol)
    , m_encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless)
{
    // The parser has refused a format this cannot read.
    if (options.printFormat) {
        QString why;
        m_format = FormatTemplate::parse(*options.printFormat, &why);
    }
}

void MessageFormatter::setWarningHandler(std::function<void(const QString &)> handler)
{
    m_warn = std::move(handler);
}

QByteArrayView MessageFormatter::topicUtf8(const QString &topic)
{
    if (topic != m_lastTopic) {
        m_lastTopic = topic;
        m_lastTopicUtf8 = topic.toUtf8();
    }
    return m_lastTopicUtf8;
}

QByteArrayView MessageFormatter::utf8(QStringView text)
{
    m_utf8.resize(m_encoder.requiredSpace(text.size()));
    char *const end = m_encoder.appendToBuffer(m_utf8.data(), text);
    m_utf8.resize(end - m_utf8.constData());
    return m_utf8;
}

void MessageFormatter::setDecodingRules(const DecodingRules &rules)
{
    if (rules.isEmpty())
        m_rules.reset();
    else
        m_rules.emplace(rules);
}

void MessageFormatter::setSparkplug(bool on)
{
    if (on)
        m_sparkplug.emplace();
    else
        m_sparkplug.reset();
}

QByteArrayView MessageFormatter::decodedUtf8()
{
    const QByteArray text = m_decoded->text.toUtf8();
    m_decodedUtf8.resize(0);
    if (m_decoded->spans.isEmpty() || !CompactJson::appendCompacted(m_decodedUtf8, text))
        m_decodedUtf8 = text;
    return m_decodedUtf8;
}

void MessageFormatter::write(const ReceivedMessage &message, OutputSink &out)
{
    m_decoded.reset();
    if (m_sparkplug) {
        const PublishPacket &p = message.message;
        if (std::optional<SparkplugSession::Result> result =
                m_sparkplug->process(p.topic, p.payload)) {
            m_decoded = std::move(result->rendered);
            if (m_warn) {
                for (const QString &warning : std::as_const(result->warnings))
                    m_warn(QCoreApplication::translate("cli", "%1: %2").arg(p.topic, warning));
            }
        }
    }
    if (m_rules && !m_decoded) {
        const PublishPacket &p = message.message;
        RenderOptions options;
        options.hint = PayloadHint::fromProperties(p.properties);
        m_decoded = m_rules->render(p.topic, p.payload, options);
        if (m_decoded && m_decoded->error && m_warn)
            m_warn(QCoreApplication::translate("cli", "%1: %2")
                       .arg(p.topic, m_decoded->error->message()));
    }
    if (m_format) {
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
    if (m_decoded) {
        if (m_decoded->error)
            appendHex(out, payload, false);
        else
            out.append(decodedUtf8());
        return;
    }
    switch (m_payloadFormat) {
    case PayloadFormat::Hex:
        appendHex(out, payload, false);
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

void MessageFormatter::writeFormatted(const ReceivedMessage &m, OutputSink &out)
{
    if (m_format->usesTime())
        m_time.setTime(m.receivedUs);
    for (const Piece &piece : m_format->pieces()) {
        switch (piece.kind) {
        case FormatTemplate::Kind::Literal:
            out.append(m_format->literal(piece));
            break;
        case FormatTemplate::Kind::Time:
            out.append(piece.code == 'N' ? m_time.nanoseconds() : m_time.strftimeCode(piece.code));
            break;
        case FormatTemplate::Kind::Field:
            writeField(piece, m, out);
            break;
        }
    }
}

void MessageFormatter::writeField(const Piece &piece, const ReceivedMessage &m, OutputSink &out)
{
    const PublishPacket &p = m.message;
    const Properties &properties = p.properties;
    // The 5.0 numbers: padded blanks (zeros with the 0 flag) when absent, as mosquitto_sub.
    const auto number = [&](std::optional<quint32> value) {
        if (value)
            writeNumber(out, *value, piece);
        else
            appendRepeated(out, piece.pad, piece.width);
    };
    switch (piece.code) {
    case 't':
        writeText(out, topicUtf8(p.topic), piece);
        return;
    case 'p':
    case 'x':
    case 'X':
        writePayloadField(piece, p.payload, out);
        return;
    case 'l':
        writeNumber(out, quint64(p.payload.size()), piece);
        return;
    case 'q':
        out.append(char('0' + int(p.qos)));
        return;
    case 'r':
        out.append(p.retain ? '1' : '0');
        return;
    case 'm':
        writeNumber(out, p.packetId, piece);
        return;
    case 'A':
        number(m.topicAlias ? std::optional<quint32>(m.topicAlias) : std::nullopt);
        return;
    case 'E':
        number(properties.integer(PropertyId::MessageExpiryInterval));
        return;
    case 'F':
        number(properties.integer(PropertyId::PayloadFormatIndicator));
        return;
    case 'S':
        number(properties.integer(PropertyId::SubscriptionIdentifier));
        return;
    case 'C':
        // Absent: as wide as asked, in spaces; an absent %R prints nothing at all.
        if (const std::optional<QString> s = properties.string(PropertyId::ContentType))
            writeText(out, utf8(*s), piece);
        else
            appendRepeated(out, ' ', piece.width);
        return;
    case 'R':
        if (const std::optional<QString> s = properties.string(PropertyId::ResponseTopic))
            writeText(out, utf8(*s), piece);
        return;
    case 'D':
        if (const std::optional<QByteArray> data = properties.binary(PropertyId::CorrelationData))
            out.append(*data); // bytes as they came
        return;
    case 'P':
        writeUserProperties(properties, out);
        return;
    case 'I':
        if (const QByteArrayView iso = m_time.iso8601(); !iso.isEmpty())
            writeText(out, iso, piece);
        else
            appendRepeated(out, ' ', piece.width);
        return;
    case 'U':
        out.append(m_time.unixSeconds());
        out.append('.');
        out.append(m_time.nanoseconds());
        return;
    case 'j':
    case 'J':
        writeJson(m, piece.code == 'J', out);
        return;
    default: // FormatTemplate takes no other field
        return;
    }
}

void MessageFormatter::writePayloadField(const Piece &piece, const QByteArray &payload,
                                         OutputSink &out)
{
    // A width is also the most the payload may take: mosquitto_sub cuts it to fit.
    // Unlike mosquitto_sub 2.0, hex fits as many whole bytes as the width has room
    // for (it shows half of a short payload), and '-' without a width adds nothing
    // (it pads with one space per byte).
    const bool hex = piece.code != 'p';
    QByteArray rendered;
    QByteArrayView bytes = payload;
    if (!hex && m_payloadFormat != PayloadFormat::Text) {
        if (piece.width == 0) {
            writePayload(payload, out);
            return;
        }
        rendered = m_payloadFormat == PayloadFormat::Hex ? payload.toHex()
                   : m_payloadFormat == PayloadFormat::Base64
                       ? payload.toBase64()
                       : PayloadRenderer::render(payload, PayloadFormat::Json).text.toUtf8();
        bytes = rendered;
    }
    const int perByte = hex ? 2 : 1;
    if (piece.width > 0)
        bytes = bytes.first(qMin(bytes.size(), qsizetype(piece.width / perByte)));
    const qsizetype pad = piece.width - bytes.size() * perByte;
    if (!piece.leftAlign)
        appendRepeated(out, piece.pad, pad);
    if (hex)
        appendHex(out, bytes, piece.code == 'X');
    else
        out.append(bytes);
    if (piece.leftAlign)
        appendRepeated(out, ' ', pad);
}

void MessageFormatter::writeUserProperties(const Properties &properties, OutputSink &out)
{
    bool first = true;
    for (const Property &property : properties.items()) {
        const StringPair *pair = std::get_if<StringPair>(&property.value);
        if (property.id != PropertyId::UserProperty || !pair)
            continue;
        if (!first)
            out.append(' ');
        first = false;
        out.append(utf8(pair->name));
        out.append(':');
        out.append(utf8(pair->value));
    }
}

void MessageFormatter::writeJson(const ReceivedMessage &m, bool payloadIsJson, OutputSink &out)
{
    // mosquitto_sub's object, key by key (cJSON, unformatted).
    const PublishPacket &p = m.message;
    m_json.resize(0);
    m_json.append("{\"tst\":\"");
    m_time.appendJsonTimestamp(m_json);
    m_json.append("\",\"topic\":");
    CompactJson::appendString(m_json, topicUtf8(p.topic));
    m_json.append(",\"qos\":");
    CompactJson::appendNumber(m_json, int(p.qos));
    m_json.append(",\"retain\":");
    CompactJson::appendNumber(m_json, p.retain ? 1 : 0);
    m_json.append(",\"payloadlen\":");
    CompactJson::appendNumber(m_json, double(p.payload.size()));
    if (p.qos != QoS::AtMostOnce) {
        m_json.append(",\"mid\":");
        CompactJson::appendNumber(m_json, p.packetId);
    }
    if (!p.properties.isEmpty() || m.topicAlias != 0)
        appendJsonProperties(m);
    // Beside a decoded value the line must stay JSON: bytes that are not UTF-8 go as Base64
    // (mosquitto_sub writes them raw, which no JSON parser reads).
    if (m_decoded && !p.payload.isEmpty() && !Utf8Scan::scan(p.payload).isValid()) {
        m_json.append(",\"payload_base64\":\"");
        m_json.append(p.payload.toBase64());
        m_json.append('"');
    } else {
        m_json.append(",\"payload\":");
        if (p.payload.isEmpty()) {
            m_json.append("null");
        } else if (!payloadIsJson) {
            CompactJson::appendString(m_json, p.payload);
        } else if (!CompactJson::appendCompacted(m_json, p.payload)) {
            if (m_warn)
                m_warn(QCoreApplication::translate("cli", "%J: the payload on '%1' is not JSON.")
                           .arg(p.topic));
            return;
        }
    }
    if (m_decoded && m_decoded->error) {
        m_json.append(",\"decodeError\":");
        CompactJson::appendString(m_json, m_decoded->error->message().toUtf8());
    } else if (m_decoded) {
        m_json.append(",\"decoded\":");
        if (m_decoded->spans.isEmpty())
            CompactJson::appendString(m_json, m_decoded->text.toUtf8());
        else
            m_json.append(decodedUtf8());
    }
    m_json.append('}');
    out.append(m_json);
}

void MessageFormatter::appendJsonProperties(const ReceivedMessage &m)
{
    // In the order they came, the user properties together in one object where the
    // first of them was (duplicate keys and all).
    m_json.append(",\"properties\":{");
    bool first = true;
    const auto key = [&](const char *name) {
        if (!first)
            m_json.append(',');
        first = false;
        m_json.append('"');
        m_json.append(name);
        m_json.append("\":");
    };
    // The session takes the Topic Alias out of the properties when it resolves it.
    if (m.topicAlias != 0) {
        key("topic-alias");
        CompactJson::appendNumber(m_json, m.topicAlias);
    }
    bool userPropertiesDone = false;
    const QList<Property> &items = m.message.properties.items();
    for (const Property &property : items) {
        if (property.id == PropertyId::UserProperty) {
            if (userPropertiesDone)
                continue;
            userPropertiesDone = true;
            key("user-properties");
            m_json.append('{');
            bool firstPair = true;
            for (const Property &user : items) {
                const StringPair *pair = std::get_if<StringPair>(&user.value);
                if (user.id != PropertyId::UserProperty || !pair)
                    continue;
                if (!firstPair)
                    m_json.append(',');
                firstPair = false;
                CompactJson::appendString(m_json, utf8(pair->name));
                m_json.append(':');
                CompactJson::appendString(m_json, utf8(pair->value));
            }
            m_json.append('}');
            continue;
        }
        // mosquitto_sub's JSON keys are its property names.
        const char *name = MosquittoPubCommand::propertyName(property.id);
        if (!name)
            continue;
        key(name);
        if (const quint32 *n = std::get_if<quint32>(&property.value))
            CompactJson::appendNumber(m_json, *n);
        else if (const QString *s = std::get_if<QString>(&property.value))
            CompactJson::appendString(m_json, utf8(*s));
        else if (const QByteArray *b = std::get_if<QByteArray>(&property.value))
            CompactJson::appendString(m_json, *b); // up to a NUL, as mosquitto_sub
        else
            m_json.append("null");
    }
    m_json.append('}');
}

} // namespace mqttdesk
