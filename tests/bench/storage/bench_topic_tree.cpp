// Topic tree rebuild benchmark: a history of N messages (default 1M) over T distinct topics
// (default 100,000: bench/<a>/<b>/<c>), written through MessageWriter and indexed, then the
// rebuild the Topics view does when a connection opens: MessageQuery::receivedTopicSummaries
// on the history reader's thread (the SQL), and TopicTreeModel::apply on the GUI thread
// (reported apart: it is what the GUI waits for). Medians of 3 runs, each on a freshly
// opened file. The reference is a bare `SELECT topic_id, count(*) ... GROUP BY topic_id`
// over the same rows: one plain pass that any rebuild from the rows must at least make.
// scripts/bench-storage runs it after the storage figures.
#include "core/storage/database.h"
#include "core/storage/database_connection.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"
#include "core/topictree/topic_tree_model.h"
#include "core/workspace/connection_services.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace mqttdesk;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

StoredMessage message(qint64 n, qint64 topics)
{
    const qint64 t = n % topics;
    StoredMessage m;
    m.profileId = 1;
    m.topic = QStringLiteral("bench/%1/%2/%3").arg(t / 1000 % 100).arg(t / 10 % 100).arg(t % 10);
    if (topics > 100000)
        m.topic += QStringLiteral("/%1").arg(t / 100000);
    m.payload = "{\"seq\":" + QByteArray::number(n) + ",\"v\":" + QByteArray::number(n % 977) + "}";
    m.qos = quint8(n % 2);
    m.retain = n % 10 == 3;
    m.receivedUs = 1'700'000'000'000'000 + n * 10;
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption messagesOption(QStringLiteral("messages"), QStringLiteral("Messages."),
                                      QStringLiteral("n"), QStringLiteral("1000000"));
    QCommandLineOption topicsOption(QStringLiteral("topics"), QStringLiteral("Distinct topics."),
                                    QStringLiteral("n"), QStringLiteral("100000"));
    parser.addOptions({messagesOption, topicsOption});
    parser.process(app);
    const qint64 total = parser.value(messagesOption).toLongLong();
    const qint64 topics = qMax<qint64>(1, parser.value(topicsOption).toLongLong());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tree.sqlite"));
    {
        Database database(path);
        if (database.open().isError())
            return 1;
        // Messages belong to a profile row.
        if (database.connection()
                .exec(QStringLiteral("INSERT INTO profiles(id, uuid, name)"
                                     " VALUES (1, 'bench', 'bench')"))
                .isError())
            return 1;
    }
    {
        MessageWriter writer(path);
        writer.start();
        for (qint64 n = 0; n < total; ++n) {
            if (n % 1000 == 0)
                while (writer.pendingCount() > 200000)
                    QThread::msleep(2);
            writer.enqueue(message(n, topics));
        }
        if (!writer.waitUntilIdle(3600000) || !writer.waitUntilIndexed(3600000))
            return 1;
        writer.stop();
    }

    QList<double> sql;
    QList<double> model;
    QList<double> reference;
    qsizetype summaries = 0;
    int treeTopics = 0;
    for (int run = 0; run < 3; ++run) {
        Database database(path);
        if (database.open().isError())
            return 1;
        QElapsedTimer timer;
        timer.start();
        QSqlQuery plain(database.connection().database());
        plain.setForwardOnly(true);
        plain.exec(QStringLiteral("SELECT topic_id, count(*) FROM messages WHERE profile_id = 1"
                                  " GROUP BY topic_id"));
        qsizetype groups = 0;
        while (plain.next())
            ++groups;
        reference << double(timer.nsecsElapsed()) / 1e6;

        timer.restart();
        StorageError error;
        const auto rows = MessageQuery(database.connection())
                              .receivedTopicSummaries(1, std::numeric_limits<qint64>::max(),
                                                      TopicUpdate::kPreviewBytes, &error);
        sql << double(timer.nsecsElapsed()) / 1e6;
        if (error.isError() || rows.size() != groups)
            return 1;
        summaries = rows.size();

        TopicUpdates updates;
        updates.reserve(rows.size());
        for (const auto &s : rows) {
            TopicUpdate u;
            u.topic = s.topic;
            u.messages = s.messages;
            u.lastUs = s.lastUs;
            u.preview = s.preview;
            u.lastSize = s.lastSize;
            u.retainedHeld = s.retainedHeld;
            updates.append(std::move(u));
        }
        TopicTreeModel tree;
        timer.restart();
        tree.apply(updates, 1'700'000'000'000'000);
        model << double(timer.nsecsElapsed()) / 1e6;
        treeTopics = tree.topicCount();
    }
    // The whole rebuild as a connection's services do it when the connection opens: the SQL
    // on the reader's thread, the model in slices on this (the GUI) thread, which a 1 ms
    // timer watches for stalls.
    QList<double> ready;
    QList<double> stalls;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer clock;
        clock.start();
        qint64 lastTickNs = 0;
        qint64 maxGapNs = 0;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            maxGapNs = qMax(maxGapNs, now - lastTickNs);
            lastTickNs = now;
        });
        probe.start(1);
        ConnectionServices::Options options;
        options.profileId = 1;
        options.databasePath = path;
        ConnectionServices services(ConnectionSettings{}, options);
        const double constructed = double(clock.nsecsElapsed()) / 1e6;
        double firstRows = 0;
        QObject::connect(services.topicTree(), &QAbstractItemModel::rowsInserted, [&] {
            if (firstRows == 0)
                firstRows = double(clock.nsecsElapsed()) / 1e6;
        });
        QEventLoop loop;
        QObject::connect(&services, &ConnectionServices::topicTreeReady, &loop, &QEventLoop::quit);
        if (!services.topicTreeLoaded())
            loop.exec();
        ready << double(clock.nsecsElapsed()) / 1e6;
        std::printf(
            "  run %d: services made after %.1f ms, first rows at %.1f ms, ready at %.1f ms\n", run,
            constructed, firstRows, ready.last());
        stalls << double(maxGapNs) / 1e6;
        if (services.topicTree()->topicCount() != topics)
            return 1;
    }
    const double rebuild = median(sql) + median(model);
    std::printf("tree.history                      %lld messages, %lld topics\n",
                static_cast<long long>(total), static_cast<long long>(topics));
    std::printf("tree.reference_group_by_ms        %10.1f ms\n", median(reference));
    std::printf("tree.summaries_sql_ms             %10.1f ms (%lld topics; %.2fx the reference)\n",
                median(sql), static_cast<long long>(summaries),
                median(sql) / qMax(0.001, median(reference)));
    std::printf("tree.model_apply_ms               %10.1f ms (%d topics in the tree)\n",
                median(model), treeTopics);
    std::printf("tree.rebuild_ms                   %10.1f ms (SQL and model apply)\n", rebuild);
    std::printf("tree.services_ready_ms            %10.1f ms  target <= 1000  %s\n", median(ready),
                median(ready) <= 1000 ? "ok" : "MISSED");
    std::printf("tree.gui_thread_max_gap_ms        %10.1f ms  target <= 50    %s\n", median(stalls),
                median(stalls) <= 50 ? "ok" : "MISSED");
    return treeTopics == topics ? 0 : 1;
}
