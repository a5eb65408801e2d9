#include "core/suite/suite_step_reader.h"

#include "core/payload/payload_encoder.h"
#include "core/protocol/topic.h"
#include "core/suite/suite_field_reader.h"
#include "core/suite/suite_parser.h"

#include <QJsonArray>
#include <QJsonObject>

#include <limits>

namespace mqttdesk {

namespace {

constexpr std::pair<const char *, PayloadFormat> kFormats[] = {
    {"text", PayloadFormat::Text},
    {"json", PayloadFormat::Json},
    {"hex", PayloadFormat::Hex},
    {"base64", PayloadFormat::Base64},
};

// A text sent as it is: "{{" doubled, so the template takes it literally ("expand": false).
QString literal(const QString &text)
{
    QString out = text;
    out.replace(QLatin1String("{{"), QLatin1String("{{{{"));
    return out;
}

QString fieldOf(const TemplateFieldError &e)
{
    switch (e.field) {
    case TemplateField::Topic:
        return QStringLiteral("topic");
    case TemplateField::Payload:
        return QStringLiteral("payload");
    case TemplateField::ContentType:
        return QStringLiteral("properties.content_type");
    case TemplateField::ResponseTopic:
        return QStringLiteral("properties.response_topic");
    case TemplateField::CorrelationData:
        return QStringLiteral("properties.correlation_data");
    case TemplateField::UserPropertyName:
    case TemplateField::UserPropertyValue:
        return QStringLiteral("properties.user_properties");
    }
    return {};
}

QString compactJson(const QJsonValue &value)
{
    return MessageCheck::jsonText(value, std::numeric_limits<int>::max());
}

} // namespace

std::optional<SuiteStep> SuiteStepReader::read(const QJsonValue &value, int index, Context &context,
                                               const SuiteVariables &variables,
                                               const SuiteParseError &where,
                                               std::optional<SuiteParseError> *error)
{
    SuiteParseError inStep = where;
    inStep.step = index;
    if (!value.isObject()) {
        SuiteFieldReader(QJsonObject(), QString(), &variables, inStep, error)
            .fail(SuiteParseError::Kind::WrongType, QString(),
                  tr("a step must be an object, not %1").arg(SuiteFieldReader::typeName(value)));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const QJsonValue type = object.value(QStringLiteral("type"));
    std::optional<SuiteStepKind> kind;
    if (type.isString()) {
        inStep.type = type.toString();
        kind = SuiteStep::kindFromKey(type.toString());
    }
    SuiteFieldReader r(object, QString(), &variables, inStep, error);
    if (!r.has(QStringLiteral("type"))) {
        r.fail(SuiteParseError::Kind::MissingField, QStringLiteral("type"),
               tr("is missing: one of %1").arg(SuiteStep::kindKeys()));
        return std::nullopt;
    }
    if (!type.isString()) {
        r.fail(SuiteParseError::Kind::WrongType, QStringLiteral("type"),
               tr("must be a string, not %1").arg(SuiteFieldReader::typeName(type)));
        return std::nullopt;
    }
    if (!kind) {
        r.fail(SuiteParseError::Kind::UnknownValue, QStringLiteral("type"),
               tr("\"%1\" is not a step (steps: %2)").arg(type.toString(), SuiteStep::kindKeys()));
        return std::nullopt;
    }
    r.value(QStringLiteral("type"));

    SuiteStep step;
    step.kind = *kind;
    step.label = r.string(QStringLiteral("name")).value_or(QString());
    if (step.kind != SuiteStepKind::Wait)
        readConnection(r, step, context);
    const Suite &suite = *context.suite;
    switch (step.kind) {
    case SuiteStepKind::Connect:
        break;
    case SuiteStepKind::Subscribe:
        readFilter(r, step, true);
        step.qos = QoS(r.integer(QStringLiteral("qos"), 0, 2).value_or(0));
        break;
    case SuiteStepKind::Publish:
        if (std::optional<CompiledTemplate> m = readMessage(r, suite.variables, false, nullptr))
            step.message = std::move(*m);
        break;
    case SuiteStepKind::Expect:
        readFilter(r, step, true);
        step.durationMs = r.integer(QStringLiteral("timeout_ms"), 0, SuiteParser::kMaxDurationMs)
                              .value_or(context.defaultTimeoutMs);
        step.count = int(r.integer(QStringLiteral("count"), 1, 100000).value_or(1));
        readChecks(r, step);
        break;
    case SuiteStepKind::ExpectNone:
        readFilter(r, step, true);
        if (!r.has(QStringLiteral("for_ms")))
            r.fail(SuiteParseError::Kind::MissingField, QStringLiteral("for_ms"),
                   tr("is missing: how long no message may come, in milliseconds"));
        step.durationMs =
            r.integer(QStringLiteral("for_ms"), 0, SuiteParser::kMaxDurationMs).value_or(0);
        readChecks(r, step);
        break;
    case SuiteStepKind::ExpectWill: {
        if (!r.has(QStringLiteral("will")))
            r.fail(SuiteParseError::Kind::MissingField, QStringLiteral("will"),
                   tr("is missing: the will's topic and payload, e.g. {\"topic\": \"status\", "
                      "\"payload\": \"offline\"}"));
        if (const std::optional<QJsonObject> will = r.objectField(QStringLiteral("will"))) {
            SuiteFieldReader w = r.nested(*will, QStringLiteral("will"));
            if (std::optional<CompiledTemplate> m =
                    readMessage(w, suite.variables, true, &step.willDelaySeconds))
                step.message = std::move(*m);
        }
        readFilter(r, step, false);
        if (step.filter.isEmpty() && r.ok())
            step.filter = step.message.source().topic;
        if (step.filter.contains(QLatin1String("{{")))
            r.fail(SuiteParseError::Kind::MissingField, QStringLiteral("filter"),
                   tr("is needed when the will's topic has {{variables}}"));
        step.qos = QoS(r.integer(QStringLiteral("subscribe_qos"), 0, 2).value_or(2));
        step.durationMs = r.integer(QStringLiteral("timeout_ms"), 0, SuiteParser::kMaxDurationMs)
                              .value_or(context.defaultTimeoutMs);
        step.willConnection = r.string(QStringLiteral("will_connection")).value_or(step.connection);
        if (r.ok() && !suite.connection(step.willConnection))
            r.fail(
                SuiteParseError::Kind::UnknownConnection, QStringLiteral("will_connection"),
                tr("there is no connection \"%1\" under \"connections\"").arg(step.willConnection));
        readChecks(r, step);
        break;
    }
    case SuiteStepKind::Wait:
        if (!r.has(QStringLiteral("ms")))
            r.fail(SuiteParseError::Kind::MissingField, QStringLiteral("ms"),
                   tr("is missing: how long to wait, in milliseconds"));
        step.durationMs =
            r.integer(QStringLiteral("ms"), 0, SuiteParser::kMaxDurationMs).value_or(0);
        break;
    case SuiteStepKind::Disconnect:
        step.reason = ReasonCode(r.integer(QStringLiteral("reason"), 0, 255).value_or(0));
        break;
    }
    r.finish();
    if (!r.ok())
        return std::nullopt;
    return step;
}

void SuiteStepReader::readConnection(SuiteFieldReader &r, SuiteStep &step, Context &context)
{
    const Suite &suite = *context.suite;
    const QString key = QStringLiteral("connection");
    const bool named = r.has(key);
    QString name = r.string(key).value_or(QString());
    if (!r.ok())
        return;
    QStringList defined;
    for (const SuiteConnection &c : suite.connections)
        defined.append(c.name);
    if (named && !suite.connection(name)) {
        r.fail(SuiteParseError::Kind::UnknownConnection, key,
               tr("there is no connection \"%1\" under \"connections\" (there is: %2)")
                   .arg(name, defined.join(QStringLiteral(", "))));
        return;
    }
    if (step.kind == SuiteStepKind::Connect) {
        if (!named) {
            if (suite.connections.size() != 1) {
                r.fail(SuiteParseError::Kind::MissingField, key,
                       tr("is missing: the suite has several connections (%1), say which")
                           .arg(defined.join(QStringLiteral(", "))));
                return;
            }
            name = suite.connections.first().name;
        }
        if (context.open.contains(name)) {
            r.fail(SuiteParseError::Kind::AlreadyConnected, key,
                   tr("\"%1\" is connected already by an earlier step: disconnect it first")
                       .arg(name));
            return;
        }
        context.open.append(name);
    } else if (!named) {
        if (context.open.isEmpty()) {
            r.fail(SuiteParseError::Kind::NotConnected, key,
                   tr("no connection is open at this step: add a connect step before it"));
            return;
        }
        name = context.open.last(); // the latest connection the test opened
    } else if (!context.open.contains(name)) {
        r.fail(
            SuiteParseError::Kind::NotConnected, key,
            tr("\"%1\" is not connected at this step: add a connect step for it before").arg(name));
        return;
    }
    if (step.kind == SuiteStepKind::Disconnect)
        context.open.removeAll(name);
    step.connection = name;
}

void SuiteStepReader::readFilter(SuiteFieldReader &r, SuiteStep &step, bool required)
{
    const QString key = QStringLiteral("filter");
    if (required)
        step.filter = r.requiredString(key);
    else
        step.filter = r.string(key).value_or(QString());
    if (!r.ok() || step.filter.isEmpty())
        return;
    if (const std::optional<TopicError> e = Topic::validateFilter(step.filter))
        r.fail(SuiteParseError::Kind::InvalidTopic, key, e->message());
}

std::optional<CompiledTemplate>
SuiteStepReader::readMessage(SuiteFieldReader &r, const QHash<QString, QString> &variables,
                             bool isWill, std::optional<quint32> *willDelay)
{
    PublishTemplate t;
    t.topic = r.requiredString(QStringLiteral("topic"));
    const bool expand = r.boolean(QStringLiteral("expand")).value_or(true);
    const std::optional<QJsonValue> payload = r.value(QStringLiteral("payload"));
    if (payload && payload->isString()) {
        t.payload = r.string(QStringLiteral("payload")).value_or(QString());
        t.format = r.choice(QStringLiteral("format"), kFormats).value_or(PayloadFormat::Text);
    } else if (payload) {
        // Any other JSON value is the payload as compact JSON.
        if (const std::optional<QJsonValue> v = r.expandJson(*payload, QStringLiteral("payload")))
            t.payload = compactJson(*v);
        t.format = PayloadFormat::Json;
        if (r.choice(QStringLiteral("format"), kFormats).value_or(PayloadFormat::Json) !=
            PayloadFormat::Json)
            r.fail(SuiteParseError::Kind::UnknownValue, QStringLiteral("format"),
                   tr("a payload given as JSON is sent as JSON: drop \"format\", or give the "
                      "payload as a string"));
    } else {
        r.value(QStringLiteral("format"));
    }
    t.qos = QoS(r.integer(QStringLiteral("qos"), 0, 2).value_or(0));
    t.retain = r.boolean(QStringLiteral("retain")).value_or(false);
    if (const std::optional<QJsonObject> p = r.objectField(QStringLiteral("properties"))) {
        SuiteFieldReader pr = r.nested(*p, QStringLiteral("properties"));
        readProperties(pr, t.properties, isWill, willDelay);
    }
    if (!r.ok())
        return std::nullopt;
    if (!expand) {
        t.topic = literal(t.topic);
        t.payload = literal(t.payload);
        TemplateProperties &p = t.properties;
        p.contentType = literal(p.contentType);
        p.responseTopic = literal(p.responseTopic);
        p.correlationData = literal(p.correlationData);
        for (StringPair &u : p.userProperties) {
            u.name = literal(u.name);
            u.value = literal(u.value);
        }
    }
    const CompiledTemplate compiled = CompiledTemplate::compile(t, variables);
    if (!compiled.isValid()) {
        const TemplateFieldError &e = compiled.errors().first();
        r.fail(SuiteParseError::Kind::InvalidTemplate, fieldOf(e), e.error.message());
        return std::nullopt;
    }
    // What has no {{tag}} is checked now, not when the step runs.
    if (!t.topic.contains(QLatin1String("{{"))) {
        if (const std::optional<TopicError> e = Topic::validateName(t.topic)) {
            r.fail(SuiteParseError::Kind::InvalidTopic, QStringLiteral("topic"), e->message());
            return std::nullopt;
        }
    }
    if (t.format != PayloadFormat::Text && !t.payload.contains(QLatin1String("{{"))) {
        const EncodedPayload encoded = PayloadEncoder::encode(t.payload, t.format);
        if (encoded.error) {
            r.fail(SuiteParseError::Kind::BadEncoding, QStringLiteral("payload"),
                   encoded.error->message());
            return std::nullopt;
        }
    }
    if (!t.properties.responseTopic.isEmpty() &&
        !t.properties.responseTopic.contains(QLatin1String("{{"))) {
        if (const std::optional<TopicError> e = Topic::validateName(t.properties.responseTopic)) {
            r.fail(SuiteParseError::Kind::InvalidTopic, QStringLiteral("properties.response_topic"),
                   e->message());
            return std::nullopt;
        }
    }
    return compiled;
}

void SuiteStepReader::readProperties(SuiteFieldReader &r, TemplateProperties &p, bool isWill,
                                     std::optional<quint32> *willDelay)
{
    p.contentType = r.string(QStringLiteral("content_type")).value_or(QString());
    p.responseTopic = r.string(QStringLiteral("response_topic")).value_or(QString());
    p.correlationData = r.string(QStringLiteral("correlation_data")).value_or(QString());
    if (const std::optional<qint64> expiry =
            r.integer(QStringLiteral("message_expiry"), 0, 0xFFFFFFFFLL))
        p.messageExpiry = quint32(*expiry);
    if (const std::optional<qint64> indicator =
            r.integer(QStringLiteral("payload_format_indicator"), 0, 1))
        p.payloadFormatIndicator = quint8(*indicator);
    p.userProperties = readUserProperties(r, QStringLiteral("user_properties"));
    if (isWill) {
        if (const std::optional<qint64> delay =
                r.integer(QStringLiteral("will_delay"), 0, 0xFFFFFFFFLL))
            *willDelay = quint32(*delay);
    }
    r.finish();
}

QList<StringPair> SuiteStepReader::readUserProperties(SuiteFieldReader &r, const QString &key)
{
    QList<StringPair> out;
    const std::optional<QJsonValue> v = r.value(key);
    if (!v)
        return out;
    if (v->isObject()) {
        const QJsonObject o = v->toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString where = key + QLatin1Char('.') + it.key();
            if (!it.value().isString()) {
                r.fail(SuiteParseError::Kind::WrongType, where,
                       tr("must be a string, not %1").arg(SuiteFieldReader::typeName(it.value())));
                return {};
            }
            const std::optional<QString> name = r.expand(it.key(), where);
            const std::optional<QString> value =
                name ? r.expand(it.value().toString(), where) : std::nullopt;
            if (!value)
                return {};
            out.append(StringPair{*name, *value});
        }
        return out;
    }
    if (v->isArray()) {
        // [["name", "value"], ...]: a name may come twice, as MQTT allows.
        const QJsonArray a = v->toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString where = key + QStringLiteral("[%1]").arg(i);
            const QJsonArray pair = a.at(i).toArray();
            if (!a.at(i).isArray() || pair.size() != 2 || !pair.at(0).isString() ||
                !pair.at(1).isString()) {
                r.fail(SuiteParseError::Kind::WrongType, where,
                       tr("must be a pair of strings, [\"name\", \"value\"]"));
                return {};
            }
            const std::optional<QString> name = r.expand(pair.at(0).toString(), where);
            const std::optional<QString> value =
                name ? r.expand(pair.at(1).toString(), where) : std::nullopt;
            if (!value)
                return {};
            out.append(StringPair{*name, *value});
        }
        return out;
    }
    r.fail(SuiteParseError::Kind::WrongType, key,
           tr("must be an object of names and values, or an array of [name, value] pairs, not "
              "%1")
               .arg(SuiteFieldReader::typeName(*v)));
    return {};
}

