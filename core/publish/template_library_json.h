#pragma once

#include "core/publish/template_library.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace mqttdesk {

// The template library as JSON: the file the app keeps in its data directory
// (templates.json) and the file a team exports and imports, one format for both (described in
// docs/templates.md). Reading names the first problem with its place ("collections[0].
// templates[2].qos") and never half-reads: a file with an error gives nothing.
class TemplateLibraryJson
{
    Q_DECLARE_TR_FUNCTIONS(TemplateLibraryJson)

public:
    static constexpr int kFormatVersion = 1;

    static QByteArray toJson(const TemplateLibrary &library);
    // Only `collections` (e.g. those chosen for an export).
    static QByteArray toJson(const QList<TemplateCollection> &collections);
    static std::optional<TemplateLibrary> fromJson(const QByteArray &json, QString *error);

    // The library file in a data directory.
    static QString filePath(const QString &dataDir);
    // Reads `path`; a missing file is an empty library, not an error.
    static std::optional<TemplateLibrary> load(const QString &path, QString *error);
    // Writes `path` atomically (a crash leaves the old file), readable by the user alone.
    static bool save(const TemplateLibrary &library, const QString &path, QString *error);
};

} // namespace mqttdesk
