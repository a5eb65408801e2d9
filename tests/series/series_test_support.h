#pragma once

// What the series tests share: fresh histories, and a history written through the real
// storage writer with part of it left in the indexer's unindexed tail.

#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/storage/stored_message.h"

#include <QList>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

namespace mqttdesk::test {

// Writes `messages` into the history at `path` through the real writer: ids 1, 2, ... in
// an empty database. The first `indexed` are indexed, the rest stay in the unindexed tail
// (as right after a burst).
inline void writeHistory(const QString &path, const QList<StoredMessage> &messages,
                         qsizetype indexed)
{
    {
        MessageWriter writer(path);
        writer.start();
        for (qsizetype i = 0; i < indexed; ++i)
            QVERIFY(writer.enqueue(messages.at(i)));
        QVERIFY(writer.waitUntilIndexed(60000));
    }
    MessageWriter::Options heldBack;
    heldBack.indexWhenIdle = false;
    heldBack.indexBacklogLimit = std::numeric_limits<qint64>::max();
    MessageWriter writer(path, heldBack);
    writer.start();
    for (qsizetype i = indexed; i < messages.size(); ++i)
        QVERIFY(writer.enqueue(messages.at(i)));
    QVERIFY(writer.waitUntilIdle(60000));
}

// Empty histories (the schema made) in one temporary folder, a new file each.
class FreshHistories
{
public:
    QString next()
    {
        const QString path = m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_files));
        Database db(path);
        const StorageError error = db.open();
        if (error.isError())
            qFatal("open failed: %s", qPrintable(error.detail));
        return path;
    }
    QString folder() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
};

} // namespace mqttdesk::test
