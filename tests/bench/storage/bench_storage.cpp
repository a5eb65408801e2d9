// Storage benchmark: sustained write rate through MessageWriter next to a bare SQLite
// reference, reads over 1M stored messages, file size per message, and RSS while writing.
// Prints "name value unit target ratio" lines; scripts/bench-storage builds and runs it.
#include "bench_workload.h"
#include "reference_writer.h"

#include "core/process/resident_memory.h"
#include "core/storage/database.h"
#include "core/storage/history_exporter.h"
#include "core/storage/message_query.h"
#include "core/storage/message_writer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace mqttdesk;
using namespace mqttdesk::bench;

namespace {

// "lower" figures must stay under the target, "higher" ones above it. The ratio is
// value/target, so <= 1 (lower) or >= 1 (higher) meets it.
void report(const char *name, double value, const char *unit, double target, bool lowerIsBetter)
{
    const double ratio = target > 0 ? value / target : 0;
    const bool met = lowerIsBetter ? value <= target : value >= target;
    std::printf("%-34s %14.2f %-6s target %s %-12.2f ratio %6.2f  %s\n", name, value, unit,
                lowerIsBetter ? "<=" : ">=", target, ratio, met ? "ok" : "MISSED");
    std::fflush(stdout);
}

void info(const char *name, double value, const char *unit)
{
    std::printf("%-34s %14.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

bool createSchema(const QString &path)
{
    Database database(path);
    const StorageError error = database.open();
    if (error.isError())
        std::fprintf(stderr, "%s (%s)\n", qPrintable(error.message), qPrintable(error.detail));
    return !error.isError();
}

// Feeds `count` messages through the writer, never more than a bounded backlog ahead of it.
void feed(MessageWriter &writer, const BenchWorkload &workload, qint64 from, qint64 count,
          qint64 *payloadBytes)
{
    for (qint64 n = from; n < from + count; ++n) {
        // Checked once per 1,000 messages: pendingCount() takes the writer's lock, and a
        // short sleep (not a spin) leaves the CPU to the writer on a busy machine.
        while (n % 1000 == 0 && writer.pendingCount() > 50000)
            QThread::usleep(200);
        StoredMessage message = workload.message(1, n);
        *payloadBytes += message.payload.size();
        writer.enqueue(std::move(message));
    }
}

// CPU time of the whole process (all threads), in seconds: under a loaded machine this is
// a fairer comparison of the two writers than wall time.
double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Counts what an export writes and throws it away.
class NullDevice : public QIODevice
{
public:
    qint64 bytes = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        bytes += len;
        return len;
    }
};

double medianMs(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("MQTT Desk storage benchmark"));
    parser.addHelpOption();
    QCommandLineOption messagesOption(QStringLiteral("messages"),
                                      QStringLiteral("Messages stored for the read figures."),
                                      QStringLiteral("n"), QStringLiteral("1000000"));
    QCommandLineOption rateOption(QStringLiteral("rate-messages"),
                                  QStringLiteral("Messages written for the write-rate figures."),
                                  QStringLiteral("n"), QStringLiteral("500000"));
    QCommandLineOption tenMillionOption(QStringLiteral("rss-10m"),
                                        QStringLiteral("Also write up to 10M messages and compare "
                                                       "the RSS at 1M and 10M (long)."));
    QCommandLineOption dirOption(QStringLiteral("dir"),
                                 QStringLiteral("Directory for the database files."),
                                 QStringLiteral("dir"));
    QCommandLineOption writeOnlyOption(QStringLiteral("write-only"),
                                       QStringLiteral("Only the write-rate figures (for perf)."));
    QCommandLineOption skipReferenceOption(QStringLiteral("skip-reference"),
                                           QStringLiteral("Leave out the reference (for perf)."));
    parser.addOptions({messagesOption, rateOption, tenMillionOption, dirOption, writeOnlyOption,
                       skipReferenceOption});
    parser.process(app);
    const qint64 total = parser.value(messagesOption).toLongLong();
    const qint64 rateMessages = qMin(total, parser.value(rateOption).toLongLong());

    QTemporaryDir tempDir;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : tempDir.path();
    const QString referencePath = dir + QStringLiteral("/reference.sqlite");
    const QString writerPath = dir + QStringLiteral("/writer.sqlite");
    QFile::remove(referencePath);
    QFile::remove(writerPath);
    if (!createSchema(writerPath))
        return 1;
    const BenchWorkload workload;

    // 1. Reference: the same messages as plain rows into a plain table (no index but the
    // rowid), bare SQLite, one transaction per 1,000 rows.
    double referenceRate = 0;
    double referenceCpuUs = 0;
    if (!parser.isSet(skipReferenceOption)) {
        ReferenceWriter reference(referencePath);
        if (!reference.isOpen())
            return 1;
        QElapsedTimer clock;
        clock.start();
        const double cpuStart = processCpuSeconds();
        for (qint64 n = 0; n < rateMessages; ++n) {
            if (!reference.write(workload.message(1, n)))
                return 1;
        }
        reference.finish();
        referenceRate = double(rateMessages) / (double(clock.nsecsElapsed()) / 1e9);
        referenceCpuUs = (processCpuSeconds() - cpuStart) * 1e6 / double(rateMessages);
    }
    QFile::remove(referencePath);
    QFile::remove(referencePath + QStringLiteral("-wal"));
    QFile::remove(referencePath + QStringLiteral("-shm"));

    // 2. MessageWriter: enqueue to committed.
    qint64 payloadBytes = 0;
    MessageWriter writer(writerPath);
    writer.start();
    QElapsedTimer clock;
    clock.start();
    const double cpuStart = processCpuSeconds();
    feed(writer, workload, 0, rateMessages, &payloadBytes);
    if (!writer.waitUntilIdle(600000))
        return 1;
    const double writerRate = double(rateMessages) / (double(clock.nsecsElapsed()) / 1e9);
    const double writerCpuUs = (processCpuSeconds() - cpuStart) * 1e6 / double(rateMessages);
    info("write.reference_cpu_per_message", referenceCpuUs, "us");
    info("write.writer_cpu_per_message", writerCpuUs, "us");
    info("write.reference_rate", referenceRate, "msg/s");
    report("write.writer_rate", writerRate, "msg/s", 100000, false);
    report("write.writer_vs_reference", writerRate / referenceRate, "x", 0.8, false);
    if (parser.isSet(writeOnlyOption))
        return 0;

    // 3. Fill up to `total` messages in the one profile, then let the background indexer
    // finish (the reads below would be correct without it, scanning the unindexed tail).
    feed(writer, workload, rateMessages, total - rateMessages, &payloadBytes);
    writer.waitUntilIdle(3600000);
    info("index.backlog_after_writes", double(writer.unindexedCount()), "rows");
    // Searches meanwhile, as the stream's would run (on another connection, the indexer
    // going on): rows above the watermark are scanned, so a word with no match reads every
    // payload of the backlog.
    {
        Database database(writerPath);
        if (database.open().isError())
            return 1;
        const MessageQuery query(database.connection());
        MessageFilter words;
        words.profileId = 1;
        words.text = QStringLiteral("fault");
        QElapsedTimer timer;
        timer.start();
        const qsizetype hits = query.fetch(words, PageRequest::newest(200)).messages.size();
        info("backlog.fts_first_200_hits", double(timer.nsecsElapsed()) / 1e6, "ms");
        info("backlog.fts_hits_returned", double(hits), "rows");
        words.text = QStringLiteral("nosuchword");
        info("backlog.rows_before_no_hit_search", double(writer.unindexedCount()), "rows");
        timer.restart();
        const qsizetype none = query.fetch(words, PageRequest::newest(200)).messages.size();
        info("backlog.fts_no_hit_page", double(timer.nsecsElapsed()) / 1e6, "ms");
        if (none != 0)
            return 1;
        words.text = QStringLiteral("fault");
        timer.restart();
        const qint64 faults = query.count(words);
        info("backlog.fts_count", double(timer.nsecsElapsed()) / 1e6, "ms");
        if (faults != (total + 42) / 50) // seq % 50 == 7
            return 1;
    }
    const qint64 backlog = writer.unindexedCount();
    QElapsedTimer indexClock;
    indexClock.start();
    const double indexCpuStart = processCpuSeconds();
    writer.waitUntilIndexed(3600000);
    const double indexSeconds = double(indexClock.nsecsElapsed()) / 1e9;
    info("index.backlog_at_catch_up", double(backlog), "rows");
    info("index.catch_up_rate", indexSeconds > 0 ? double(backlog) / indexSeconds : 0, "rows/s");
    if (backlog > 0)
        info("index.cpu_per_row", (processCpuSeconds() - indexCpuStart) * 1e6 / double(backlog),
             "us");
    const qint64 rssAtTotal = residentMemoryBytes();
    writer.stop();

    {
        Database database(writerPath);
        database.open();
        database.connection().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    const qint64 fileBytes = QFileInfo(writerPath).size();
    info("size.messages", double(total), "msgs");
    info("size.payload_avg", double(payloadBytes) / double(total), "B");
    report("size.overhead_per_message", double(fileBytes - payloadBytes) / double(total), "B", 150,
           true);

    // 4. Reads over the stored messages; medians of 5 runs, each on a freshly opened file.
    QList<double> openFetch;
    QList<double> fts;
    QList<double> topicNarrow;
    QList<double> topicWide;
    qsizetype ftsHits = 0;
    qsizetype narrowRows = 0;
    qsizetype wideRows = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        Database database(writerPath);
        if (database.open().isError())
            return 1;
        MessageQuery query(database.connection());
        MessageFilter filter;
        filter.profileId = 1;
        const MessagePage newest = query.fetch(filter, PageRequest::newest(200));
        openFetch << double(timer.nsecsElapsed()) / 1e6;
        if (newest.messages.size() != 200)
            return 1;

        MessageFilter text = filter;
        text.text = QStringLiteral("fault");
        timer.restart();
        ftsHits = query.fetch(text, PageRequest::newest(100)).messages.size();
        fts << double(timer.nsecsElapsed()) / 1e6;

        MessageFilter narrow = filter;
        narrow.topicFilter = QStringLiteral("site/3/device/+/temperature");
        timer.restart();
        narrowRows = query.fetch(narrow, PageRequest::newest(200)).messages.size();
        topicNarrow << double(timer.nsecsElapsed()) / 1e6;

        MessageFilter wide = filter;
        wide.topicFilter = QStringLiteral("site/+/device/+/temperature");
        timer.restart();
        wideRows = query.fetch(wide, PageRequest::newest(200)).messages.size();
        topicWide << double(timer.nsecsElapsed()) / 1e6;
    }
    report("read.open_and_newest_200", medianMs(openFetch), "ms", 50, true);
    report("read.fts_first_100_hits", medianMs(fts), "ms", 20, true);
    info("read.fts_hits_returned", double(ftsHits), "rows");
    report("read.topic_filter_20_topics", medianMs(topicNarrow), "ms", 50, true);
    info("read.topic_filter_20_rows", double(narrowRows), "rows");
    report("read.topic_filter_200_topics", medianMs(topicWide), "ms", 50, true);
    info("read.topic_filter_200_rows", double(wideRows), "rows");

    info("memory.rss_at_total", double(rssAtTotal) / 1048576.0, "MiB");

    // 5. Streaming export of everything as JSON Lines; RSS must not grow with the row count.
    {
        Database database(writerPath);
        database.open();
        NullDevice sink;
        sink.open(QIODevice::WriteOnly);
        HistoryExporter::Options options;
        options.filter.profileId = 1;
        const qint64 rssBefore = residentMemoryBytes();
        QElapsedTimer timer;
        timer.start();
        const double exportCpuStart = processCpuSeconds();
        const qint64 rows = HistoryExporter(database.connection()).exportTo(sink, options);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        info("export.jsonl_rows", double(rows), "rows");
        info("export.jsonl_rate", double(rows) / seconds, "rows/s");
        info("export.cpu_rate", double(rows) / (processCpuSeconds() - exportCpuStart), "rows/s");
        info("export.rss_growth", double(residentMemoryBytes() - rssBefore) / 1048576.0, "MiB");
    }
    if (parser.isSet(tenMillionOption)) {
        const qint64 big = 10'000'000;
        MessageWriter more(writerPath);
        more.start();
        // RSS at 1M is taken from this writer too, so both figures share one baseline.
        feed(more, workload, total, qMax<qint64>(0, 1'000'000 - total), &payloadBytes);
        more.waitUntilIdle(3600000);
        const qint64 rssAt1M = residentMemoryBytes();
        feed(more, workload, qMax<qint64>(total, 1'000'000), big - qMax<qint64>(total, 1'000'000),
             &payloadBytes);
        more.waitUntilIdle(3600000);
        const qint64 rssAt10M = residentMemoryBytes();
        more.stop();
        info("memory.rss_at_1m", double(rssAt1M) / 1048576.0, "MiB");
        info("memory.rss_at_10m", double(rssAt10M) / 1048576.0, "MiB");
        report("memory.rss_growth_1m_to_10m", double(rssAt10M - rssAt1M) / 1048576.0, "MiB", 50,
               true);
    }
    return 0;
}