void SuiteStepReader::readChecks(SuiteFieldReader &r, SuiteStep &step)
{
    if (const std::optional<QJsonValue> payload = r.value(QStringLiteral("payload"))) {
        if (payload->isString()) {
            const QString text = r.string(QStringLiteral("payload")).value_or(QString());
            const PayloadFormat format =
                r.choice(QStringLiteral("format"), kFormats).value_or(PayloadFormat::Text);
            if (format == PayloadFormat::Json) {
                const std::optional<QJsonValue> json = MessageCheck::parseJson(text.toUtf8());
                if (!json)
                    r.fail(SuiteParseError::Kind::BadEncoding, QStringLiteral("payload"),
                           tr("is not JSON, as \"format\": \"json\" says"));
                else
                    step.checks.append(MessageCheck::payloadJson(*json));
            } else if (format == PayloadFormat::Text) {
                step.checks.append(MessageCheck::payload(text.toUtf8()));
            } else {
                const EncodedPayload bytes = PayloadEncoder::encode(text, format);
                if (bytes.error)
                    r.fail(SuiteParseError::Kind::BadEncoding, QStringLiteral("payload"),
                           bytes.error->message());
                else
                    step.checks.append(MessageCheck::payload(bytes.bytes));
            }
        } else if (const std::optional<QJsonValue> v =
                       r.expandJson(*payload, QStringLiteral("payload"))) {
            step.checks.append(MessageCheck::payloadJson(*v));
            if (r.choice(QStringLiteral("format"), kFormats).value_or(PayloadFormat::Json) !=
                PayloadFormat::Json)
                r.fail(SuiteParseError::Kind::UnknownValue, QStringLiteral("format"),
                       tr("a payload given as JSON is compared as JSON: drop \"format\", or give "
                          "the payload as a string"));
        }
    } else {
        r.value(QStringLiteral("format"));
    }
    readJsonChecks(r, step);
    if (const std::optional<QString> pattern = r.string(QStringLiteral("matches"))) {
        const MessageCheck check = MessageCheck::payloadMatches(*pattern);
        if (!check.patternError().isEmpty())
            r.fail(SuiteParseError::Kind::InvalidRegex, QStringLiteral("matches"),
                   check.patternError());
        step.checks.append(check);
    }
    if (const std::optional<QString> text = r.string(QStringLiteral("contains")))
        step.checks.append(MessageCheck::payloadContains(*text));
    if (const std::optional<QString> topic = r.string(QStringLiteral("topic"))) {
        if (const std::optional<TopicError> e = Topic::validateName(*topic))
            r.fail(SuiteParseError::Kind::InvalidTopic, QStringLiteral("topic"), e->message());
        step.checks.append(MessageCheck::topic(*topic));
    }
    if (const std::optional<qint64> qos = r.integer(QStringLiteral("qos"), 0, 2))
        step.checks.append(MessageCheck::qos(QoS(*qos)));
    if (const std::optional<bool> retain = r.boolean(QStringLiteral("retain")))
        step.checks.append(MessageCheck::retain(*retain));
    for (const StringPair &p : readUserProperties(r, QStringLiteral("user_properties")))
        step.checks.append(MessageCheck::userProperty(p.name, p.value));
    if (const std::optional<QString> type = r.string(QStringLiteral("content_type")))
        step.checks.append(MessageCheck::contentType(*type));
}

