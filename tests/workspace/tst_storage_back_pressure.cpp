// Back-pressure from storage to the network: a server floods QoS 0 messages faster than the
// history writer stores them (here: a writer that does not drain until the test starts it,
// with a queue of 20,000). The connection stops reading at half the queue, so the flood waits
// in the socket (TCP flow control) instead of being dropped; once the writer drains, every
// message is stored, in order, none dropped. The flood comes from FakeBroker: a real broker
// would pace itself or drop QoS 0 for a slow client, which is what this must not depend on.
#include "core/connection/connection.h"
#include "core/protocol/codec.h"
#include "core/storage/data_directory.h"
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/storage/profile_store.h"
#include "core/workspace/storing_message_sink.h"
#include "tests/connection/fake_broker.h"
#include "tests/connection/test_settings.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace mqttdesk;

class TstStorageBackPressure : public QObject
{
    Q_OBJECT
private slots:
    void aFloodWaitsForStorageInsteadOfBeingDropped()
    {
        constexpr int kMessages = 100000;
        constexpr qsizetype kQueue = 20000;
        QTemporaryDir dir;
        const QString path = DataDirectory::databasePath(dir.path());
        qint64 profileId = 0;
        {
            Database database(path);
            QVERIFY(!database.open().isError());
            StoredProfile profile;
            profile.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            profile.name = QStringLiteral("back-pressure");
            StorageError error;
            profileId = ProfileStore(database.connection()).create(profile, &error);
            QVERIFY2(profileId > 0, qPrintable(error.message));
        }
        MessageWriter::Options options;
        options.queueCapacity = kQueue;
        MessageWriter writer(path, options); // not started: nothing drains yet

        FakeBroker broker;
        QVERIFY(broker.listen());
        ConnectionSettings settings = TestSettings::forPort(broker.port(), ProtocolVersion::V311);
        settings.session.keepAliveSeconds = 0; // the pause below is as long as the test wants
        Connection connection(settings);
        connection.setPacketLogging(false);
        connection.addMessageSink(
            std::make_shared<StoringMessageSink>(&writer, profileId, ProtocolVersion::V311));
        QSignalSpy connected(&connection, &Connection::connected);
        QSignalSpy log(&connection, &Connection::logMessage);
        connection.connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);

        // 200-byte payloads: one read of the transport's bounded buffer (1 MiB) is about
        // 5,000 messages, well inside the half of the queue left when the pause begins.
        QByteArray flood;
        for (int i = 0; i < kMessages; ++i) {
            PublishPacket publish;
            publish.topic = QStringLiteral("bp/flood");
            publish.payload = QByteArray::number(i).rightJustified(200, '0');
            flood += encode(Packet{publish}, ProtocolVersion::V311);
        }
        QVERIFY(broker.sendRaw(flood));

        const auto paused = [&] {
            for (const QList<QVariant> &args : std::as_const(log)) {
                if (args.at(0).value<ConnectionLogEntry>().text.contains(
                        QStringLiteral("reading from the server paused")))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(paused(), 20000);
        const qsizetype held = writer.pendingCount();
        QVERIFY2(held >= kQueue / 2 && held <= kQueue, qPrintable(QString::number(held)));
        QCOMPARE(writer.counters(profileId).dropped, 0);

        writer.start();
        QTRY_COMPARE_WITH_TIMEOUT(writer.counters(profileId).stored, qint64(kMessages), 60000);
        QCOMPARE(writer.counters(profileId).dropped, 0);
        writer.stop();

        // Every message once, in order.
        Database database(path);
        QVERIFY(!database.open().isError());
        QSqlQuery query(database.connection().database());
        QVERIFY(query.exec(QStringLiteral("SELECT payload FROM messages ORDER BY id")));
        int expected = 0;
        while (query.next()) {
            QCOMPARE(query.value(0).toByteArray().toInt(), expected);
            ++expected;
        }
        QCOMPARE(expected, kMessages);
    }
};

QTEST_GUILESS_MAIN(TstStorageBackPressure)
#include "tst_storage_back_pressure.moc"
