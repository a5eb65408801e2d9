#include "core/publish/template_library_store.h"

#include "core/publish/template_library_json.h"

namespace mqttdesk {

namespace {
constexpr int kSaveDelayMs = 300;
}

TemplateLibraryStore::TemplateLibraryStore(QObject *parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { save(); });
}

TemplateLibraryStore::~TemplateLibraryStore()
{
    // Signals still go out: whoever listens and outlives the store hears of a failure.
    flush();
}

bool TemplateLibraryStore::load(const QString &dataDir)
{
    m_path = TemplateLibraryJson::filePath(dataDir);
    QString error;
    std::optional<TemplateLibrary> library = TemplateLibraryJson::load(m_path, &error);
    emit aboutToRestructure();
    m_library = library.value_or(TemplateLibrary());
    m_loadError = library ? QString() : error;
    m_dirty = false;
    m_saveTimer.stop();
    emit restructured();
    emit changed();
    if (!library) {
        emit loadFailed(tr("%1\nThe app goes on with an empty template library and leaves "
                           "that file as it is; templates you add now are not saved until "
                           "the file is fixed or moved away and the app restarted.")
                            .arg(error));
        return false;
    }
    return true;
}

bool TemplateLibraryStore::flush()
{
    return !m_dirty || save();
}

bool TemplateLibraryStore::save()
{
    m_saveTimer.stop();
    if (!m_dirty || m_path.isEmpty())
        return true;
    if (!m_loadError.isEmpty()) {
        emit saveFailed(tr("The templates are not saved: %1 could not be read when the app "
                           "started, and it is not overwritten.")
                            .arg(m_path));
        m_dirty = false; // said once per edit burst, not again at exit for the same edits
        return false;
    }
    QString error;
    if (!TemplateLibraryJson::save(m_library, m_path, &error)) {
        emit saveFailed(error);
        return false; // still dirty: the next edit or flush tries again
    }
    m_dirty = false;
    emit saved();
    return true;
}

void TemplateLibraryStore::edited()
{
    m_dirty = true;
    m_saveTimer.start();
    emit changed();
}

std::optional<TemplateIndex> TemplateLibraryStore::indexOf(const QString &templateId) const
{
    if (templateId.isEmpty())
        return std::nullopt;
    const auto &collections = m_library.collections();
    for (qsizetype c = 0; c < collections.size(); ++c) {
        const auto &templates = collections.at(c).templates;
        for (qsizetype t = 0; t < templates.size(); ++t) {
            if (templates.at(t).id == templateId)
                return TemplateIndex{c, t};
        }
    }
    return std::nullopt;
}

qsizetype TemplateLibraryStore::collectionIndex(const QString &collectionId) const
{
    const auto &collections = m_library.collections();
    for (qsizetype c = 0; c < collections.size(); ++c) {
        if (!collectionId.isEmpty() && collections.at(c).id == collectionId)
            return c;
    }
    return -1;
}

std::optional<PublishTemplate> TemplateLibraryStore::templateById(const QString &templateId) const
{
    if (const auto index = indexOf(templateId))
        return m_library.at(*index);
    return std::nullopt;
}

qsizetype TemplateLibraryStore::addCollection(TemplateCollection collection)
{
    emit aboutToRestructure();
    const qsizetype index = m_library.addCollection(std::move(collection));
    emit restructured();
    edited();
    return index;
}

void TemplateLibraryStore::updateCollection(qsizetype index, const TemplateCollection &settings)
{
    TemplateCollection &c = m_library.collections()[index];
    if (c.name == settings.name && c.connection == settings.connection &&
        c.variables == settings.variables)
        return;
    // The connection decides where the collection is shown: a model may hide it now.
    const bool bindingChanged = c.connection != settings.connection;
    if (bindingChanged)
        emit aboutToRestructure();
    c.name = settings.name;
    c.connection = settings.connection;
    c.variables = settings.variables;
    if (bindingChanged)
        emit restructured();
    emit collectionChanged(c.id);
    edited();
}

void TemplateLibraryStore::removeCollection(qsizetype index)
{
    emit aboutToRestructure();
    m_library.collections().removeAt(index);
    emit restructured();
    edited();
}

TemplateIndex TemplateLibraryStore::addTemplate(qsizetype collection, PublishTemplate item)
{
    emit aboutToRestructure();
    const TemplateIndex index = m_library.addTemplate(collection, std::move(item));
    emit restructured();
    edited();
    return index;
}

void TemplateLibraryStore::updateTemplate(TemplateIndex index, const PublishTemplate &item)
{
    PublishTemplate &t = m_library.at(index);
    PublishTemplate next = item;
    next.id = t.id;
    if (t == next)
        return;
    t = std::move(next);
    emit templateChanged(t.id);
    edited();
}

void TemplateLibraryStore::renameTemplate(TemplateIndex index, const QString &name)
{
    PublishTemplate item = m_library.at(index);
    item.name = name;
    updateTemplate(index, item);
}

TemplateIndex TemplateLibraryStore::duplicate(TemplateIndex index)
{
    emit aboutToRestructure();
    const TemplateIndex copy = m_library.duplicate(index);
    emit restructured();
    edited();
    return copy;
}

TemplateIndex TemplateLibraryStore::move(TemplateIndex from, TemplateIndex to)
{
    if (from == to)
        return to;
    emit aboutToRestructure();
    const TemplateIndex moved = m_library.move(from, to);
    emit restructured();
    edited();
    return moved;
}

void TemplateLibraryStore::remove(TemplateIndex index)
{
    emit aboutToRestructure();
    m_library.remove(index);
    emit restructured();
    edited();
}

bool TemplateLibraryStore::setCounter(const QString &templateId, quint64 value)
{
    const auto index = indexOf(templateId);
    if (!index)
        return false;
    PublishTemplate &t = m_library.at(*index);
    if (t.counter == value)
        return true;
    t.counter = value;
    emit templateChanged(t.id);
    edited();
    return true;
}

bool TemplateLibraryStore::resetCounter(const QString &templateId)
{
    return setCounter(templateId, 1);
}

TemplateLibrary::ImportCount TemplateLibraryStore::import(const TemplateLibrary &other)
{
    emit aboutToRestructure();
    const TemplateLibrary::ImportCount count = m_library.import(other);
    emit restructured();
    edited();
    return count;
}

} // namespace mqttdesk
