#include "core/publish/template_library_json.h"

#include "core/profile/json_field_reader.h"

#include <QFile>
#include <QFileDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>

namespace mqttdesk {

namespace {

const QLatin1StringView kFormat("mqttdesk-templates");
constexpr qint64 kMaxUint32 = 0xFFFFFFFFLL;
// Counters are stored as JSON numbers, exact up to 2^53.
constexpr qint64 kMaxCounter = 1LL << 53;

QJsonArray pairsToJson(const QList<StringPair> &pairs)
{
    QJsonArray a;
    for (const StringPair &p : pairs)
        a.append(QJsonObject{{QStringLiteral("name"), p.name}, {QStringLiteral("value"), p.value}});
    return a;
}

// [{"name": .., "value": ..}, ...]: a list, because order matters (user properties repeat).
QList<StringPair> pairsFromJson(JsonFieldReader &r, const QString &key)
{
    QList<StringPair> pairs;
    const QJsonArray a = r.array(key);
    for (qsizetype i = 0; i < a.size() && r.ok(); ++i) {
        JsonFieldReader e = r.element(key, a, i);
        e.require(QStringLiteral("name"));
        pairs.append({e.string(QStringLiteral("name")), e.string(QStringLiteral("value"))});
    }
    return pairs;
}

QJsonObject propertiesToJson(const TemplateProperties &p)
{
    QJsonObject o;
    if (p.messageExpiry)
        o.insert(QStringLiteral("messageExpiry"), qint64(*p.messageExpiry));
    if (p.payloadFormatIndicator)
        o.insert(QStringLiteral("payloadFormatIndicator"), int(*p.payloadFormatIndicator));
    if (!p.contentType.isEmpty())
        o.insert(QStringLiteral("contentType"), p.contentType);
    if (!p.responseTopic.isEmpty())
        o.insert(QStringLiteral("responseTopic"), p.responseTopic);
    if (!p.correlationData.isEmpty())
        o.insert(QStringLiteral("correlationData"), p.correlationData);
    if (!p.userProperties.isEmpty())
        o.insert(QStringLiteral("userProperties"), pairsToJson(p.userProperties));
    return o;
}

TemplateProperties propertiesFromJson(JsonFieldReader r)
{
    TemplateProperties p;
    if (auto v = r.optionalInteger(QStringLiteral("messageExpiry"), 0, kMaxUint32))
        p.messageExpiry = quint32(*v);
    if (auto v = r.optionalInteger(QStringLiteral("payloadFormatIndicator"), 0, 1))
        p.payloadFormatIndicator = quint8(*v);
    p.contentType = r.string(QStringLiteral("contentType"));
    p.responseTopic = r.string(QStringLiteral("responseTopic"));
    p.correlationData = r.string(QStringLiteral("correlationData"));
    p.userProperties = pairsFromJson(r, QStringLiteral("userProperties"));
    return p;
}

QJsonObject templateToJson(const PublishTemplate &t)
{
    QJsonObject o{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("topic"), t.topic},
        {QStringLiteral("qos"), int(t.qos)},
        {QStringLiteral("retain"), t.retain},
        {QStringLiteral("format"), payloadFormatKey(t.format)},
        {QStringLiteral("payload"), t.payload},
        {QStringLiteral("counter"), qint64(qMin<quint64>(t.counter, quint64(kMaxCounter)))},
    };
    if (!t.properties.isEmpty())
        o.insert(QStringLiteral("properties"), propertiesToJson(t.properties));
    if (!t.script.isEmpty())
        o.insert(QStringLiteral("script"), t.script);
    return o;
}

PublishTemplate templateFromJson(JsonFieldReader r)
{
    PublishTemplate t;
    r.require(QStringLiteral("name"));
    t.id = r.string(QStringLiteral("id"));
    t.name = r.string(QStringLiteral("name"));
    t.topic = r.string(QStringLiteral("topic"));
    t.qos = QoS(r.integer(QStringLiteral("qos"), 0, 2, 0));
    t.retain = r.boolean(QStringLiteral("retain"), false);
    const QString format = r.string(QStringLiteral("format"), QStringLiteral("text"));
    if (const auto f = payloadFormatFromKey(format);
        f && (*f == PayloadFormat::Text || *f == PayloadFormat::Json || *f == PayloadFormat::Hex ||
              *f == PayloadFormat::Base64)) {
        t.format = *f;
    } else if (r.ok()) {
        r.fail(ProfileFormatError::Kind::UnknownValue, QStringLiteral("format"),
               TemplateLibraryJson::tr("\"%1\" (allowed: text, json, hex, base64)").arg(format));
    }
    t.payload = r.string(QStringLiteral("payload"));
    t.counter = quint64(r.integer(QStringLiteral("counter"), 1, kMaxCounter, 1));
    t.properties = propertiesFromJson(r.object(QStringLiteral("properties")));
    t.script = r.string(QStringLiteral("script"));
    return t;
}

QJsonObject collectionToJson(const TemplateCollection &c)
{
    QJsonArray templates;
    for (const PublishTemplate &t : c.templates)
        templates.append(templateToJson(t));
    QJsonObject o{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("variables"), pairsToJson(c.variables)},
        {QStringLiteral("templates"), templates},
    };
    if (!c.connection.isEmpty())
        o.insert(QStringLiteral("connection"), c.connection);
    return o;
}

