#include "core/profile/profile_importer.h"

#include "core/profile/json_field_reader.h"
#include "core/profile/mqtt_explorer_importer.h"
#include "core/profile/mqttx_importer.h"
#include "core/profile/profile_json.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace mqttdesk {

namespace {

using Kind = ProfileFormatError::Kind;

ProfileImport failed(ProfileImport::Source source, const ProfileFormatError &error)
{
    ProfileImport result;
    result.source = source;
    result.error = error;
    return result;
}

ProfileImport readOurs(const QJsonObject &root)
{
    ProfileFormatError error;
    JsonFieldReader reader(root, {}, &error);
    reader.require(QStringLiteral("version"));
    reader.require(QStringLiteral("profiles"));
    const qint64 version = reader.integer(QStringLiteral("version"), 1, 1 << 30, 1);
    if (reader.ok() && version > ProfileJson::kFormatVersion)
        return failed(ProfileImport::Source::MqttDesk,
                      ProfileFormatError(Kind::UnsupportedVersion, QStringLiteral("version"),
                                         QString::number(version)));
    const QJsonArray profiles = reader.array(QStringLiteral("profiles"));
    ProfileImport result;
    for (qsizetype i = 0; i < profiles.size() && reader.ok(); ++i) {
        const QString field = QStringLiteral("profiles[%1]").arg(i);
        if (!profiles.at(i).isObject())
            return failed(ProfileImport::Source::MqttDesk,
                          ProfileFormatError(Kind::WrongType, field,
                                             QCoreApplication::translate(
                                                 "mqttdesk::ProfileImporter", "an object")));
        const QJsonObject object = profiles.at(i).toObject();
        ProfileFormatError profileError;
        const auto profile = ProfileJson::fromJson(object, &profileError);
        if (!profile)
            return failed(ProfileImport::Source::MqttDesk, profileError.prefixed(field));
        result.profiles << *profile;
        // Files written before subscriptions travelled have no list: none, not an error.
        JsonFieldReader profileReader(object, field, &error);
        if (profileReader.has(QStringLiteral("subscriptions")))
            result.subscriptionsListed.insert(profile->id);
        const QJsonArray subscriptions = profileReader.array(QStringLiteral("subscriptions"));
        for (qsizetype j = 0; j < subscriptions.size() && profileReader.ok(); ++j) {
            JsonFieldReader item =
                profileReader.element(QStringLiteral("subscriptions"), subscriptions, j);
            const ProfileSubscription subscription =
                ProfileJson::subscriptionFromJson(item, profile->id);
            if (item.ok())
                result.subscriptions << subscription;
        }
        // Likewise the decoding rules; each checked as the rules dialog checks it.
        if (profileReader.has(QStringLiteral("decodingRules"))) {
            const QJsonArray rules = profileReader.array(QStringLiteral("decodingRules"));
            QString why;
            const auto parsed = DecodingRules::fromJson(rules, &why);
            if (profileReader.ok() && !parsed)
                return failed(ProfileImport::Source::MqttDesk,
                              ProfileFormatError(Kind::UnknownValue,
                                                 field + QStringLiteral(".decodingRules"), why));
            if (parsed)
                result.decodingRules.insert(profile->id, *parsed);
        }
    }
    if (!reader.ok())
        return failed(ProfileImport::Source::MqttDesk, error);
    return result;
}

} // namespace

int ProfileImporter::lineOfOffset(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

ProfileImport ProfileImporter::fromJson(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(ProfileImport::Source::MqttDesk,
                      ProfileFormatError(Kind::Syntax, {}, parseError.errorString(),
                                         lineOfOffset(data, parseError.offset)));

    if (document.isObject()) {
        const QJsonObject root = document.object();
        const QJsonValue format = root.value(QStringLiteral("format"));
        if (format == QStringLiteral("mqttdesk-profiles"))
            return readOurs(root);
        if (!format.isUndefined())
            return failed(
                ProfileImport::Source::MqttDesk,
                ProfileFormatError(
                    Kind::UnknownFormat, QStringLiteral("format"),
                    QCoreApplication::translate("mqttdesk::ProfileImporter", "\"format\" is \"%1\"")
                        .arg(format.toVariant().toString())));
        if (MqttxImporter::looksLikeConnection(root))
            return MqttxImporter::fromJson(QJsonArray{root}, true);
        // MQTT Explorer's settings.json, or the connections object taken out of it.
        if (MqttExplorerImporter::looksLikeSettings(root))
            return MqttExplorerImporter::fromJson(root);
    } else if (document.isArray()) {
        const QJsonArray array = document.array();
        if (!array.isEmpty() && array.first().isObject() &&
            MqttxImporter::looksLikeConnection(array.first().toObject()))
            return MqttxImporter::fromJson(array, false);
    }
    return failed(
        ProfileImport::Source::MqttDesk,
        ProfileFormatError(Kind::UnknownFormat, {},
                           QCoreApplication::translate("mqttdesk::ProfileImporter",
                                                       "no \"format\": \"mqttdesk-profiles\", "
                                                       "no MQTTX connection (host, clientId) "
                                                       "and no MQTT Explorer settings "
                                                       "(ConnectionManager_connections)")));
}

ProfileImport ProfileImporter::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(ProfileImport::Source::MqttDesk,
                      ProfileFormatError(Kind::Unreadable, {},
                                         QStringLiteral("%1: %2").arg(path, file.errorString())));
    return fromJson(file.readAll());
}

} // namespace mqttdesk
