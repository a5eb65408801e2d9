// mqttdesk-bench-seed --data-dir DIR [--profiles N] [--messages M]
//
// Fills an app data directory for scripts/bench-startup (never run by ctest): N saved
// connections (default 20) in three folders plus the top level, and M stored messages
// (default 1,000,000) written through the app's own MessageWriter and indexed, as the app
// leaves them. Three in four messages belong to the first connection, the one the app shows
// at start; the rest are spread over the others. Payloads mix one-line text, JSON, longer
// JSON, binary and, now and then, a 100 KB payload in storage's side table.
#include "core/profile/connection_profile.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/workspace/profile_repository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <cstdio>

using namespace mqttdesk;

namespace {

QByteArray payloadFor(qint64 i)
{
    const int kind = int(i % 100);
    if (kind < 45)
        return "reading " + QByteArray::number(i) + " temperature=21.5 unit=C ok";
    if (kind < 75) {
        return "{\"id\": " + QByteArray::number(i) +
               ", \"temperature\": 21.5, \"humidity\": 40, \"ok\": true}";
    }
    if (kind < 85) {
        QByteArray json = "{\n";
        for (int k = 0; k < 20; ++k)
            json += "  \"field" + QByteArray::number(k) + "\": " + QByteArray::number(i + k) +
                    (k < 19 ? ",\n" : "\n");
        return json + "}";
    }
    if (i % 10000 == 99)
        return QByteArray(100 * 1024, 'x');
    QByteArray binary(48, Qt::Uninitialized);
    for (int k = 0; k < binary.size(); ++k)
        binary[k] = char((i * 31 + k * 7) & 0xff);
    return binary;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dirOption(QStringLiteral("data-dir"), QString(),
                                       QStringLiteral("dir"));
    const QCommandLineOption profilesOption(QStringLiteral("profiles"), QString(),
                                            QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"), QString(),
                                            QStringLiteral("n"), QStringLiteral("1000000"));
    parser.addOptions({dirOption, profilesOption, messagesOption});
    parser.process(app);
    const QString dir = parser.value(dirOption);
    const int profiles = qMax(1, parser.value(profilesOption).toInt());
    const qint64 messages = qMax<qint64>(0, parser.value(messagesOption).toLongLong());
    if (dir.isEmpty()) {
        std::fprintf(stderr, "mqttdesk-bench-seed: --data-dir is required\n");
        return 1;
    }
    if (const DataDirectoryError problem = DataDirectory::ensureExists(dir); problem.isError()) {
        std::fprintf(stderr, "mqttdesk-bench-seed: %s\n", qPrintable(problem.message()));
        return 1;
    }
    const QString path = DataDirectory::databasePath(dir);
    Database database(path);
    if (const StorageError error = database.open(); error.isError()) {
        std::fprintf(stderr, "mqttdesk-bench-seed: %s\n", qPrintable(error.message));
        return 1;
    }

    const ProfileRepository repository(database.connection());
    const QStringList folders{QString(), QStringLiteral("Plant A"), QStringLiteral("Plant B"),
                              QStringLiteral("Lab")};
    QList<qint64> ids;
    for (int p = 0; p < profiles; ++p) {
        ConnectionProfile profile;
        profile.name = QStringLiteral("Broker %1").arg(p + 1, 2, 10, QLatin1Char('0'));
        profile.folder = folders.at(p % folders.size());
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = quint16(20000 + p);
        StorageError error;
        const qint64 id = repository.create(profile, &error);
        if (id == 0) {
            std::fprintf(stderr, "mqttdesk-bench-seed: %s\n", qPrintable(error.message));
            return 1;
        }
        ids.append(id);
    }

    MessageWriter writer(path);
    writer.start();
    QElapsedTimer timer;
    timer.start();
    const qint64 firstUs = (QDateTime::currentMSecsSinceEpoch() - 86400000) * 1000;
    for (qint64 i = 0; i < messages; ++i) {
        StoredMessage m;
        m.profileId =
            (i % 4 != 0 || ids.size() == 1) ? ids.first() : ids.at(1 + (i / 4) % (ids.size() - 1));
        m.topic = QStringLiteral("plant/line-%1/station-%2/%3")
                      .arg(i % 7)
                      .arg(i % 13)
                      .arg(i % 3 == 0 ? QStringLiteral("temperature") : QStringLiteral("status"));
        m.payload = payloadFor(i);
        m.qos = quint8(i % 3);
        m.receivedUs = firstUs + i * 50000; // 20 a second over the last day or so
        while (!writer.enqueue(m)) {
            if (!writer.waitUntilIdle(60000)) {
                std::fprintf(stderr, "mqttdesk-bench-seed: the writer does not drain\n");
                return 1;
            }
        }
        if ((i + 1) % 200000 == 0)
            std::fprintf(stderr, "  stored %lld of %lld (%.1f s)\n", (long long)(i + 1),
                         (long long)messages, double(timer.elapsed()) / 1000.0);
    }
    const bool indexed = writer.waitUntilIndexed(900000);
    writer.stop();
    if (!indexed || writer.lastError().isError()) {
        std::fprintf(stderr, "mqttdesk-bench-seed: storing failed: %s\n",
                     qPrintable(writer.lastError().message));
        return 1;
    }
    std::printf("seeded %d connections and %lld messages in %.1f s\n", profiles,
                (long long)messages, double(timer.elapsed()) / 1000.0);
    return 0;
}