TemplateCollection collectionFromJson(JsonFieldReader r)
{
    TemplateCollection c;
    r.require(QStringLiteral("name"));
    c.id = r.string(QStringLiteral("id"));
    c.name = r.string(QStringLiteral("name"));
    c.connection = r.string(QStringLiteral("connection"));
    c.variables = pairsFromJson(r, QStringLiteral("variables"));
    const QJsonArray templates = r.array(QStringLiteral("templates"));
    for (qsizetype i = 0; i < templates.size() && r.ok(); ++i)
        c.templates.append(templateFromJson(r.element(QStringLiteral("templates"), templates, i)));
    return c;
}

} // namespace

QByteArray TemplateLibraryJson::toJson(const TemplateLibrary &library)
{
    return toJson(library.collections());
}

QByteArray TemplateLibraryJson::toJson(const QList<TemplateCollection> &collections)
{
    QJsonArray list;
    for (const TemplateCollection &c : collections)
        list.append(collectionToJson(c));
    const QJsonObject root{
        {QStringLiteral("format"), QString(kFormat)},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("collections"), list},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<TemplateLibrary> TemplateLibraryJson::fromJson(const QByteArray &json, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("This is not JSON (line %1): %2.")
                     .arg(json.left(parseError.offset).count('\n') + 1)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat) {
        *error = tr("This is not an MQTT Desk template file: it has no \"format\": "
                    "\"mqttdesk-templates\".");
        return std::nullopt;
    }
    ProfileFormatError problem;
    JsonFieldReader r(root, {}, &problem);
    const qint64 version = r.integer(QStringLiteral("version"), 1, 1000000, 1);
    if (r.ok() && version > kFormatVersion) {
        *error = tr("The file was written by a newer MQTT Desk (template format %1); update the "
                    "application to read it.")
                     .arg(version);
        return std::nullopt;
    }
    TemplateLibrary library;
    const QJsonArray collections = r.array(QStringLiteral("collections"));
    for (qsizetype i = 0; i < collections.size() && r.ok(); ++i) {
        TemplateCollection c =
            collectionFromJson(r.element(QStringLiteral("collections"), collections, i));
        if (r.ok())
            library.addCollection(std::move(c));
    }
    if (!r.ok()) {
        *error = problem.message();
        return std::nullopt;
    }
    return library;
}

QString TemplateLibraryJson::filePath(const QString &dataDir)
{
    return dataDir + QStringLiteral("/templates.json");
}

std::optional<TemplateLibrary> TemplateLibraryJson::load(const QString &path, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QFile file(path);
    if (!file.exists())
        return TemplateLibrary();
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the templates in %1: %2.").arg(path, file.errorString());
        return std::nullopt;
    }
    QString why;
    auto library = fromJson(file.readAll(), &why);
    if (!library)
        *error = tr("The templates in %1 cannot be read: %2").arg(path, why);
    return library;
}

bool TemplateLibraryJson::save(const TemplateLibrary &library, const QString &path, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write the templates to %1: %2.").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(toJson(library));
    if (!file.commit()) {
        *error = tr("Cannot write the templates to %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mqttdesk
