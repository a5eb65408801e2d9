#include "core/suite/suite_parser.h"

#include "core/suite/suite_field_reader.h"
#include "core/suite/suite_step_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QSet>

namespace mqttdesk {

namespace {

const QLatin1String kFormat("mqttdesk-suite");

// How long a suite connection may take to connect, unless it says.
constexpr qint64 kDefaultConnectTimeoutMs = 10000;

constexpr std::pair<const char *, ProtocolVersion> kVersions[] = {
    {"3.1", ProtocolVersion::V31},
    {"3.1.1", ProtocolVersion::V311},
    {"5.0", ProtocolVersion::V5},
    {"5", ProtocolVersion::V5},
};

constexpr std::pair<const char *, TransportOptions::Kind> kTransports[] = {
    {"tcp", TransportOptions::Kind::Tcp},
    {"tls", TransportOptions::Kind::Tls},
    {"ws", TransportOptions::Kind::WebSocket},
    {"wss", TransportOptions::Kind::SecureWebSocket},
};

quint16 defaultPort(TransportOptions::Kind kind)
{
    switch (kind) {
    case TransportOptions::Kind::Tcp:
        return 1883;
    case TransportOptions::Kind::Tls:
        return 8883;
    case TransportOptions::Kind::WebSocket:
        return 80;
    case TransportOptions::Kind::SecureWebSocket:
        return 443;
    }
    return 1883;
}

// A line and column (1-based) for a byte offset of the text.
void locate(const QByteArray &json, qsizetype offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (qsizetype i = 0; i < qMin(offset, json.size()); ++i) {
        if (json.at(i) == '\n') {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
    }
}

QString resolvePath(const QString &path, const QString &base)
{
    if (path.isEmpty() || base.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir(base).filePath(path);
}

} // namespace

SuiteParser::Result SuiteParser::parseFile(const QString &path)
{
    return parseFile(path, Options());
}

SuiteParser::Result SuiteParser::parseFile(const QString &path, Options options)
{
    if (options.fileName.isEmpty())
        options.fileName = path;
    if (options.baseDirectory.isEmpty())
        options.baseDirectory = QFileInfo(path).absolutePath();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        SuiteParseError e;
        e.kind = SuiteParseError::Kind::Unreadable;
        e.file = options.fileName;
        e.detail = tr("cannot read the file: %1").arg(file.errorString());
        return {std::nullopt, e};
    }
    return parse(file.readAll(), options);
}

SuiteParser::Result SuiteParser::parse(const QByteArray &json, const Options &options)
{
    SuiteParseError where;
    where.file = options.fileName;
    const auto failed = [&where](SuiteParseError::Kind kind, const QString &detail) -> Result {
        SuiteParseError e = where;
        e.kind = kind;
        e.detail = detail;
        return {std::nullopt, e};
    };

    QJsonParseError syntax;
    const QJsonDocument document = QJsonDocument::fromJson(json, &syntax);
    if (syntax.error != QJsonParseError::NoError) {
        SuiteParseError e = where;
        e.kind = SuiteParseError::Kind::Syntax;
        locate(json, syntax.offset, &e.line, &e.column);
        e.detail = tr("not JSON: %1").arg(syntax.errorString());
        return {std::nullopt, e};
    }
    if (!document.isObject())
        return failed(SuiteParseError::Kind::NotASuite,
                      tr("not a test suite: the file must hold one JSON object with \"format\": "
                         "\"mqttdesk-suite\""));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return failed(SuiteParseError::Kind::NotASuite,
                      tr("not a test suite: \"format\" must be \"mqttdesk-suite\""));

    std::optional<SuiteParseError> error;
    // The variables come first: every other string may use them. Their own values are
    // taken as they are.
    const SuiteVariables none;
    SuiteFieldReader plain(root, QString(), &none, where, &error);
    QHash<QString, QString> values;
    if (const std::optional<QJsonObject> vars = plain.objectField(QStringLiteral("variables"))) {
        for (auto it = vars->constBegin(); it != vars->constEnd(); ++it) {
            const QString field = QStringLiteral("variables.") + it.key();
            if (!SuiteVariables::isValidName(it.key())) {
                plain.fail(SuiteParseError::Kind::UnknownValue, field,
                           tr("is not a variable name: use letters, digits, _, - and ., "
                              "starting with a letter or _"));
                break;
            }
            const QJsonValue v = it.value();
            if (v.isString())
                values.insert(it.key(), v.toString());
            else if (v.isDouble())
                values.insert(it.key(), MessageCheck::jsonText(v));
            else if (v.isBool())
                values.insert(it.key(),
                              v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            else {
                plain.fail(SuiteParseError::Kind::WrongType, field,
                           tr("must be a string, a number or true or false, not %1")
                               .arg(SuiteFieldReader::typeName(v)));
                break;
            }
        }
    }
    // ${run}: the same for the whole file, new at each reading, for topics no earlier run
    // (and no retained message of one) shares.
    if (!values.contains(QStringLiteral("run")))
        values.insert(QStringLiteral("run"),
                      QStringLiteral("%1").arg(QRandomGenerator::global()->generate(), 8, 16,
                                               QLatin1Char('0')));
    for (auto it = options.variables.constBegin(); it != options.variables.constEnd(); ++it)
        values.insert(it.key(), it.value());
    if (error)
        return {std::nullopt, error};
    const SuiteVariables variables(values, options.environment);

    SuiteFieldReader top(root, QString(), &variables, where, &error);
    top.value(QStringLiteral("format"));
    top.value(QStringLiteral("variables"));
    Suite suite;
    suite.fileName = options.fileName;
    suite.variables = values;
    if (!top.has(QStringLiteral("version")))
        top.fail(SuiteParseError::Kind::MissingField, QStringLiteral("version"),
                 tr("is missing (this program reads version %1)").arg(Suite::kFormatVersion));
    if (const std::optional<qint64> version = top.integer(QStringLiteral("version"), 1, 1'000'000);
        version && *version > Suite::kFormatVersion)
        top.fail(SuiteParseError::Kind::UnsupportedVersion, QStringLiteral("version"),
                 tr("version %1 is newer than this program reads (%2): update MQTT Desk")
                     .arg(*version)
                     .arg(Suite::kFormatVersion));
    // Without a "name": the file's, "smoke" for smoke.suite.json.
    QString fallbackName = QFileInfo(options.fileName).fileName();
    for (const QLatin1String suffix : {QLatin1String(".json"), QLatin1String(".suite")}) {
        if (fallbackName.endsWith(suffix))
            fallbackName.chop(suffix.size());
    }
    suite.name = top.string(QStringLiteral("name"))
                     .value_or(fallbackName.isEmpty() ? tr("suite") : fallbackName);
    suite.description = top.string(QStringLiteral("description")).value_or(QString());
    const qint64 defaultTimeout =
        top.integer(QStringLiteral("timeout_ms"), 0, kMaxDurationMs).value_or(kDefaultTimeoutMs);

    if (!top.has(QStringLiteral("connections")))
        top.fail(SuiteParseError::Kind::MissingField, QStringLiteral("connections"),
                 tr("is missing: name at least one connection, e.g. \"main\": {\"host\": "
                    "\"localhost\"}"));
    if (const std::optional<QJsonObject> connections =
            top.objectField(QStringLiteral("connections"))) {
        if (connections->isEmpty())
            top.fail(SuiteParseError::Kind::Empty, QStringLiteral("connections"),
                     tr("has no connection"));
        for (auto it = connections->constBegin(); it != connections->constEnd() && top.ok(); ++it) {
            const QString field = QStringLiteral("connections.") + it.key();
            if (!it.value().isObject()) {
                top.fail(
                    SuiteParseError::Kind::WrongType, field,
                    tr("must be an object, not %1").arg(SuiteFieldReader::typeName(it.value())));
                break;
            }
            SuiteFieldReader reader = top.nested(it.value().toObject(), field);
            std::optional<SuiteConnection> c = readConnection(it.key(), reader, values, options);
            if (c)
                suite.connections.append(std::move(*c));
        }
    }

    if (!top.has(QStringLiteral("tests")))
        top.fail(SuiteParseError::Kind::MissingField, QStringLiteral("tests"), tr("is missing"));
    if (const std::optional<QJsonArray> tests = top.array(QStringLiteral("tests"))) {
        if (tests->isEmpty())
            top.fail(SuiteParseError::Kind::Empty, QStringLiteral("tests"), tr("has no test"));
        QSet<QString> names;
        for (qsizetype i = 0; i < tests->size() && top.ok(); ++i) {
            std::optional<SuiteTest> test =
                readTest(tests->at(i), int(i), suite, variables, defaultTimeout, where, &error);
            if (!test)
                break;
            if (names.contains(test->name)) {
                top.fail(SuiteParseError::Kind::Duplicate, QStringLiteral("tests[%1].name").arg(i),
                         tr("another test is called \"%1\": give each test its own name")
                             .arg(test->name));
                break;
            }
            names.insert(test->name);
            suite.tests.append(std::move(*test));
        }
    }
    top.finish();
    if (error)
        return {std::nullopt, error};
    return {std::move(suite), std::nullopt};
}

std::optional<SuiteConnection> SuiteParser::readConnection(const QString &name, SuiteFieldReader &r,
                                                           const QHash<QString, QString> &variables,
                                                           const Options &options)
{
    SuiteConnection c;
    c.name = name;
    ConnectionSettings &s = c.settings;
    s.name = name;
    s.session.reconnect.enabled = false; // a lost connection is a test's error, not retried
    s.session.version = ProtocolVersion::V311;
    s.session.clientId = r.string(QStringLiteral("client_id")).value_or(QString());
    if (r.has(QStringLiteral("profile"))) {
        c.profile = r.requiredString(QStringLiteral("profile"));
        r.finish(); // a profile brings everything else
        return r.ok() ? std::optional<SuiteConnection>(std::move(c)) : std::nullopt;
    }
    r.value(QStringLiteral("profile"));
    TransportOptions &t = s.transport;
    t.host = r.string(QStringLiteral("host")).value_or(QStringLiteral("localhost"));
    if (t.host.isEmpty())
        r.fail(SuiteParseError::Kind::OutOfRange, QStringLiteral("host"), tr("must not be empty"));
    s.session.version = r.choice(QStringLiteral("protocol"), kVersions).value_or(s.session.version);
    const bool tlsGiven = r.has(QStringLiteral("tls"));
    t.kind = r.choice(QStringLiteral("transport"), kTransports)
                 .value_or(tlsGiven ? TransportOptions::Kind::Tls : TransportOptions::Kind::Tcp);
    t.port = quint16(r.integer(QStringLiteral("port"), 1, 65535).value_or(defaultPort(t.kind)));
    if (const std::optional<QString> path = r.string(QStringLiteral("ws_path")))
        t.webSocketPath = path->startsWith(QLatin1Char('/')) ? *path : QLatin1Char('/') + *path;
    if (const std::optional<QString> user = r.string(QStringLiteral("username")))
        s.session.username = *user;
    if (const std::optional<QString> password = r.string(QStringLiteral("password")))
        s.session.password = password->toUtf8();
    s.session.keepAliveSeconds =
        quint16(r.integer(QStringLiteral("keep_alive"), 0, 65535).value_or(60));
    s.session.cleanStart = r.boolean(QStringLiteral("clean_start")).value_or(true);
    const qint64 timeout = r.integer(QStringLiteral("connect_timeout_ms"), 100, kMaxDurationMs)
                               .value_or(kDefaultConnectTimeoutMs);
    s.session.connectTimeoutMs = timeout;
    t.connectTimeoutMs = int(timeout);
    if (const std::optional<QJsonObject> tls = r.objectField(QStringLiteral("tls"))) {
        if (!t.usesTls())
            r.fail(SuiteParseError::Kind::UnknownValue, QStringLiteral("transport"),
                   tr("\"tls\" needs the transport tls or wss"));
        SuiteFieldReader tlsReader = r.nested(*tls, QStringLiteral("tls"));
        if (const std::optional<QJsonValue> ca = tlsReader.value(QStringLiteral("ca"))) {
            const QJsonArray files = ca->isArray() ? ca->toArray() : QJsonArray{*ca};
            for (qsizetype i = 0; i < files.size(); ++i) {
                const QString key =
                    ca->isArray() ? QStringLiteral("ca[%1]").arg(i) : QStringLiteral("ca");
                if (!files.at(i).isString()) {
                    tlsReader.fail(SuiteParseError::Kind::WrongType, key,
                                   tr("must be a file name (or an array of them), not %1")
                                       .arg(SuiteFieldReader::typeName(files.at(i))));
                    break;
                }
                if (const std::optional<QString> f = tlsReader.expand(files.at(i).toString(), key))
                    t.tls.caFiles.append(resolvePath(*f, options.baseDirectory));
            }
        }
        t.tls.clientCertificateFile = resolvePath(
            tlsReader.string(QStringLiteral("cert")).value_or(QString()), options.baseDirectory);
        t.tls.clientKeyFile = resolvePath(
            tlsReader.string(QStringLiteral("key")).value_or(QString()), options.baseDirectory);
        if (t.tls.clientCertificateFile.isEmpty() != t.tls.clientKeyFile.isEmpty())
            tlsReader.fail(SuiteParseError::Kind::MissingField,
                           t.tls.clientKeyFile.isEmpty() ? QStringLiteral("key")
                                                         : QStringLiteral("cert"),
                           tr("\"cert\" and \"key\" go together"));
        if (const std::optional<QString> pass = tlsReader.string(QStringLiteral("key_passphrase")))
            t.tls.keyPassphrase = pass->toUtf8();
        t.tls.insecure = tlsReader.boolean(QStringLiteral("insecure")).value_or(false);
        t.tls.peerName = tlsReader.string(QStringLiteral("server_name")).value_or(QString());
        tlsReader.finish();
    }
    if (const std::optional<QJsonObject> will = r.objectField(QStringLiteral("will"))) {
        SuiteFieldReader w = r.nested(*will, QStringLiteral("will"));
        c.will = SuiteStepReader::readMessage(w, variables, true, &c.willDelaySeconds);
        w.finish();
    }
    r.finish();
    if (!r.ok())
        return std::nullopt;
    return c;
}

std::optional<SuiteTest> SuiteParser::readTest(const QJsonValue &value, int index,
                                               const Suite &suite, const SuiteVariables &variables,
                                               qint64 defaultTimeoutMs,
                                               const SuiteParseError &where,
                                               std::optional<SuiteParseError> *error)
{
    const QString path = QStringLiteral("tests[%1]").arg(index);
    SuiteFieldReader outer(QJsonObject(), QString(), &variables, where, error);
    if (!value.isObject()) {
        outer.fail(SuiteParseError::Kind::WrongType, path,
                   tr("must be an object, not %1").arg(SuiteFieldReader::typeName(value)));
        return std::nullopt;
    }
    SuiteTest test;
    SuiteFieldReader named(value.toObject(), path, &variables, where, error);
    test.name = named.requiredString(QStringLiteral("name"));
    if (!named.ok())
        return std::nullopt;

    SuiteParseError inTest = where;
    inTest.test = test.name;
    SuiteFieldReader r(value.toObject(), QString(), &variables, inTest, error);
    r.value(QStringLiteral("name"));
    if (const std::optional<QJsonValue> skip = r.value(QStringLiteral("skip"))) {
        if (skip->isString()) {
            test.skip = true;
            test.skipReason = r.string(QStringLiteral("skip")).value_or(QString());
        } else {
            test.skip = r.boolean(QStringLiteral("skip")).value_or(false);
        }
    }
    if (!r.has(QStringLiteral("steps")))
        r.fail(SuiteParseError::Kind::MissingField, QStringLiteral("steps"), tr("is missing"));
    const std::optional<QJsonArray> steps = r.array(QStringLiteral("steps"));
    if (steps && steps->isEmpty())
        r.fail(SuiteParseError::Kind::Empty, QStringLiteral("steps"), tr("has no step"));
    r.finish();
    if (!r.ok() || !steps)
        return std::nullopt;

    SuiteStepReader::Context context;
    context.suite = &suite;
    context.defaultTimeoutMs = defaultTimeoutMs;
    for (qsizetype i = 0; i < steps->size(); ++i) {
        std::optional<SuiteStep> step =
            SuiteStepReader::read(steps->at(i), int(i), context, variables, inTest, error);
        if (!step)
            return std::nullopt;
        test.steps.append(std::move(*step));
    }
    return test;
}

} // namespace mqttdesk
