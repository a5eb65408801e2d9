#pragma once

#include "core/storage/storage_error.h"

#include <QtGlobal>

namespace mqttdesk {

class DatabaseConnection;

// Builds the read indexes of the history after the rows are committed (schema version 4):
// message_profiles, message_times, message_topics and the full-text index message_fts, in
// large chunks in id order, each chunk in one transaction together with the new message_index_state
// watermark. Per row, this costs a fraction of indexing at insert time: a chunk touches
// each topic's index page once instead of once per row. Rows above the watermark are found
// by scanning them (MessageQuery), so results never miss a row. Lives on the writer thread.
class MessageIndexer
{
public:
    explicit MessageIndexer(const DatabaseConnection &connection);

    StorageError load();
    qint64 indexedUpTo() const { return m_indexedUpTo; }
    // Indexes rows in (indexedUpTo, min(indexedUpTo + maxRows, lastCommittedId)].
    StorageError indexChunk(qint64 lastCommittedId, qint64 maxRows);

    // The watermark as stored (for readers): every row with id <= it is indexed.
    static qint64 storedWatermark(const DatabaseConnection &connection, StorageError *error);

private:
    const DatabaseConnection &m_connection;
    qint64 m_indexedUpTo = 0;
};

} // namespace mqttdesk
