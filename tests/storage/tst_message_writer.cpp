#include "core/storage/database.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"
#include "core/storage/profile_counters.h"
#include "support/message_factory.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace mqttdesk;
using mqttdesk::test::makeMessage;

class TestMessageWriter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void writesBatchesAndAssignsIds();
    void storesEveryFieldVerbatim();
    void largePayloadGoesToSideTable();
    void countersSurviveRestart();
    void retentionByCount();
    void retentionByBytes();
    void retentionByAge();
    void unlimitedRetentionKeepsEverything();
    void fullDiskStopsStoringAndReceptionGoesOn();
    void storingResumesByItselfWhenSpaceReturns();
    void unwritableDatabaseGivesTypedError();
    void unopenableDatabaseGivesTypedError();
    void utf8Detection();
    void outgoingStateFollowsTheMessage();
    void erasingAProfileStartsItAgain();

private:
    qint64 scalar(const QString &sql)
    {
        QSqlQuery query(m_db->connection().database());
        if (!query.exec(sql) || !query.next())
            qFatal("query failed: %s", qPrintable(query.lastError().text()));
        return query.value(0).toLongLong();
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    QString m_path;
};

void TestMessageWriter::init()
{
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("history.sqlite"));
    m_db = std::make_unique<Database>(m_path);
    QVERIFY(!m_db->open().isError());
}

void TestMessageWriter::writesBatchesAndAssignsIds()
{
    MessageWriter writer(m_path);
    QList<QList<qint64>> appended;
    // Queued to this thread: the writer emits from its own thread.
    // Dies before the captured locals: a queued call still on its way is discarded
    // with it, instead of reaching them after this test (a later test's event loop).
    QObject context;
    connect(&writer, &MessageWriter::rowsAppended, &context,
            [&](qint64 profile, qint64 first, qint64 last, qint64 count) {
                appended.append({profile, first, last, count});
            });
    writer.start();
    QVERIFY(writer.isStoring());
    for (int i = 0; i < 5000; ++i) {
        QVERIFY(writer.enqueue(
            makeMessage(1 + i % 2, QStringLiteral("t/%1").arg(i % 7), QByteArray::number(i))));
    }
    QVERIFY(writer.waitUntilIdle(60000));
    const auto appendedTotal = [&] {
        qint64 sum = 0;
        for (const auto &row : std::as_const(appended))
            sum += row.at(3);
        return sum;
    };
    QTRY_COMPARE(appendedTotal(), 5000);
    qint64 total[3] = {0, 0, 0};
    qint64 lastSeen = 0;
    for (const auto &row : std::as_const(appended)) {
        const qint64 profile = row.at(0);
        QVERIFY(profile == 1 || profile == 2);
        QVERIFY(row.at(1) <= row.at(2));
        lastSeen = qMax(lastSeen, row.at(2));
        total[profile] += row.at(3);
    }
    QCOMPARE(total[1], 2500);
    QCOMPARE(total[2], 2500);
    QCOMPARE(lastSeen, 5000);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), 5000);
    QCOMPARE(scalar(QStringLiteral("SELECT min(id) FROM messages")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT max(id) FROM messages")), 5000);
    // Enqueue order is id order.
    QCOMPARE(scalar(QStringLiteral("SELECT CAST(payload AS TEXT) FROM messages WHERE id = 4321")),
             4320);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM topics")), 14);
    const ProfileCounters counters = writer.counters(1);
    QCOMPARE(counters.received, 2500);
    QCOMPARE(counters.stored, 2500);
    QCOMPARE(counters.dropped, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT stored FROM profile_counters WHERE profile_id = 2")),
             2500);
}

void TestMessageWriter::storesEveryFieldVerbatim()
{
    MessageWriter writer(m_path);
    writer.start();
    StoredMessage out = makeMessage(3, QStringLiteral("a/ü/b"), QByteArray("\x00\xff\x10", 3), 42);
    out.direction = StoredMessage::Direction::Outgoing;
    out.qos = 2;
    out.retain = true;
    out.dup = true;
    out.properties = QByteArray::fromHex("0b0126000161000162"); // sub id 1, user property
    out.subscriptionId = 17;
    out.packetId = 65535;
    QVERIFY(writer.enqueue(out));
    QVERIFY(writer.enqueue(makeMessage(3, QStringLiteral("empty"), QByteArray())));
    QVERIFY(writer.waitUntilIdle(30000));

    QSqlQuery query(m_db->connection().database());
    QVERIFY(query.exec(QStringLiteral(
        "SELECT m.id, t.name, m.flags, m.time_us, m.size, m.subscription_id, m.packet_id,"
        " m.properties, m.payload FROM messages m JOIN topics t ON t.id = m.topic_id ORDER BY "
        "m.id")));
    QVERIFY(query.next());
    QCOMPARE(query.value(1).toString(), out.topic);
    StoredMessage back;
    back.applyFlags(query.value(2).toInt());
    QCOMPARE(back.direction, StoredMessage::Direction::Outgoing);
    QCOMPARE(back.qos, 2);
    QVERIFY(back.retain);
    QVERIFY(back.dup);
    QCOMPARE(query.value(2).toInt() & StoredMessage::FlagText, 0); // not valid UTF-8
    QCOMPARE(query.value(3).toLongLong(), 42);
    QCOMPARE(query.value(4).toLongLong(), 3);
    QCOMPARE(query.value(5).toLongLong(), 17);
    QCOMPARE(query.value(6).toInt(), 65535);
    QCOMPARE(query.value(7).toByteArray(), out.properties);
    QCOMPARE(query.value(8).toByteArray(), out.payload);
    QVERIFY(query.next());
    QVERIFY(query.value(5).isNull());
    QVERIFY(query.value(6).isNull());
    QCOMPARE(query.value(8).toByteArray(), QByteArray());
}

void TestMessageWriter::largePayloadGoesToSideTable()
{
    MessageWriter writer(m_path);
    writer.start();
    const QByteArray big(StoredMessage::kLargePayloadThreshold + 1, 'x');
    const QByteArray edge(StoredMessage::kLargePayloadThreshold, 'y');
    QVERIFY(writer.enqueue(makeMessage(1, QStringLiteral("big"), big)));
    QVERIFY(writer.enqueue(makeMessage(1, QStringLiteral("edge"), edge)));
    QVERIFY(writer.waitUntilIdle(30000));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE id = 1 AND payload IS NULL"
                                   " AND flags & 64")),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT length(data) FROM message_blobs WHERE message_id = 1")),
             big.size());
    QCOMPARE(scalar(QStringLiteral("SELECT length(payload) FROM messages WHERE id = 2")),
             edge.size());
    QCOMPARE(writer.counters(1).bytes, big.size() + edge.size());
    // Deleting the message deletes its blob.
    QVERIFY(
        !m_db->connection().exec(QStringLiteral("DELETE FROM messages WHERE id = 1")).isError());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_blobs")), 0);
}

