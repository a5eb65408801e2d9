#include "core/protobuf/proto_schema_cache.h"

#include <QFileInfo>
#include <QMutexLocker>

#include <algorithm>

namespace mqttdesk {

namespace {

QDateTime newestTime(const QStringList &files)
{
    QDateTime newest;
    for (const QString &file : files)
        newest = std::max(newest, QFileInfo(file).lastModified());
    return newest;
}

} // namespace

ProtoSchemaCache &ProtoSchemaCache::instance()
{
    static ProtoSchemaCache cache;
    return cache;
}

std::shared_ptr<const ProtoSchema>
ProtoSchemaCache::get(const QStringList &files, const QStringList &importPaths, QString *why)
{
    return lease(files, importPaths, why).schema;
}

ProtoSchemaCache::Lease ProtoSchemaCache::lease(const QStringList &files,
                                                const QStringList &importPaths, QString *why)
{
    const QString key = files.join(QChar(0)) + QChar(1) + importPaths.join(QChar(0));
    const Clock::time_point now = Clock::now();
    QMutexLocker locker(&m_lock);
    auto found = m_entries.find(key);
    if (found != m_entries.end()) {
        bool fresh = now - found->checked < m_recheck;
        if (!fresh && newestTime(files) == found->newestFileTime) {
            found->checked = now;
            fresh = true;
        }
        if (fresh) {
            if (!found->schema && why)
                *why = found->error;
            return Lease{found->schema, found->checked + m_recheck, generation()};
        }
    }
    // Loading holds the lock: two workers asking for the same new schema parse it once.
    Entry entry;
    entry.newestFileTime = newestTime(files);
    entry.schema = ProtoSchema::load(files, importPaths, &entry.error);
    entry.checked = now;
    if (!entry.schema && why)
        *why = entry.error;
    m_entries.insert(key, entry);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    return Lease{entry.schema, entry.checked + m_recheck, generation()};
}

void ProtoSchemaCache::clear()
{
    QMutexLocker locker(&m_lock);
    m_entries.clear();
    m_generation.fetch_add(1, std::memory_order_acq_rel);
}

void ProtoSchemaCache::setRecheckInterval(std::chrono::milliseconds interval)
{
    QMutexLocker locker(&m_lock);
    m_recheck = interval;
    m_generation.fetch_add(1, std::memory_order_acq_rel);
}

} // namespace mqttdesk
