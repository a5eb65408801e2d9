#include "app/cli/cli_parser.h"

#include "app/cli/cli_flag_table.h"
#include "core/protocol/topic.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace mqttdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

bool fileMustExist(const QString &path, const char *flag, CliError *error)
{
    if (path.isEmpty())
        return true;
    const QFileInfo info(path);
    if (info.isFile() && info.isReadable())
        return true;
    *error = {CliError::Kind::FileProblem,
              (!info.exists() ? tr("%1: the file '%2' does not exist.")
               : info.isDir() ? tr("%1: '%2' is a directory, not a file.")
                              : tr("%1: cannot read the file '%2'."))
                  .arg(QLatin1String(flag), path)};
    return false;
}

int valueCount(const CliFlag &flag, const QStringList &args, qsizetype next)
{
    if (!flag.valueName)
        return 0;
    if (flag.id != CliFlagId::Property)
        return 1;
    // -D command user-property name value; every other property has a single value.
    return args.value(next + 2) == QLatin1String("user-property") ? 4 : 3;
}

} // namespace

std::optional<CliOptions> CliParser::parse(const QStringList &args, CliError *error)
{
    CliOptions o;
    qsizetype i = 1;
    const QString first = args.value(1);
    if (first == QLatin1String("conn"))
        o.command = CliCommand::Conn;
    else if (first == QLatin1String("pub"))
        o.command = CliCommand::Pub;
    else if (first == QLatin1String("sub"))
        o.command = CliCommand::Sub;
    else if (first == QLatin1String("topics"))
        o.command = CliCommand::Topics;
    else if (first == QLatin1String("record"))
        o.command = CliCommand::Record;
    else if (first == QLatin1String("replay"))
        o.command = CliCommand::Replay;
    else if (first == QLatin1String("watch"))
        o.command = CliCommand::Watch;
    else if (first == QLatin1String("probe"))
        o.command = CliCommand::Probe;
    else if (first == QLatin1String("test"))
        o.command = CliCommand::Test;
    else if (first == QLatin1String("retained")) {
        const QString second = args.value(2);
        if (second == QLatin1String("clear"))
            o.command = CliCommand::RetainedClear;
        else if (second == QLatin1String("snapshot"))
            o.command = CliCommand::RetainedSnapshot;
        else if (second == QLatin1String("diff"))
            o.command = CliCommand::RetainedDiff;
        else if (second == QLatin1String("--help")) {
            o.help = true;
            return o;
        } else {
            *error = {CliError::Kind::UnknownCommand,
                      tr("retained needs clear, snapshot or diff, not '%1'.").arg(second)};
            return std::nullopt;
        }
        ++i;
    } else if (first == QLatin1String("bench")) {
        const QString second = args.value(2);
        if (second == QLatin1String("pub"))
            o.command = CliCommand::BenchPub;
        else if (second == QLatin1String("sub"))
            o.command = CliCommand::BenchSub;
        else if (second == QLatin1String("conn"))
            o.command = CliCommand::BenchConn;
        else if (second == QLatin1String("--help")) {
            o.help = true;
            return o;
        } else {
            *error = {CliError::Kind::UnknownCommand,
                      tr("bench needs pub, sub or conn, not '%1'.").arg(second)};
            return std::nullopt;
        }
        ++i;
    } else if (first == QLatin1String("--version") && args.size() == 2) {
        o.version = true;
        return o;
    } else if (first == QLatin1String("--help") || first == QLatin1String("help") ||
               first.isEmpty()) {
        o.help = true;
        return o;
    } else {
        *error = {CliError::Kind::UnknownCommand, tr("unknown command '%1'.").arg(first)};
        return std::nullopt;
    }
    ++i;

    for (; i < args.size(); ++i) {
        const QString &token = args.at(i);
        const CliFlag *flag = CliFlagTable::find(token);
        if (!flag && !token.startsWith(QLatin1Char('-')) &&
            ((o.command == CliCommand::RetainedDiff && o.positional.size() < 2) ||
             (o.command == CliCommand::Replay && o.positional.isEmpty()) ||
             o.command == CliCommand::Test)) {
            o.positional.append(token);
            continue;
        }
        if (!flag || !CliFlagTable::accepts(*flag, o.command)) {
            *error = token.startsWith(QLatin1Char('-'))
                         ? CliError{CliError::Kind::UnknownOption,
                                    tr("unknown option '%1'.").arg(token), o.command}
                         : CliError{CliError::Kind::UnexpectedArgument,
                                    tr("unexpected argument '%1'.").arg(token), o.command};
            return std::nullopt;
        }
        const int count = valueCount(*flag, args, i);
        if (count > 0 && i + count >= args.size()) {
            *error = {CliError::Kind::MissingValue,
                      tr("%1 needs a value: %1 <%2>.").arg(token, QLatin1String(flag->valueName)),
                      o.command};
            return std::nullopt;
        }
        const QStringList values = args.mid(i + 1, count);
        i += count;
        if (std::optional<CliError> bad = flag->apply(o, *flag, values)) {
            *error = std::move(*bad);
            error->command = o.command;
            return std::nullopt;
        }
    }
    if (o.help)
        return o;
    if (!validate(o, error)) {
        error->command = o.command;
        return std::nullopt;
    }
    return o;
}

