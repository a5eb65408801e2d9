#pragma once

#include "core/publish/compiled_template.h"
#include "core/request/request_options.h"
#include "core/request/request_record.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>

#include <deque>
#include <memory>

namespace mqttdesk {

class Connection;
struct PublishOutcome;
struct SubscribeResult;
struct ReceivedMessage;

// Request/response over one Connection. send() expands a template with one set of message
// values, subscribes to the response topic (once per topic while requests wait on it), and
// only after the SUBACK publishes the request: with 5.0 it carries the Response Topic and the
// Correlation Data properties [MQTT-3.3.2-14]. The reply is the first message on the response
// topic whose Correlation Data (5.0), or whose payload's JSON member `correlationField`,
// equals the request's; its round-trip time runs from the hand-off of the PUBLISH to the
// connection until the reply arrives. A request without a reply in timeoutMs times out. The
// response topic is unsubscribed when no request waits on it any more.
//
// Keeps the latest historyLimit() requests, newest last. Lives on the caller's thread.
class RequestClient : public QObject
{
    Q_OBJECT
public:
    explicit RequestClient(Connection *connection, QObject *parent = nullptr);
    ~RequestClient() override;

    // What {{client_id}} expands to.
    void setClientId(const QString &clientId) { m_clientId = clientId; }
    void setProtocolVersion(ProtocolVersion version) { m_version = version; }
    void setHistoryLimit(int limit) { m_limit = qMax(1, limit); }
    int historyLimit() const { return m_limit; }

    // Sends `message` as a request, {{counter}} taking `counter`, the option texts expanded
    // with `variables`. The request's id; 0 with `error` saying why nothing was sent (a
    // variable error in the options, a response topic that is not a topic name, a message the
    // expansion made invalid).
    quint64 send(const CompiledTemplate &message, const RequestOptions &options, quint64 counter,
                 const QHash<QString, QString> &variables, QString *error);

    const std::deque<RequestRecord> &records() const { return m_records; }
    const RequestRecord *record(quint64 id) const;
    // Requests still waiting for a SUBACK or a reply.
    int pendingCount() const;

signals:
    // A new request is in records() (the oldest may have been dropped to keep the limit).
    void requestAdded(quint64 id);
    // Its status changed; requestFinished() follows when it is done.
    void requestChanged(quint64 id);
    void requestFinished(quint64 id);

private:
    struct Pending
    {
        quint64 id = 0;
        RequestOptions options;
        QElapsedTimer clock;
        std::unique_ptr<QTimer> timeout;
    };
    struct ResponseTopic
    {
        int users = 0;           // pending requests on it
        bool subscribed = false; // the SUBACK came
        quint64 subscribeToken = 0;
    };

    RequestRecord *find(quint64 id);
    void publishRequest(quint64 id);
    void finish(quint64 id, RequestRecord::Status status, const QString &error = {});
    void release(const QString &topic);
    void onSubscribeFinished(quint64 token, const SubscribeResult &result);
    void onPublishFinished(quint64 token, const PublishOutcome &outcome);
    void onMessages(const QList<ReceivedMessage> &batch);
    bool matches(const RequestRecord &record, const Pending &pending,
                 const PublishPacket &reply) const;
    void trim();

    QPointer<Connection> m_connection;
    QString m_clientId;
    ProtocolVersion m_version = ProtocolVersion::V5;
    int m_limit = 200;
    quint64 m_nextId = 1;
    std::deque<RequestRecord> m_records;
    QHash<quint64, std::shared_ptr<Pending>> m_pending;
    QHash<QString, ResponseTopic> m_topics;
    QHash<quint64, quint64> m_publishTokens; // publish token → request id
    QRandomGenerator m_random;
};

} // namespace mqttdesk
