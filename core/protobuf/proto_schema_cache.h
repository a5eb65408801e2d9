#pragma once

#include "core/protobuf/proto_schema.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <memory>

namespace mqttdesk {

// Loaded schemas shared by every decoder that names the same files and import paths, so a
// rule's .proto files are parsed once, not per message. A file changed on disk is noticed
// within a second (its modification time is looked at no more often) and the schema is
// loaded again; a schema that failed to load is not retried more often either. Thread-safe.
class ProtoSchemaCache
{
public:
    using Clock = std::chrono::steady_clock;
    // A schema as get() returns it, with how long it may be used without asking again: a
    // decoder resolves the same files for every message of a stream, and asking costs as
    // much as decoding a small message. Good while now < validUntil and generation() is
    // still `generation`.
    struct Lease
    {
        std::shared_ptr<const ProtoSchema> schema;
        Clock::time_point validUntil;
        quint64 generation = 0;
    };

    static ProtoSchemaCache &instance();

    // Null with `why` when the files do not load (ProtoSchema::load).
    std::shared_ptr<const ProtoSchema> get(const QStringList &files, const QStringList &importPaths,
                                           QString *why = nullptr);
    Lease lease(const QStringList &files, const QStringList &importPaths, QString *why = nullptr);
    // Changes whenever a lease may have gone stale early: clear(), a new recheck interval, a
    // schema loaded again.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    // Forgets every schema: the next get() loads from disk.
    void clear();
    // How long a file's modification time is trusted (1 s); tests set 0.
    void setRecheckInterval(std::chrono::milliseconds interval);

private:
    struct Entry
    {
        std::shared_ptr<const ProtoSchema> schema;
        QString error;
        QDateTime newestFileTime;
        Clock::time_point checked;
    };

    QMutex m_lock;
    std::chrono::milliseconds m_recheck{1000};
    QHash<QString, Entry> m_entries;
    std::atomic<quint64> m_generation{1};
};

} // namespace mqttdesk
