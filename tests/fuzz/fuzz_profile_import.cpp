// libFuzzer target over the profile importers: our own JSON format (through ProfileImporter,
// which also detects the others), MQTTX's export and MQTT Explorer's settings.json. Parsing
// only: the importers read JSON into values and touch no secret store, keychain or file.
//
// Input: byte 0 picks the importer (modulo 3: ProfileImporter::fromJson, MqttxImporter on the
// document's array or single object, MqttExplorerImporter on the document's object), the rest
// is the file. An import either has an error with a message and nothing else, or no error;
// each imported profile survives our own format: ProfileJson::toJson (secrets included) and
// fromJson give the same profile, and the whole import (when no id repeats) written as our file
// reads back the same.

#include "core/profile/mqtt_explorer_importer.h"
#include "core/profile/mqttx_importer.h"
#include "core/profile/profile_exporter.h"
#include "core/profile/profile_importer.h"
#include "core/profile/profile_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace mqttdesk;

namespace {

void check(const ProfileImport &import)
{
    if (!import.ok()) {
        if (!import.profiles.isEmpty() || import.error.message().isEmpty())
            std::abort(); // all or nothing, and a reason
        return;
    }
    for (const ConnectionProfile &profile : import.profiles) {
        const QJsonObject json = ProfileJson::toJson(profile, ProfileJson::Secrets::Include);
        ProfileFormatError error;
        const std::optional<ConnectionProfile> again = ProfileJson::fromJson(json, &error);
        if (!again || !(*again == profile)) {
            std::fprintf(stderr,
                         "fuzz_profile_import: profile does not survive our format: %s\n%s\n",
                         qPrintable(error.message()), QJsonDocument(json).toJson().constData());
            std::abort();
        }
    }
    // A file may name one id twice (ImportPlan makes the second copy a connection of its
    // own); written again, each copy would take the subscriptions of both.
    QSet<QUuid> ids;
    for (const ConnectionProfile &profile : import.profiles)
        ids.insert(profile.id);
    if (ids.size() != import.profiles.size())
        return;
    // Our file lists every profile's rules, even none: an absent entry reads back empty.
    const ProfileImport again = ProfileImporter::fromJson(
        ProfileExporter::toJson(import.profiles, true, import.subscriptions, import.decodingRules));
    bool same = again.ok() && again.profiles == import.profiles &&
                again.subscriptions == import.subscriptions;
    for (const ConnectionProfile &profile : import.profiles)
        same =
            same && again.decodingRules.value(profile.id) == import.decodingRules.value(profile.id);
    if (!same) {
        std::fprintf(stderr,
                     "fuzz_profile_import: the import written as our file reads back "
                     "otherwise: %s\n",
                     qPrintable(again.error.message()));
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1 || size > 256 * 1024)
        return 0;
    const QByteArray file(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0:
        check(ProfileImporter::fromJson(file));
        break;
    case 1: {
        const QJsonDocument document = QJsonDocument::fromJson(file);
        if (document.isArray())
            check(MqttxImporter::fromJson(document.array(), false));
        else if (document.isObject())
            check(MqttxImporter::fromJson(QJsonArray{document.object()}, true));
        break;
    }
    case 2: {
        const QJsonDocument document = QJsonDocument::fromJson(file);
        if (document.isObject())
            check(MqttExplorerImporter::fromJson(document.object()));
        break;
    }
    }
    return 0;
}