void TestMessageWriter::countersSurviveRestart()
{
    {
        MessageWriter writer(m_path);
        writer.start();
        for (int i = 0; i < 10; ++i)
            writer.enqueue(makeMessage(5, QStringLiteral("c"), QByteArray(10, 'c')));
        QVERIFY(writer.waitUntilIdle(30000));
    }
    MessageWriter writer(m_path);
    writer.start();
    QCOMPARE(writer.counters(5), (ProfileCounters{10, 10, 0, 100}));
    writer.enqueue(makeMessage(5, QStringLiteral("c"), QByteArray(1, 'c')));
    QVERIFY(writer.waitUntilIdle(30000));
    QCOMPARE(writer.counters(5), (ProfileCounters{11, 11, 0, 101}));
    QCOMPARE(ProfileCounters::load(m_db->connection(), 5, nullptr),
             (ProfileCounters{11, 11, 0, 101}));
}

void TestMessageWriter::retentionByCount()
{
    MessageWriter::Options options;
    options.retentionChunkRows = 100; // several rounds
    MessageWriter writer(m_path, options);
    writer.start();
    QList<qint64> removed;
    QObject context;
    connect(&writer, &MessageWriter::rowsRemoved, &context,
            [&](qint64 profile, qint64, qint64) { removed.append(profile); });
    writer.setRetention(1, RetentionPolicy{250, 0, 0});
    for (int i = 0; i < 1000; ++i) {
        writer.enqueue(makeMessage(1, QStringLiteral("r"), QByteArray::number(i)));
        writer.enqueue(makeMessage(2, QStringLiteral("r"), QByteArray::number(i)));
    }
    QVERIFY(writer.waitUntilIdle(60000));
    QTRY_COMPARE(writer.counters(1).stored, 250);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = 1")), 250);
    // The newest ones are kept.
    QCOMPARE(scalar(QStringLiteral("SELECT min(CAST(payload AS TEXT)) FROM messages"
                                   " WHERE profile_id = 1 AND CAST(payload AS INT) < 760")),
             750);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = 2")), 1000);
    QCOMPARE(writer.counters(1).received, 1000);
    QCOMPARE(scalar(QStringLiteral("SELECT stored FROM profile_counters WHERE profile_id = 1")),
             250);
    QTRY_VERIFY(!removed.isEmpty());
    QCOMPARE(removed.constLast(), 1);
    QCOMPARE(writer.retention(1), (RetentionPolicy{250, 0, 0}));
    // The policy is persisted.
    QCOMPARE(scalar(QStringLiteral("SELECT max_count FROM retention WHERE profile_id = 1")), 250);
}

