#include "app/cli/pub_template_loader.h"

#include "core/publish/template_library_json.h"
#include "core/storage/data_directory.h"

namespace mqttdesk {

TemplateProperties PubTemplateLoader::templateProperties(const Properties &properties)
{
    TemplateProperties t;
    t.messageExpiry = properties.messageExpiryInterval();
    t.payloadFormatIndicator = properties.payloadFormatIndicator();
    t.contentType = properties.contentType().value_or(QString());
    t.responseTopic = properties.responseTopic().value_or(QString());
    t.correlationData = QString::fromUtf8(properties.correlationData().value_or(QByteArray()));
    t.userProperties = properties.userProperties();
    return t;
}

std::optional<CompiledTemplate> PubTemplateLoader::load(const CliOptions &options,
                                                        const CliPlan &plan,
                                                        const QByteArray &message, CliError *error)
{
    PublishTemplate source;
    QHash<QString, QString> variables;
    if (!options.templateName.isEmpty()) {
        const QString path =
            options.collectionFile.isEmpty()
                ? TemplateLibraryJson::filePath(DataDirectory::resolve(options.dataDir).path)
                : options.collectionFile;
        QString why;
        const std::optional<TemplateLibrary> library = TemplateLibraryJson::load(path, &why);
        if (!library) {
            *error = {CliError::Kind::FileProblem, tr("--template: %1").arg(why)};
            return std::nullopt;
        }
        const std::optional<TemplateIndex> found =
            library->find(options.templateName, options.profile, &why);
        if (!found) {
            *error = {CliError::Kind::InvalidValue, tr("--template: %1").arg(why)};
            return std::nullopt;
        }
        source = library->at(*found);
        // The profile's variables win over the collection's.
        variables = library->variables(found->collection, plan.templateVariables);
        if (!options.topics.isEmpty())
            source.topic = options.topics.first();
        if (options.qosGiven)
            source.qos = options.qos;
        source.retain = source.retain || options.retain;
    } else {
        source.name = QStringLiteral("--expand");
        source.topic = plan.topics.value(0);
        source.payload = QString::fromUtf8(message);
        source.qos = options.qos;
        source.retain = options.retain;
        for (const StringPair &v : plan.templateVariables)
            variables.insert(v.name, v.value);
    }
    // -D publish properties: added to the template's, a single-valued one replacing it.
    const TemplateProperties given = templateProperties(plan.properties.publish);
    TemplateProperties &p = source.properties;
    if (given.messageExpiry)
        p.messageExpiry = given.messageExpiry;
    if (given.payloadFormatIndicator)
        p.payloadFormatIndicator = given.payloadFormatIndicator;
    for (auto [mine, theirs] : {std::pair{&p.contentType, &given.contentType},
                                std::pair{&p.responseTopic, &given.responseTopic},
                                std::pair{&p.correlationData, &given.correlationData}}) {
        if (!theirs->isEmpty())
            *mine = *theirs;
    }
    p.userProperties += given.userProperties;

    // --var wins over both.
    for (const QString &v : options.variables) {
        const qsizetype eq = v.indexOf(QLatin1Char('='));
        variables.insert(v.left(eq), v.mid(eq + 1));
    }
    CompiledTemplate compiled = CompiledTemplate::compile(source, variables);
    if (!compiled.isValid()) {
        QStringList lines;
        for (const TemplateFieldError &e : compiled.errors())
            lines.append(e.message());
        const QString where = options.templateName.isEmpty()
                                  ? QStringLiteral("--expand")
                                  : tr("--template '%1'").arg(options.templateName);
        *error = {CliError::Kind::InvalidValue,
                  tr("%1: %2").arg(where, lines.join(QLatin1Char(' ')))};
        return std::nullopt;
    }
    if (source.topic.isEmpty()) {
        *error = {CliError::Kind::MissingOption,
                  tr("--template '%1' has no topic: give one with -t.").arg(options.templateName)};
        return std::nullopt;
    }
    compiled.setProtocolVersion(plan.settings.session.version);
    return compiled;
}

} // namespace mqttdesk
