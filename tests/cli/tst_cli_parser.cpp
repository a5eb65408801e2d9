// The CLI's parser in-process (no mqttdesk-cli process, no broker): every flag of the
// table is parsed by every command that accepts it and listed in that command's --help,
// and every CliError kind has a name and comes with a message.
#include "app/cli/cli_error.h"
#include "app/cli/cli_flag_table.h"
#include "app/cli/cli_parser.h"
#include "app/cli/settings_builder.h"
#include "tests/support/enum_names.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttdesk;
using namespace mqttdesk::test;

class TstCliParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyFlagNamedOnce();
    void everyFlagParsedAndDocumented();
    void errorKindNames();
    void errorKinds_data();
    void errorKinds();
    void storeNeedsAProfile();

private:
    QTemporaryDir m_tmp;
    QString m_file;    // an existing, readable file
    QString m_garbage; // a file that is not a certificate
};

namespace {

const QList<CliCommand> kCommands = {CliCommand::Conn,     CliCommand::Pub,
                                     CliCommand::Sub,      CliCommand::BenchPub,
                                     CliCommand::BenchSub, CliCommand::BenchConn};

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QStringList commandLine(CliCommand command)
{
    return QStringList{QStringLiteral("mqttdesk-cli")} +
           CliFlagTable::commandName(command).split(QLatin1Char(' '));
}

// The option names a --help text lists: "  -h, --host <host>   broker host" gives -h, --host.
QSet<QString> listedNames(const QString &help)
{
    static const QRegularExpression kLine(QStringLiteral("^  (-[^\\s,]+)(?:, (-[^\\s,]+))?"),
                                          QRegularExpression::MultilineOption);
    QSet<QString> names;
    for (QRegularExpressionMatchIterator it = kLine.globalMatch(help); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        names.insert(m.captured(1));
        if (m.hasCaptured(2))
            names.insert(m.captured(2));
    }
    return names;
}

} // namespace