void TestMessageWriter::retentionByBytes()
{
    MessageWriter writer(m_path);
    writer.start();
    writer.setRetention(1, RetentionPolicy{0, 1000, 0});
    for (int i = 0; i < 50; ++i)
        writer.enqueue(makeMessage(1, QStringLiteral("b"), QByteArray(100, 'b')));
    QVERIFY(writer.waitUntilIdle(60000));
    QTRY_COMPARE(writer.counters(1).bytes, 1000);
    QCOMPARE(writer.counters(1).stored, 10);
    QCOMPARE(scalar(QStringLiteral("SELECT sum(size) FROM messages")), 1000);
}

void TestMessageWriter::retentionByAge()
{
    MessageWriter::Options options;
    options.retentionIntervalMs = 20;
    MessageWriter writer(m_path, options);
    writer.start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    const qint64 hour = 3600LL * 1000 * 1000;
    for (int i = 0; i < 10; ++i)
        writer.enqueue(makeMessage(1, QStringLiteral("old"), "o", now - 5 * hour));
    for (int i = 0; i < 5; ++i)
        writer.enqueue(makeMessage(1, QStringLiteral("new"), "n", now));
    QVERIFY(writer.waitUntilIdle(30000));
    QCOMPARE(writer.counters(1).stored, 15);
    writer.setRetention(1, RetentionPolicy{0, 0, hour});
    QTRY_COMPARE(writer.counters(1).stored, 5);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE time_us < %1").arg(now)),
             0);
}

void TestMessageWriter::unlimitedRetentionKeepsEverything()
{
    MessageWriter::Options options;
    options.retentionIntervalMs = 10;
    MessageWriter writer(m_path, options);
    writer.start();
    writer.setRetention(1, RetentionPolicy{});
    QVERIFY(writer.retention(1).isUnlimited());
    for (int i = 0; i < 300; ++i)
        writer.enqueue(makeMessage(1, QStringLiteral("u"), "u", 1));
    QVERIFY(writer.waitUntilIdle(30000));
    QList<qint64> removed;
    QObject context;
    connect(&writer, &MessageWriter::rowsRemoved, &context,
            [&](qint64 profile, qint64, qint64) { removed.append(profile); });
    // Let several retention rounds pass.
    writer.setRetention(2, RetentionPolicy{1, 0, 0});
    QVERIFY(writer.waitUntilIdle(30000));
    QCoreApplication::processEvents();
    QCOMPARE(removed.count(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), 300);
}

