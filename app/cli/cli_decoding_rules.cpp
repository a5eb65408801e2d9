#include "app/cli/cli_decoding_rules.h"

#include "core/payload/decoder_registry.h"
#include "core/payload/numeric_array_decoder.h"
#include "core/protobuf/proto_schema_cache.h"
#include "core/protobuf/proto_schema_source.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace mqttdesk {

namespace {

QStringList absolute(const QStringList &paths)
{
    QStringList out;
    for (const QString &path : paths)
        out.append(QFileInfo(path).absoluteFilePath());
    return out;
}

std::optional<QJsonArray> readRulesFile(const QString &path, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = CliDecodingRules::tr("--rules: cannot read '%1': %2.").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        *why = CliDecodingRules::tr("--rules: '%1' is not JSON: %2 (at byte %3).")
                   .arg(path, error.errorString())
                   .arg(error.offset);
        return std::nullopt;
    }
    if (document.isArray())
        return document.array();
    const QJsonValue rules = document.object().value(QStringLiteral("decodingRules"));
    if (!rules.isArray()) {
        *why = CliDecodingRules::tr("--rules: '%1' holds no decoding rules: expected a list of "
                                    "rules or an object with \"decodingRules\".")
                   .arg(path);
        return std::nullopt;
    }
    return rules.toArray();
}

// Why the rule cannot decode anything, or nothing.
std::optional<QString> checkRule(const DecodingRule &rule)
{
    if (!DecoderRegistry::instance().decoder(rule.decoder))
        return CliDecodingRules::tr("there is no decoder '%1' (known: %2).")
            .arg(rule.decoder, DecoderRegistry::instance().ids().join(QStringLiteral(", ")));
    if (rule.decoder == u"numeric") {
        QString why;
        if (!NumericArrayDecoder::Layout::fromJson(rule.options, &why))
            return why;
    }
    if (rule.decoder == u"protobuf") {
        QString why;
        const std::optional<ProtoSchemaSource> source =
            ProtoSchemaSource::fromJson(rule.options, &why);
        if (!source)
            return why;
        const auto schema =
            ProtoSchemaCache::instance().get(source->files, source->importPaths, &why);
        if (!schema)
            return why;
        if (!schema->message(source->messageType))
            return CliDecodingRules::tr("the .proto files declare no message type '%1' (they "
                                        "declare %2).")
                .arg(source->messageType, schema->messageTypes().join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

} // namespace

std::optional<DecodingRules> CliDecodingRules::build(const CliOptions &options, QString *why)
{
    DecodingRules rules;
    QString flag;
    DecodingRule perTopic;
    if (!options.protoFiles.isEmpty()) {
        flag = QStringLiteral("--proto");
        ProtoSchemaSource source;
        source.files = absolute(options.protoFiles);
        source.importPaths = absolute(options.protoPaths);
        source.messageType = options.protoType;
        perTopic.decoder = QStringLiteral("protobuf");
        perTopic.options = source.toJson();
    } else if (!options.numericSpec.isEmpty()) {
        flag = QStringLiteral("--numeric");
        perTopic.decoder = QStringLiteral("numeric");
        perTopic.options = NumericArrayDecoder::Layout::fromSpec(options.numericSpec)->toJson();
    }
    if (!perTopic.decoder.isEmpty()) {
        if (const std::optional<QString> problem = checkRule(perTopic)) {
            *why = tr("%1: %2").arg(flag, *problem);
            return std::nullopt;
        }
        for (const QString &topic : options.topics) {
            perTopic.filter = topic;
            QString error;
            if (!rules.append(perTopic, &error)) {
                *why = tr("%1: %2").arg(flag, error);
                return std::nullopt;
            }
        }
    }
    if (!options.rulesFile.isEmpty()) {
        const std::optional<QJsonArray> json = readRulesFile(options.rulesFile, why);
        if (!json)
            return std::nullopt;
        QString error;
        const std::optional<DecodingRules> fromFile = DecodingRules::fromJson(*json, &error);
        if (!fromFile) {
            *why = tr("--rules: %1").arg(error);
            return std::nullopt;
        }
        for (qsizetype i = 0; i < fromFile->size(); ++i) {
            const DecodingRule &rule = fromFile->rules().at(i);
            if (const std::optional<QString> problem = checkRule(rule)) {
                *why = tr("--rules: rule %1 (%2): %3").arg(i + 1).arg(rule.filter, *problem);
                return std::nullopt;
            }
            rules.append(rule);
        }
    }
    return rules;
}

} // namespace mqttdesk