void TstCliParser::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_file = m_tmp.filePath(QStringLiteral("file.pem"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    m_garbage = m_file;
}

void TstCliParser::everyFlagNamedOnce()
{
    QSet<QString> seen;
    for (const CliFlag &flag : CliFlagTable::flags()) {
        QVERIFY(flag.shortName || flag.longName);
        for (const char *name : {flag.shortName, flag.longName}) {
            if (!name)
                continue;
            const QString n = QLatin1String(name);
            QVERIFY2(!seen.contains(n), qPrintable(n + QStringLiteral(" twice")));
            seen.insert(n);
            QCOMPARE(CliFlagTable::find(n), &flag);
        }
    }
}

void TstCliParser::everyFlagParsedAndDocumented()
{
    // A valid value for each flag, and what else it needs to pass the checks.
    struct Sample
    {
        QStringList values;
        QStringList needs;
    };
    const QHash<CliFlagId, Sample> samples = {
        {CliFlagId::Help, {}},
        {CliFlagId::Host, {{QStringLiteral("broker")}, {}}},
        {CliFlagId::Port, {{QStringLiteral("1884")}, {}}},
        {CliFlagId::Version, {{QStringLiteral("mqttv5")}, {}}},
        {CliFlagId::ClientId, {{QStringLiteral("me")}, {}}},
        {CliFlagId::Username, {{QStringLiteral("user")}, {}}},
        {CliFlagId::Password, {{QStringLiteral("secret")}, {}}},
        {CliFlagId::KeepAlive, {{QStringLiteral("30")}, {}}},
        {CliFlagId::NoCleanSession, {}},
        {CliFlagId::SessionExpiry, {{QStringLiteral("-1")}, {}}},
        {CliFlagId::Url, {{QStringLiteral("mqtt://broker:1884")}, {}}},
        {CliFlagId::WsPath, {{QStringLiteral("/ws")}, {}}},
        {CliFlagId::Proxy, {{QStringLiteral("socks5://127.0.0.1:1080")}, {}}},
        {CliFlagId::Profile, {{QStringLiteral("lab")}, {}}},
        {CliFlagId::DataDir, {{m_tmp.path()}, {}}},
        {CliFlagId::ConnectTimeout, {{QStringLiteral("5")}, {}}},
        {CliFlagId::CaFile, {{m_file}, {}}},
        {CliFlagId::CaPath, {{m_tmp.path()}, {}}},
        {CliFlagId::Cert, {{m_file}, {QStringLiteral("--key"), m_file}}},
        {CliFlagId::Key, {{m_file}, {QStringLiteral("--cert"), m_file}}},
        {CliFlagId::KeyPass, {{QStringLiteral("pass")}, {}}},
        {CliFlagId::Insecure, {}},
        {CliFlagId::TlsVersion, {{QStringLiteral("tlsv1.3")}, {}}},
        {CliFlagId::WillTopic, {{QStringLiteral("will")}, {}}},
        {CliFlagId::WillPayload,
         {{QStringLiteral("bye")}, words(QStringLiteral("--will-topic w"))}},
        {CliFlagId::WillQos, {{QStringLiteral("2")}, {}}},
        {CliFlagId::WillRetain, {{}, words(QStringLiteral("--will-topic w"))}},
        {CliFlagId::Property, {words(QStringLiteral("publish user-property k v")), {}}},
        {CliFlagId::Topic, {{QStringLiteral("other/topic")}, {}}},
        {CliFlagId::Qos, {{QStringLiteral("1")}, {}}},
        {CliFlagId::Retain, {}},
        {CliFlagId::Message, {{QStringLiteral("hello")}, {}}},
        {CliFlagId::File, {{m_file}, {}}},
        {CliFlagId::Stdin, {}},
        {CliFlagId::StdinLines, {}},
        {CliFlagId::NullMessage, {}},
        {CliFlagId::Repeat, {{QStringLiteral("3")}, {}}},
        {CliFlagId::RepeatDelay, {{QStringLiteral("10")}, {}}},
        {CliFlagId::Count, {{QStringLiteral("5")}, {}}},
        {CliFlagId::Timeout, {{QStringLiteral("5")}, {}}},
        {CliFlagId::Verbose, {}},
        {CliFlagId::NoEol, {}},
        {CliFlagId::NoRetained, {}},
        {CliFlagId::Store, {{}, words(QStringLiteral("--profile lab"))}},
        {CliFlagId::Reconnect, {}},
        {CliFlagId::PrintFormat, {{QStringLiteral("%t %p")}, {}}},
        {CliFlagId::FilterOut, {{QStringLiteral("x/#")}, {}}},
        {CliFlagId::Unsubscribe, {{QStringLiteral("y/+")}, {}}},
        {CliFlagId::OutputFormat, {{QStringLiteral("hex")}, {}}},
        {CliFlagId::LineBuffered, {}},
        {CliFlagId::ProtoPath, {{m_tmp.path()}, {}}},
        {CliFlagId::Proto, {{m_file}, words(QStringLiteral("--proto-type demo.Reading"))}},
        {CliFlagId::ProtoType,
         {{QStringLiteral("demo.Reading")}, {QStringLiteral("--proto"), m_file}}},
        {CliFlagId::Numeric, {{QStringLiteral("int16be:4")}, {}}},
        {CliFlagId::Rules, {{m_file}, {}}},
        {CliFlagId::Sparkplug, {}},
        {CliFlagId::Quiet, {}},
        {CliFlagId::Debug, {}},
        {CliFlagId::Clients, {{QStringLiteral("4")}, {}}},
        {CliFlagId::Rate, {{QStringLiteral("100")}, {}}},
        {CliFlagId::Size, {{QStringLiteral("64")}, {}}},
        {CliFlagId::Interval, {{QStringLiteral("5")}, {}}},
        {CliFlagId::Template, {{QStringLiteral("Plant/Reading")}, {}}},
        {CliFlagId::Collection,
         {{QCoreApplication::applicationFilePath()},
          {QStringLiteral("--template"), QStringLiteral("Reading")}}},
        {CliFlagId::Var, {{QStringLiteral("device=pump-7")}, {QStringLiteral("--expand")}}},
        {CliFlagId::Expand, {}},
    };
    // --template gives the message too.
    const QSet<CliFlagId> sources = {CliFlagId::Message,     CliFlagId::File,
                                     CliFlagId::Stdin,       CliFlagId::StdinLines,
                                     CliFlagId::NullMessage, CliFlagId::Template};
    // Flags a command line cannot do without here (the message, the topic, a certificate
    // with its key, a .proto file with its type): without them there is nothing valid to
    // compare with.
    QSet<CliFlagId> essential = sources;
    essential << CliFlagId::Topic << CliFlagId::Cert << CliFlagId::Key << CliFlagId::Proto
              << CliFlagId::ProtoType;

    for (const CliCommand command : kCommands) {
        const QSet<QString> documented = listedNames(CliFlagTable::help(command));
        for (const CliFlag &flag : CliFlagTable::flags()) {
            for (const char *name : {flag.shortName, flag.longName}) {
                if (!name)
                    continue;
                const QString n = QLatin1String(name);
                const QString where = n + QLatin1Char(' ') + CliFlagTable::commandName(command);
                QVERIFY2(documented.contains(n) == CliFlagTable::accepts(flag, command),
                         qPrintable(where + QStringLiteral(": --help and the table disagree")));
                if (!CliFlagTable::accepts(flag, command))
                    continue;
                QVERIFY2(samples.contains(flag.id),
                         qPrintable(where + QStringLiteral(": no sample")));
                const Sample &sample = samples.value(flag.id);

                // What the command needs anyway: a topic, a message.
                QStringList base;
                if (command != CliCommand::Conn && command != CliCommand::BenchConn &&
                    flag.id != CliFlagId::Topic)
                    base << QStringLiteral("-t") << QStringLiteral("a");
                if (command == CliCommand::Pub && !sources.contains(flag.id) &&
                    !sample.needs.contains(QStringLiteral("--template")))
                    base << QStringLiteral("-m") << QStringLiteral("x");

                CliError error;
                const std::optional<CliOptions> without =
                    CliParser::parse(commandLine(command) + base + sample.needs, &error);
                QVERIFY2(without || essential.contains(flag.id),
                         qPrintable(where + QStringLiteral(": ") + error.message));
                const std::optional<CliOptions> with = CliParser::parse(
                    commandLine(command) + base + sample.needs + QStringList{n} + sample.values,
                    &error);
                QVERIFY2(with, qPrintable(where + QStringLiteral(": ") + error.message));
                QCOMPARE(with->command, command);
                // The flag was applied: the options differ from those without it.
                if (without)
                    QVERIFY2(!(*with == *without),
                             qPrintable(where + QStringLiteral(": no effect")));
            }
        }
    }
}

void TstCliParser::errorKindNames()
{
    using K = CliError::Kind;
    checkEnumNames(K::UnknownCommand, K::HistoryProblem, &CliError::kindName,
                   QStringLiteral("Unknown"));
    QCOMPARE(CliError::kindName(K::UnknownOption), QStringLiteral("UnknownOption"));
    QCOMPARE(CliError::kindName(K::ProfileProblem), QStringLiteral("ProfileProblem"));
}

void TstCliParser::errorKinds_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("command");
    using K = CliError::Kind;
    const auto row = [](const char *name, const QString &args, K kind, CliCommand command) {
        QTest::newRow(name) << words(args) << int(kind) << int(command);
    };
    // One command line for each kind, in the order of their declaration.
    row("unknown command", QStringLiteral("subscribe -t a"), K::UnknownCommand, CliCommand::None);
    row("unknown option", QStringLiteral("sub -t a --bogus"), K::UnknownOption, CliCommand::Sub);
    row("unexpected argument", QStringLiteral("sub -t a extra"), K::UnexpectedArgument,
        CliCommand::Sub);
    row("missing value", QStringLiteral("sub -t"), K::MissingValue, CliCommand::Sub);
    row("invalid value", QStringLiteral("conn -p 70000"), K::InvalidValue, CliCommand::Conn);
    row("conflicting options", QStringLiteral("pub -t a -m x -n"), K::ConflictingOptions,
        CliCommand::Pub);
    row("missing option", QStringLiteral("pub -t a"), K::MissingOption, CliCommand::Pub);
    row("invalid topic", QStringLiteral("pub -t a/+ -m x"), K::InvalidTopic, CliCommand::Pub);
    row("invalid property", QStringLiteral("pub -V 5 -t a -m x -D publish colour red"),
        K::InvalidProperty, CliCommand::Pub);
    row("file problem", QStringLiteral("pub -t a -f /nonexistent/mqttdesk.bin"), K::FileProblem,
        CliCommand::Pub);
    row("TLS problem", QStringLiteral("sub -t a --cafile ") + m_garbage, K::TlsProblem,
        CliCommand::Sub);
    row("profile problem",
        QStringLiteral("conn --profile lab --data-dir ") + m_tmp.filePath(QStringLiteral("none")),
        K::ProfileProblem, CliCommand::Conn);
}