// Options::retryAfterFailureMs: a full disk is tried again by itself; the retries that fail
// the same way are not reported again, and the first batch that commits once space is back
// says storingResumed(), with every message accepted meanwhile stored.
void TestMessageWriter::storingResumesByItselfWhenSpaceReturns()
{
    const qint64 pages = scalar(QStringLiteral("PRAGMA page_count"));
    MessageWriter::Options options;
    options.connection.extraPragmas = {QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 8)};
    options.queueCapacity = 3000;
    options.maxBatchRows = 500;
    options.retryAfterFailureMs = 50;
    MessageWriter writer(m_path, options);
    QList<StorageError> failed;
    int resumed = 0;
    QObject context;
    connect(&writer, &MessageWriter::storingFailed, &context,
            [&](const StorageError &error) { failed.append(error); });
    connect(&writer, &MessageWriter::storingResumed, &context, [&] { ++resumed; });
    writer.start();
    const QByteArray payload(200, 'p');
    for (int round = 0; round < 200 && writer.isStoring(); ++round) {
        for (int i = 0; i < 100; ++i)
            writer.enqueue(makeMessage(1, QStringLiteral("full"), payload));
        writer.waitUntilIdle(10000);
    }
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().kind, StorageError::Kind::DiskFull);
    const qint64 waiting = writer.pendingCount();
    QVERIFY(waiting > 0);
    // Several retries fail as before: still told once.
    const qint64 storedBefore = writer.counters(1).stored;
    QTRY_VERIFY(writer.failedRetries() >= 3);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(resumed, 0);

    // Space comes back (rows deleted by another connection free their pages).
    {
        QSqlQuery query(m_db->connection().database());
        QVERIFY2(query.exec(QStringLiteral("DELETE FROM messages")),
                 qPrintable(query.lastError().text()));
    }
    QTRY_COMPARE(resumed, 1);
    QVERIFY(writer.isStoring());
    QVERIFY(writer.waitUntilIdle(10000));
    QCOMPARE(writer.pendingCount(), 0);
    QCOMPARE(writer.counters(1).stored, storedBefore + waiting);
    QCOMPARE(writer.counters(1).dropped, 0);
    QCOMPARE(failed.count(), 1);
}

void TestMessageWriter::fullDiskStopsStoringAndReceptionGoesOn()
{
    const qint64 pages = scalar(QStringLiteral("PRAGMA page_count"));
    MessageWriter::Options options;
    // The SQLITE_FULL seam: the file may not grow past a few pages.
    options.connection.extraPragmas = {QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 8)};
    options.queueCapacity = 3000;
    options.maxBatchRows = 500;
    MessageWriter writer(m_path, options);
    QList<StorageError> failed;
    QObject context;
    connect(&writer, &MessageWriter::storingFailed, &context,
            [&](const StorageError &error) { failed.append(error); });
    writer.start();
    QVERIFY(writer.isStoring());
    const QByteArray payload(200, 'p');
    int accepted = 0;
    // Enough to fill 8 pages many times over, in bounded steps.
    for (int round = 0; round < 200 && writer.isStoring(); ++round) {
        for (int i = 0; i < 100; ++i)
            accepted += writer.enqueue(makeMessage(1, QStringLiteral("full"), payload)) ? 1 : 0;
        writer.waitUntilIdle(10000);
    }
    QVERIFY(accepted > 0);
    QTRY_COMPARE(failed.count(), 1);
    const auto error = failed.first();
    QCOMPARE(error.kind, StorageError::Kind::DiskFull);
    QVERIFY(error.message.contains(QStringLiteral("full")));
    QVERIFY(error.message.contains(m_path));
    QVERIFY(!writer.isStoring());
    QCOMPARE(writer.lastError().kind, StorageError::Kind::DiskFull);

    // Reception goes on: the queue accepts until it is full, the rest is counted dropped.
    const ProfileCounters before = writer.counters(1);
    int acceptedAfter = 0;
    for (int i = 0; i < 5000; ++i)
        acceptedAfter += writer.enqueue(makeMessage(1, QStringLiteral("full"), payload)) ? 1 : 0;
    const ProfileCounters after = writer.counters(1);
    QCOMPARE(after.received, before.received + 5000);
    QVERIFY(acceptedAfter < 5000);
    QCOMPARE(after.dropped, before.dropped + (5000 - acceptedAfter));
    QCOMPARE(writer.pendingCount(), options.queueCapacity);
    QCOMPARE(failed.count(), 1); // told once
    writer.resumeStoring();      // still full: fails again, and says so
    QTRY_COMPARE(failed.count(), 2);
    // Stopping a failed writer cannot store the queue: it is counted dropped and reported.
    QList<QPair<qint64, qint64>> droppedReports;
    connect(&writer, &MessageWriter::messagesDropped, &context, [&](qint64 profile, qint64 count) {
        droppedReports.append({profile, count});
    });
    const ProfileCounters beforeStop = writer.counters(1);
    const qsizetype queued = writer.pendingCount();
    writer.stop();
    QCOMPARE(writer.pendingCount(), 0);
    QCOMPARE(writer.counters(1).dropped, beforeStop.dropped + queued);
    QTRY_COMPARE(droppedReports.size(), 1);
    QCOMPARE(droppedReports.first(), (QPair<qint64, qint64>(1, queued)));
    const ProfileCounters final = writer.counters(1);
    QCOMPARE(final.received, final.stored + final.dropped);

    // What was committed is intact and consistent with the counters.
    QVERIFY(m_db->checkIntegrity());
    const qint64 rows = scalar(QStringLiteral("SELECT count(*) FROM messages"));
    QVERIFY(rows > 0);
    QCOMPARE(scalar(QStringLiteral("SELECT stored FROM profile_counters WHERE profile_id = 1")),
             rows);
}

