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

bool toInt(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}

std::optional<QoS> toQos(const QString &text)
{
    qint64 v = 0;
    if (!toInt(text, 0, 2, &v))
        return std::nullopt;
    return QoS(v);
}

std::optional<ProtocolVersion> toVersion(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("mqttv5") || t == QLatin1String("5") || t == QLatin1String("5.0"))
        return ProtocolVersion::V5;
    if (t == QLatin1String("mqttv311") || t == QLatin1String("311") || t == QLatin1String("3.1.1"))
        return ProtocolVersion::V311;
    if (t == QLatin1String("mqttv31") || t == QLatin1String("31") || t == QLatin1String("3.1"))
        return ProtocolVersion::V31;
    return std::nullopt;
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

// Applies one flag with its value(s); `error` set on a bad value.
bool apply(CliOptions &o, const CliFlag &flag, const QStringList &values, CliError *error)
{
    const QString v = values.value(0);
    const QString name = QLatin1String(flag.shortName ? flag.shortName : flag.longName);
    auto bad = [&](const QString &why, CliError::Kind kind = CliError::Kind::InvalidValue) {
        *error = {kind, tr("%1: %2").arg(name, why)};
        return false;
    };
    qint64 n = 0;
    switch (flag.id) {
    case CliFlagId::Help:
        o.help = true;
        return true;
    case CliFlagId::Host:
        o.host = v;
        return true;
    case CliFlagId::Port:
        if (!toInt(v, 1, 65535, &n))
            return bad(tr("the port must be a number from 1 to 65535, not '%1'.").arg(v));
        o.port = quint16(n);
        return true;
    case CliFlagId::Version:
        o.protocolVersion = toVersion(v);
        if (!o.protocolVersion)
            return bad(tr("unknown MQTT version '%1' (use mqttv5, mqttv311 or mqttv31).").arg(v));
        return true;
    case CliFlagId::ClientId:
        o.clientId = v;
        return true;
    case CliFlagId::Username:
        o.username = v;
        return true;
    case CliFlagId::Password:
        o.password = v.toUtf8();
        return true;
    case CliFlagId::KeepAlive:
        if (!toInt(v, 0, 65535, &n))
            return bad(tr("the keep alive must be 0 to 65535 seconds, not '%1'.").arg(v));
        o.keepAlive = quint16(n);
        return true;
    case CliFlagId::NoCleanSession:
        o.noCleanSession = true;
        return true;
    case CliFlagId::SessionExpiry:
        if (v == QLatin1String("-1") || v == QStringLiteral("\u221E"))
            n = 0xFFFFFFFF;
        else if (!toInt(v, 0, 0xFFFFFFFF, &n))
            return bad(
                tr("the session expiry must be 0 to 4294967295 seconds or -1, not '%1'.").arg(v));
        o.sessionExpiry = quint32(n);
        return true;
    case CliFlagId::Url:
        o.url = v;
        return true;
    case CliFlagId::WsPath:
        o.wsPath = v;
        return true;
    case CliFlagId::Proxy:
        o.proxy = v;
        return true;
    case CliFlagId::Profile:
        o.profile = v;
        return true;
    case CliFlagId::DataDir:
        o.dataDir = v;
        return true;
    case CliFlagId::ConnectTimeout:
        if (!toInt(v, 1, 3600, &n))
            return bad(tr("the timeout must be 1 to 3600 seconds, not '%1'.").arg(v));
        o.connectTimeoutMs = int(n * 1000);
        return true;
    case CliFlagId::CaFile:
        o.caFile = v;
        return true;
    case CliFlagId::CaPath:
        o.caPath = v;
        return true;
    case CliFlagId::Cert:
        o.certFile = v;
        return true;
    case CliFlagId::Key:
        o.keyFile = v;
        return true;
    case CliFlagId::KeyPass:
        o.keyPassphrase = v.toUtf8();
        return true;
    case CliFlagId::Insecure:
        o.insecure = true;
        return true;
    case CliFlagId::TlsVersion:
        if (v != QLatin1String("tlsv1.2") && v != QLatin1String("tlsv1.3"))
            return bad(tr("use tlsv1.2 or tlsv1.3, not '%1'.").arg(v));
        o.tlsVersion = v;
        return true;
    case CliFlagId::WillTopic:
        o.willTopic = v;
        return true;
    case CliFlagId::WillPayload:
        o.willPayload = v.toUtf8();
        return true;
    case CliFlagId::WillQos:
    case CliFlagId::Qos: {
        const std::optional<QoS> qos = toQos(v);
        if (!qos)
            return bad(tr("the QoS must be 0, 1 or 2, not '%1'.").arg(v));
        (flag.id == CliFlagId::Qos ? o.qos : o.willQos) = *qos;
        return true;
    }
    case CliFlagId::WillRetain:
        o.willRetain = true;
        return true;
    case CliFlagId::Property:
        o.properties.append(
            CliProperty{values.value(0), values.value(1), values.value(2), values.value(3)});
        return true;
    case CliFlagId::Topic:
        o.topics.append(v);
        return true;
    case CliFlagId::Retain:
        o.retain = true;
        return true;
    case CliFlagId::Message:
    case CliFlagId::File:
    case CliFlagId::Stdin:
    case CliFlagId::StdinLines:
    case CliFlagId::NullMessage: {
        if (o.source != MessageSource::None)
            return bad(tr("only one of -m, -f, -s, -l and -n can be given."),
                       CliError::Kind::ConflictingOptions);
        static const MessageSource sources[] = {MessageSource::Argument, MessageSource::File,
                                                MessageSource::Stdin, MessageSource::StdinLines,
                                                MessageSource::Null};
        o.source = sources[int(flag.id) - int(CliFlagId::Message)];
        if (flag.id == CliFlagId::Message)
            o.message = v.toUtf8();
        else if (flag.id == CliFlagId::File)
            o.messageFile = v;
        return true;
    }
    case CliFlagId::Repeat:
        if (!toInt(v, 1, 1000000000, &n))
            return bad(tr("the repeat count must be at least 1, not '%1'.").arg(v));
        o.repeat = int(n);
        return true;
    case CliFlagId::RepeatDelay:
    case CliFlagId::Interval:
        if (!toInt(v, 0, 86400000, &n))
            return bad(tr("the delay must be 0 or more milliseconds, not '%1'.").arg(v));
        (flag.id == CliFlagId::Interval ? o.intervalMs : o.repeatDelayMs) = int(n);
        return true;
    case CliFlagId::Count:
        if (!toInt(v, 1, Q_INT64_C(1) << 40, &n))
            return bad(tr("the count must be at least 1, not '%1'.").arg(v));
        o.count = n;
        return true;
    case CliFlagId::Timeout:
        if (!toInt(v, 1, 86400 * 365, &n))
            return bad(tr("the timeout must be at least 1 second, not '%1'.").arg(v));
        o.timeoutSeconds = int(n);
        return true;
    case CliFlagId::Verbose:
        o.verbose = true;
        return true;
    case CliFlagId::NoEol:
        o.noEol = true;
        return true;
    case CliFlagId::NoRetained:
        o.noRetained = true;
        return true;
    case CliFlagId::PrintFormat:
        o.printFormat = v;
        return true;
    case CliFlagId::FilterOut:
        o.filterOut.append(v);
        return true;
    case CliFlagId::Unsubscribe:
        o.unsubscribeTopics.append(v);
        return true;
    case CliFlagId::OutputFormat: {
        const std::optional<PayloadFormat> format = payloadFormatFromKey(v);
        if (!format || (*format != PayloadFormat::Text && *format != PayloadFormat::Json &&
                        *format != PayloadFormat::Hex && *format != PayloadFormat::Base64))
            return bad(tr("use text, json, hex or base64, not '%1'.").arg(v));
        o.outputFormat = *format;
        return true;
    }
    case CliFlagId::LineBuffered:
        o.lineBuffered = true;
        return true;
    case CliFlagId::Quiet:
        o.quiet = true;
        return true;
    case CliFlagId::Clients:
        if (!toInt(v, 1, 100000, &n))
            return bad(tr("the number of clients must be 1 to 100000, not '%1'.").arg(v));
        o.clients = int(n);
        return true;
    case CliFlagId::Rate:
        if (!toInt(v, 0, 100000000, &n))
            return bad(tr("the rate must be 0 or more messages per second, not '%1'.").arg(v));
        o.rate = int(n);
        return true;
    case CliFlagId::Size:
        if (!toInt(v, 0, 256 * 1024 * 1024, &n))
            return bad(tr("the size must be 0 to 268435456 bytes, not '%1'.").arg(v));
        o.payloadSize = int(n);
        return true;
    }
    return true;
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
    else if (first == QLatin1String("bench")) {
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
        if (!apply(o, *flag, values, error)) {
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
        if (o.source == MessageSource::None) {
            *error = {CliError::Kind::MissingOption,
                      tr("pub needs a message: -m, -f, -s, -l or -n.")};
            return false;
        }
        if (o.topics.size() > 1) {
            *error = {CliError::Kind::ConflictingOptions,
                      tr("pub takes one topic (-t), not %1.").arg(o.topics.size())};
            return false;
        }
        if (o.topics.isEmpty() && !urlHasTopic) {
            *error = {CliError::Kind::MissingOption, tr("pub needs a topic: -t topic.")};
            return false;
        }
        if (!fileMustExist(o.messageFile, "-f", error))
            return false;
    }
    // As mosquitto_sub: -U alone is not enough (it would wait for messages that never come).
    if (o.command == CliCommand::Sub && o.topics.isEmpty() && !urlHasTopic) {
        *error = {CliError::Kind::MissingOption,
                  tr("sub needs at least one topic filter: -t filter.")};
        return false;
    }
    if ((o.command == CliCommand::BenchPub || o.command == CliCommand::BenchSub) &&
        o.topics.size() != 1) {
        *error = {o.topics.isEmpty() ? CliError::Kind::MissingOption
                                     : CliError::Kind::ConflictingOptions,
                  tr("bench needs exactly one topic: -t topic.")};
        return false;
    }
    const bool names = o.command == CliCommand::Pub || o.command == CliCommand::BenchPub;
    for (const QString &topic : std::as_const(o.topics)) {
        QString t = topic;
        if (o.command == CliCommand::BenchPub || o.command == CliCommand::BenchSub)
            t.replace(QLatin1String("%c"), QLatin1String("0"));
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