void TstCliParser::errorKinds()
{
    QFETCH(QStringList, args);
    QFETCH(int, kind);
    QFETCH(int, command);
    CliError error;
    std::optional<CliOptions> options =
        CliParser::parse(QStringList{QStringLiteral("mqttdesk-cli")} + args, &error);
    // What the parser lets through is found when the settings are built.
    if (options) {
        QVERIFY(!SettingsBuilder::build(*options, &error));
        error.command = options->command;
    }
    QCOMPARE(CliError::kindName(error.kind), CliError::kindName(CliError::Kind(kind)));
    QVERIFY(!error.message.trimmed().isEmpty());
    QCOMPARE(int(error.command), command);
}

void TstCliParser::storeNeedsAProfile()
{
    CliError error;
    QVERIFY(!CliParser::parse(words(QStringLiteral("mqttdesk-cli sub -t a --store")), &error));
    QCOMPARE(error.kind, CliError::Kind::MissingOption);
    QVERIFY2(error.message.contains(QStringLiteral("--profile")), qPrintable(error.message));
    const std::optional<CliOptions> options = CliParser::parse(
        words(QStringLiteral("mqttdesk-cli sub -t a --store --profile lab")), &error);
    QVERIFY(options);
    QVERIFY(options->store);
    // Only sub stores.
    QVERIFY(!CliParser::parse(words(QStringLiteral("mqttdesk-cli pub -t a -m x --store "
                                                   "--profile lab")),
                              &error));
    QCOMPARE(error.kind, CliError::Kind::UnknownOption);
}

QTEST_GUILESS_MAIN(TstCliParser)
#include "tst_cli_parser.moc"
