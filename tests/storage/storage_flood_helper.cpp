// Child process of tst_crash_safety: floods a MessageWriter and prints the highest
// committed id after every commit, until it is killed (or a safety bound is reached).
#include "core/storage/database.h"
#include "core/storage/message_writer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>

using namespace mqttdesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: storage_flood_helper DATABASE\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    {
        Database database(path);
        const StorageError error = database.open();
        if (error.isError()) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
    }
    MessageWriter writer(path);
    // Printed from the writer thread right after COMMIT returned.
    QObject::connect(
        &writer, &MessageWriter::rowsAppended, &writer,
        [](qint64, qint64, qint64 lastId, qint64) {
            std::printf("%lld\n", static_cast<long long>(lastId));
            std::fflush(stdout);
        },
        Qt::DirectConnection);
    writer.start();
    std::printf("ready\n");
    std::fflush(stdout);

    QElapsedTimer clock;
    clock.start();
    const QByteArray payload = QByteArrayLiteral("{\"temperature\": 21.5, \"unit\": \"C\"}");
    qint64 n = 0;
    // Bounded: the test kills us long before either limit.
    while (clock.elapsed() < 120'000 && n < 50'000'000) {
        if (writer.pendingCount() > 20000) {
            QThread::yieldCurrentThread();
            continue;
        }
        StoredMessage message;
        message.profileId = 1 + (n % 3);
        message.topic = QStringLiteral("flood/%1").arg(n % 100);
        message.payload = payload;
        message.receivedUs = 1'700'000'000'000'000 + n;
        writer.enqueue(std::move(message));
        ++n;
    }
    writer.stop();
    return 0;
}
