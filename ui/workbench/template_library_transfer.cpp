#include "ui/workbench/template_library_transfer.h"

#include "core/publish/template_library_json.h"
#include "core/publish/template_library_store.h"
#include "ui/widgets/prompts.h"

#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QSaveFile>

namespace mqttdesk {

namespace {

QString filter()
{
    return TemplateLibraryTransfer::tr("Template collections (*.json);;All files (*)");
}

} // namespace

QString TemplateLibraryTransfer::importSummary(const TemplateLibrary::ImportCount &count)
{
    if (count.added == 0 && count.replaced == 0)
        return tr("The file holds no collection: nothing was imported.");
    if (count.replaced == 0)
        return tr("%n collection(s) added.", nullptr, count.added);
    if (count.added == 0)
        return tr("%n collection(s) replaced.", nullptr, count.replaced);
    return tr("%1, %2.").arg(tr("%n collection(s) added", nullptr, count.added),
                             tr("%n replaced", nullptr, count.replaced));
}

std::optional<TemplateLibrary::ImportCount>
TemplateLibraryTransfer::importFrom(const QString &path, TemplateLibraryStore *store,
                                    QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = tr("%1 does not exist.").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    // Small files: read on the spot. A file with an error gives nothing (never half-read).
    const std::optional<TemplateLibrary> library = TemplateLibraryJson::load(path, error);
    if (!library)
        return std::nullopt;
    return store->import(*library);
}

QString TemplateLibraryTransfer::importFile(QWidget *parent, TemplateLibraryStore *store)
{
    const QString path = Prompts::openFileName(parent, tr("Import template collections"),
                                               QDir::homePath(), filter());
    if (path.isEmpty())
        return {};
    QString error;
    const auto count = importFrom(path, store, &error);
    if (!count) {
        Prompts::warn(parent, tr("Import template collections"), error);
        return {};
    }
    return importSummary(*count);
}

bool TemplateLibraryTransfer::exportTo(const QString &path,
                                       const QList<TemplateCollection> &collections, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.write(TemplateLibraryJson::toJson(collections));
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

QString TemplateLibraryTransfer::exportFile(QWidget *parent,
                                            const QList<TemplateCollection> &collections,
                                            const QString &suggestion)
{
    const QString title = collections.size() == 1
                              ? tr("Export the collection “%1”").arg(collections.first().name)
                              : tr("Export all template collections");
    QString path =
        Prompts::saveFileName(parent, title, QDir::home().filePath(suggestion), filter());
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    QString error;
    if (!exportTo(path, collections, &error)) {
        Prompts::warn(parent, title, error);
        return {};
    }
    return tr("%n collection(s) exported to %1.", nullptr, int(collections.size()))
        .arg(QDir::toNativeSeparators(path));
}

} // namespace mqttdesk
