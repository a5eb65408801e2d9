#pragma once

#include "core/publish/template_library.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace mqttdesk {

// The app's one TemplateLibrary, shared by every connection view: loaded from the data
// directory's templates.json, edited only through the methods below (each emits changed()),
// and written back by TemplateLibraryJson::save about 300 ms after the last edit, and at once
// on flush() and on destruction.
//
// A file that cannot be read is reported (loadFailed) and left alone: the app goes on with an
// empty library, and edits made then are kept in memory but not saved over that file
// (saveFailed says so), so a user never loses a library to a typo in it.
//
// Structural edits (adding, removing, moving, duplicating, importing) come between
// aboutToRestructure() and restructured(); edits of one template or collection in place
// emit templateChanged or collectionChanged. Models follow those; everything else listens to
// changed().
class TemplateLibraryStore : public QObject
{
    Q_OBJECT
public:
    explicit TemplateLibraryStore(QObject *parent = nullptr);
    ~TemplateLibraryStore() override; // flushes

    // Reads TemplateLibraryJson::filePath(dataDir); false (and loadFailed) when the file
    // exists but cannot be read. A missing file is an empty library.
    bool load(const QString &dataDir);
    // Where the library is saved; empty before load() (nothing is saved then).
    QString filePath() const { return m_path; }
    // The error load() found; the file is not written while there is one.
    QString loadError() const { return m_loadError; }
    // Waits this long after the last edit before saving (default 300 ms).
    void setSaveDelay(int ms) { m_saveTimer.setInterval(ms); }
    // An edit not saved yet.
    bool hasPendingSave() const { return m_dirty; }
    // Saves now when an edit is pending; false (and saveFailed) when the file cannot be
    // written.
    bool flush();

    const TemplateLibrary &library() const { return m_library; }
    const QList<TemplateCollection> &collections() const { return m_library.collections(); }

    // Where things are now (ids are stable; indexes move with edits).
    std::optional<TemplateIndex> indexOf(const QString &templateId) const;
    qsizetype collectionIndex(const QString &collectionId) const; // -1 when gone
    // Nothing for an id that is gone.
    std::optional<PublishTemplate> templateById(const QString &templateId) const;

    // Collections.
    qsizetype addCollection(TemplateCollection collection);
    // Name, connection and variables of collection `index`; its templates stay.
    void updateCollection(qsizetype index, const TemplateCollection &settings);
    void removeCollection(qsizetype index);

    // Templates.
    TemplateIndex addTemplate(qsizetype collection, PublishTemplate item);
    // Replaces the template at `index` (its id stays).
    void updateTemplate(TemplateIndex index, const PublishTemplate &item);
    void renameTemplate(TemplateIndex index, const QString &name);
    TemplateIndex duplicate(TemplateIndex index);
    TemplateIndex move(TemplateIndex from, TemplateIndex to);
    void remove(TemplateIndex index);

    // {{counter}}'s next value of a template (e.g. a finished job's nextCounter); false when
    // the template is gone. resetCounter puts it back to 1.
    bool setCounter(const QString &templateId, quint64 value);
    bool resetCounter(const QString &templateId);

    // TemplateLibrary::import: same ids replaced, others appended.
    TemplateLibrary::ImportCount import(const TemplateLibrary &other);

signals:
    void aboutToRestructure();
    void restructured();
    void templateChanged(const QString &templateId);
    void collectionChanged(const QString &collectionId);
    // After every edit.
    void changed();
    // The file exists but cannot be read: a translated sentence naming it and why.
    void loadFailed(const QString &message);
    // An edit could not be saved (a translated sentence); the library stays as edited.
    void saveFailed(const QString &message);
    void saved();

private:
    void edited();
    bool save();

    TemplateLibrary m_library;
    QString m_path;
    QString m_loadError;
    QTimer m_saveTimer;
    bool m_dirty = false;
};

} // namespace mqttdesk
