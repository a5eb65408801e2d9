// Child process of tst_store_before_ack and scripts/bench-kill: the app's receive path
// without its widgets (Connection -> StoringMessageSink -> MessageWriter), subscribed with
// a persistent session, until it is killed with SIGKILL or its time bound passes.
//
//   durable_subscriber DATABASE PORT CLIENT_ID FILTER VERSION [--ack-at-once] [--seconds N]
//                      [--subscribe-only] [--until ROWS] [--extra-sinks K]
//
// VERSION is 4 (3.1.1) or 5. Prints "subscribed" (new session), "resumed" (Session Present
// 1), "stored N" after every commit (N = the highest row id: rows are numbered from 1),
// "skipped N" when redeliveries of stored messages were not stored again, and
// "error TEXT" for connection errors. --subscribe-only disconnects (keeping the session)
// once subscribed; --until ROWS exits once ROWS rows are stored, printing
// "done MS" (milliseconds from CONNACK to that commit), for scripts/bench-kill.
// --extra-sinks K adds K more consumers of every batch (subscription counters with four
// filters each) beside storage, to measure what the fan-out costs ingest.
#include "core/connection/connection.h"
#include "core/storage/database.h"
#include "core/storage/message_writer.h"
#include "core/workspace/storing_message_sink.h"
#include "core/workspace/subscription_counter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <memory>

using namespace mqttdesk;

namespace {

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 6) {
        std::fprintf(stderr, "usage: durable_subscriber DATABASE PORT CLIENT_ID FILTER VERSION "
                             "[--ack-at-once] [--seconds N]\n");
        return 2;
    }
    const QString path = args.at(1);
    const QString filter = args.at(4);
    const ProtocolVersion version =
        args.at(5) == QStringLiteral("5") ? ProtocolVersion::V5 : ProtocolVersion::V311;
    const bool ackAtOnce = args.contains(QStringLiteral("--ack-at-once"));
    const bool subscribeOnly = args.contains(QStringLiteral("--subscribe-only"));
    qint64 until = -1;
    if (const qsizetype i = args.indexOf(QStringLiteral("--until")); i > 0 && i + 1 < args.size())
        until = args.at(i + 1).toLongLong();
    int extraSinks = 0;
    if (const qsizetype i = args.indexOf(QStringLiteral("--extra-sinks"));
        i > 0 && i + 1 < args.size())
        extraSinks = args.at(i + 1).toInt();
    int seconds = 300;
    if (const qsizetype i = args.indexOf(QStringLiteral("--seconds")); i > 0 && i + 1 < args.size())
        seconds = args.at(i + 1).toInt();
    {
        Database database(path);
        const StorageError error = database.open();
        if (error.isError()) {
            say("error " + error.message.toUtf8());
            return 1;
        }
    }
    MessageWriter writer(path);
    QElapsedTimer sinceConnack;
    std::atomic_bool doneSaid = false;
    QObject::connect(
        &writer, &MessageWriter::rowsAppended, &writer,
        [&](qint64, qint64, qint64 lastId, qint64) {
            say("stored " + QByteArray::number(lastId));
            if (until >= 0 && lastId >= until && !doneSaid.exchange(true)) {
                say("done " + QByteArray::number(sinceConnack.elapsed()));
                QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
            }
        },
        Qt::DirectConnection);
    writer.start();

    ConnectionSettings settings;
    settings.name = QStringLiteral("durable");
    settings.transport.host = QStringLiteral("127.0.0.1");
    settings.transport.port = quint16(args.at(2).toUInt());
    settings.session.version = version;
    settings.session.clientId = args.at(3);
    settings.session.cleanStart = false;
    if (version == ProtocolVersion::V5)
        settings.session.sessionExpiryInterval = 86400;
    settings.session.keepAliveSeconds = 10;
    settings.session.reconnect.enabled = true;
    settings.session.reconnect.initialDelayMs = 100;
    settings.session.reconnect.maximumDelayMs = 1000;
    settings.session.acknowledgeAfterStore = !ackAtOnce;

    auto sink = std::make_shared<StoringMessageSink>(&writer, 1, version);
    Connection connection(settings);
    connection.addMessageSink(sink);
    QList<std::shared_ptr<SubscriptionCounter>> counters;
    for (int i = 0; i < extraSinks; ++i) {
        auto counter = std::make_shared<SubscriptionCounter>();
        counter->setFilters({{1, filter},
                             {2, QStringLiteral("#")},
                             {3, QStringLiteral("+/+/n")},
                             {4, QStringLiteral("other/+/x/#")}});
        connection.addMessageSink(counter);
        counters.append(counter);
    }
    QObject::connect(&connection, &Connection::connected, &connection,
                     [&](const ConnackInfo &info) {
                         if (!sinceConnack.isValid())
                             sinceConnack.start();
                         if (info.sessionPresent) {
                             say("resumed");
                             return;
                         }
                         Subscription subscription;
                         subscription.filter = filter;
                         subscription.options.qos = QoS::AtLeastOnce;
                         connection.subscribe({subscription});
                     });
    QObject::connect(&connection, &Connection::subscribeFinished, &connection,
                     [&](quint64, const SubscribeResult &result) {
                         say(result.error ? "error subscribe refused" : "subscribed");
                         if (subscribeOnly) {
                             connection.disconnectFromBroker();
                             QTimer::singleShot(200, &app, &QCoreApplication::quit);
                         }
                     });
    QObject::connect(&connection, &Connection::errorOccurred, &connection,
                     [](const ConnectionError &error) { say("error " + error.message.toUtf8()); });
    qint64 skippedSaid = 0;
    QObject::connect(&connection, &Connection::messagesReceived, &connection,
                     [&](const MessageBatch &) {
                         if (sink->redeliveriesSkipped() != skippedSaid) {
                             skippedSaid = sink->redeliveriesSkipped();
                             say("skipped " + QByteArray::number(skippedSaid));
                         }
                     });
    connection.connectToBroker();
    // Bounded: the test kills us long before.
    QTimer::singleShot(seconds * 1000, &app, [&] {
        connection.disconnectFromBroker();
        QTimer::singleShot(500, &app, &QCoreApplication::quit);
    });
    const int rc = app.exec();
    writer.stop();
    return rc;
}
