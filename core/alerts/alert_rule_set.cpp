#include "core/alerts/alert_rule_set.h"

#include "core/inspector/json_index.h"
#include "core/profile/json_field_reader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

#include <array>
#include <cmath>

namespace mqttdesk {

namespace {

using Code = AlertRuleError::Code;

constexpr unsigned bit(AlertKind kind)
{
    return 1u << unsigned(kind);
}
constexpr unsigned kEveryKind = 0;
constexpr unsigned kReadsMessages = bit(AlertKind::Payload) | bit(AlertKind::Silence) |
                                    bit(AlertKind::Rate) | bit(AlertKind::RetainedChanged);

// Every field a rule may have, and the kinds it belongs to.
struct FieldUse
{
    const char *name;
    unsigned kinds; // bit() of each kind, or kEveryKind
};
constexpr std::array<FieldUse, 14> kFields{{
    {"name", kEveryKind},
    {"enabled", kEveryKind},
    {"kind", kEveryKind},
    {"topic", kReadsMessages},
    {"path", bit(AlertKind::Payload)},
    {"decoder", bit(AlertKind::Payload)},
    {"regex", bit(AlertKind::Payload)},
    {"op", bit(AlertKind::Payload) | bit(AlertKind::Rate)},
    {"threshold", bit(AlertKind::Payload) | bit(AlertKind::Rate)},
    {"hysteresis", bit(AlertKind::Payload) | bit(AlertKind::Rate)},
    {"seconds", bit(AlertKind::Silence)},
    {"windowSeconds", bit(AlertKind::Rate)},
    {"cooldownSeconds", kEveryKind},
    {"action", kEveryKind},
}};
const std::array<const char *, 4> kActionFields{{"topic", "payload", "qos", "retain"}};

const FieldUse *fieldUse(const QString &key)
{
    for (const FieldUse &f : kFields) {
        if (key == QLatin1String(f.name))
            return &f;
    }
    return nullptr;
}

bool belongsTo(const FieldUse &use, AlertKind kind)
{
    return use.kinds == kEveryKind || (use.kinds & bit(kind)) != 0;
}

QString fieldsOf(AlertKind kind)
{
    QStringList names;
    for (const FieldUse &f : kFields) {
        if (belongsTo(f, kind))
            names.append(QLatin1String(f.name));
    }
    return names.join(QStringLiteral(", "));
}

QString kindNames()
{
    return QStringLiteral("payload, silence, rate, retainedChanged, connectionLost");
}

// The 1-based line of the place `field` ("rules[2].action.qos") names in `json`, or of the
// deepest part of it that exists (a missing field: its object); 0 when the text is no JSON.
int lineOf(const QByteArray &json, const QString &field)
{
    const JsonIndex index = JsonIndex::parse(json);
    if (!index.isValid())
        return 0;
    quint32 node = 0;
    for (const QString &part : field.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        const qsizetype bracket = part.indexOf(QLatin1Char('['));
        const QString key = bracket < 0 ? part : part.left(bracket);
        if (!key.isEmpty()) {
            const std::optional<quint32> member = index.member(node, key);
            if (!member)
                break;
            node = *member;
        }
        if (bracket < 0)
            continue;
        bool ok = false;
        const quint32 row = part.mid(bracket + 1).chopped(1).toUInt(&ok);
        if (!ok || !index.isContainer(node) || row >= index.node(node).childCount)
            break;
        node = index.child(node, row);
    }
    const JsonIndex::Node &n = index.node(node);
    const quint32 at = index.hasKey(node) ? n.keyStart : n.start;
    return int(json.left(at).count('\n')) + 1;
}

// A JsonFieldReader's problem as ours: the same place, a detail that says what to do.
AlertRuleError fromFieldProblem(const ProfileFormatError &p)
{
    AlertRuleError e;
    e.field = p.field();
    switch (p.kind()) {
    case ProfileFormatError::Kind::Missing:
        e.code = Code::Missing;
        e.detail = AlertRuleSet::tr("This field is required: add it.");
        break;
    case ProfileFormatError::Kind::OutOfRange:
        e.code = Code::OutOfRange;
        e.detail = AlertRuleSet::tr("%1; give a value in that range.").arg(p.detail());
        break;
    case ProfileFormatError::Kind::UnknownValue:
        e.code = Code::UnknownValue;
        e.detail = AlertRuleSet::tr("Unknown value %1.").arg(p.detail());
        break;
    default:
        e.code = Code::WrongType;
        e.detail = AlertRuleSet::tr("This must be %1.").arg(p.detail());
        break;
    }
    return e;
}

std::optional<double> readNumber(JsonFieldReader &r, const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble()) {
        r.fail(ProfileFormatError::Kind::WrongType, key, AlertRuleSet::tr("a number"));
        return std::nullopt;
    }
    return v.toDouble();
}

void readOperator(JsonFieldReader &r, AlertRule &rule)
{
    const QString key = QStringLiteral("op");
    r.require(key);
    const QString name = r.string(key);
    if (!r.ok())
        return;
    if (const std::optional<AlertOperator> op = alertOperatorFromName(name))
        rule.op = *op;
    else
        r.fail(ProfileFormatError::Kind::UnknownValue, key,
               AlertRuleSet::tr("\"%1\" (allowed: >, >=, <, <=, ==, !=)").arg(name));
}

// Fills `rule` from rule object `o`; the first problem goes to `r` (types) or is returned
// (fields that do not belong).
std::optional<AlertRuleError> readRule(JsonFieldReader &r, const QJsonObject &o, AlertRule &rule)
{
    r.require(QStringLiteral("name"));
    rule.name = r.string(QStringLiteral("name"));
    r.require(QStringLiteral("kind"));
    const QString kind = r.string(QStringLiteral("kind"));
    if (!r.ok())
        return std::nullopt;
    if (const std::optional<AlertKind> k = alertKindFromName(kind)) {
        rule.kind = *k;
    } else {
        r.fail(ProfileFormatError::Kind::UnknownValue, QStringLiteral("kind"),
               AlertRuleSet::tr("\"%1\" (allowed: %2)").arg(kind, kindNames()));
        return std::nullopt;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        const FieldUse *use = fieldUse(it.key());
        if (!use)
            return AlertRuleError{
                Code::UnknownField, it.key(), 0,
                AlertRuleSet::tr("A %1 rule has no field \"%2\"; its fields are: %3.")
                    .arg(kind, it.key(), fieldsOf(rule.kind))};
        if (!belongsTo(*use, rule.kind))
            return AlertRuleError{
                Code::FieldNotForKind, it.key(), 0,
                AlertRuleSet::tr("\"%1\" is not a field of a %2 rule: remove it, or change the "
                                 "kind. A %2 rule has: %3.")
                    .arg(it.key(), kind, fieldsOf(rule.kind))};
    }
    rule.enabled = r.boolean(QStringLiteral("enabled"), true);
    rule.filter = r.string(QStringLiteral("topic"));
    rule.cooldownSeconds = int(r.integer(QStringLiteral("cooldownSeconds"), 0, 86400 * 365, 0));
    switch (rule.kind) {
    case AlertKind::Payload: {
        rule.path = r.string(QStringLiteral("path"));
        rule.decoder = r.string(QStringLiteral("decoder"));
        rule.hysteresis = readNumber(r, o, QStringLiteral("hysteresis")).value_or(0);
        if (o.contains(QStringLiteral("regex"))) {
            for (const char *key : {"op", "threshold"}) {
                if (o.contains(QLatin1String(key)))
                    return AlertRuleError{
                        Code::FieldNotForKind, QLatin1String(key), 0,
                        AlertRuleSet::tr("A rule tests either a regular expression (\"regex\") "
                                         "or a comparison (\"op\" and \"threshold\"), not both.")};
            }
            rule.regex = r.string(QStringLiteral("regex"));
            if (r.ok() && rule.regex.isEmpty())
                return AlertRuleError{Code::Missing, QStringLiteral("regex"), 0,
                                      AlertRuleSet::tr("An empty regular expression matches "
                                                       "everything: give a pattern.")};
            break;
        }
        readOperator(r, rule);
        r.require(QStringLiteral("threshold"));
        const QJsonValue threshold = o.value(QStringLiteral("threshold"));
        if (!r.ok())
            break;
        if (threshold.isDouble()) {
            rule.threshold = threshold.toDouble();
        } else if (threshold.isString()) {
            rule.thresholdIsText = true;
            rule.textThreshold = threshold.toString();
        } else {
            r.fail(ProfileFormatError::Kind::WrongType, QStringLiteral("threshold"),
                   AlertRuleSet::tr("a number or a text"));
        }
        break;
    }
    case AlertKind::Silence:
        r.require(QStringLiteral("seconds"));
        rule.silenceSeconds = int(r.integer(QStringLiteral("seconds"), 1, 86400 * 365, 60));
        break;
    case AlertKind::Rate:
        readOperator(r, rule);
        r.require(QStringLiteral("threshold"));
        rule.threshold = readNumber(r, o, QStringLiteral("threshold")).value_or(0);
        rule.windowSeconds = int(r.integer(QStringLiteral("windowSeconds"), 1, 3600, 10));
        rule.hysteresis = readNumber(r, o, QStringLiteral("hysteresis")).value_or(0);
        break;
    case AlertKind::RetainedChanged:
    case AlertKind::ConnectionLost:
        break;
    }
    if (!r.ok() || !o.contains(QStringLiteral("action")))
        return std::nullopt;
    JsonFieldReader a = r.object(QStringLiteral("action"));
    const QJsonObject action = o.value(QStringLiteral("action")).toObject();
    for (auto it = action.begin(); it != action.end() && r.ok(); ++it) {
        bool known = false;
        for (const char *name : kActionFields)
            known = known || it.key() == QLatin1String(name);
        if (!known)
            return AlertRuleError{
                Code::UnknownField, QStringLiteral("action.") + it.key(), 0,
                AlertRuleSet::tr("An action has no field \"%1\"; its fields are: topic, "
                                 "payload, qos, retain.")
                    .arg(it.key())};
    }
    a.require(QStringLiteral("topic"));
    rule.action.topic = a.string(QStringLiteral("topic"));
    rule.action.payload = a.string(QStringLiteral("payload"));
    rule.action.qos = QoS(a.integer(QStringLiteral("qos"), 0, 2, 0));
    rule.action.retain = a.boolean(QStringLiteral("retain"), false);
    return std::nullopt;
}

QJsonObject ruleToJson(const AlertRule &rule)
{
    QJsonObject o{
        {QStringLiteral("name"), rule.name},
        {QStringLiteral("enabled"), rule.enabled},
        {QStringLiteral("kind"), alertKindName(rule.kind)},
    };
    if (rule.needsMessages())
        o.insert(QStringLiteral("topic"), rule.filter);
    switch (rule.kind) {
    case AlertKind::Payload:
        if (!rule.path.isEmpty())
            o.insert(QStringLiteral("path"), rule.path);
        if (!rule.decoder.isEmpty())
            o.insert(QStringLiteral("decoder"), rule.decoder);
        if (!rule.regex.isEmpty()) {
            o.insert(QStringLiteral("regex"), rule.regex);
            break;
        }
        o.insert(QStringLiteral("op"), alertOperatorName(rule.op));
        if (rule.thresholdIsText)
            o.insert(QStringLiteral("threshold"), rule.textThreshold);
        else
            o.insert(QStringLiteral("threshold"), rule.threshold);
        if (rule.hysteresis != 0)
            o.insert(QStringLiteral("hysteresis"), rule.hysteresis);
        break;
    case AlertKind::Silence:
        o.insert(QStringLiteral("seconds"), rule.silenceSeconds);
        break;
    case AlertKind::Rate:
        o.insert(QStringLiteral("op"), alertOperatorName(rule.op));
        o.insert(QStringLiteral("threshold"), rule.threshold);
        o.insert(QStringLiteral("windowSeconds"), rule.windowSeconds);
        if (rule.hysteresis != 0)
            o.insert(QStringLiteral("hysteresis"), rule.hysteresis);
        break;
    case AlertKind::RetainedChanged:
    case AlertKind::ConnectionLost:
        break;
    }
    if (rule.cooldownSeconds != 0)
        o.insert(QStringLiteral("cooldownSeconds"), rule.cooldownSeconds);
    if (rule.action.isSet()) {
        o.insert(QStringLiteral("action"), QJsonObject{
                                               {QStringLiteral("topic"), rule.action.topic},
                                               {QStringLiteral("payload"), rule.action.payload},
                                               {QStringLiteral("qos"), int(rule.action.qos)},
                                               {QStringLiteral("retain"), rule.action.retain},
                                           });
    }
    return o;
}

} // namespace

