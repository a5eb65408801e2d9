#include "tests/request/test_responder.h"

#include "core/connection/connection.h"
#include "core/connection/connection_thread.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

namespace mqttdesk {

TestResponder::TestResponder(ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<ConnectionThread>(std::move(settings)))
{
    Connection *c = m_thread->connection();
    connect(c, &Connection::messagesReceived, this, [this, c](const MessageBatch &batch) {
        for (const ReceivedMessage &m : batch) {
            const PublishPacket &request = m.message;
            if (request.topic.contains(QLatin1String("/silent/")))
                continue;
            PublishPacket reply;
            reply.qos = QoS::AtLeastOnce;
            if (const auto responseTopic = request.properties.responseTopic()) {
                reply.topic = *responseTopic;
                reply.payload = QByteArrayLiteral("re: ") + request.payload;
                if (const auto correlation = request.properties.correlationData()) {
                    if (request.topic.contains(QLatin1String("/twice/"))) {
                        PublishPacket foreign = reply;
                        foreign.payload = QByteArrayLiteral("not yours");
                        foreign.properties.setCorrelationData(QByteArrayLiteral("other"));
                        c->publish(foreign);
                    }
                    reply.properties.setCorrelationData(*correlation);
                }
            } else {
                const QJsonObject o = QJsonDocument::fromJson(request.payload).object();
                reply.topic = o.value(QStringLiteral("reply_to")).toString();
                if (reply.topic.isEmpty())
                    continue;
                if (request.topic.contains(QLatin1String("/twice/"))) {
                    PublishPacket foreign = reply;
                    foreign.payload =
                        QJsonDocument(QJsonObject{{QStringLiteral("id"), QStringLiteral("other")}})
                            .toJson(QJsonDocument::Compact);
                    c->publish(foreign);
                }
                reply.payload =
                    QJsonDocument(QJsonObject{{QStringLiteral("id"), o.value(QStringLiteral("id"))},
                                              {QStringLiteral("echo"), o}})
                        .toJson(QJsonDocument::Compact);
            }
            c->publish(reply);
            ++m_answered;
        }
    });
}

TestResponder::~TestResponder() = default;

CompiledTemplate TestResponder::request(const QString &name, const QString &topic,
                                        const QString &payload)
{
    PublishTemplate t;
    t.name = name;
    t.topic = topic;
    t.payload = payload;
    t.qos = QoS::AtLeastOnce;
    return CompiledTemplate::compile(t, {});
}

bool TestResponder::start(const QString &filter, int timeoutMs)
{
    Connection *c = m_thread->connection();
    // The connection lives on its own thread: its signal may come before wait() begins, so a
    // signal already caught counts.
    QSignalSpy connected(c, &Connection::connected);
    c->connectToBroker();
    if (connected.isEmpty() && !connected.wait(timeoutMs))
        return false;
    QSignalSpy subscribed(c, &Connection::subscribeFinished);
    Subscription s;
    s.filter = filter;
    s.options.qos = QoS::AtLeastOnce;
    c->subscribe({s});
    return !subscribed.isEmpty() || subscribed.wait(timeoutMs);
}

} // namespace mqttdesk