void SuiteStepReader::readJsonChecks(SuiteFieldReader &r, SuiteStep &step)
{
    const std::optional<QJsonValue> json = r.value(QStringLiteral("json"));
    if (!json)
        return;
    if (!json->isObject() && !json->isArray()) {
        r.fail(SuiteParseError::Kind::WrongType, QStringLiteral("json"),
               tr("must be a condition {\"path\": ..., \"op\": ..., \"value\": ...} or an array "
                  "of them, not %1")
                   .arg(SuiteFieldReader::typeName(*json)));
        return;
    }
    const QJsonArray conditions = json->isArray() ? json->toArray() : QJsonArray{*json};
    for (qsizetype i = 0; i < conditions.size() && r.ok(); ++i) {
        const QString where =
            json->isArray() ? QStringLiteral("json[%1]").arg(i) : QStringLiteral("json");
        if (!conditions.at(i).isObject()) {
            r.fail(
                SuiteParseError::Kind::WrongType, where,
                tr("must be an object, not %1").arg(SuiteFieldReader::typeName(conditions.at(i))));
            return;
        }
        SuiteFieldReader c = r.nested(conditions.at(i).toObject(), where);
        const QString path = c.requiredString(QStringLiteral("path"));
        const QString opText = c.string(QStringLiteral("op")).value_or(QStringLiteral("=="));
        const std::optional<QJsonValue> raw = c.value(QStringLiteral("value"));
        if (!c.ok())
            return;
        QString why;
        qsizetype at = -1;
        const std::optional<JsonPathQuery> query = JsonPathQuery::parse(path, &why, &at);
        if (!query) {
            c.fail(SuiteParseError::Kind::InvalidJsonPath, QStringLiteral("path"), why);
            return;
        }
        const std::optional<MessageCheck::Op> op = MessageCheck::opFromText(opText);
        if (!op) {
            c.fail(SuiteParseError::Kind::UnknownValue, QStringLiteral("op"),
                   tr("\"%1\" is not an operator (operators: %2)")
                       .arg(opText, MessageCheck::opTexts()));
            return;
        }
        const bool takesValue = *op != MessageCheck::Op::Exists && *op != MessageCheck::Op::Absent;
        if (takesValue && !raw) {
            c.fail(SuiteParseError::Kind::MissingField, QStringLiteral("value"),
                   tr("is missing: \"%1\" compares with a value").arg(opText));
            return;
        }
        if (!takesValue && raw) {
            c.fail(SuiteParseError::Kind::UnknownField, QStringLiteral("value"),
                   tr("\"%1\" takes no value").arg(opText));
            return;
        }
        QJsonValue value;
        if (raw) {
            const std::optional<QJsonValue> expanded = c.expandJson(*raw, QStringLiteral("value"));
            if (!expanded)
                return;
            value = *expanded;
        }
        if (*op == MessageCheck::Op::Matches && !value.isString()) {
            c.fail(SuiteParseError::Kind::WrongType, QStringLiteral("value"),
                   tr("\"matches\" takes a regular expression as a string"));
            return;
        }
        const bool ordered =
            *op == MessageCheck::Op::Less || *op == MessageCheck::Op::LessOrEqual ||
            *op == MessageCheck::Op::Greater || *op == MessageCheck::Op::GreaterOrEqual;
        if (ordered && !value.isDouble() && !value.isString()) {
            c.fail(SuiteParseError::Kind::WrongType, QStringLiteral("value"),
                   tr("\"%1\" compares with a number or a string, not %2")
                       .arg(opText, SuiteFieldReader::typeName(value)));
            return;
        }
        const MessageCheck check = MessageCheck::jsonPath(*query, *op, value);
        if (!check.patternError().isEmpty()) {
            c.fail(SuiteParseError::Kind::InvalidRegex, QStringLiteral("value"),
                   check.patternError());
            return;
        }
        c.finish();
        step.checks.append(check);
    }
}

} // namespace mqttdesk
