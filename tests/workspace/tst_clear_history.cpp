// ConnectionServices::clearHistory: the profile's history is erased on a worker the services
// own, after the writer committed what it holds. Destroying the services while a clear runs
// waits for it (nothing outlives the writer it waits on) and drops its answer. The chart
// series loader's cached answers go with the history.
#include "core/connection/connection_settings.h"
#include "core/series/series_loader.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/workspace/connection_services.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mqttdesk;

namespace {

constexpr qint64 kProfile = 7;

qint64 messageCount(const QString &path, qint64 profileId)
{
    DatabaseConnection connection(path, QStringLiteral("test-count"));
    return connection
        .scalar(
            QStringLiteral("SELECT COUNT(*) FROM messages WHERE profile_id = %1").arg(profileId))
        .toLongLong();
}

} // namespace

class TstClearHistory : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = DataDirectory::databasePath(m_dir->path());
        Database database(m_path);
        QVERIFY(!database.open().isError());
        m_writer = std::make_unique<MessageWriter>(m_path);
        m_writer->start();
    }
    void cleanup()
    {
        if (m_writer)
            m_writer->stop();
        m_writer.reset();
        m_dir.reset();
    }

    void clearsAfterTheWriterCommitted()
    {
        ConnectionServices services(ConnectionSettings{}, options());
        enqueue(kProfile, 500);
        enqueue(kProfile + 1, 10);
        bool answered = false;
        StorageError outcome;
        services.clearHistory([&](const StorageError &error) {
            answered = true;
            outcome = error;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
        QVERIFY2(!outcome.isError(), qPrintable(outcome.message));
        QCOMPARE(messageCount(m_path, kProfile), qint64(0)); // queued ones too
        QCOMPARE(messageCount(m_path, kProfile + 1), qint64(10));
    }

    // The profile's history budget reaches the writer (kept in the database, trimmed on its
    // thread); an unchanged budget is not sent again, an unlimited one lifts the limit.
    void retentionBudgetReachesTheWriter()
    {
        {
            ConnectionServices services(ConnectionSettings{}, options());
            RetentionBudget budget;
            budget.maxAgeSeconds = 3 * 24 * 3600;
            QCOMPARE(ConnectionServices::retentionPolicy(budget).maxAgeUs,
                     qint64(3) * 24 * 3600 * 1'000'000);
            budget.maxAgeSeconds = 0; // these test messages are from 1970: all too old
            budget.maxMessages = 100;
            services.setRetention(budget);
            QCOMPARE(m_writer->retention(kProfile).maxCount, qint64(100));
            enqueue(kProfile, 400);
            QVERIFY(m_writer->waitUntilIdle(30000));
            QTRY_COMPARE_WITH_TIMEOUT(messageCount(m_path, kProfile), qint64(100), 30000);
        }
        // Kept across a restart of the writer (the CLI's `sub --store` reads it too).
        m_writer->stop();
        m_writer = std::make_unique<MessageWriter>(m_path);
        m_writer->start();
        QCOMPARE(m_writer->retention(kProfile).maxCount, qint64(100));
        ConnectionServices again(ConnectionSettings{}, options());
        again.setRetention(RetentionBudget{});
        QVERIFY(m_writer->retention(kProfile).isUnlimited());
        enqueue(kProfile, 50);
        QVERIFY(m_writer->waitUntilIdle(30000));
        QCOMPARE(messageCount(m_path, kProfile), qint64(150));
    }

    void chartSeriesEmptyAfterAClear()
    {
        // A chart's cached values go with the history: after a clear the same request reads
        // again and answers empty, rather than drawing what is gone.
        ConnectionServices services(ConnectionSettings{}, options());
        SeriesLoader *loader = services.seriesLoader();
        QVERIFY(loader);
        QCOMPARE(services.seriesLoader(), loader); // one per services
        enqueue(kProfile, 100, QByteArrayLiteral("21.5"));
        QVERIFY(m_writer->waitUntilIdle(10000));
        SeriesRequest request;
        request.profileId = kProfile;
        request.topicFilter = QStringLiteral("clear/#");
        SeriesLoader::Answer answer;
        loader->load(request, [&](const SeriesLoader::Answer &a) { answer = a; });
        QTRY_VERIFY_WITH_TIMEOUT(answer, 10000);
        QCOMPARE(answer->series.size(), 1);
        QCOMPARE(answer->series.first().values.size(), size_t(100));
        QVERIFY(loader->cachedAnswers() > 0);

        bool cleared = false;
        services.clearHistory([&](const StorageError &error) {
            QVERIFY(!error.isError());
            cleared = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(cleared, 30000);
        QCOMPARE(loader->cachedAnswers(), 0);
        answer.reset();
        loader->load(request, [&](const SeriesLoader::Answer &a) { answer = a; });
        QTRY_VERIFY_WITH_TIMEOUT(answer, 10000);
        QVERIFY(!answer->error.isError());
        const qsizetype values =
            answer->series.isEmpty() ? 0 : qsizetype(answer->series.first().values.size());
        QCOMPARE(values, 0);
    }

    // At quit the view goes, then its services, then the writer: a clear still running must
    // have ended with the services (before, its unparented thread could outlive the writer).
    void destroyedWhileAClearRuns()
    {
        auto services = std::make_unique<ConnectionServices>(ConnectionSettings{}, options());
        enqueue(kProfile, 20000); // the clear first waits for these to be committed
        bool answered = false;
        services->clearHistory([&answered](const StorageError &) { answered = true; });
        services.reset();
        // Joined: the erase is done by now, the writer is no longer used by it.
        QCOMPARE(messageCount(m_path, kProfile), qint64(0));
        m_writer->stop();
        m_writer.reset();
        QCoreApplication::processEvents();
        QVERIFY(!answered); // dropped with the services
    }

    // Several clears in a row, the services going away with some still queued.
    void destroyedWithClearsQueued()
    {
        auto services = std::make_unique<ConnectionServices>(ConnectionSettings{}, options());
        int answered = 0;
        for (int i = 0; i < 3; ++i) {
            enqueue(kProfile, 1000);
            services->clearHistory([&answered](const StorageError &) { ++answered; });
        }
        services.reset();
        QCOMPARE(messageCount(m_path, kProfile), qint64(0));
        QCoreApplication::processEvents();
        QCOMPARE(answered, 0);
    }

private:
    ConnectionServices::Options options() const
    {
        ConnectionServices::Options o;
        o.profileId = kProfile;
        o.writer = m_writer.get();
        o.databasePath = m_path;
        return o;
    }
    void enqueue(qint64 profileId, int count, const QByteArray &payload = QByteArray(64, 'x'))
    {
        for (int i = 0; i < count; ++i) {
            StoredMessage m;
            m.profileId = profileId;
            m.topic = QStringLiteral("clear/%1").arg(i % 16);
            m.payload = payload;
            m.receivedUs = 1'000'000 + i;
            QVERIFY(m_writer->enqueue(std::move(m)));
        }
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<MessageWriter> m_writer;
};

QTEST_GUILESS_MAIN(TstClearHistory)
#include "tst_clear_history.moc"
