#include "core/profile/profile_exporter.h"

#include "core/profile/profile_json.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace mqttdesk {

QByteArray ProfileExporter::toJson(const QList<ConnectionProfile> &profiles, bool includeSecrets,
                                   const QList<ProfileSubscription> &subscriptions,
                                   const RulesByProfile &decodingRules)
{
    QJsonArray array;
    for (const ConnectionProfile &profile : profiles) {
        QJsonObject json =
            ProfileJson::toJson(profile, includeSecrets ? ProfileJson::Secrets::Include
                                                        : ProfileJson::Secrets::Exclude);
        // Always a list, even an empty one: an import that replaces a saved connection then
        // replaces its subscriptions too.
        QJsonArray list;
        for (const ProfileSubscription &subscription : subscriptions) {
            if (subscription.profileId == profile.id)
                list.append(ProfileJson::subscriptionToJson(subscription));
        }
        json.insert(QStringLiteral("subscriptions"), list);
        // Likewise always a list: replacing a connection replaces its rules.
        json.insert(QStringLiteral("decodingRules"), decodingRules.value(profile.id).toJson());
        array.append(json);
    }
    const QJsonObject document{
        {QStringLiteral("format"), QStringLiteral("mqttdesk-profiles")},
        {QStringLiteral("version"), ProfileJson::kFormatVersion},
        {QStringLiteral("exportedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("secretsIncluded"), includeSecrets},
        {QStringLiteral("profiles"), array},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

std::optional<QString> ProfileExporter::writeFile(const QString &path,
                                                  const QList<ConnectionProfile> &profiles,
                                                  bool includeSecrets,
                                                  const QList<ProfileSubscription> &subscriptions,
                                                  const RulesByProfile &decodingRules)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("mqttdesk::ProfileExporter", "Cannot write %1: %2")
            .arg(path, file.errorString());
    // Only the user may read it: it may hold secrets, and it holds broker addresses.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(toJson(profiles, includeSecrets, subscriptions, decodingRules));
    if (!file.commit())
        return QCoreApplication::translate("mqttdesk::ProfileExporter", "Cannot write %1: %2")
            .arg(path, file.errorString());
    return std::nullopt;
}

} // namespace mqttdesk