bool CliParser::validate(CliOptions &o, CliError *error)
{
    if (!fileMustExist(o.caFile, "--cafile", error) ||
        !fileMustExist(o.certFile, "--cert", error) || !fileMustExist(o.keyFile, "--key", error))
        return false;
    if (!o.caPath.isEmpty() && !QFileInfo(o.caPath).isDir()) {
        *error = {CliError::Kind::FileProblem,
                  tr("--capath: the directory '%1' does not exist.").arg(o.caPath)};
        return false;
    }
    if (o.protoFiles.isEmpty() != o.protoType.isEmpty()) {
        *error = {CliError::Kind::MissingOption,
                  tr("--proto and --proto-type must be given together.")};
        return false;
    }
    if (!o.protoFiles.isEmpty() && !o.numericSpec.isEmpty()) {
        *error = {CliError::Kind::ConflictingOptions,
                  tr("--proto and --numeric cannot both decode the -t topics.")};
        return false;
    }
    for (const QString &file : std::as_const(o.protoFiles)) {
        if (!fileMustExist(file, "--proto", error))
            return false;
    }
    if (!fileMustExist(o.rulesFile, "--rules", error))
        return false;
    if (o.certFile.isEmpty() != o.keyFile.isEmpty()) {
        *error = {CliError::Kind::MissingOption, tr("--cert and --key must be given together.")};
        return false;
    }
    if (!o.willTopic.isEmpty()) {
        if (const std::optional<TopicError> e = Topic::validateName(o.willTopic)) {
            *error = {CliError::Kind::InvalidTopic, tr("--will-topic: %1").arg(e->message())};
            return false;
        }
    } else if (o.willPayload || o.willRetain) {
        *error = {CliError::Kind::MissingOption,
                  tr("--will-payload and --will-retain need --will-topic.")};
        return false;
    }
    const bool urlHasTopic =
        o.url.startsWith(QLatin1String("mqtt")) &&
        o.url.indexOf(QLatin1Char('/'), o.url.indexOf(QLatin1String("://")) + 3) > 0;
    if (o.command == CliCommand::Pub) {
        const bool fromTemplate = !o.templateName.isEmpty();
        if (fromTemplate && o.source != MessageSource::None) {
            *error = {CliError::Kind::ConflictingOptions,
                      tr("--template gives the message: drop -m, -f, -s, -l and -n.")};
            return false;
        }
        if (!fromTemplate && o.source == MessageSource::None) {
            *error = {CliError::Kind::MissingOption,
                      tr("pub needs a message: -m, -f, -s, -l, -n or --template.")};
            return false;
        }
        if (!o.collectionFile.isEmpty() && !fromTemplate) {
            *error = {CliError::Kind::MissingOption,
                      tr("--collection needs --template: which of its templates to publish.")};
            return false;
        }
        if (!o.variables.isEmpty() && !fromTemplate && !o.expand) {
            *error = {CliError::Kind::MissingOption,
                      tr("--var needs --template or --expand: without them -t and -m are sent "
                         "as they are.")};
            return false;
        }
        if (o.expand && o.source == MessageSource::StdinLines) {
            *error = {CliError::Kind::ConflictingOptions,
                      tr("--expand works on -m, -f and -s, not on -l.")};
            return false;
        }
        if (o.topics.size() > 1) {
            *error = {CliError::Kind::ConflictingOptions,
                      tr("pub takes one topic (-t), not %1.").arg(o.topics.size())};
            return false;
        }
        if (o.topics.isEmpty() && !urlHasTopic && !fromTemplate) {
            *error = {CliError::Kind::MissingOption, tr("pub needs a topic: -t topic.")};
            return false;
        }
        if (!fileMustExist(o.messageFile, "-f", error) ||
            !fileMustExist(o.collectionFile, "--collection", error))
            return false;
    }
    // As mosquitto_sub: -U alone is not enough (it would wait for messages that never come).
    if (o.command == CliCommand::Sub && o.topics.isEmpty() && !urlHasTopic) {
        *error = {CliError::Kind::MissingOption,
                  tr("sub needs at least one topic filter: -t filter.")};
        return false;
    }
    if (o.command == CliCommand::Topics) {
        if (o.topics.isEmpty() && !urlHasTopic) {
            *error = {CliError::Kind::MissingOption,
                      tr("topics needs at least one topic filter: -t filter.")};
            return false;
        }
        if (o.printFormat && *o.printFormat != QLatin1String("json")) {
            *error = {
                CliError::Kind::InvalidValue,
                tr("-F: topics prints text, or JSON with -F json, not '%1'.").arg(*o.printFormat)};
            return false;
        }
    }
    // The history belongs to a saved connection: without one there is nothing to add to.
    if (o.store && o.profile.isEmpty()) {
        *error = {CliError::Kind::MissingOption,
                  tr("--store needs --profile: messages are kept in a saved connection's "
                     "history.")};
        return false;
    }
    if ((o.command == CliCommand::BenchPub || o.command == CliCommand::BenchSub) &&
        o.topics.size() != 1) {
        *error = {o.topics.isEmpty() ? CliError::Kind::MissingOption
                                     : CliError::Kind::ConflictingOptions,
                  tr("bench needs exactly one topic: -t topic.")};
        return false;
    }
    if (o.command == CliCommand::RetainedClear || o.command == CliCommand::RetainedSnapshot) {
        if (o.topics.size() != 1) {
            *error = {o.topics.isEmpty() ? CliError::Kind::MissingOption
                                         : CliError::Kind::ConflictingOptions,
                      tr("retained needs exactly one filter: -t filter.")};
            return false;
        }
        if (o.command == CliCommand::RetainedSnapshot && o.outputFile.isEmpty()) {
            *error = {CliError::Kind::MissingOption, tr("snapshot needs a file: -o file.")};
            return false;
        }
    }
    if (o.command == CliCommand::Record) {
        if (o.topics.isEmpty() && !urlHasTopic) {
            *error = {CliError::Kind::MissingOption,
                      tr("record needs at least one topic filter: -t filter.")};
            return false;
        }
        if (o.outputFile.isEmpty()) {
            *error = {CliError::Kind::MissingOption, tr("record needs a file: -o file.")};
            return false;
        }
    }
    if (o.command == CliCommand::Watch && o.rulesFile.isEmpty()) {
        *error = {CliError::Kind::MissingOption,
                  tr("watch needs its alert rules: --rules file (see docs/alert-rules.md).")};
        return false;
    }
    if (o.command == CliCommand::Test) {
        if (o.positional.isEmpty()) {
            *error = {CliError::Kind::MissingOption,
                      tr("test needs at least one suite file: test SUITE... (see "
                         "docs/test-suites.md).")};
            return false;
        }
        for (const QString &suite : std::as_const(o.positional)) {
            if (!fileMustExist(suite, "test", error))
                return false;
        }
    }
    if (o.command == CliCommand::Replay && o.positional.size() != 1) {
        *error = {CliError::Kind::MissingOption, tr("replay needs a capture file: replay FILE.")};
        return false;
    }
    if (o.command == CliCommand::RetainedDiff && o.positional.size() != 2) {
        *error = {CliError::Kind::MissingOption,
                  tr("diff needs two snapshots: retained diff A B (B may be 'live').")};
        return false;
    }
    const bool names = o.command == CliCommand::Pub || o.command == CliCommand::BenchPub;
    for (const QString &topic : std::as_const(o.topics)) {
        QString t = topic;
        if (o.command == CliCommand::BenchPub || o.command == CliCommand::BenchSub)
            t.replace(QLatin1String("%c"), QLatin1String("0"));
        // --expand: the topic is checked once its variables are expanded.
        if (o.expand && t.contains(QLatin1String("{{")))
            continue;
        const std::optional<TopicError> e =
            names ? Topic::validateName(t) : Topic::validateFilter(t);
        if (e) {
            *error = {CliError::Kind::InvalidTopic, tr("-t '%1': %2").arg(topic, e->message())};
            return false;
        }
    }
    for (const QStringList *list : {&o.filterOut, &o.unsubscribeTopics}) {
        for (const QString &filter : *list) {
            if (const std::optional<TopicError> e = Topic::validateFilter(filter)) {
                *error = {CliError::Kind::InvalidTopic, tr("'%1': %2").arg(filter, e->message())};
                return false;
            }
        }
    }
    return true;
}

} // namespace mqttdesk
