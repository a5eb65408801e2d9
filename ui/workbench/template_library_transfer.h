#pragma once

#include "core/publish/publish_template.h"
#include "core/publish/template_library.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QWidget;

namespace mqttdesk {

class TemplateLibraryStore;

// Import… and Export… of template collections as JSON files (TemplateLibraryJson's format,
// the same as the library's own file), through the Prompts seam: the file choosers, and a
// message box naming the file and the problem when one cannot be read or written.
class TemplateLibraryTransfer
{
    Q_DECLARE_TR_FUNCTIONS(TemplateLibraryTransfer)

public:
    // Asks for a file and adds its collections (TemplateLibrary::import: a collection with the
    // id of one here replaces it). The result as a sentence ("2 collections added, 1
    // replaced."); empty when cancelled or refused (the reason was shown).
    static QString importFile(QWidget *parent, TemplateLibraryStore *store);
    // The same without asking; nothing with `error` set when the file cannot be read.
    static std::optional<TemplateLibrary::ImportCount>
    importFrom(const QString &path, TemplateLibraryStore *store, QString *error);

    // Asks where to write `collections` (`suggestion`: a file name) and writes them. The
    // result as a sentence; empty when cancelled or failed (the reason was shown).
    static QString exportFile(QWidget *parent, const QList<TemplateCollection> &collections,
                              const QString &suggestion);
    static bool exportTo(const QString &path, const QList<TemplateCollection> &collections,
                         QString *error);

    // "2 collections added, 1 replaced."
    static QString importSummary(const TemplateLibrary::ImportCount &count);
};

} // namespace mqttdesk