void TestMessageWriter::unwritableDatabaseGivesTypedError()
{
    MessageWriter::Options options;
    if (::geteuid() == 0) {
        // root writes through chmod; query_only is SQLite's own read-only switch.
        options.connection.extraPragmas = {QStringLiteral("PRAGMA query_only = 1")};
    } else {
        m_db.reset();
        QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    }
    MessageWriter writer(m_path, options);
    QList<StorageError> failed;
    QObject context;
    connect(&writer, &MessageWriter::storingFailed, &context,
            [&](const StorageError &error) { failed.append(error); });
    writer.start();
    QVERIFY(writer.enqueue(makeMessage(1, QStringLiteral("ro"), "x")));
    QTRY_COMPARE(failed.count(), 1);
    const auto error = failed.first();
    QCOMPARE(error.kind, StorageError::Kind::ReadOnly);
    QVERIFY(error.message.contains(QStringLiteral("cannot be written")));
    QVERIFY(writer.enqueue(makeMessage(1, QStringLiteral("ro"), "y")));
    QCOMPARE(writer.pendingCount(), 2); // kept in memory
    QCOMPARE(writer.counters(1).received, 2);
    writer.stop();
    QCOMPARE(writer.counters(1).dropped, 2); // never stored: counted when the writer stops
}

void TestMessageWriter::unopenableDatabaseGivesTypedError()
{
    MessageWriter writer(m_dir->path()); // a directory, not a file
    QList<StorageError> failed;
    QObject context;
    connect(&writer, &MessageWriter::storingFailed, &context,
            [&](const StorageError &error) { failed.append(error); });
    writer.start();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.first().kind, StorageError::Kind::OpenFailed);
    QVERIFY(!writer.isStoring());
    QVERIFY(writer.enqueue(makeMessage(1, QStringLiteral("x"), "x")));
    QCOMPARE(writer.pendingCount(), 1);
}

void TestMessageWriter::utf8Detection()
{
    QVERIFY(isValidUtf8(QByteArray("plain ascii")));
    QVERIFY(isValidUtf8(QStringLiteral("Grüße, 温度 🌡").toUtf8()));
    QVERIFY(isValidUtf8(QByteArray()));
    QVERIFY(!isValidUtf8(QByteArray("\xff", 1)));
    QVERIFY(!isValidUtf8(QByteArray("\xc0\xaf", 2)));         // overlong
    QVERIFY(!isValidUtf8(QByteArray("\xed\xa0\x80", 3)));     // surrogate
    QVERIFY(!isValidUtf8(QByteArray("\xe2\x82", 2)));         // truncated
    QVERIFY(!isValidUtf8(QByteArray("\xf4\x90\x80\x80", 4))); // beyond U+10FFFF
}

