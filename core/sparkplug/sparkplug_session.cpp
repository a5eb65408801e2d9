#include "core/sparkplug/sparkplug_session.h"

#include "core/payload/json_text_writer.h"
#include "core/sparkplug/sparkplug_decoder.h"

#include <QCoreApplication>

#include <google/protobuf/message.h>

namespace mqttdesk {

std::optional<SparkplugSession::Result>
SparkplugSession::process(QStringView topicName, QByteArrayView bytes, qsizetype maxChars)
{
    const std::optional<SparkplugTopic> topic = SparkplugTopic::parse(topicName);
    if (!topic)
        return std::nullopt;
    Result result;
    PayloadError error;
    const google::protobuf::Message *payload = SparkplugDecoder::parse(bytes, &error);
    if (!payload) {
        RenderOptions options;
        options.maxChars = maxChars;
        result.rendered = SparkplugDecoder().render(bytes, options);
        result.warnings.append(error.message());
        return result;
    }

    Node &node = m_nodes[topic->edgeNode()];
    using T = SparkplugTopic::Type;
    // Births and deaths first: a birth starts the count again and declares the aliases.
    switch (topic->type) {
    case T::NBirth:
        node = Node();
        node.born = true;
        node.names = SparkplugJsonWriter::namesOf(*payload);
        result.online = true;
        break;
    case T::NDeath:
        node.born = false;
        node.devicesBorn.clear();
        node.lastSeq.reset(); // the next NBIRTH starts the count
        result.online = false;
        break;
    case T::DBirth:
        if (!node.born)
            result.warnings.append(
                QCoreApplication::translate("SparkplugSession", "DBIRTH before the node's NBIRTH"));
        node.names.insert(SparkplugJsonWriter::namesOf(*payload));
        node.devicesBorn.insert(topic->device);
        result.online = true;
        break;
    case T::DDeath:
        node.devicesBorn.remove(topic->device);
        result.online = false;
        break;
    case T::NData:
        if (!node.born)
            result.warnings.append(
                QCoreApplication::translate("SparkplugSession", "NDATA before the node's NBIRTH"));
        break;
    case T::DData:
        if (!node.born)
            result.warnings.append(
                QCoreApplication::translate("SparkplugSession", "DDATA before the node's NBIRTH"));
        else if (!node.devicesBorn.contains(topic->device))
            result.warnings.append(QCoreApplication::translate("SparkplugSession",
                                                               "DDATA before the device's DBIRTH"));
        break;
    case T::NCmd:
    case T::DCmd:
        break;
    }
    // The sequence number: every message of the node and its devices but NDEATH and
    // commands, one more than the last (mod 256); an NBIRTH sets it.
    if (topic->carriesSeq()) {
        const std::optional<quint64> seq = SparkplugJsonWriter::seqOf(*payload);
        if (!seq) {
            result.warnings.append(
                QCoreApplication::translate("SparkplugSession", "no sequence number"));
        } else {
            const quint8 got = quint8(*seq & 0xff);
            if (*seq > 255)
                result.warnings.append(QCoreApplication::translate(
                                           "SparkplugSession", "sequence number %1 is not 0 to 255")
                                           .arg(*seq));
            else if (topic->type != T::NBirth && node.lastSeq && got != quint8(*node.lastSeq + 1))
                result.warnings.append(QCoreApplication::translate(
                                           "SparkplugSession", "sequence gap: expected %1, got %2")
                                           .arg(quint8(*node.lastSeq + 1))
                                           .arg(got));
            node.lastSeq = got;
        }
    }

    JsonTextWriter writer(maxChars);
    writer.recordSpans();
    SparkplugJsonWriter::write(*payload, writer, &node.names, [&](JsonTextWriter &w) {
        w.key(u"sparkplug");
        w.beginObject();
        w.key(u"type");
        w.string(SparkplugTopic::typeName(topic->type));
        w.key(u"group");
        w.string(topic->group);
        w.key(u"node");
        w.string(topic->node);
        if (topic->isDevice()) {
            w.key(u"device");
            w.string(topic->device);
        }
        if (result.online) {
            w.key(u"state");
            w.string(*result.online ? QStringLiteral("online") : QStringLiteral("offline"));
        }
        if (!result.warnings.isEmpty()) {
            w.key(u"warnings");
            w.beginArray();
            for (const QString &warning : std::as_const(result.warnings))
                w.string(warning);
            w.endArray();
        }
        w.endObject();
    });
    result.rendered.decoder = QStringLiteral("sparkplug");
    result.rendered.text = writer.text();
    result.rendered.truncated = writer.isFull();
    std::optional<QList<JsonSpan>> spans = writer.takeSpans();
    result.rendered.spans =
        spans ? std::move(*spans) : JsonHighlighter::spans(result.rendered.text);
    return result;
}

} // namespace mqttdesk