QByteArray AlertRuleSet::toJson(const QList<AlertRule> &rules)
{
    QJsonArray list;
    for (const AlertRule &rule : rules)
        list.append(ruleToJson(rule));
    const QJsonObject root{
        {QStringLiteral("format"), QString(kFormat)},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("rules"), list},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QList<AlertRule>> AlertRuleSet::fromJson(const QByteArray &json,
                                                       AlertRuleError *error)
{
    AlertRuleError ignored;
    if (!error)
        error = &ignored;
    auto fail = [&](AlertRuleError e) -> std::optional<QList<AlertRule>> {
        if (e.line == 0 && !e.field.isEmpty())
            e.line = lineOf(json, e.field);
        *error = std::move(e);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail({Code::NotJson, QString(), int(json.left(parseError.offset).count('\n')) + 1,
                     tr("This is not JSON: %1. Check the brackets, commas and quotes there.")
                         .arg(parseError.errorString())});
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QStringLiteral("format")).toString() != kFormat)
        return fail({Code::NotARuleFile, QString(), 0,
                     tr("This is not an MQTT Desk alert rule file: it needs \"format\": "
                        "\"mqttdesk-alert-rules\" (see docs/alert-rules.md).")});
    ProfileFormatError problem;
    JsonFieldReader r(root, {}, &problem);
    r.require(QStringLiteral("version"));
    const qint64 version = r.integer(QStringLiteral("version"), 1, 1000000, 1);
    if (r.ok() && version > kVersion)
        return fail({Code::NewerVersion, QStringLiteral("version"), 0,
                     tr("The file was written by a newer MQTT Desk (alert rule format %1; this "
                        "version reads %2): update MQTT Desk to read it.")
                         .arg(version)
                         .arg(kVersion)});
    r.require(QStringLiteral("rules"));
    const QJsonArray array = r.array(QStringLiteral("rules"));
    QList<AlertRule> rules;
    for (qsizetype i = 0; i < array.size() && r.ok(); ++i) {
        const QString place = QStringLiteral("rules[%1]").arg(i);
        JsonFieldReader rr = r.element(QStringLiteral("rules"), array, i);
        if (!r.ok())
            break;
        AlertRule rule;
        if (std::optional<AlertRuleError> e = readRule(rr, array.at(i).toObject(), rule))
            return fail(e->under(place));
        if (!r.ok())
            break;
        if (std::optional<AlertRuleError> e = rule.validate())
            return fail(e->under(place));
        for (qsizetype j = 0; j < rules.size(); ++j) {
            if (rules.at(j).name == rule.name)
                return fail({Code::DuplicateName, place + QStringLiteral(".name"), 0,
                             tr("rules[%1] is already named \"%2\": give each rule its own "
                                "name.")
                                 .arg(j)
                                 .arg(rule.name)});
        }
        rules.append(std::move(rule));
    }
    if (!r.ok())
        return fail(fromFieldProblem(problem));
    return rules;
}

std::optional<QList<AlertRule>> AlertRuleSet::load(const QString &path, AlertRuleError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {Code::Unreadable, QString(), 0,
                      tr("Cannot read the alert rules in %1: %2.").arg(path, file.errorString())};
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

bool AlertRuleSet::save(const QList<AlertRule> &rules, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(rules)) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write the alert rules to %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mqttdesk