// An outgoing message is stored when it is sent and its publish state is updated as the
// acks arrive, in order, even when the first update comes before the row is committed.
void TestMessageWriter::outgoingStateFollowsTheMessage()
{
    MessageWriter writer(m_path);
    QList<QPair<qint64, StoredMessage>> updated;
    QObject context;
    connect(&writer, &MessageWriter::outgoingUpdated, &context,
            [&](qint64, qint64 id, const StoredMessage &state) {
                updated.append({id, state});
            });
    writer.start();
    StoredMessage out = makeMessage(4, QStringLiteral("cmd/x"), "go");
    out.direction = StoredMessage::Direction::Outgoing;
    out.qos = 2;
    out.publishStage = StoredMessage::PublishStage::Queued;
    quint64 ticket = 0;
    QVERIFY(writer.enqueue(out, &ticket));
    QVERIFY(ticket != 0);
    StoredMessage received;
    received.qos = 2;
    received.publishStage = StoredMessage::PublishStage::Received;
    received.packetId = 12;
    writer.updateOutgoing(ticket, received);        // may well come before the commit
    writer.updateOutgoing(ticket + 1000, received); // no such message: ignored
    QTRY_COMPARE(updated.size(), 1);
    StoredMessage completed;
    completed.qos = 2;
    completed.publishStage = StoredMessage::PublishStage::Completed;
    completed.publishReason = 0x10; // no matching subscribers
    writer.updateOutgoing(ticket, completed);
    QTRY_COMPARE(updated.size(), 2);
    QCOMPARE(updated.at(1).second.publishStage, StoredMessage::PublishStage::Completed);

    MessageQuery query(m_db->connection());
    const auto back = query.message(updated.at(0).first);
    QVERIFY(back);
    QCOMPARE(back->direction, StoredMessage::Direction::Outgoing);
    QCOMPARE(back->publishStage, std::optional(StoredMessage::PublishStage::Completed));
    QCOMPARE(back->publishReason, std::optional<quint8>(0x10));
    QCOMPARE(back->packetId, std::optional<quint16>(12)); // kept from the earlier update
    QVERIFY(back->publishError.isEmpty());

    // A failure keeps its text; after the final stage further updates find no row.
    StoredMessage second = out;
    second.qos = 1;
    QVERIFY(writer.enqueue(second, &ticket));
    StoredMessage failed;
    failed.qos = 1;
    failed.publishStage = StoredMessage::PublishStage::Failed;
    failed.publishError = QStringLiteral("connection lost");
    writer.updateOutgoing(ticket, failed);
    QTRY_COMPARE(updated.size(), 3);
    writer.updateOutgoing(ticket, completed);
    QVERIFY(writer.enqueue(makeMessage(4, QStringLiteral("in"), "x")));
    QVERIFY(writer.waitUntilIdle(30000)); // includes the updates
    QCoreApplication::processEvents();
    QCOMPARE(updated.size(), 3);
    const auto failedBack = query.message(updated.at(2).first);
    QVERIFY(failedBack);
    QCOMPARE(failedBack->publishStage, std::optional(StoredMessage::PublishStage::Failed));
    QCOMPARE(failedBack->publishError, QStringLiteral("connection lost"));
    // A received message has no publish state.
    MessageFilter filter;
    filter.profileId = 4;
    const MessagePage page = query.fetch(filter, PageRequest{}, nullptr);
    QCOMPARE(page.messages.size(), 3);
    QVERIFY(!page.messages.first().publishStage); // newest first: the received one
}

// Clearing a history goes through the writer: it erases between batches and forgets its
// topic ids and counters of the profile, so new messages get their own topics and the
// counts (and with them retention) start from nothing.
void TestMessageWriter::erasingAProfileStartsItAgain()
{
    MessageWriter writer(m_path);
    writer.start();
    for (int i = 0; i < 100; ++i)
        QVERIFY(writer.enqueue(makeMessage(5, QStringLiteral("t/%1").arg(i % 3), "old")));
    QVERIFY(writer.enqueue(makeMessage(6, QStringLiteral("t/0"), "other profile")));
    // Queued messages are written first and erased with the rest.
    const StorageError erased = writer.eraseProfile(5, 30000);
    QVERIFY2(!erased.isError(), qPrintable(erased.detail));
    QCOMPARE(writer.counters(5).stored, 0);
    QCOMPARE(writer.counters(5).received, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = 5")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE profile_id = 6")), 1);

    // A topic created after the clear may take an old id; a topic seen before the clear
    // must not be written with its forgotten one.
    QVERIFY(writer.enqueue(makeMessage(5, QStringLiteral("t/new"), "new")));
    QVERIFY(writer.waitUntilIdle(30000));
    QVERIFY(writer.enqueue(makeMessage(5, QStringLiteral("t/1"), "again")));
    QVERIFY(writer.waitUntilIdle(30000));
    MessageQuery query(m_db->connection());
    MessageFilter filter;
    filter.profileId = 5;
    const MessagePage page = query.fetch(filter, PageRequest{}, nullptr);
    QCOMPARE(page.messages.size(), 2);
    QCOMPARE(page.messages.at(0).topic, QStringLiteral("t/1")); // newest first
    QCOMPARE(page.messages.at(0).payload, QByteArray("again"));
    QCOMPARE(page.messages.at(1).topic, QStringLiteral("t/new"));
    QCOMPARE(writer.counters(5).stored, 2);
    QCOMPARE(scalar(QStringLiteral("SELECT stored FROM profile_counters WHERE profile_id = 5")), 2);
}

QTEST_GUILESS_MAIN(TestMessageWriter)
#include "tst_message_writer.moc"
