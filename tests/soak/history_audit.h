#pragma once

#include "core/storage/storage_error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace mqttdesk {

// What one connection's history holds of the soak's numbered messages, read from the
// database through core storage (MessageRangeScan: every row of the profile with its whole
// payload), never from the GUI. Each update() reads only the rows stored since the last
// one. Not thread-affine between calls, but one call at a time (each opens its own
// database connection on the calling thread).
class HistoryAudit
{
public:
    struct Result
    {
        qint64 rows = 0;                 // rows of the profile read so far
        qint64 missing = 0;              // published numbers with no row: lost
        qint64 duplicates1 = 0;          // QoS 1 numbers with more than one row (allowed)
        qint64 duplicates2 = 0;          // QoS 2 numbers with more than one row (a failure)
        qint64 strangers = 0;            // rows that are no soak message, or of a number never sent
        QList<qint64> missingSample;     // the first few missing numbers
        QList<qint64> duplicates2Sample; // the first few QoS 2 numbers stored twice
        QList<qint64> duplicates1Sample; // the first few QoS 1 numbers stored twice

        bool complete() const { return missing == 0; }
    };

    HistoryAudit(QString databasePath, qint64 profileId);

    // Reads the rows stored since the last call; numbers 0 .. published - 1 were published.
    StorageError update(qint64 published);
    Result result() const;
    // Each stored copy of these numbers: row id, QoS, DUP, packet id and time, one line per
    // number (a second full read; for the few duplicates and losses in a report).
    QStringList describe(const QList<qint64> &numbers, StorageError *error = nullptr) const;

private:
    QString m_path;
    qint64 m_profileId = 0;
    qint64 m_published = 0;
    qint64 m_throughId = 0;
    qint64 m_rows = 0;
    qint64 m_strangers = 0;
    std::vector<quint8> m_copies; // per number, saturating at 255
};

} // namespace mqttdesk
